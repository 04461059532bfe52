package org.epaworkbench.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Grade;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.LiveSession;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.session.SessionStatus;

/**
 * Sessions as append-only event logs in SQLite. {@link #append} returns only after the event is
 * committed with a full sync, so an event the app shows as done survives a crash or power cut.
 */
public final class SessionStore {

    /** A row of the session list, kept in step with the log. */
    public record SessionSummary(String id, String apprenticeId, String apprenticeName, String planId,
            String componentId, AttemptKind attempt, SessionStatus status, Instant createdAt, Instant startedAt,
            Instant endedAt, Duration elapsed, long lastSeq, boolean sample, boolean enteredFromPaper,
            Optional<Grade> grade, boolean capped, boolean signed, boolean exported) {

        /** The grade as the lists show it, "(capped)" after a capped one; blank while there is none. */
        public String gradeText() {
            return grade.map(g -> g.label() + (capped ? " (capped)" : "")).orElse("");
        }
    }

    /**
     * A session's row with its apprentice's name, whether its log says it was entered from paper, its grade (kept by
     * {@link SessionSummaries}), whether its record is signed and whether all of its log has been exported.
     */
    private static final String SUMMARY = "SELECT s.*, a.name AS apprentice_name, EXISTS (SELECT 1 FROM session_event e "
            + "WHERE e.session_id = s.id AND e.type = 'entered-from-paper') AS from_paper, "
            + "EXISTS (SELECT 1 FROM signed_record r WHERE r.session_id = s.id AND r.kind = 'session') AS signed, "
            + "EXISTS (SELECT 1 FROM session_export x WHERE x.session_id = s.id AND x.exported_seq >= s.last_seq) AS exported "
            + "FROM session s JOIN apprentice a ON a.id = s.apprentice_id ";

    private final Database database;
    private String deviceId;

    public SessionStore(Database database) {
        this.database = database;
    }

    /** This data folder's device id, stamped on every event recorded here. */
    public String deviceId() throws SQLException {
        if (deviceId == null) {
            deviceId = database.inTransaction(c -> Sql.one(c, "SELECT value FROM setting WHERE key = 'device.id'",
                    rs -> rs.getString(1)).orElseThrow(() -> new SQLException("this data folder has no device id")));
        }
        return deviceId;
    }

    /**
     * Stores a new session with its first event, which must plan it. A session of a sample apprentice
     * is sample data whatever {@code sample} says, so removing the sample data removes it too.
     */
    public void create(SessionEvent planned, boolean sample) throws SQLException {
        create(planned, sample, null);
    }

    /**
     * Stores a new session with its first event, bound to the key that owns it ({@code ownerKey}, the
     * SHA-256 of the assessor's public key, see {@link org.epaworkbench.keys.Certificates#publicKeyFingerprint}).
     * Without a key yet (null), the session is bound to this data folder's key when it has one, before
     * anything of it can be signed or sent ({@link #bindUnowned}).
     */
    public void create(SessionEvent planned, boolean sample, String ownerKey) throws SQLException {
        createWith(List.of(planned), sample, ownerKey);
    }

    /**
     * Stores a new session with its whole log at once, in one transaction, through the same append path (and hash chain)
     * as live events: all are stored, or none (a session entered from paper).
     */
    public void createWith(List<SessionEvent> log, boolean sample, String ownerKey) throws SQLException {
        SessionEvent planned = log.get(0);
        if (!(planned.body() instanceof EventBody.SessionPlanned p) || planned.seq() != 1) {
            throw new IllegalArgumentException("a session starts with its planning event");
        }
        String device = deviceId();
        SessionSummaries summaries = prepared(log);
        database.inTransaction(c -> {
            boolean sampleApprentice = Sql.one(c, "SELECT sample FROM apprentice WHERE id = ?", rs -> rs.getInt(1) == 1,
                    p.details().apprenticeId()).orElse(false);
            Sql.update(c, "INSERT INTO session (id, apprentice_id, plan_id, component_id, attempt, status, last_seq, "
                            + "sample, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    planned.sessionId(), p.details().apprenticeId(), p.details().planId(), p.details().componentId(),
                    p.details().attempt().word(), SessionStatus.PLANNED.name(), sample || sampleApprentice,
                    planned.at().toString());
            insert(c, planned, device, ownerKey);
            for (SessionEvent e : log.subList(1, log.size())) {
                insert(c, e, device, null);
            }
            regrade(c, summaries, log);
            return null;
        });
    }

