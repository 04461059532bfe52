package org.epaworkbench.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.store.SignedRecords.SignedRecord;

/**
 * The rows sync packages carry, read and written as they are stored: apprentices with their
 * update time, sessions with every event (and the device that recorded it), signed record entries.
 * An import is applied in one transaction and is idempotent: rows are keyed by id, events are never
 * changed, an apprentice keeps its most recently updated version.
 */
public final class SyncStore implements ImportLedger {

    /** An apprentice row as stored. Dates are ISO text or null. */
    public record ApprenticeRow(String id, String name, String uln, String employer, String trainingProvider,
            String planId, String apprenticeshipStart, String gatewayDate, String createdAt, String updatedAt) {
    }

    /** A session's identity, as its index row holds it. */
    public record SessionHeader(String id, String apprenticeId, String planId, String componentId, String attempt,
            String createdAt) {
    }

    /**
     * An event as packages carry it: the stored payload, untouched, with its place in the session's
     * hash chain ({@code ownerKey} only on the first event, see {@link EventChain}).
     */
    public record EventRow(String id, String sessionId, long seq, String deviceId, String type, String at,
            long sessionTimeMillis, String payload, String prevHash, String hash, String ownerKey) {

        /** The hash of this event's content, given its {@code prevHash} and owner. */
        public String computedHash() {
            return EventChain.hash(sessionId, id, seq, deviceId, type, at, sessionTimeMillis, payload, prevHash,
                    seq == 1 ? ownerKey : null);
        }
    }

    /** Everything one package brings, checked and ready to apply. */
    public record ImportBatch(String packageId, String deviceId, String createdAt, String certificateFingerprint,
            List<ApprenticeRow> apprentices, List<SessionHeader> sessions, List<EventRow> events, List<SignedRecord> records,
            String signerName, String assessorKey) {
    }

    /** What applying a batch changed. */
    /** {@code proposedChanges}: apprentice fields the package would change but its signer does not own (kept for review). */
    public record Applied(int newApprentices, int updatedApprentices, int newSessions, int newEvents, int newRecords,
            List<String> conflictedSessions, boolean packageSeenBefore, int proposedChanges, List<String> proposedFor) {
    }

    private final Database database;

    public SyncStore(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }

    // ---------------------------------------------------------------- reading for export

