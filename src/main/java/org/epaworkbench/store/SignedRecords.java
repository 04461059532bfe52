package org.epaworkbench.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The signed PDF records kept in the data folder's {@code records/} and whether they have been exported. */
public final class SignedRecords {

    /**
     * One signed record file. {@code fileName} is relative to the records folder. {@code importedFrom}
     * is the package a record was imported from (null for a record signed here): imported records
     * are never in this data folder's outbox.
     */
    public record SignedRecord(String id, String kind, String sessionId, String apprenticeId, String fileName,
            String sha256, long sizeBytes, Instant signedAt, String certificateFingerprint, boolean sample,
            String exportedPackage, Instant exportedAt, Instant uploadedAt, String importedFrom) {

        public boolean exported() {
            return exportedAt != null;
        }

        public boolean imported() {
            return importedFrom != null;
        }
    }

    private final Database database;

    public SignedRecords(Database database) {
        this.database = database;
    }

    /** The folder signed PDFs are written to. */
    public Path folder() {
        return database.directory().root().resolve("records");
    }

    /** Stores a record; one of a sample apprentice or a sample session is sample data whatever {@code r.sample()} says. */
    public void add(SignedRecord r) throws SQLException {
        database.inTransaction(c -> Sql.update(c,
                "INSERT INTO signed_record (id, kind, session_id, apprentice_id, file_name, sha256, size_bytes, signed_at, "
                        + "certificate_fingerprint, sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "? OR EXISTS (SELECT 1 FROM apprentice WHERE id = ? AND sample = 1) "
                        + "OR EXISTS (SELECT 1 FROM session WHERE id = ? AND sample = 1))",
                r.id(), r.kind(), r.sessionId(), r.apprenticeId(), r.fileName(), r.sha256(), r.sizeBytes(),
                r.signedAt().toString(), r.certificateFingerprint(), r.sample(), r.apprenticeId(), r.sessionId()));
    }

    public List<SignedRecord> all() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM signed_record ORDER BY signed_at", SignedRecords::row));
    }

    public List<SignedRecord> forSession(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.query(c,
                "SELECT * FROM signed_record WHERE session_id = ? ORDER BY signed_at", SignedRecords::row, sessionId));
    }

    public Optional<SignedRecord> byId(String id) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM signed_record WHERE id = ?", SignedRecords::row, id));
    }

    static SignedRecord row(ResultSet rs) throws SQLException {
        return new SignedRecord(rs.getString("id"), rs.getString("kind"), rs.getString("session_id"),
                rs.getString("apprentice_id"), rs.getString("file_name"), rs.getString("sha256"), rs.getLong("size_bytes"),
                Instant.parse(rs.getString("signed_at")), rs.getString("certificate_fingerprint"), rs.getInt("sample") == 1,
                rs.getString("exported_package"), instant(rs.getString("exported_at")), instant(rs.getString("uploaded_at")),
                rs.getString("imported_package"));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
