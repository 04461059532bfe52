package org.epaworkbench.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.epaworkbench.store.SyncStore.ApprenticeRow;

/**
 * Apprentice data shared between data folders, with provenance (issue 12, finding 4).
 *
 * <ul>
 * <li>An apprentice belongs to the certificate whose package first brought it, as a session does;
 *     one created in this data folder belongs here.</li>
 * <li>Each field keeps who last changed it (a certificate, or this data folder) and when.</li>
 * <li>A package from the owner changes a field only if its change is later than the field's last
 *     change (times as instants; equal times ordered by content, so import order does not matter).</li>
 * <li>A package from anyone else changes nothing: each field it would change is kept as an open
 *     proposal, for a person to accept or reject ({@code apprentice proposals}).</li>
 * </ul>
 * Times in the future beyond a small clock skew are refused before anything is applied (see
 * {@link #MAX_CLOCK_SKEW}), so no change can be dated to win every later correction.
 */
public final class ApprenticeProvenance {

    /** How far ahead of this computer's clock a change may be dated (clocks differ a little). */
    public static final java.time.Duration MAX_CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** The fields, as their columns are named, with their names in words. */
    public static final Map<String, String> FIELDS;

    static {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "name");
        f.put("uln", "ULN");
        f.put("employer", "employer");
        f.put("training_provider", "training provider");
        f.put("plan_id", "plan");
        f.put("apprenticeship_start", "apprenticeship start");
        f.put("gateway_date", "gateway date");
        FIELDS = java.util.Collections.unmodifiableMap(f);
    }

    /** Who changed a field here: this data folder. */
    public static final String HERE = "this data folder";

    private ApprenticeProvenance() {
    }

    /** What merging one incoming apprentice did. */
    public record Merged(boolean created, int fieldsChanged, int proposals) {
    }

    /** One field's value and its last change. {@code changedBy} is a certificate's SHA-256, or null for this data folder. */
    public record Field(String field, String value, Instant changedAt, String changedBy, String changedByName, String packageId) {
        public String words() {
            return FIELDS.getOrDefault(field, field);
        }
    }

    /** A change kept for review. */
    public record Proposal(String id, String apprenticeId, String apprenticeName, String field, String currentValue,
            String proposedValue, Instant proposedAt, String proposedBy, String proposedByName, String packageId, String status,
            Instant decidedAt, String reason) {
        public String words() {
            return FIELDS.getOrDefault(field, field);
        }
    }

    static Map<String, String> values(ApprenticeRow a) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", a.name());
        v.put("uln", a.uln());
        v.put("employer", a.employer());
        v.put("training_provider", a.trainingProvider());
        v.put("plan_id", a.planId());
        v.put("apprenticeship_start", a.apprenticeshipStart());
        v.put("gateway_date", a.gatewayDate());
        return v;
    }

    static ApprenticeRow row(ResultSet rs) throws SQLException {
        return new ApprenticeRow(rs.getString("id"), rs.getString("name"), rs.getString("uln"), rs.getString("employer"),
                rs.getString("training_provider"), rs.getString("plan_id"), rs.getString("apprenticeship_start"),
                rs.getString("gateway_date"), rs.getString("created_at"), rs.getString("updated_at"));
    }

    /**
     * Merges an apprentice a package brought, signed by {@code signer} (a certificate's SHA-256,
     * {@code signerName} in words), in the caller's transaction.
     */
    static Merged merge(Connection c, ApprenticeRow a, String signer, String signerName, String packageId, Instant now)
            throws SQLException {
        Optional<ApprenticeRow> current = Sql.one(c, "SELECT * FROM apprentice WHERE id = ?", ApprenticeProvenance::row, a.id());
        Map<String, String> incoming = values(a);
        if (current.isEmpty()) {
            Sql.update(c, "INSERT INTO apprentice (id, name, uln, employer, training_provider, plan_id, "
                    + "apprenticeship_start, gateway_date, sample, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    a.id(), a.name(), a.uln(), a.employer(), a.trainingProvider(), a.planId(), a.apprenticeshipStart(),
                    a.gatewayDate(), a.createdAt(), a.updatedAt());
            Sql.update(c, "INSERT INTO apprentice_owner (apprentice_id, certificate_fingerprint, package_id, owned_since) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT(apprentice_id) DO NOTHING", a.id(), signer, packageId, now.toString());
            for (String field : FIELDS.keySet()) {
                setField(c, a.id(), field, a.updatedAt(), signer, signerName, packageId);
            }
            return new Merged(true, 0, 0);
        }
        Optional<String> owner = owner(c, a.id());
        boolean owns = owner.isPresent() && owner.get().equals(signer);
        Map<String, String> here = values(current.get());
        int changed = 0;
        int proposed = 0;
        for (String field : FIELDS.keySet()) {
            String mine = here.get(field);
            String theirs = incoming.get(field);
            if (Objects.equals(mine, theirs)) {
                continue;
            }
            if (!owns) {
                proposed += Sql.update(c, "INSERT INTO apprentice_proposal (id, apprentice_id, field, proposed_value, proposed_at, "
                        + "proposed_by, proposed_by_name, package_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                        proposalId(a.id(), field, theirs, signer, a.updatedAt()), a.id(), field, theirs, a.updatedAt(), signer,
                        signerName, packageId);
                continue;
            }
            String fieldAt = Sql.one(c, "SELECT changed_at FROM apprentice_field WHERE apprentice_id = ? AND field = ?",
                    rs -> rs.getString(1), a.id(), field).orElse(current.get().updatedAt());
            if (SyncStore.later(a.updatedAt(), nz(theirs), fieldAt, nz(mine))) {
                Sql.update(c, "UPDATE apprentice SET " + column(field) + " = ? WHERE id = ?", theirs, a.id());
                setField(c, a.id(), field, a.updatedAt(), signer, signerName, packageId);
                changed++;
            }
        }
        if (changed > 0 && Instant.parse(a.updatedAt()).isAfter(Instant.parse(current.get().updatedAt()))) {
            Sql.update(c, "UPDATE apprentice SET updated_at = ? WHERE id = ?", a.updatedAt(), a.id());
        }
        return new Merged(false, changed, proposed);
    }

    /** Records a change made in this data folder (the app's apprentice form), field by field, in the caller's transaction. */
    static void changedHere(Connection c, ApprenticeRow before, ApprenticeRow after, Instant now) throws SQLException {
        Map<String, String> old = before == null ? null : values(before);
        Map<String, String> now2 = values(after);
        for (String field : FIELDS.keySet()) {
            if (old == null || !Objects.equals(old.get(field), now2.get(field))) {
                setField(c, after.id(), field, now.toString(), null, HERE, null);
            }
        }
    }

    private static void setField(Connection c, String apprenticeId, String field, String at, String by, String byName,
            String packageId) throws SQLException {
        Sql.update(c, "INSERT INTO apprentice_field (apprentice_id, field, changed_at, changed_by, changed_by_name, package_id) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(apprentice_id, field) DO UPDATE SET changed_at = excluded.changed_at, "
                + "changed_by = excluded.changed_by, changed_by_name = excluded.changed_by_name, package_id = excluded.package_id",
                apprenticeId, field, at, by, byName, packageId);
    }

    static Optional<String> owner(Connection c, String apprenticeId) throws SQLException {
        return Sql.one(c, "SELECT certificate_fingerprint FROM apprentice_owner WHERE apprentice_id = ?", rs -> rs.getString(1),
                apprenticeId);
    }

    /** Each field of an apprentice with its last change (a field never recorded shows the row's creation, by its owner). */
    static List<Field> fields(Connection c, String apprenticeId) throws SQLException {
        Optional<ApprenticeRow> row = Sql.one(c, "SELECT * FROM apprentice WHERE id = ?", ApprenticeProvenance::row, apprenticeId);
        if (row.isEmpty()) {
            return List.of();
        }
        Optional<String> owner = owner(c, apprenticeId);
        Map<String, String> values = values(row.get());
        List<Field> out = new ArrayList<>();
        for (String field : FIELDS.keySet()) {
            Optional<Field> f = Sql.one(c, "SELECT * FROM apprentice_field WHERE apprentice_id = ? AND field = ?",
                    rs -> new Field(field, values.get(field), Instant.parse(rs.getString("changed_at")), rs.getString("changed_by"),
                            rs.getString("changed_by_name"), rs.getString("package_id")), apprenticeId, field);
            out.add(f.orElse(new Field(field, values.get(field), Instant.parse(row.get().updatedAt()), owner.orElse(null),
                    owner.isPresent() ? "its owner (certificate " + owner.get() + ")" : HERE, null)));
        }
        return out;
    }

    static List<Proposal> proposals(Connection c, boolean openOnly) throws SQLException {
        return Sql.query(c, "SELECT p.*, a.name AS apprentice_name, a.name AS cur_name, a.uln AS cur_uln, a.employer AS "
                + "cur_employer, a.training_provider AS cur_training_provider, a.plan_id AS cur_plan_id, a.apprenticeship_start "
                + "AS cur_apprenticeship_start, a.gateway_date AS cur_gateway_date FROM apprentice_proposal p JOIN apprentice a "
                + "ON a.id = p.apprentice_id" + (openOnly ? " WHERE p.status = 'open'" : "")
                + " ORDER BY p.proposed_at, p.apprentice_id, p.field, p.id", rs -> new Proposal(rs.getString("id"),
                        rs.getString("apprentice_id"), rs.getString("apprentice_name"), rs.getString("field"),
                        rs.getString("cur_" + rs.getString("field")), rs.getString("proposed_value"),
                        Instant.parse(rs.getString("proposed_at")), rs.getString("proposed_by"), rs.getString("proposed_by_name"),
                        rs.getString("package_id"), rs.getString("status"),
                        rs.getString("decided_at") == null ? null : Instant.parse(rs.getString("decided_at")), rs.getString("reason")));
    }

    /**
     * Accepts or rejects an open proposal. Accepting applies the proposed value as a change made in
     * this data folder now, naming whose proposal it was. Returns the proposal as it was, or empty
     * when there is no open proposal of that id.
     */
    static Optional<Proposal> decide(Connection c, String id, boolean accept, String reason, Instant now) throws SQLException {
        Optional<Proposal> open = proposals(c, true).stream().filter(p -> p.id().equals(id)).findFirst();
        if (open.isEmpty()) {
            return open;
        }
        Proposal p = open.get();
        Sql.update(c, "UPDATE apprentice_proposal SET status = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'open'",
                accept ? "accepted" : "rejected", now.toString(), reason, id);
        if (accept) {
            Sql.update(c, "UPDATE apprentice SET " + column(p.field()) + " = ?, updated_at = ? WHERE id = ?", p.proposedValue(),
                    now.toString(), p.apprenticeId());
            setField(c, p.apprenticeId(), p.field(), now.toString(), null, HERE + ", accepting " + p.proposedByName()
                    + "'s proposal", p.packageId());
        }
        return open;
    }

    /** Only the fixed column names: never text from a package. */
    private static String column(String field) {
        if (!FIELDS.containsKey(field)) {
            throw new IllegalArgumentException("not an apprentice field: " + field);
        }
        return field;
    }

    /** The same proposal from the same signer at the same time has the same id, so importing twice keeps one. */
    static String proposalId(String apprenticeId, String field, String value, String signer, String at) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String s : new String[] {apprenticeId, field, value == null ? "\u0000" : value, signer,
                    Instant.parse(at).toString()}) {
                d.update(s.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