    /**
     * Binds every session recorded in this data folder that has no owner yet (it was planned before
     * the folder had a signing key) to {@code ownerKey}: its first event names the key and its chain is
     * computed again from there. Called with this folder's own key before anything is signed or sent,
     * so no session leaves the folder unbound. Sessions brought by packages are never bound here.
     *
     * @return how many sessions were bound
     */
    public int bindUnowned(String ownerKey) throws SQLException {
        return database.inTransaction(c -> bindUnownedIn(c, ownerKey));
    }

    static int bindUnownedIn(Connection c, String ownerKey) throws SQLException {
        java.util.Objects.requireNonNull(ownerKey, "ownerKey");
        List<String> unbound = Sql.query(c, "SELECT DISTINCT e.session_id FROM session_event e WHERE e.seq = 1 "
                + "AND e.owner_key IS NULL AND NOT EXISTS (SELECT 1 FROM session_owner o WHERE o.session_id = e.session_id) "
                + "ORDER BY e.session_id", rs -> rs.getString(1));
        for (String sessionId : unbound) {
            checked(c, sessionId); // a log changed outside the app is not bound, it is reported
            record Row(String id, long seq, String device, String type, String at, long ms, String payload, String prev,
                    String hash) {
            }
            List<Row> rows = Sql.query(c, "SELECT * FROM session_event WHERE session_id = ? ORDER BY seq DESC, event_id",
                    rs -> new Row(rs.getString("event_id"), rs.getLong("seq"), rs.getString("device_id"), rs.getString("type"),
                            rs.getString("at"), rs.getLong("session_time_ms"), rs.getString("payload"),
                            rs.getString("prev_hash"), rs.getString("hash")), sessionId);
            java.util.Map<String, String> renewed = new java.util.HashMap<>();
            renewed.put(EventChain.GENESIS, EventChain.GENESIS);
            java.util.Map<String, String[]> updates = new java.util.LinkedHashMap<>();
            List<Row> ascending = new java.util.ArrayList<>(rows);
            ascending.sort(java.util.Comparator.comparingLong(Row::seq).thenComparing(Row::id));
            for (Row r : ascending) {
                String prev = renewed.getOrDefault(r.prev(), r.prev());
                String owner = r.seq() == 1 ? ownerKey : null;
                String hash = EventChain.hash(sessionId, r.id(), r.seq(), r.device(), r.type(), r.at(), r.ms(), r.payload(),
                        prev, owner);
                renewed.put(r.hash(), hash);
                updates.put(r.id(), new String[] {prev, hash, owner});
            }
            // later events first: the first event's owner is set last, while the log may still be bound
            for (Row r : rows) {
                String[] u = updates.get(r.id());
                Sql.update(c, "UPDATE session_event SET prev_hash = ?, hash = ?, owner_key = ? WHERE event_id = ?",
                        u[0], u[1], u[2], r.id());
            }
            String oldHead = Sql.one(c, "SELECT head_hash FROM session WHERE id = ?", rs -> rs.getString(1), sessionId)
                    .orElse(null);
            Sql.update(c, "UPDATE session SET head_hash = ? WHERE id = ?", oldHead == null ? null : renewed.get(oldHead),
                    sessionId);
        }
        return unbound.size();
    }

    /** Appends one event durably, in order. */
    public void append(SessionEvent event) throws SQLException {
        appendAll(List.of(event));
    }

    /** Appends several events in one transaction: all are stored, or none. */
    public void appendAll(List<SessionEvent> events) throws SQLException {
        String device = deviceId();
        SessionSummaries summaries = prepared(events);
        database.inTransaction(c -> {
            for (SessionEvent e : events) {
                insert(c, e, device, null);
            }
            regrade(c, summaries, events);
            return null;
        });
    }

    /** The summaries, with the plans loaded before the transaction when one of {@code events} may change a grade. */
    private SessionSummaries prepared(List<SessionEvent> events) {
        SessionSummaries summaries = database.summaries();
        if (events.stream().anyMatch(SessionSummaries::mayGrade)) {
            summaries.prepare();
        }
        return summaries;
    }

