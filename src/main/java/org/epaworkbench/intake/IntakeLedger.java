package org.epaworkbench.intake;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.store.DryRun;
import org.epaworkbench.store.EventChain;
import org.epaworkbench.store.ImportLedger;
import org.epaworkbench.store.SessionLogChanged;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.Sql;
import org.epaworkbench.store.SyncStore.Applied;
import org.epaworkbench.store.SyncStore.ApprenticeRow;
import org.epaworkbench.store.SyncStore.EventRow;
import org.epaworkbench.store.SyncStore.ImportBatch;
import org.epaworkbench.store.SyncStore.PinnedSigner;
import org.epaworkbench.store.SyncStore.SessionHeader;
import org.epaworkbench.store.SyncStore.TrustedRoot;

/**
 * The intake service's ledger (ADR 13): the same questions the desktop import asks of a data folder,
 * answered from the intake tables, and a checked package applied in one transaction together with
 * its row in {@code intake_package}. The service records no sessions itself, so it has no certificate
 * of its own that sessions belong to.
 */
public final class IntakeLedger implements ImportLedger {

    /** The package being received: its exact bytes' hash and size. */
    public record Receiving(String sha256, long sizeBytes) {
    }

    private final IntakeDatabase database;
    private final Receiving receiving;
    /**
     * While one package is checked (a receiving ledger lives for one package): sessions and their stored logs
     * as first read, so the import's several checks of a session ask the database once. The apply re-checks
     * ownership inside its own transaction, so nothing here decides what is kept.
     */
    private final Map<String, Optional<SessionHeader>> headersRead = new java.util.HashMap<>();
    private final Map<String, List<EventRow>> logsRead = new java.util.HashMap<>();
    /** Rows per query when many ids are looked up or inserted at once. */
    static final int CHUNK = 500;

    public IntakeLedger(IntakeDatabase database) {
        this(database, null);
    }

    private IntakeLedger(IntakeDatabase database, Receiving receiving) {
        this.database = database;
        this.receiving = receiving;
    }

    /** This ledger for applying one delivered package: its row is written in the same transaction. */
    public IntakeLedger receiving(Receiving what) {
        return new IntakeLedger(database, Objects.requireNonNull(what));
    }

    public IntakeDatabase database() {
        return database;
    }

    // ---------------------------------------------------------------- what is here already

    @Override
    public Optional<SessionHeader> header(String sessionId) throws SQLException {
        if (receiving != null && headersRead.containsKey(sessionId)) {
            return headersRead.get(sessionId);
        }
        Optional<SessionHeader> h = database.inTransaction(c -> Sql.one(c, "SELECT id, apprentice_id, plan_id, component_id, "
                + "attempt, created_at FROM intake_session WHERE id = ?", rs -> new SessionHeader(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), sessionId));
        if (receiving != null) {
            headersRead.put(sessionId, h);
        }
        return h;
    }