    @Override
    public Optional<SessionHeader> header(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT id, apprentice_id, plan_id, component_id, attempt, created_at "
                + "FROM session WHERE id = ?", rs -> new SessionHeader(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6)), sessionId));
    }

    /**
     * Every stored event of a session, alternatives included, for a package; the log is checked
     * against its chain first ({@link SessionLogChanged} if it was changed outside the app).
     */
    @Override
    public List<EventRow> events(String sessionId) throws SQLException {
        return database.inTransaction(c -> {
            SessionStore.checked(c, sessionId);
            return Sql.query(c, "SELECT * FROM session_event WHERE session_id = ? ORDER BY seq, event_id", SyncStore::eventRow,
                    sessionId);
        });
    }

    /** Every stored event of a session as it is stored, unchecked (for comparing with what a package brings). */
    @Override
    public List<EventRow> storedEvents(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM session_event WHERE session_id = ? ORDER BY seq, event_id",
                SyncStore::eventRow, sessionId));
    }

    private static EventRow eventRow(java.sql.ResultSet rs) throws SQLException {
        return new EventRow(rs.getString("event_id"), rs.getString("session_id"), rs.getLong("seq"),
                rs.getString("device_id"), rs.getString("type"), rs.getString("at"), rs.getLong("session_time_ms"),
                rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("owner_key"));
    }

    /** See {@link SessionStore#bindUnowned}: before a package is made, every session recorded here has its owner. */
    public int bindUnowned(String ownerKey) throws SQLException {
        return database.inTransaction(c -> SessionStore.bindUnownedIn(c, ownerKey));
    }

    @Override
    public List<ApprenticeRow> apprentices(Set<String> ids) throws SQLException {
        List<ApprenticeRow> rows = new ArrayList<>();
        for (String id : ids) {
            database.inTransaction(c -> Sql.one(c, "SELECT * FROM apprentice WHERE id = ?", rs -> new ApprenticeRow(
                    rs.getString("id"), rs.getString("name"), rs.getString("uln"), rs.getString("employer"),
                    rs.getString("training_provider"), rs.getString("plan_id"), rs.getString("apprenticeship_start"),
                    rs.getString("gateway_date"), rs.getString("created_at"), rs.getString("updated_at")), id))
                    .ifPresent(rows::add);
        }
        return rows;
    }

    /*
     * The outbox holds only what was recorded or signed in this data folder: sessions with events this
     * device recorded, records signed here. Records and sessions imported from other assessors'
     * packages are never exported again under this folder's signature. A session travels with its
     * whole log, so a session this device added to carries the events it imported too.
     */

    private static final String OWN_DEVICE = "(SELECT value FROM setting WHERE key = 'device.id')";

    /** Sessions (not sample data) with events recorded here that are not yet in any package. */
    public List<String> sessionsWithUnexportedEvents() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT s.id FROM session s LEFT JOIN session_export x "
                + "ON x.session_id = s.id WHERE s.sample = 0 AND EXISTS (SELECT 1 FROM session_event e WHERE "
                + "e.session_id = s.id AND e.device_id = " + OWN_DEVICE + " AND e.seq > COALESCE(x.exported_seq, 0)) "
                + "ORDER BY s.created_at, s.id", rs -> rs.getString(1)));
    }

    /** Sessions with an event recorded here at or after {@code since} (times compared as instants, not as text). */
    public List<String> sessionsChangedSince(Instant since) throws SQLException {
        List<String[]> rows = database.inTransaction(c -> Sql.query(c, "SELECT DISTINCT s.id, e.at FROM session s "
                + "JOIN session_event e ON e.session_id = s.id WHERE s.sample = 0 AND e.device_id = " + OWN_DEVICE
                + " ORDER BY s.id", rs -> new String[] {rs.getString(1), rs.getString(2)}));
        Set<String> ids = new LinkedHashSet<>();
        for (String[] r : rows) {
            if (!Instant.parse(r[1]).isBefore(since)) {
                ids.add(r[0]);
            }
        }
        return new ArrayList<>(ids);
    }

    /** Every session (not sample data) with an event recorded here. */
    public List<String> allSessions() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT s.id FROM session s WHERE s.sample = 0 AND EXISTS "
                + "(SELECT 1 FROM session_event e WHERE e.session_id = s.id AND e.device_id = " + OWN_DEVICE + ") "
                + "ORDER BY s.created_at, s.id", rs -> rs.getString(1)));
    }

    public List<SignedRecord> pendingRecords() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM signed_record WHERE sample = 0 AND exported_at IS NULL "
                + "AND imported_package IS NULL ORDER BY signed_at", SignedRecords::row));
    }

    /** Records signed here at or after {@code since} (compared as instants). */
    public List<SignedRecord> recordsSignedSince(Instant since) throws SQLException {
        return allRecords().stream().filter(r -> !r.signedAt().isBefore(since)).toList();
    }

    /** Every record signed here (not sample data, not imported). */
    public List<SignedRecord> allRecords() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM signed_record WHERE sample = 0 "
                + "AND imported_package IS NULL ORDER BY signed_at", SignedRecords::row));
    }

    // ---------------------------------------------------------------- what is here already (for an import's checks)

    /** A stored event, by id. */
    @Override
    public Optional<EventRow> event(String eventId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM session_event WHERE event_id = ?", SyncStore::eventRow,
                eventId));
    }

    /** The certificate a session imported here belongs to; empty for a session recorded here (or unknown). */
    @Override
    public Optional<String> owner(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT certificate_fingerprint FROM session_owner WHERE session_id = ?",
                rs -> rs.getString(1), sessionId));
    }

    /** The key a session here belongs to, as its first event names it; empty if none does. */
    @Override
    public Optional<String> ownerKey(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT owner_key FROM session_event WHERE session_id = ? AND seq = 1 "
                + "AND owner_key IS NOT NULL ORDER BY event_id LIMIT 1", rs -> rs.getString(1), sessionId));
    }

    /** A stored signed record, by id. */
    @Override
    public Optional<SignedRecord> record(String id) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM signed_record WHERE id = ?", SignedRecords::row, id));
    }

    /** Notes that a package holding these sessions (up to their current last event) and records was written. */
    public void markExported(String packageId, String fileName, Instant at, List<String> sessionIds, List<String> recordIds,
            boolean encrypted) throws SQLException {
        database.inTransaction(c -> {
            for (String id : sessionIds) {
                Sql.update(c, "INSERT INTO session_export (session_id, exported_seq, package_id, exported_at) "
                        + "SELECT id, last_seq, ?, ? FROM session WHERE id = ? ON CONFLICT(session_id) DO UPDATE SET "
                        + "exported_seq = excluded.exported_seq, package_id = excluded.package_id, exported_at = excluded.exported_at",
                        packageId, at.toString(), id);
            }
            for (String id : recordIds) {
                Sql.update(c, "UPDATE signed_record SET exported_package = ?, exported_at = ? WHERE id = ?",
                        packageId, at.toString(), id);
            }
            Sql.update(c, "INSERT INTO package_exported (package_id, file_name, created_at, sessions, records, encrypted) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", packageId, fileName, at.toString(), sessionIds.size(), recordIds.size(), encrypted);
            return null;
        });
    }

    /** Exported packages, newest first. */
    public record ExportedPackage(String packageId, String fileName, Instant createdAt, int sessions, int records,
            boolean encrypted, Instant uploadedAt) {
    }

    public List<ExportedPackage> exportedPackages() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM package_exported ORDER BY created_at DESC",
                rs -> new ExportedPackage(rs.getString("package_id"), rs.getString("file_name"),
                        Instant.parse(rs.getString("created_at")), rs.getInt("sessions"), rs.getInt("records"),
                        rs.getInt("encrypted") == 1, rs.getString("uploaded_at") == null ? null
                        : Instant.parse(rs.getString("uploaded_at")))));
    }

    /** The package reached the organisation: its records are marked uploaded. Returns false for an unknown package. */
    public boolean markUploaded(String packageId, Instant at) throws SQLException {
        return database.inTransaction(c -> {
            int n = Sql.update(c, "UPDATE package_exported SET uploaded_at = ? WHERE package_id = ?", at.toString(), packageId);
            Sql.update(c, "UPDATE signed_record SET uploaded_at = ? WHERE exported_package = ?", at.toString(), packageId);
            return n == 1;
        });
    }

    // ---------------------------------------------------------------- signer register

    /** A pinned assessor certificate. */
    public record PinnedSigner(String assessorKey, String fingerprint, String subject, String certificatePem,
            Instant pinnedAt, String how) {
    }

    @Override
    public Optional<PinnedSigner> pinned(String assessorKey) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM signer_register WHERE assessor_key = ?",
                SyncStore::signer, assessorKey));
    }

    @Override
    public List<PinnedSigner> register() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM signer_register ORDER BY assessor_key", SyncStore::signer));
    }

    public void addSigner(PinnedSigner s) throws SQLException {
        database.inTransaction(c -> Sql.update(c, "INSERT INTO signer_register (assessor_key, certificate_fingerprint, subject, "
                + "certificate_pem, pinned_at, how) VALUES (?, ?, ?, ?, ?, ?)", s.assessorKey(), s.fingerprint(), s.subject(),
                s.certificatePem(), s.pinnedAt().toString(), s.how()));
    }

    public boolean removeSigner(String assessorKey) throws SQLException {
        return database.inTransaction(c -> Sql.update(c, "DELETE FROM signer_register WHERE assessor_key = ?", assessorKey)) == 1;
    }

    private static PinnedSigner signer(java.sql.ResultSet rs) throws SQLException {
        return new PinnedSigner(rs.getString("assessor_key"), rs.getString("certificate_fingerprint"), rs.getString("subject"),
                rs.getString("certificate_pem"), Instant.parse(rs.getString("pinned_at")), rs.getString("how"));
    }

    // ---------------------------------------------------------------- apprentice provenance

    /** Each field of an apprentice with who last changed it and when (see {@link ApprenticeProvenance}). */
    public List<ApprenticeProvenance.Field> apprenticeFields(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> ApprenticeProvenance.fields(c, apprenticeId));
    }

    /** The certificate that owns an apprentice (its package first brought it); empty: recorded here. */
    public Optional<String> apprenticeOwner(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> ApprenticeProvenance.owner(c, apprenticeId));
    }

    /** Changes proposed for apprentices by signers who do not own them; {@code openOnly}: those not yet decided. */
    public List<ApprenticeProvenance.Proposal> apprenticeProposals(boolean openOnly) throws SQLException {
        return database.inTransaction(c -> ApprenticeProvenance.proposals(c, openOnly));
    }

    /** Accepts (applies, as a change made here) or rejects an open proposal; empty when there is no open one of that id. */
    public Optional<ApprenticeProvenance.Proposal> decideProposal(String id, boolean accept, String reason, Instant now)
            throws SQLException {
        SessionSummaries summaries = database.summaries();
        summaries.prepare();
        return database.inTransaction(c -> {
            Optional<ApprenticeProvenance.Proposal> decided = ApprenticeProvenance.decide(c, id, accept, reason, now);
            if (accept && decided.isPresent()) {
                // accepting a change of plan changes which sessions are graded, and by what
                summaries.regrade(c, decided.get().apprenticeId());
            }
            return decided;
        });
    }

    // ---------------------------------------------------------------- organisation roots

    /** An organisation root certificate this data folder trusts. */
    public record TrustedRoot(String fingerprint, String subject, String certificatePem, Instant addedAt) {
    }

    @Override
    public List<TrustedRoot> trustedRoots() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM trusted_root ORDER BY added_at, fingerprint",
                rs -> new TrustedRoot(rs.getString("fingerprint"), rs.getString("subject"), rs.getString("certificate_pem"),
                        Instant.parse(rs.getString("added_at")))));
    }

    /** Adds a root; returns false when it was there already (nothing changed). */
    public boolean addTrustedRoot(TrustedRoot root) throws SQLException {
        return database.inTransaction(c -> Sql.update(c, "INSERT INTO trusted_root (fingerprint, subject, certificate_pem, "
                + "added_at) VALUES (?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING", root.fingerprint(), root.subject(),
                root.certificatePem(), root.addedAt().toString())) == 1;
    }

    public boolean removeTrustedRoot(String fingerprint) throws SQLException {
        return database.inTransaction(c -> Sql.update(c, "DELETE FROM trusted_root WHERE fingerprint = ?", fingerprint)) == 1;
    }

    // ---------------------------------------------------------------- applying an import

    /**
     * Applies a checked batch in one transaction. {@code pin}, when given, is added to the register in
     * the same transaction (trust on first use). Nothing is changed if anything fails.
     */
    @Override
    public Applied apply(ImportBatch batch, PinnedSigner pin, Instant now) throws SQLException {
        SessionSummaries summaries = database.summaries();
        summaries.prepare();
        return database.inTransaction(c -> applyIn(c, batch, pin, now, summaries));
    }

    /** What applying the batch would change, without changing anything (the transaction is rolled back). */
    @Override
    public Applied preview(ImportBatch batch, PinnedSigner pin, Instant now) throws SQLException {
        SessionSummaries summaries = database.summaries();
        summaries.prepare();
        return DryRun.preview(database::inTransaction, c -> applyIn(c, batch, pin, now, summaries));
    }

    private static Applied applyIn(java.sql.Connection c, ImportBatch batch, PinnedSigner pin, Instant now,
            SessionSummaries summaries) throws SQLException {
        {
            boolean seen = Sql.one(c, "SELECT 1 FROM package_imported WHERE package_id = ?", rs -> true, batch.packageId())
                    .isPresent();
            if (pin != null) {
                Sql.update(c, "INSERT INTO signer_register (assessor_key, certificate_fingerprint, subject, certificate_pem, "
                        + "pinned_at, how) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(assessor_key) DO NOTHING", pin.assessorKey(),
                        pin.fingerprint(), pin.subject(), pin.certificatePem(), now.toString(), pin.how());
            }
            int newApprentices = 0;
            int updatedApprentices = 0;
            int proposedChanges = 0;
            List<String> proposedFor = new ArrayList<>();
            Set<String> regrade = new LinkedHashSet<>();
            for (ApprenticeRow a : batch.apprentices()) {
                // see ApprenticeProvenance: the owner's later changes apply field by field, anyone else's are proposals
                ApprenticeProvenance.Merged m = ApprenticeProvenance.merge(c, a, batch.certificateFingerprint(),
                        batch.signerName(), batch.packageId(), now);
                if (m.created()) {
                    newApprentices++;
                } else if (m.fieldsChanged() > 0) {
                    updatedApprentices++;
                    // the change may be of the apprentice's plan
                    regrade.add(a.id());
                }
                if (m.proposals() > 0) {
                    proposedChanges += m.proposals();
                    proposedFor.add(a.id());
                }
            }
            int newSessions = 0;
            for (SessionHeader s : batch.sessions()) {
                int n = Sql.update(c, "INSERT INTO session (id, apprentice_id, plan_id, component_id, attempt, status, "
                        + "last_seq, sample, created_at) VALUES (?, ?, ?, ?, ?, 'PLANNED', 0, 0, ?) ON CONFLICT(id) DO NOTHING",
                        s.id(), s.apprenticeId(), s.planId(), s.componentId(), s.attempt(), s.createdAt());
                if (n == 1) {
                    // a session new here belongs to the certificate that signed the package bringing it
                    Sql.update(c, "INSERT INTO session_owner (session_id, certificate_fingerprint, package_id, owned_since) "
                            + "VALUES (?, ?, ?, ?)", s.id(), batch.certificateFingerprint(), batch.packageId(), now.toString());
                }
                newSessions += n;
            }
            int newEvents = 0;
            Set<String> touched = new LinkedHashSet<>();
            for (EventRow e : batch.events()) {
                int n = Sql.update(c, "INSERT INTO session_event (event_id, session_id, seq, device_id, type, at, session_time_ms, "
                        + "payload, prev_hash, hash, owner_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        e.id(), e.sessionId(), e.seq(), e.deviceId(), e.type(), e.at(), e.sessionTimeMillis(), e.payload(),
                        e.prevHash(), e.hash(), e.seq() == 1 ? e.ownerKey() : null);
                if (n == 1) {
                    newEvents++;
                    touched.add(e.sessionId());
                }
            }
            List<String> conflicted = new ArrayList<>();
            for (String id : touched) {
                SessionStore.refreshIndex(c, id);
                if (!SessionStore.conflictsIn(c, id).isEmpty()) {
                    conflicted.add(id);
                }
                Sql.one(c, "SELECT apprentice_id FROM session WHERE id = ?", rs -> rs.getString(1), id).ifPresent(regrade::add);
            }
            for (String apprentice : regrade) {
                summaries.regrade(c, apprentice);
            }
            int newRecords = 0;
            for (SignedRecord r : batch.records()) {
                newRecords += Sql.update(c, "INSERT INTO signed_record (id, kind, session_id, apprentice_id, file_name, sha256, "
                        + "size_bytes, signed_at, certificate_fingerprint, sample, imported_package) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT(id) DO NOTHING", r.id(), r.kind(), r.sessionId(),
                        r.apprenticeId(), r.fileName(), r.sha256(), r.sizeBytes(), r.signedAt().toString(),
                        r.certificateFingerprint(), batch.packageId());
            }
            Sql.update(c, "INSERT INTO package_imported (package_id, device_id, created_at, certificate_fingerprint, imported_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(package_id) DO NOTHING", batch.packageId(), batch.deviceId(),
                    batch.createdAt(), batch.certificateFingerprint(), now.toString());
            return new Applied(newApprentices, updatedApprentices, newSessions, newEvents, newRecords, conflicted, seen,
                    proposedChanges, proposedFor);
        }
    }

    /** Whether an incoming apprentice version is later than the stored one: by time as an instant, then by content. */
    static boolean later(String incomingAt, String incoming, String currentAt, String current) {
        int byTime = Instant.parse(incomingAt).compareTo(Instant.parse(currentAt));
        return byTime != 0 ? byTime > 0 : (incomingAt + "|" + incoming).compareTo(currentAt + "|" + current) > 0;
    }
}
