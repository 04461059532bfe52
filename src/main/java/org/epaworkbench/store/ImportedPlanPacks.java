package org.epaworkbench.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.epaworkbench.packs.PlanPackShelf;

/** Plan packs imported into this data folder, stored as the JSON text they were validated from. */
public final class ImportedPlanPacks implements PlanPackShelf {

    private final Database database;
    private final Clock clock;

    public ImportedPlanPacks(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<StoredPack> all() throws SQLException {
        return database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, json, source_name, sha256, imported_at FROM imported_plan_pack ORDER BY id");
                 ResultSet rs = st.executeQuery()) {
                List<StoredPack> packs = new ArrayList<>();
                while (rs.next()) {
                    packs.add(new StoredPack(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
                return packs;
            }
        });
    }

    @Override
    public boolean exists(String id) throws SQLException {
        return database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM imported_plan_pack WHERE id = ?")) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Stores a validated pack, replacing an earlier import with the same id. */
    @Override
    public StoredPack save(String id, String json, String sourceName) throws SQLException {
        StoredPack pack = new StoredPack(id, json, sourceName, sha256(json), clock.instant().toString());
        database.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO imported_plan_pack (id, json, source_name, sha256, imported_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT(id) DO UPDATE SET json = excluded.json, source_name = excluded.source_name, "
                            + "sha256 = excluded.sha256, imported_at = excluded.imported_at")) {
                st.setString(1, pack.id());
                st.setString(2, pack.json());
                st.setString(3, pack.sourceName());
                st.setString(4, pack.sha256());
                st.setString(5, pack.importedAt());
                return st.executeUpdate();
            }
        });
        return pack;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