    /** Grades again, in the transaction that stored them, the sessions that {@code events} may have given a grade. */
    private static void regrade(Connection c, SessionSummaries summaries, List<SessionEvent> events) throws SQLException {
        Set<String> sessions = new LinkedHashSet<>();
        events.stream().filter(SessionSummaries::mayGrade).forEach(e -> sessions.add(e.sessionId()));
        for (String id : sessions) {
            summaries.regradeSession(c, id);
        }
    }

    private static void insert(Connection c, SessionEvent e, String device, String ownerKey) throws SQLException {
        String[] head = new String[1];
        long[] row = Sql.one(c, "SELECT last_seq, conflicted, status = 'ENDED', head_hash FROM session WHERE id = ?",
                rs -> {
                    head[0] = rs.getString(4);
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                }, e.sessionId())
                .orElseThrow(() -> new SQLException("no session " + e.sessionId()));
        if (row[1] != 0) {
            throw new SQLException("session " + e.sessionId() + " has versions from two devices that disagree; "
                    + "resolve the conflict before recording more");
        }
        if (row[2] != 0 && !EventBody.allowedAfterEnd(e.type())) {
            throw new SQLException("session " + e.sessionId() + " has ended and is locked: a " + e.type()
                    + " event cannot be added; corrections after the end are amendments with a reason");
        }
        long last = row[0];
        if (e.seq() != last + 1) {
            throw new SQLException("event " + e.seq() + " of session " + e.sessionId() + " is out of order; the log has "
                    + last + " events");
        }
        String prev = e.seq() == 1 ? EventChain.GENESIS : head[0];
        if (prev == null) {
            throw new SQLException("session " + e.sessionId() + " has no chain head; its log cannot be extended");
        }
        String payload = EventCodec.encode(e.body());
        String owner = e.seq() == 1 ? ownerKey : null;
        String hash = EventChain.hash(e.sessionId(), e.id(), e.seq(), device, e.type(), e.at().toString(),
                e.sessionTime().toMillis(), payload, prev, owner);
        Sql.update(c, "INSERT INTO session_event (event_id, session_id, seq, device_id, type, at, session_time_ms, payload, "
                        + "prev_hash, hash, owner_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.sessionId(), e.seq(), device, e.type(), e.at().toString(), e.sessionTime().toMillis(),
                payload, prev, hash, owner);
        StringBuilder set = new StringBuilder("last_seq = ?, elapsed_ms = ?, head_hash = '" + hash + "'");
        EventBody b = e.body();
        String status = null;
        if (b instanceof EventBody.Started || b instanceof EventBody.Resumed) {
            status = SessionStatus.RUNNING.name();
        } else if (b instanceof EventBody.Paused) {
            status = SessionStatus.PAUSED.name();
        } else if (b instanceof EventBody.Ended) {
            status = SessionStatus.ENDED.name();
        }
        if (status != null) {
            set.append(", status = '").append(status).append("'");
        }
        if (b instanceof EventBody.Started) {
            set.append(", started_at = '").append(e.at()).append("'");
        } else if (b instanceof EventBody.Ended) {
            set.append(", ended_at = '").append(e.at()).append("'");
        }
        Sql.update(c, "UPDATE session SET " + set + " WHERE id = ?", e.seq(), e.sessionTime().toMillis(), e.sessionId());
    }

    /**
     * The session's log as the record: in seq order; where two devices recorded different events at
     * the same place, the one a person chose, else the log stops before the disagreement.
     */
    public List<SessionEvent> events(String sessionId) throws SQLException {
        return database.inTransaction(c -> canonical(c, sessionId));
    }

    static List<SessionEvent> canonical(Connection c, String sessionId) throws SQLException {
        return checked(c, sessionId).events();
    }

    /** A session's record, checked against its hash chain, with the walk that found it. */
    record Checked(List<SessionEvent> events, EventChain.Walk walk, String ownerKey) {
    }

    /**
     * Reads a session's stored events, checks every hash and link of its chain and follows it (see
     * {@link EventChain#walk}); a log changed after it was recorded is refused with
     * {@link SessionLogChanged}, naming the first event where it breaks.
     */
    static Checked checked(Connection c, String sessionId) throws SQLException {
        return checked(c, sessionId, false);
    }

