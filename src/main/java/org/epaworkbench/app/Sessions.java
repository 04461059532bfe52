package org.epaworkbench.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.PaperEntry;
import org.epaworkbench.session.PaperRecord;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.store.EventCodec;
import org.epaworkbench.store.PaperSessions;
import org.epaworkbench.store.SessionLogChanged;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SessionStore.SessionSummary;

/**
 * The assessor's sessions in this data folder: plan one, open one to record into, enter one recorded on
 * paper, list them, read a session's log and check the logs. (Conflicts between two places: {@link Importing}.)
 */
public final class Sessions {

    /** What checking one session's stored log against its hash chain found; {@code changed} is null when intact. */
    public record LogCheck(String sessionId, long events, String headHash, String ownerKey, SessionLogChanged changed) {
        public boolean intact() {
            return changed == null;
        }
    }

    private final SessionStore store;
    private final Supplier<PlanLibrary> plans;
    private final Clock clock;

    Sessions(SessionStore store, Supplier<PlanLibrary> plans, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * Plans a new session and stores it, its first event naming the key that owns it ({@code ownerKey},
     * the assessor's public key fingerprint; null while the data folder has no key yet).
     */
    public RecordedSession create(AssessmentPlan plan, SessionDetails details, SessionClock sessionClock,
            SessionSettings settings, String ownerKey) throws SessionRuleException, SQLException {
        return RecordedSession.create(store, plan, details, sessionClock, settings, false, ownerKey);
    }

    /** Reopens a stored session to record into; if it was running when the app stopped, its gap question is pending. */
    public RecordedSession open(String sessionId, SessionClock sessionClock, SessionSettings settings)
            throws SQLException, RecordedSession.SessionNotOpenable {
        return RecordedSession.open(store, plans.get(), sessionId, sessionClock, settings);
    }

    /**
     * Checks a session recorded on paper through the rules of a live session and stores it whole; returns its
     * id. Like a session planned on screen, it is bound to {@code ownerKey} (null while there is no key yet).
     */
    public String enterFromPaper(AssessmentPlan plan, PaperRecord record, SessionSettings settings, String ownerKey)
            throws PaperEntry.Problem, SQLException {
        return PaperSessions.enter(store, plan, record, clock.instant(), settings, ownerKey);
    }

    /** Every session, as the session list shows them. */
    public List<SessionSummary> list() throws SQLException {
        return store.list();
    }

    /** One session's row of the list; empty when there is no such session. */
    public Optional<SessionSummary> summary(String sessionId) throws SQLException {
        return store.summary(sessionId);
    }

    /** Where a session stands, folded from its log; empty when there is no such session. */
    public Optional<SessionState> state(String sessionId) throws SQLException {
        return store.state(sessionId);
    }

    /** A session's log as the record, in order (its audit trail). */
    public List<SessionEvent> events(String sessionId) throws SQLException {
        return store.events(sessionId);
    }

    /** Sessions the log says were running: when the app is starting, it stopped without pausing them. */
    public List<SessionSummary> running() throws SQLException {
        return store.running();
    }

    /** Checks every session's stored log against its hash chain; reads, changes nothing. */
    public List<LogCheck> checkLogs() throws SQLException {
        List<LogCheck> checks = new ArrayList<>();
        for (SessionStore.LogCheck c : store.checkAll()) {
            checks.add(new LogCheck(c.sessionId(), c.events(), c.headHash(), c.ownerKey(), c.changed()));
        }
        return checks;
    }

    /** An event's content as it is stored and exported (the {@code payload} of the command line's JSON). */
    public static ObjectNode payload(EventBody body) {
        return EventCodec.toJson(body);
    }
}
