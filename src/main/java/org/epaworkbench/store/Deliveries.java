package org.epaworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where each package made for the organisation's intake service stands (ADR 13): waiting (with its
 * attempts and the last problem), delivered (only with the service's signed receipt for its exact
 * bytes, which is kept), or refused (with the service's reason: trying again would not help).
 */
public final class Deliveries {

    /** One package's delivery. */
    public record Delivery(String packageId, String file, String sha256, long sizeBytes, State state, int attempts,
            Instant lastAttemptAt, Instant nextAttemptAt, String problem, String receipt, String receiptSignature,
            Instant receivedAt) {
    }

    /** Where a delivery stands. */
    public enum State {
        WAITING, DELIVERED, REFUSED
    }

    private final Database database;

    public Deliveries(Database database) {
        this.database = database;
    }

    /** A package file made for delivery, waiting to go. */
    public void add(String packageId, String file, String sha256, long sizeBytes) throws SQLException {
        database.inTransaction(c -> Sql.update(c, "INSERT INTO package_delivery (package_id, file, sha256, size_bytes, state) "
                + "VALUES (?, ?, ?, ?, 'waiting')", packageId, file, sha256, sizeBytes));
    }

    public List<Delivery> all() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT d.* FROM package_delivery d JOIN package_exported e "
                + "ON e.package_id = d.package_id ORDER BY e.created_at, d.package_id", Deliveries::row));
    }

    public List<Delivery> waiting() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT d.* FROM package_delivery d JOIN package_exported e "
                + "ON e.package_id = d.package_id WHERE d.state = 'waiting' ORDER BY e.created_at, d.package_id",
                Deliveries::row));
    }

    public Optional<Delivery> of(String packageId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM package_delivery WHERE package_id = ?", Deliveries::row,
                packageId));
    }

    /** An attempt that did not reach the service (or was cut off): when to try again, and why. */
    public void attemptFailed(String packageId, Instant at, Instant next, String problem) throws SQLException {
        database.inTransaction(c -> Sql.update(c, "UPDATE package_delivery SET attempts = attempts + 1, last_attempt_at = ?, "
                + "next_attempt_at = ?, problem = ? WHERE package_id = ? AND state = 'waiting'", at.toString(), next.toString(),
                problem, packageId));
    }

    /** The service refused the package: kept with its reason, never sent again by itself. */
    public void refused(String packageId, Instant at, String reason) throws SQLException {
        database.inTransaction(c -> Sql.update(c, "UPDATE package_delivery SET attempts = attempts + 1, last_attempt_at = ?, "
                + "next_attempt_at = NULL, problem = ?, state = 'refused' WHERE package_id = ? AND state = 'waiting'",
                at.toString(), reason, packageId));
    }

    /**
     * A refused package to be sent again (the assessor chose to, once the office fixed the cause: imported
     * the plan, registered them): waiting again, due now, its last reason kept as its last problem. False
     * when the package is not refused.
     */
    public boolean again(String packageId) throws SQLException {
        return database.inTransaction(c -> Sql.update(c, "UPDATE package_delivery SET state = 'waiting', next_attempt_at = NULL "
                + "WHERE package_id = ? AND state = 'refused'", packageId)) == 1;
    }

    /**
     * Delivered: the receipt (already checked for this package's bytes) stored, and the package marked
     * uploaded, in one transaction.
     */
    public void delivered(String packageId, Instant at, String receiptBase64, String signatureBase64, Instant receivedAt)
            throws SQLException {
        database.inTransaction(c -> {
            Sql.update(c, "UPDATE package_delivery SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = NULL, "
                    + "problem = NULL, state = 'delivered', receipt = ?, receipt_signature = ?, received_at = ? "
                    + "WHERE package_id = ?", at.toString(), receiptBase64, signatureBase64, receivedAt.toString(), packageId);
            return Sql.update(c, "UPDATE package_exported SET uploaded_at = ? WHERE package_id = ? AND uploaded_at IS NULL",
                    at.toString(), packageId);
        });
    }

    private static Delivery row(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString("package_id"), rs.getString("file"), rs.getString("sha256"), rs.getLong("size_bytes"),
                State.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)), rs.getInt("attempts"),
                instant(rs.getString("last_attempt_at")), instant(rs.getString("next_attempt_at")), rs.getString("problem"),
                rs.getString("receipt"), rs.getString("receipt_signature"), instant(rs.getString("received_at")));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
