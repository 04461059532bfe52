package org.epaworkbench.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.plan.AttemptKind;
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
            Instant endedAt, Duration elapsed, long lastSeq, boolean sample) {
    }

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
        if (!(planned.body() instanceof EventBody.SessionPlanned p) || planned.seq() != 1) {
            throw new IllegalArgumentException("a session starts with its planning event");
        }
        String device = deviceId();
        database.inTransaction(c -> {
            boolean sampleApprentice = Sql.one(c, "SELECT sample FROM apprentice WHERE id = ?", rs -> rs.getInt(1) == 1,
                    p.details().apprenticeId()).orElse(false);
            Sql.update(c, "INSERT INTO session (id, apprentice_id, plan_id, component_id, attempt, status, last_seq, "
                            + "sample, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    planned.sessionId(), p.details().apprenticeId(), p.details().planId(), p.details().componentId(),
                    p.details().attempt().word(), SessionStatus.PLANNED.name(), sample || sampleApprentice,
                    planned.at().toString());
            insert(c, planned, device);
            return null;
        });
    }

    /** Appends one event durably, in order. */
    public void append(SessionEvent event) throws SQLException {
        String device = deviceId();
        database.inTransaction(c -> {
            insert(c, event, device);
            return null;
        });
    }

    /** Appends several events in one transaction: all are stored, or none. */
    public void appendAll(List<SessionEvent> events) throws SQLException {
        String device = deviceId();
        database.inTransaction(c -> {
            for (SessionEvent e : events) {
                insert(c, e, device);
            }
            return null;
        });
    }

    private static void insert(Connection c, SessionEvent e, String device) throws SQLException {
        long[] row = Sql.one(c, "SELECT last_seq, conflicted, status = 'ENDED' FROM session WHERE id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, e.sessionId())
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
        Sql.update(c, "INSERT INTO session_event (event_id, session_id, seq, device_id, type, at, session_time_ms, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.sessionId(), e.seq(), device, e.type(), e.at().toString(), e.sessionTime().toMillis(),
                EventCodec.encode(e.body()));
        StringBuilder set = new StringBuilder("last_seq = ?, elapsed_ms = ?");
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
        List<SessionEvent> all = Sql.query(c, "SELECT * FROM session_event WHERE session_id = ? ORDER BY seq, event_id",
                SessionStore::event, sessionId);
        java.util.Map<Long, String> kept = new java.util.HashMap<>();
        for (var r : Sql.query(c, "SELECT seq, kept_event FROM conflict_resolution WHERE session_id = ?",
                rs -> java.util.Map.entry(rs.getLong(1), rs.getString(2)), sessionId)) {
            kept.put(r.getKey(), r.getValue());
        }
        List<SessionEvent> log = new java.util.ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            long seq = all.get(i).seq();
            int j = i;
            while (j < all.size() && all.get(j).seq() == seq) {
                j++;
            }
            List<SessionEvent> here = all.subList(i, j);
            SessionEvent chosen = here.size() == 1 ? here.get(0)
                    : here.stream().filter(e -> e.id().equals(kept.get(seq))).findFirst().orElse(null);
            if (chosen == null || seq != log.size() + 1) {
                break;
            }
            log.add(chosen);
            i = j;
        }
        return log;
    }

    /** Every stored event of a session, alternatives included, with the device that recorded it. */
    public List<StoredEvent> allEvents(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.query(c,
                "SELECT * FROM session_event WHERE session_id = ? ORDER BY seq, event_id",
                rs -> new StoredEvent(event(rs), rs.getString("device_id"), rs.getString("type"), rs.getString("payload")),
                sessionId));
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

    static List<Conflict> conflictsIn(Connection c, String sessionId) throws SQLException {
        String where = sessionId == null ? "" : " AND e.session_id = ?";
        Object[] params = sessionId == null ? new Object[0] : new Object[] {sessionId};
        return Sql.query(c, "SELECT e.session_id, e.seq, group_concat(e.event_id, ',') FROM session_event e "
                        + "WHERE NOT EXISTS (SELECT 1 FROM conflict_resolution r WHERE r.session_id = e.session_id AND r.seq = e.seq)"
                        + where + " GROUP BY e.session_id, e.seq HAVING count(*) > 1 ORDER BY e.session_id, e.seq",
                rs -> new Conflict(rs.getString(1), rs.getLong(2), List.of(rs.getString(3).split(","))), params);
    }

    /** A person chose which version is the record; the other stays stored. */
    public void resolve(String sessionId, long seq, String keptEventId, String reason, Instant at) throws SQLException {
        database.inTransaction(c -> {
            Sql.update(c, "INSERT INTO conflict_resolution (session_id, seq, kept_event, reason, resolved_at) VALUES (?, ?, ?, ?, ?)",
                    sessionId, seq, keptEventId, reason, at.toString());
            refreshIndex(c, sessionId);
            return null;
        });
    }

    /** Recomputes a session's index row from its log (after an import or a resolution). */
    static void refreshIndex(Connection c, String sessionId) throws SQLException {
        List<SessionEvent> log = canonical(c, sessionId);
        if (log.isEmpty()) {
            return;
        }
        SessionState s = SessionState.fold(log);
        boolean conflicted = !conflictsIn(c, sessionId).isEmpty();
        Sql.update(c, "UPDATE session SET status = ?, started_at = ?, ended_at = ?, elapsed_ms = ?, last_seq = ?, "
                        + "conflicted = ? WHERE id = ?",
                s.status().name(), s.startedAt().map(Instant::toString).orElse(null),
                s.endedAt().map(Instant::toString).orElse(null), s.elapsedAtLastEvent().toMillis(), s.lastSeq(),
                conflicted ? 1 : 0, sessionId);
    }

    public Optional<SessionState> state(String sessionId) throws SQLException {
        List<SessionEvent> events = events(sessionId);
        return events.isEmpty() ? Optional.empty() : Optional.of(SessionState.fold(events));
    }

    public List<SessionSummary> list() throws SQLException {
        return database.inTransaction(c -> Sql.query(c,
                "SELECT s.*, a.name AS apprentice_name FROM session s JOIN apprentice a ON a.id = s.apprentice_id "
                        + "ORDER BY COALESCE(s.started_at, s.created_at) DESC", SessionStore::summary));
    }

    public Optional<SessionSummary> summary(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c,
                "SELECT s.*, a.name AS apprentice_name FROM session s JOIN apprentice a ON a.id = s.apprentice_id "
                        + "WHERE s.id = ?", SessionStore::summary, sessionId));
    }

    /** Sessions the log says were running: if the app is starting, it stopped without pausing them. */
    public List<SessionSummary> running() throws SQLException {
        return list().stream().filter(s -> s.status() == SessionStatus.RUNNING).toList();
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
                Duration.ofMillis(rs.getLong("elapsed_ms")), rs.getLong("last_seq"), rs.getInt("sample") == 1);
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
