package org.epaworkbench.app;

import org.epaworkbench.store.StorageProblem;

import org.epaworkbench.store.SessionStore;

import org.epaworkbench.store.HeldJournal;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.LiveSession;
import org.epaworkbench.session.PendingEvent;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;

/**
 * A live session whose every action is saved before it counts: prepare the event, append it to
 * the store (committed, fully synced), then commit it to the live session. If saving fails the
 * action is not done and the session is unchanged, except when the disk is full or the folder
 * cannot be written: then the action is held in memory, said so, and saved when it can be.
 *
 * <p>Not thread-safe: the app's background writer drives it.
 */
public final class RecordedSession {

    /** One assessor action on the live session. */
    @FunctionalInterface
    public interface Action {
        PendingEvent prepare(LiveSession live) throws SessionRuleException;
    }

    private final LiveSession live;
    private final SessionStore store;
    private final Deque<SessionEvent> held = new ArrayDeque<>();
    private StorageProblem heldBecause;
    private HeldJournal journal;

    private RecordedSession(LiveSession live, SessionStore store) {
        this.live = live;
        this.store = store;
    }

    /** Plans a new session and stores it, not yet bound to a key (see {@link SessionStore#bindUnowned}). */
    public static RecordedSession create(SessionStore store, AssessmentPlan plan, SessionDetails details,
            SessionClock clock, SessionSettings settings, boolean sample) throws SessionRuleException, SQLException {
        return create(store, plan, details, clock, settings, sample, null);
    }

    /**
     * Plans a new session and stores it, its first event naming the key that owns it ({@code ownerKey},
     * the assessor's public key fingerprint; null while the data folder has no key yet).
     */
    public static RecordedSession create(SessionStore store, AssessmentPlan plan, SessionDetails details,
            SessionClock clock, SessionSettings settings, boolean sample, String ownerKey)
            throws SessionRuleException, SQLException {
        String id = ownerKey == null ? UUID.randomUUID().toString() : org.epaworkbench.session.SessionIds.derive(ownerKey);
        LiveSession live = LiveSession.create(id, plan, details.componentId(), clock, settings);
        PendingEvent planned = live.plan(details);
        store.create(planned.event(), sample, ownerKey);
        live.commit(planned);
        return new RecordedSession(live, store);
    }

    /** Reopens a stored session; if it was running when the app stopped, its gap question is pending. */
    public static RecordedSession open(SessionStore store, PlanLibrary plans, String sessionId, SessionClock clock,
            SessionSettings settings) throws SQLException, SessionNotOpenable {
        var events = store.events(sessionId);
        if (events.isEmpty()) {
            throw new SessionNotOpenable("There is no session " + sessionId + ".");
        }
        SessionDetails details = ((EventBody.SessionPlanned) events.get(0).body()).details();
        AssessmentPlan plan = plans.plan(details.planId()).orElseThrow(() -> new SessionNotOpenable(
                "Session " + sessionId + " follows plan '" + details.planId() + "', which is not installed. "
                        + "Import that plan pack to open it."));
        if (plan.component(details.componentId()).isEmpty()) {
            throw new SessionNotOpenable("Plan '" + plan.id() + "' no longer has component '" + details.componentId()
                    + "' that session " + sessionId + " assessed.");
        }
        Optional<LiveSession.Heartbeat> beat = store.lastHeartbeat(sessionId);
        return new RecordedSession(LiveSession.reopen(events, plan, clock, settings, beat), store);
    }

    /** A stored session that cannot be opened: unknown, or its plan is not installed. */
    public static final class SessionNotOpenable extends Exception {
        private static final long serialVersionUID = 1L;

        public SessionNotOpenable(String message) {
            super(message);
        }
    }

    /**
     * Checks, saves and applies one action; returns the new state. If the save fails because the
     * disk is full or the data folder cannot be written (a {@link StorageProblem}), the action is
     * still done, but held in memory: {@link #held()} says how many actions wait, and they are saved,
     * in order, by {@link #saveHeld()} or before the next action once the problem has gone. Any
     * other failure leaves the session unchanged.
     */
    public SessionState perform(Action action) throws SessionRuleException, SQLException {
        saveHeld();
        PendingEvent pending = action.prepare(live);
        SessionEvent event = pending.event();
        if (held.isEmpty()) {
            try {
                store.append(event);
                return live.commit(pending);
            } catch (SQLException e) {
                Optional<StorageProblem> problem = StorageProblem.of(e);
                if (problem.isEmpty()) {
                    throw e;
                }
                heldBecause = problem.get();
            }
        }
        held.add(event);
        if (journal != null) {
            journal.write(id(), held); // a second copy, elsewhere: a crash now loses nothing
        }
        return live.commit(pending);
    }

    /**
     * Keeps a second copy of the actions held in memory in {@code journal} (the user's temporary or
     * home folder), so that they survive a crash while held; {@link HeldJournal#replay} saves them on
     * the next start.
     */
    public RecordedSession journalTo(HeldJournal journal) {
        this.journal = journal;
        return this;
    }

    /**
     * Saves the actions held in memory, oldest first, as far as the store allows now.
     *
     * @return true when nothing is held any more
     */
    public boolean saveHeld() throws SQLException {
        while (!held.isEmpty()) {
            try {
                store.append(held.peekFirst());
            } catch (SQLException e) {
                Optional<StorageProblem> problem = StorageProblem.of(e);
                if (problem.isEmpty()) {
                    throw e;
                }
                heldBecause = problem.get();
                if (journal != null) {
                    journal.write(id(), held);
                }
                return false;
            }
            held.removeFirst();
        }
        heldBecause = null;
        if (journal != null) {
            journal.clear(id());
        }
        return true;
    }

    /** How many actions are done but not yet saved (held in memory); 0 normally. */
    public int held() {
        return held.size();
    }

    /** When the oldest action held in memory was done, while any are. */
    public Optional<java.time.Instant> heldSince() {
        return held.isEmpty() ? Optional.empty() : Optional.of(held.peekFirst().at());
    }

    /** Why actions are held in memory, while any are. */
    public Optional<StorageProblem> heldBecause() {
        return held.isEmpty() ? Optional.empty() : Optional.ofNullable(heldBecause);
    }

    /** Saves the session time now, so a crash loses at most the time since the last heartbeat. */
    public void heartbeat() throws SQLException {
        if (live.state().running() && live.gapQuestion().isEmpty() && held.isEmpty()) {
            store.heartbeat(live.sessionId(), live.heartbeat());
        }
    }

    public LiveSession live() {
        return live;
    }

    public String id() {
        return live.sessionId();
    }
}