    /**
     * @param grown the log may have grown since the index was written (an import, a resolution): the
     *     event the index names as the last must still be in the log, not necessarily last
     */
    static Checked checked(Connection c, String sessionId, boolean grown) throws SQLException {
        java.util.Map<String, SessionEvent> byId = new java.util.HashMap<>();
        List<EventChain.Link> links = Sql.query(c, "SELECT * FROM session_event WHERE session_id = ? ORDER BY seq, event_id",
                rs -> {
                    String payload = rs.getString("payload");
                    com.fasterxml.jackson.databind.JsonNode tree;
                    try {
                        tree = org.epaworkbench.packs.JsonFiles.mapper().readTree(payload);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                        tree = null;
                    }
                    String computed = tree == null ? null : EventChain.hash(sessionId, rs.getString("event_id"),
                            rs.getLong("seq"), rs.getString("device_id"), rs.getString("type"), rs.getString("at"),
                            rs.getLong("session_time_ms"), tree, rs.getString("prev_hash"), rs.getString("owner_key"));
                    EventChain.Link l = new EventChain.Link(rs.getString("event_id"), rs.getLong("seq"), rs.getString("type"),
                            rs.getString("at"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("owner_key"),
                            computed);
                    if (tree != null && l.intact()) {
                        try {
                            byId.put(l.eventId(), new SessionEvent(l.eventId(), sessionId, l.seq(), Instant.parse(l.at()),
                                    Duration.ofMillis(rs.getLong("session_time_ms")), EventCodec.fromJson(l.type(), tree)));
                        } catch (RuntimeException ex) {
                            // an event the app never records: reported as a break below, where the walk reaches it
                            byId.remove(l.eventId());
                        }
                    }
                    return l;
                }, sessionId);
        java.util.Map<Long, String> kept = new java.util.HashMap<>();
        for (var r : Sql.query(c, "SELECT seq, kept_event FROM conflict_resolution WHERE session_id = ?",
                rs -> java.util.Map.entry(rs.getLong(1), rs.getString(2)), sessionId)) {
            kept.put(r.getKey(), r.getValue());
        }
        EventChain.Walk walk = EventChain.walk(links, kept);
        if (walk.broken() != null) {
            throw new SessionLogChanged(sessionId, walk.broken());
        }
        List<SessionEvent> log = new java.util.ArrayList<>(walk.log().size());
        for (EventChain.Link l : walk.log()) {
            SessionEvent e = byId.get(l.eventId());
            if (e == null) {
                throw new SessionLogChanged(sessionId, new EventChain.Break(l.seq(), l.eventId(), l.type(), l.at(),
                        "is not an event EPA Workbench records"));
            }
            log.add(e);
        }
        Optional<String[]> index = Sql.one(c, "SELECT head_hash, last_seq FROM session WHERE id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, sessionId);
        // the walk checked every stored event; after an import or a resolution the last event the index
        // names need only still be stored (the record may now go further, or stop before a disagreement)
        boolean headKept = index.isEmpty() || index.get()[0] == null || index.get()[0].equals(walk.headHash())
                || (grown && links.stream().anyMatch(l -> index.get()[0].equals(l.hash())));
        if (!headKept) {
            long recorded = Long.parseLong(index.get()[1]);
            throw new SessionLogChanged(sessionId, recorded > log.size()
                    ? new EventChain.Break(log.size() + 1, null, null, null, "is missing: the log ends at event " + log.size()
                            + " but " + recorded + " events were recorded, so events at its end were removed")
                    : new EventChain.Break(log.size(), log.isEmpty() ? null : log.get(log.size() - 1).id(),
                            log.isEmpty() ? null : log.get(log.size() - 1).type(), null,
                            "is not the last event that was recorded: the end of the log was changed"));
        }
        return new Checked(log, walk, links.isEmpty() ? null : links.get(0).ownerKey());
    }

    /** What checking one session's stored log against its hash chain found. */
    public record LogCheck(String sessionId, long events, String headHash, String ownerKey, SessionLogChanged changed) {
        public boolean intact() {
            return changed == null;
        }
    }

    /** Checks every session's stored log against its hash chain (see {@link EventChain}); reads, changes nothing. */
    public List<LogCheck> checkAll() throws SQLException {
        List<String> ids = database.inTransaction(c -> Sql.query(c, "SELECT id FROM session ORDER BY created_at, id",
                rs -> rs.getString(1)));
        List<LogCheck> checks = new java.util.ArrayList<>();
        for (String id : ids) {
            checks.add(check(id));
        }
        return checks;
    }

    /**
     * The chain hash of the event at {@code seq} of a session's record (its log as the chain gives it),
     * if the log reaches that far; the log is checked first ({@link SessionLogChanged} if it was changed).
     */
    public Optional<String> chainHashAt(String sessionId, long seq) throws SQLException {
        return database.inTransaction(c -> {
            List<EventChain.Link> log = checked(c, sessionId).walk().log();
            return seq >= 1 && seq <= log.size() ? Optional.of(log.get((int) seq - 1).hash()) : Optional.<String>empty();
        });
    }

    /** Checks one session's stored log against its hash chain. */
    public LogCheck check(String sessionId) throws SQLException {
        try {
            Checked checked = database.inTransaction(c -> checked(c, sessionId));
            return new LogCheck(sessionId, checked.events().size(), checked.walk().headHash(), checked.ownerKey(), null);
        } catch (SessionLogChanged e) {
            return new LogCheck(sessionId, 0, null, null, e);
        }
    }

    /** Every stored event of a session, alternatives included, with the device that recorded it. */
    public List<StoredEvent> allEvents(String sessionId) throws SQLException {
        return database.inTransaction(c -> {
            checked(c, sessionId);
            return Sql.query(c,
                "SELECT * FROM session_event WHERE session_id = ? ORDER BY seq, event_id",
                rs -> new StoredEvent(event(rs), rs.getString("device_id"), rs.getString("type"), rs.getString("payload")),
                sessionId);
        });
    }

    /** An event as stored: with its device and its payload exactly as written. */
    public record StoredEvent(SessionEvent event, String deviceId, String type, String payload) {
    }

    /** A place in a session's log where two devices recorded different events. */
    public record Conflict(String sessionId, long seq, List<String> eventIds) {
    }

    public List<Conflict> conflicts() throws SQLException {
        return database.inTransaction(c -> conflictsIn(c, null));
    }

    /**
     * The place where a session's record stops because two versions follow the same event and no one
     * has chosen between them yet: at most one per session, the first along its chain.
     */
    static List<Conflict> conflictsIn(Connection c, String sessionId) throws SQLException {
        List<String> candidates = sessionId != null ? List.of(sessionId) : Sql.query(c, "SELECT DISTINCT session_id "
                + "FROM session_event GROUP BY session_id, seq HAVING count(*) > 1 ORDER BY session_id", rs -> rs.getString(1));
        List<Conflict> conflicts = new java.util.ArrayList<>();
        for (String id : candidates) {
            Checked checked = checked(c, id);
            long at = checked.walk().forkAt();
            if (at > 0) {
                String head = checked.walk().headHash();
                conflicts.add(new Conflict(id, at, Sql.query(c, "SELECT event_id FROM session_event WHERE session_id = ? "
                        + "AND seq = ? AND prev_hash = ? ORDER BY event_id", rs -> rs.getString(1), id, at, head)));
            }
        }
        return conflicts;
    }

    /** A person chose which version is the record; the other stays stored. */
    public void resolve(String sessionId, long seq, String keptEventId, String reason, Instant at) throws SQLException {
        SessionSummaries summaries = database.summaries();
        summaries.prepare();
        database.inTransaction(c -> {
            Sql.update(c, "INSERT INTO conflict_resolution (session_id, seq, kept_event, reason, resolved_at) VALUES (?, ?, ?, ?, ?)",
                    sessionId, seq, keptEventId, reason, at.toString());
            refreshIndex(c, sessionId);
            summaries.regradeSession(c, sessionId);
            return null;
        });
    }

    /** Recomputes a session's index row from its log (after an import or a resolution). */
    static void refreshIndex(Connection c, String sessionId) throws SQLException {
        Checked checked = checked(c, sessionId, true);
        List<SessionEvent> log = checked.events();
        if (log.isEmpty()) {
            return;
        }
        SessionState s = SessionState.fold(log);
        boolean conflicted = checked.walk().forkAt() > 0;
        Sql.update(c, "UPDATE session SET status = ?, started_at = ?, ended_at = ?, elapsed_ms = ?, last_seq = ?, "
                        + "conflicted = ?, head_hash = ? WHERE id = ?",
                s.status().name(), s.startedAt().map(Instant::toString).orElse(null),
                s.endedAt().map(Instant::toString).orElse(null), s.elapsedAtLastEvent().toMillis(), s.lastSeq(),
                conflicted ? 1 : 0, checked.walk().headHash(), sessionId);
    }

    public Optional<SessionState> state(String sessionId) throws SQLException {
        List<SessionEvent> events = events(sessionId);
        return events.isEmpty() ? Optional.empty() : Optional.of(SessionState.fold(events));
    }

    public List<SessionSummary> list() throws SQLException {
        return database.inTransaction(c -> Sql.query(c,
                SUMMARY + "ORDER BY COALESCE(s.started_at, s.created_at) DESC", SessionStore::summary));
    }

    /** One apprentice's sessions, newest first: read through the index on the apprentice, not the whole list. */
    public List<SessionSummary> listFor(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> Sql.query(c, SUMMARY + "WHERE s.apprentice_id = ? "
                + "ORDER BY COALESCE(s.started_at, s.created_at) DESC", SessionStore::summary, apprenticeId));
    }

    /** Each apprentice's overall result as the summaries keep it (see {@link SessionSummaries#overallResults}). */
    public java.util.Map<String, String> overallResults() throws SQLException {
        return database.summaries().overallResults();
    }

    public Optional<SessionSummary> summary(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c,
                SUMMARY + "WHERE s.id = ?", SessionStore::summary, sessionId));
    }

    /** Sessions the log says were running: if the app is starting, it stopped without pausing them. */
    public List<SessionSummary> running() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, SUMMARY + "WHERE s.status = 'RUNNING' "
                + "ORDER BY COALESCE(s.started_at, s.created_at) DESC", SessionStore::summary));
    }

    public void heartbeat(String sessionId, LiveSession.Heartbeat beat) throws SQLException {
        database.inTransaction(c -> Sql.update(c,
                "INSERT INTO session_heartbeat (session_id, at, session_time_ms) VALUES (?, ?, ?) "
                        + "ON CONFLICT(session_id) DO UPDATE SET at = excluded.at, session_time_ms = excluded.session_time_ms",
                sessionId, beat.at().toString(), beat.sessionTime().toMillis()));
    }

    public Optional<LiveSession.Heartbeat> lastHeartbeat(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT at, session_time_ms FROM session_heartbeat WHERE session_id = ?",
                rs -> new LiveSession.Heartbeat(Instant.parse(rs.getString(1)), Duration.ofMillis(rs.getLong(2))), sessionId));
    }

    static SessionEvent event(ResultSet rs) throws SQLException {
        return new SessionEvent(rs.getString("event_id"), rs.getString("session_id"), rs.getLong("seq"),
                Instant.parse(rs.getString("at")), Duration.ofMillis(rs.getLong("session_time_ms")),
                EventCodec.decode(rs.getString("type"), rs.getString("payload")));
    }

    private static SessionSummary summary(ResultSet rs) throws SQLException {
        return new SessionSummary(rs.getString("id"), rs.getString("apprentice_id"), rs.getString("apprentice_name"),
                rs.getString("plan_id"), rs.getString("component_id"), AttemptKind.fromWord(rs.getString("attempt")),
                SessionStatus.valueOf(rs.getString("status")), Instant.parse(rs.getString("created_at")),
                instant(rs.getString("started_at")), instant(rs.getString("ended_at")),
                Duration.ofMillis(rs.getLong("elapsed_ms")), rs.getLong("last_seq"), rs.getInt("sample") == 1,
                rs.getInt("from_paper") == 1, Optional.ofNullable(rs.getString("grade")).map(Grade::valueOf),
                rs.getInt("grade_capped") == 1, rs.getInt("signed") == 1, rs.getInt("exported") == 1);
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
