package org.epaworkbench.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.SyncStore.Applied;
import org.epaworkbench.store.SyncStore.ApprenticeRow;
import org.epaworkbench.store.SyncStore.EventRow;
import org.epaworkbench.store.SyncStore.ImportBatch;
import org.epaworkbench.store.SyncStore.PinnedSigner;
import org.epaworkbench.store.SyncStore.SessionHeader;
import org.epaworkbench.store.SyncStore.TrustedRoot;

/**
 * What a package import is checked against and applied to (ADR 13): the signers and roots trusted,
 * the sessions, events, records and apprentices already here, and one transaction that applies a
 * checked batch. The desktop's data folder ({@link SyncStore}) is one ledger; the organisation's intake
 * service ({@code intake.IntakeLedger}, PostgreSQL or SQLite) is another, so both refuse the same
 * packages for the same reasons.
 */
public interface ImportLedger {

    /** A session here, by id. */
    Optional<SessionHeader> header(String sessionId) throws SQLException;

    /** The sessions here among {@code sessionIds}, by id (those not here are left out). */
    default java.util.Map<String, SessionHeader> headers(java.util.Collection<String> sessionIds) throws SQLException {
        java.util.Map<String, SessionHeader> found = new java.util.HashMap<>();
        for (String id : sessionIds) {
            header(id).ifPresent(h -> found.put(id, h));
        }
        return found;
    }

    /**
     * Every event of a session here, checked against its hash chain first ({@link SessionLogChanged}
     * if the stored log was changed outside the app).
     */
    List<EventRow> events(String sessionId) throws SQLException;

    /** Every event of a session as stored, unchecked (for comparing with what a package brings). */
    List<EventRow> storedEvents(String sessionId) throws SQLException;

    /** A stored event, by id. */
    Optional<EventRow> event(String eventId) throws SQLException;

    /**
     * The events here among {@code eventIds}, by id (those not here are left out). A ledger on a database
     * across a network answers in one query rather than one per event.
     */
    default java.util.Map<String, EventRow> events(java.util.Collection<String> eventIds) throws SQLException {
        java.util.Map<String, EventRow> found = new java.util.HashMap<>();
        for (String id : eventIds) {
            event(id).ifPresent(e -> found.put(id, e));
        }
        return found;
    }

    /** The apprentices here among {@code ids}. */
    List<ApprenticeRow> apprentices(Set<String> ids) throws SQLException;

    /** The certificate a session brought by a package belongs to; empty for a session recorded here (or unknown). */
    Optional<String> owner(String sessionId) throws SQLException;

    /** The key a session here belongs to, as its first event names it; empty if none does. */
    Optional<String> ownerKey(String sessionId) throws SQLException;

    /** A stored signed record, by id. */
    Optional<SignedRecord> record(String id) throws SQLException;

    /** The certificate pinned for an assessor, if any. */
    Optional<PinnedSigner> pinned(String assessorKey) throws SQLException;

    /** Every pinned assessor certificate. */
    List<PinnedSigner> register() throws SQLException;

    /** The organisation root certificates trusted here. */
    List<TrustedRoot> trustedRoots() throws SQLException;

    /**
     * Applies a checked batch in one transaction; {@code pin}, when given, is added to the register in
     * the same transaction. Nothing is changed if anything fails.
     */
    Applied apply(ImportBatch batch, PinnedSigner pin, Instant now) throws SQLException;

    /** What applying the batch would change, without changing anything. */
    Applied preview(ImportBatch batch, PinnedSigner pin, Instant now) throws SQLException;
}