    @Override
    public Map<String, SessionHeader> headers(java.util.Collection<String> sessionIds) throws SQLException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(sessionIds));
        Map<String, SessionHeader> found = new java.util.HashMap<>();
        database.inTransaction(c -> {
            for (List<String> chunk : chunks(ids)) {
                for (SessionHeader h : Sql.query(c, "SELECT id, apprentice_id, plan_id, component_id, attempt, created_at "
                        + "FROM intake_session WHERE id IN (" + marks(chunk.size()) + ")", rs -> new SessionHeader(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                        chunk.toArray())) {
                    found.put(h.id(), h);
                }
            }
            return null;
        });
        if (receiving != null) {
            for (String id : ids) {
                headersRead.put(id, Optional.ofNullable(found.get(id)));
            }
        }
        return found;
    }

    @Override
    public List<EventRow> events(String sessionId) throws SQLException {
        List<EventRow> rows = storedEvents(sessionId);
        List<EventChain.Link> links = new ArrayList<>(rows.size());
        for (EventRow r : rows) {
            links.add(new EventChain.Link(r.id(), r.seq(), r.type(), r.at(), r.prevHash(), r.hash(), r.ownerKey(),
                    r.computedHash()));
        }
        EventChain.Walk walk = EventChain.walk(links, Map.of());
        if (walk.broken() != null) {
            throw new SessionLogChanged(sessionId, walk.broken());
        }
        return rows;
    }

    @Override
    public List<EventRow> storedEvents(String sessionId) throws SQLException {
        if (receiving != null) {
            Optional<SessionHeader> h = headersRead.get(sessionId);
            if (h != null && h.isEmpty()) {
                return List.of(); // no session here, so no events of it (intake_event refers to intake_session)
            }
            List<EventRow> read = logsRead.get(sessionId);
            if (read != null) {
                return new ArrayList<>(read);
            }
        }
        List<EventRow> rows = database.inTransaction(c -> Sql.query(c, "SELECT * FROM intake_event WHERE session_id = ? "
                + "ORDER BY seq, event_id", IntakeLedger::eventRow, sessionId));
        if (receiving != null) {
            logsRead.put(sessionId, List.copyOf(rows));
        }
        return rows;
    }

    @Override
    public Map<String, EventRow> events(java.util.Collection<String> eventIds) throws SQLException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(eventIds));
        Map<String, EventRow> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        database.inTransaction(c -> {
            for (List<String> chunk : chunks(ids)) {
                for (EventRow r : Sql.query(c, "SELECT * FROM intake_event WHERE event_id IN (" + marks(chunk.size()) + ")",
                        IntakeLedger::eventRow, chunk.toArray())) {
                    found.put(r.id(), r);
                }
            }
            return null;
        });
        return found;
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    @Override
    public Optional<EventRow> event(String eventId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM intake_event WHERE event_id = ?", IntakeLedger::eventRow,
                eventId));
    }

    private static EventRow eventRow(ResultSet rs) throws SQLException {
        return new EventRow(rs.getString("event_id"), rs.getString("session_id"), rs.getLong("seq"),
                rs.getString("device_id"), rs.getString("type"), rs.getString("at"), rs.getLong("session_time_ms"),
                rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("owner_key"));
    }

    @Override
    public List<ApprenticeRow> apprentices(Set<String> ids) throws SQLException {
        List<ApprenticeRow> rows = new ArrayList<>();
        for (String id : ids) {
            database.inTransaction(c -> apprentice(c, id)).ifPresent(rows::add);
        }
        return rows;
    }

    private static Optional<ApprenticeRow> apprentice(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM intake_apprentice WHERE id = ?", IntakeLedger::apprenticeRow, id);
    }

    private static ApprenticeRow apprenticeRow(ResultSet rs) throws SQLException {
        return new ApprenticeRow(rs.getString("id"), rs.getString("name"), rs.getString("uln"), rs.getString("employer"),
                rs.getString("training_provider"), rs.getString("plan_id"), rs.getString("apprenticeship_start"),
                rs.getString("gateway_date"), rs.getString("created_at"), rs.getString("updated_at"));
    }

    @Override
    public Optional<String> owner(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT owner_fingerprint FROM intake_session WHERE id = ?",
                rs -> rs.getString(1), sessionId));
    }

    @Override
    public Optional<String> ownerKey(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT owner_key FROM intake_event WHERE session_id = ? AND seq = 1 "
                + "AND owner_key IS NOT NULL ORDER BY event_id", rs -> rs.getString(1), sessionId));
    }

    @Override
    public Optional<SignedRecord> record(String id) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM intake_record WHERE id = ?", IntakeLedger::recordRow, id));
    }

    static SignedRecord recordRow(ResultSet rs) throws SQLException {
        return new SignedRecord(rs.getString("id"), rs.getString("kind"), rs.getString("session_id"),
                rs.getString("apprentice_id"), rs.getString("file_name"), rs.getString("sha256"), rs.getLong("size_bytes"),
                Instant.parse(rs.getString("signed_at")), rs.getString("certificate_fingerprint"), false, null, null, null,
                rs.getString("package_id"));
    }

    @Override
    public Optional<PinnedSigner> pinned(String assessorKey) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM intake_signer WHERE assessor_key = ?", IntakeLedger::signer,
                assessorKey));
    }

    @Override
    public List<PinnedSigner> register() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM intake_signer ORDER BY assessor_key", IntakeLedger::signer));
    }

    private static PinnedSigner signer(ResultSet rs) throws SQLException {
        return new PinnedSigner(rs.getString("assessor_key"), rs.getString("certificate_fingerprint"), rs.getString("subject"),
                rs.getString("certificate_pem"), Instant.parse(rs.getString("pinned_at")), rs.getString("how"));
    }

    /** Registers an assessor's certificate (the office's decision; replaces none: remove the old one first). */
    public boolean addSigner(PinnedSigner s) throws SQLException {
        return database.inTransaction(c -> Sql.update(c, "INSERT INTO intake_signer (assessor_key, certificate_fingerprint, "
                + "subject, certificate_pem, pinned_at, how) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessor_key) DO NOTHING",
                s.assessorKey(), s.fingerprint(), s.subject(), s.certificatePem(), s.pinnedAt().toString(), s.how())) == 1;
    }

    public boolean removeSigner(String assessorKey) throws SQLException {
        return database.inTransaction(c -> Sql.update(c, "DELETE FROM intake_signer WHERE assessor_key = ?", assessorKey)) == 1;
    }

    @Override
    public List<TrustedRoot> trustedRoots() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM intake_root ORDER BY added_at, fingerprint",
                rs -> new TrustedRoot(rs.getString("fingerprint"), rs.getString("subject"), rs.getString("certificate_pem"),
                        Instant.parse(rs.getString("added_at")))));
    }

    /** Trusts an organisation root; false when it was trusted already. */
    public boolean addTrustedRoot(TrustedRoot root) throws SQLException {
        return database.inTransaction(c -> Sql.update(c, "INSERT INTO intake_root (fingerprint, subject, certificate_pem, "
                + "added_at) VALUES (?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING", root.fingerprint(), root.subject(),
                root.certificatePem(), root.addedAt().toString())) == 1;
    }

    /** Stops trusting an organisation root; false when it was not trusted. */
    public boolean removeTrustedRoot(String fingerprint) throws SQLException {
        return database.inTransaction(c -> Sql.update(c, "DELETE FROM intake_root WHERE fingerprint = ?", fingerprint)) == 1;
    }

    // ---------------------------------------------------------------- applying a delivered package

    @Override
    public Applied apply(ImportBatch batch, PinnedSigner pin, Instant now) throws SQLException {
        return database.inTransaction(c -> applyIn(c, batch, pin, now));
    }

    @Override
    public Applied preview(ImportBatch batch, PinnedSigner pin, Instant now) throws SQLException {
        return DryRun.preview(database::inTransaction, c -> applyIn(c, batch, pin, now));
    }

    private Applied applyIn(Connection c, ImportBatch batch, PinnedSigner pin, Instant now) throws SQLException {
        String at = now.toString();
        String cert = batch.certificateFingerprint();
        Optional<String> seenAs = Sql.one(c, "SELECT sha256 FROM intake_package WHERE package_id = ?", rs -> rs.getString(1),
                batch.packageId());
        if (receiving != null && seenAs.isPresent() && !seenAs.get().equals(receiving.sha256())) {
            throw new SamePackageIdOtherContent(batch.packageId(), seenAs.get());
        }
        boolean seen = seenAs.isPresent();
        if (pin != null) {
            Sql.update(c, "INSERT INTO intake_signer (assessor_key, certificate_fingerprint, subject, certificate_pem, pinned_at, "
                    + "how) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessor_key) DO NOTHING", pin.assessorKey(),
                    pin.fingerprint(), pin.subject(), pin.certificatePem(), at, pin.how());
        }
        int newApprentices = 0;
        int updatedApprentices = 0;
        int proposed = 0;
        List<String> proposedFor = new ArrayList<>();
        Map<String, ApprenticeRow> apprenticesHere = apprenticesIn(c, batch.apprentices().stream().map(ApprenticeRow::id).toList());
        List<ApprenticeRow> newOnes = new ArrayList<>();
        for (ApprenticeRow a : batch.apprentices()) {
            ApprenticeRow here = apprenticesHere.get(a.id());
            if (here == null) {
                newOnes.add(a);
                continue;
            }
            Map<String, String[]> changed = changedFields(here, a);
            if (changed.isEmpty()) {
                continue;
            }
            String owner = Sql.one(c, "SELECT owner_fingerprint FROM intake_apprentice WHERE id = ?", rs -> rs.getString(1),
                    a.id()).orElseThrow();
            if (owner.equals(cert)) {
                if (Instant.parse(a.updatedAt()).isAfter(Instant.parse(here.updatedAt()))) {
                    Sql.update(c, "UPDATE intake_apprentice SET name = ?, uln = ?, employer = ?, training_provider = ?, "
                            + "plan_id = ?, apprenticeship_start = ?, gateway_date = ?, updated_at = ?, package_id = ? WHERE id = ?",
                            a.name(), a.uln(), a.employer(), a.trainingProvider(), a.planId(), a.apprenticeshipStart(),
                            a.gatewayDate(), a.updatedAt(), batch.packageId(), a.id());
                    updatedApprentices++;
                }
            } else {
                // the owner's details stand; another signer's change is kept for the office to see
                for (Map.Entry<String, String[]> f : changed.entrySet()) {
                    proposed += Sql.update(c, "INSERT INTO intake_apprentice_proposal (apprentice_id, package_id, "
                            + "certificate_fingerprint, field, value, received_at) VALUES (?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (apprentice_id, package_id, field) DO NOTHING", a.id(), batch.packageId(), cert,
                            f.getKey(), f.getValue()[1], at);
                }
                proposedFor.add(a.id());
            }
        }
        newApprentices = batched(c, "INSERT INTO intake_apprentice (id, name, uln, employer, training_provider, "
                + "plan_id, apprenticeship_start, gateway_date, created_at, updated_at, owner_fingerprint, package_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", newOnes, a -> new Object[] {a.id(),
                a.name(), a.uln(), a.employer(), a.trainingProvider(), a.planId(), a.apprenticeshipStart(), a.gatewayDate(),
                a.createdAt(), a.updatedAt(), cert, batch.packageId()}).stream().mapToInt(Integer::intValue).sum();
        int newSessions = batched(c, "INSERT INTO intake_session (id, apprentice_id, plan_id, component_id, attempt, "
                + "created_at, owner_fingerprint, package_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", batch.sessions(), h -> new Object[] {h.id(), h.apprenticeId(), h.planId(),
                h.componentId(), h.attempt(), h.createdAt(), cert, batch.packageId(), at}).stream()
                .mapToInt(Integer::intValue).sum();
        int newEvents = 0;
        Set<String> touched = new LinkedHashSet<>();
        Map<String, String> keyInPackage = new java.util.HashMap<>();
        for (EventRow e : batch.events()) {
            if (e.seq() == 1 && e.ownerKey() != null) {
                keyInPackage.put(e.sessionId(), e.ownerKey());
            }
        }
        List<Integer> inserted = batched(c, "INSERT INTO intake_event (event_id, session_id, seq, device_id, type, at, "
                + "session_time_ms, payload, prev_hash, hash, owner_key, package_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (event_id) DO NOTHING", batch.events(), e -> new Object[] {e.id(), e.sessionId(), e.seq(),
                e.deviceId(), e.type(), e.at(), e.sessionTimeMillis(), e.payload(), e.prevHash(), e.hash(),
                e.seq() == 1 ? e.ownerKey() : null, batch.packageId()});
        for (int i = 0; i < inserted.size(); i++) {
            if (inserted.get(i) == 1) {
                newEvents++;
                touched.add(batch.events().get(i).sessionId());
            }
        }
        // checked again inside the transaction: of two deliveries at once, only the session's owner adds to it
        Map<String, List<String>> firstKeys = new java.util.HashMap<>();
        List<String> conflicted = new ArrayList<>();
        for (List<String> chunk : chunks(new ArrayList<>(touched))) {
            for (String[] row : Sql.query(c, "SELECT session_id, owner_key FROM intake_event WHERE seq = 1 AND session_id IN ("
                    + marks(chunk.size()) + ")", rs -> new String[] {rs.getString(1), rs.getString(2)}, chunk.toArray())) {
                firstKeys.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
            }
            conflicted.addAll(Sql.query(c, "SELECT DISTINCT session_id FROM intake_event WHERE session_id IN ("
                    + marks(chunk.size()) + ") GROUP BY session_id, seq HAVING count(*) > 1", rs -> rs.getString(1),
                    chunk.toArray()));
        }
        for (String id : touched) {
            List<String> keys = firstKeys.getOrDefault(id, List.of());
            if (keys.size() != 1 || !Objects.equals(keys.get(0), keyInPackage.get(id))) {
                throw new SQLException("session " + id + " was delivered at the same moment by another assessor");
            }
        }
        List<String> inOrder = new ArrayList<>(touched);
        inOrder.retainAll(new java.util.HashSet<>(conflicted));
        conflicted = inOrder;
        int newRecords = batched(c, "INSERT INTO intake_record (id, kind, session_id, apprentice_id, file_name, sha256, "
                + "size_bytes, signed_at, certificate_fingerprint, package_id, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", batch.records(), r -> new Object[] {
                r.id(), r.kind(), r.sessionId(), r.apprenticeId(), r.fileName(), r.sha256(), r.sizeBytes(),
                r.signedAt().toString(), r.certificateFingerprint(), batch.packageId(), at}).stream()
                .mapToInt(Integer::intValue).sum();
        if (receiving != null) {
            Sql.update(c, "INSERT INTO intake_package (package_id, sha256, size_bytes, device_id, assessor_key, assessor_name, "
                    + "certificate_fingerprint, created_at, received_at, sessions, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (package_id) DO NOTHING", batch.packageId(), receiving.sha256(), receiving.sizeBytes(),
                    batch.deviceId(), batch.assessorKey(), batch.signerName(), cert, batch.createdAt(), at,
                    batch.sessions().size(), batch.records().size());
            List<String[]> items = new ArrayList<>();
            batch.sessions().forEach(h -> items.add(new String[] {"session", h.id()}));
            batch.records().forEach(r -> items.add(new String[] {"record", r.id()}));
            batched(c, "INSERT INTO intake_package_item (package_id, kind, item_id) VALUES (?, ?, ?) "
                    + "ON CONFLICT (package_id, kind, item_id) DO NOTHING", items, i -> new Object[] {batch.packageId(), i[0],
                    i[1]});
        }
        return new Applied(newApprentices, updatedApprentices, newSessions, newEvents, newRecords, conflicted, seen, proposed,
                proposedFor);
    }

    /** The apprentices here among {@code ids}, by id, read a chunk at a time. */
    private static Map<String, ApprenticeRow> apprenticesIn(Connection c, List<String> ids) throws SQLException {
        Map<String, ApprenticeRow> here = new java.util.HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(ids)))) {
            for (ApprenticeRow a : Sql.query(c, "SELECT * FROM intake_apprentice WHERE id IN (" + marks(chunk.size()) + ")",
                    IntakeLedger::apprenticeRow, chunk.toArray())) {
                here.put(a.id(), a);
            }
        }
        return here;
    }

    /** One statement for many rows, sent in batches: the rows changed by each, in order. */
    private static <T> List<Integer> batched(Connection c, String sql, List<T> rows,
            java.util.function.Function<T, Object[]> params) throws SQLException {
        List<Integer> counts = new ArrayList<>(rows.size());
        if (rows.isEmpty()) {
            return counts;
        }
        try (java.sql.PreparedStatement st = c.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                Object[] p = params.apply(row);
                for (int i = 0; i < p.length; i++) {
                    st.setObject(i + 1, p[i]);
                }
                st.addBatch();
                if (++pending == CHUNK) {
                    addCounts(counts, st.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                addCounts(counts, st.executeBatch());
            }
        }
        return counts;
    }

    private static void addCounts(List<Integer> counts, int[] done) throws SQLException {
        for (int n : done) {
            if (n == java.sql.Statement.SUCCESS_NO_INFO || n < 0) {
                throw new SQLException("the database did not say which rows a batch added (remove reWriteBatchedInserts from the "
                        + "database address)");
            }
            counts.add(n);
        }
    }

    /** The fields of an apprentice that differ: name → {here, incoming}. */
    private static Map<String, String[]> changedFields(ApprenticeRow here, ApprenticeRow in) {
        Map<String, String[]> changed = new java.util.LinkedHashMap<>();
        String[][] pairs = {
            {"name", here.name(), in.name()}, {"uln", here.uln(), in.uln()}, {"employer", here.employer(), in.employer()},
            {"trainingProvider", here.trainingProvider(), in.trainingProvider()}, {"planId", here.planId(), in.planId()},
            {"apprenticeshipStart", here.apprenticeshipStart(), in.apprenticeshipStart()},
            {"gatewayDate", here.gatewayDate(), in.gatewayDate()}};
        for (String[] p : pairs) {
            if (!Objects.equals(p[1], p[2])) {
                changed.put(p[0], new String[] {p[1], p[2]});
            }
        }
        return changed;
    }

    /** A package id delivered before with other bytes: refused, never merged into the first. */
    public static final class SamePackageIdOtherContent extends SQLException {
        private static final long serialVersionUID = 1L;

        SamePackageIdOtherContent(String packageId, String storedSha256) {
            super("package " + packageId + " was delivered before with other content (SHA-256 " + storedSha256 + ")");
        }
    }
}
