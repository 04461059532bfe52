package org.epaworkbench.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.epaworkbench.packs.PlanPackShelf;
import org.epaworkbench.store.Sql;

/**
 * Plan packs the organisation imported into the intake service ({@code serve plans import}), kept in its
 * database as the JSON text they were validated from, so the service knows the plans the office's desktops know.
 */
public final class IntakePlanPacks implements PlanPackShelf {

    private final IntakeDatabase database;
    private final Clock clock;

    public IntakePlanPacks(IntakeDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<StoredPack> all() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT id, json, source_name, sha256, imported_at FROM intake_plan_pack "
                + "ORDER BY id", rs -> new StoredPack(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5))));
    }

    /** Each stored pack's id and SHA-256, in order: changes whenever a pack is imported or replaced. */
    public List<String> versions() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT id, sha256 FROM intake_plan_pack ORDER BY id",
                rs -> rs.getString(1) + "=" + rs.getString(2)));
    }

    @Override
    public boolean exists(String id) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT id FROM intake_plan_pack WHERE id = ?", rs -> rs.getString(1), id))
                .isPresent();
    }

    /** Stores a validated pack, replacing an earlier import with the same id. */
    @Override
    public StoredPack save(String id, String json, String sourceName) throws SQLException {
        StoredPack pack = new StoredPack(id, json, sourceName, sha256(json), clock.instant().toString());
        database.inTransaction(c -> Sql.update(c, "INSERT INTO intake_plan_pack (id, json, source_name, sha256, imported_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, source_name = "
                + "excluded.source_name, sha256 = excluded.sha256, imported_at = excluded.imported_at", pack.id(), pack.json(),
                pack.sourceName(), pack.sha256(), pack.importedAt()));
        return pack;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
