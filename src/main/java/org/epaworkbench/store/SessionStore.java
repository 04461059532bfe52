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

    public SessionStore(Database database) {
        this.database = database;
    }

    /** Stores a new session with its first event, which must plan it. */
    public void create(SessionEvent planned, boolean sample) throws SQLException {
        if (!(planned.body() instanceof EventBody.SessionPlanned p) || planned.seq() != 1) {
            throw new IllegalArgumentException("a session starts with its planning event");
        }
        database.inTransaction(c -> {
            Sql.update(c, "INSERT INTO session (id, apprentice_id, plan_id, component_id, attempt, status, last_seq, "
                            + "sample, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    planned.sessionId(), p.details().apprenticeId(), p.details().planId(), p.details().componentId(),
                    p.details().attempt().word(), SessionStatus.PLANNED.name(), sample, planned.at().toString());
            insert(c, planned);
            return null;
        });
    }

    /** Appends one event durably, in order. */
    public void append(SessionEvent event) throws SQLException {
        database.inTransaction(c -> {
            insert(c, event);
            return null;
        });
    }

    /** Appends several events in one transaction: all are stored, or none. */
    public void appendAll(List<SessionEvent> events) throws SQLException {
        database.inTransaction(c -> {
            for (SessionEvent e : events) {
                insert(c, e);
            }
            return null;
        });
    }

    private static void insert(Connection c, SessionEvent e) throws SQLException {
        long last = Sql.one(c, "SELECT last_seq FROM session WHERE id = ?", rs -> rs.getLong(1), e.sessionId())
                .orElseThrow(() -> new SQLException("no session " + e.sessionId()));
        if (e.seq() != last + 1) {
            throw new SQLException("event " + e.seq() + " of session " + e.sessionId() + " is out of order; the log has "
                    + last + " events");
        }
        Sql.update(c, "INSERT INTO session_event (event_id, session_id, seq, type, at, session_time_ms, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.sessionId(), e.seq(), e.type(), e.at().toString(), e.sessionTime().toMillis(),
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

    public List<SessionEvent> events(String sessionId) throws SQLException {
        return database.inTransaction(c -> Sql.query(c,
                "SELECT * FROM session_event WHERE session_id = ? ORDER BY seq", SessionStore::event, sessionId));
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
