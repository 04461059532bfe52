package org.epaworkbench.app;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.StorageProblem;

/**
 * The sessions open in the app, whether on screen or kept running behind another screen, and their
 * heartbeat (issue 14): every few seconds each one saves its timer checkpoint (so a crash loses at most
 * that much session time), or, while actions are held in memory because the disk is full, tries to save
 * them. The heartbeat is scheduled here, off the screen's thread, and each beat is handed to the
 * session's ordered writer, so it never overtakes an action.
 */
public final class RunningSessions implements AutoCloseable {

    /** How often a heartbeat is saved. */
    public static final java.time.Duration EVERY = java.time.Duration.ofSeconds(5);

    /** What is held in memory for a session after a beat. */
    public record Held(int actions, StorageProblem because, Instant since) {
        public static final Held NONE = new Held(0, null, null);
    }

    /** Told, on the writer's thread, what each beat did. */
    public interface Listener {
        void saved(Held held);

        void failed(Exception e);
    }

    private record Open(RecordedSession session, Executor writer, Listener listener) {
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    /** A registry whose heartbeat runs by itself every {@link #EVERY}. */
    public static RunningSessions beating() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workbench-heartbeat");
            t.setDaemon(true);
            return t;
        });
        RunningSessions sessions = new RunningSessions(timer);
        timer.scheduleWithFixedDelay(sessions::beat, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return sessions;
    }

    /** A registry that beats only when {@link #beat()} is called (tests drive it). */
    public static RunningSessions manual() {
        return new RunningSessions(null);
    }

    private RunningSessions(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Opens a session: from now on it beats, on {@code writer} (its ordered writer), telling {@code listener}. */
    public void open(RecordedSession session, Executor writer, Listener listener) {
        open.put(session.id(), new Open(session, writer, listener));
    }

    /** Closes a session: no more beats. */
    public void close(String sessionId) {
        open.remove(sessionId);
    }

    public boolean isOpen(String sessionId) {
        return open.containsKey(sessionId);
    }

    public Set<String> ids() {
        return Set.copyOf(open.keySet());
    }

    /** One heartbeat for every open session, each handed to its writer. */
    public void beat() {
        for (Open o : open.values()) {
            try {
                o.writer().execute(() -> beatOne(o));
            } catch (RejectedExecutionException closing) {
                // the app is closing: its last checkpoint stands
            }
        }
    }

    private void beatOne(Open o) {
        if (!open.containsKey(o.session().id())) {
            return; // closed while the beat waited for the writer
        }
        RecordedSession s = o.session();
        try {
            if (s.held() > 0) {
                s.saveHeld();
            } else {
                s.heartbeat();
            }
            o.listener().saved(new Held(s.held(), s.heldBecause().orElse(null), s.heldSince().orElse(null)));
        } catch (SQLException | RuntimeException e) {
            o.listener().failed(e);
        }
    }

    @Override
    public void close() {
        open.clear();
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
