package org.epaworkbench.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.store.Deliveries;

/**
 * The outbox delivering by itself (issue 15): whenever the organisation's intake service is set up and
 * something waits, it is delivered in the background; after a failure the package is tried again when
 * its stored next try comes (back-off with jitter, {@link OrganisationDelivery}); every little while it
 * looks again for newly signed records. Rounds run one at a time on the scheduler it is given, with the
 * time from the clock it is given, so tests drive both.
 *
 * <p>Requests are signed with the assessor's key: the key is unlocked once per run of the app, when the
 * assessor gives its password ({@link #unlock}), and kept in memory only, never written anywhere. Until
 * then the status says the key is needed ({@link Phase#NEEDS_KEY}: the app asks once); if the assessor
 * declines, delivery is paused ({@link Phase#PAUSED}) until they unlock it.
 */
public final class AutomaticDelivery implements AutoCloseable {

    /** How often to look for something new to deliver when nothing is due sooner. */
    public static final Duration LOOK_EVERY = Duration.ofMinutes(1);

    /** Where delivery stands as a whole. */
    public enum Phase {
        /** No intake service set up: nothing is delivered (export to a folder still works). */
        NOT_SET_UP,
        /** Everything made here has its receipt (or was refused); nothing waits. */
        UP_TO_DATE,
        /** Something waits and the signing key has not been unlocked in this run: the app asks for it. */
        NEEDS_KEY,
        /** Something waits; the assessor declined to unlock the key: nothing goes until they do. */
        PAUSED,
        /** A package is being sent. */
        DELIVERING,
        /** The service could not be reached: tried again at the next try. */
        WAITING,
        /** Something went wrong here (the database, the package file). */
        PROBLEM
    }

    /**
     * What the status line shows. {@code delivery} is the package being sent (while delivering), with the
     * bytes the service holds of it; {@code nextTry} when the next try is due (while waiting).
     */
    public record Status(Phase phase, String words, Deliveries.Delivery delivery, long bytesHeld, Instant nextTry) {
        static Status of(Phase phase, String words) {
            return new Status(phase, words, null, 0, null);
        }
    }

    /** Told of each change of status, on the delivery's own thread. */
    @FunctionalInterface
    public interface Listener {
        void changed(Status status);
    }

    private final OrganisationDelivery delivery;
    private final AssessorIdentity identity;
    private final Sessions sessions;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile Listener listener = s -> { };
    private volatile AssessorIdentity.Unlocked signer;
    private volatile boolean declined;
    private volatile Status status = Status.of(Phase.NOT_SET_UP, "");
    private ScheduledFuture<?> next;
    private boolean queued;
    private boolean queuedAll;

    /**
     * @param scheduler where rounds run, one at a time (a single thread); it is shut down by {@link #close()}
     */
    public AutomaticDelivery(OrganisationDelivery delivery, AssessorIdentity identity, Sessions sessions, Clock clock,
            ScheduledExecutorService scheduler) {
        this.delivery = delivery;
        this.identity = identity;
        this.sessions = sessions;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Who is told of changes (one listener: the app's window). */
    public void listen(Listener l) {
        this.listener = l == null ? s -> { } : l;
        this.listener.changed(status);
    }

    /** The status now. */
    public Status status() {
        return status;
    }

    /** Starts looking: a first round at once, then as things fall due. */
    public void start() {
        submit(false);
    }

    /** Delivers every package waiting now, whatever its next try (the assessor pressed "Deliver now"). */
    public void deliverNow() {
        submit(true);
    }

    /**
     * Sends a package the service refused again, now (the assessor pressed "Deliver again" once the office
     * fixed the cause); with the key still locked it waits for it like any other package.
     *
     * @throws IllegalArgumentException when the package is not a refused one
     */
    public void deliverAgain(String packageId) throws java.sql.SQLException {
        delivery.deliverAgain(packageId);
        submit(true);
    }

    /** Whether the key is unlocked in this run. */
    public boolean unlocked() {
        return signer != null;
    }

    /**
     * Unlocks the signing key for this run (kept in memory only) and delivers what waits; a wrong password
     * is a {@link KeyStoreProblem.WrongPassword}. The password's characters are wiped.
     */
    public void unlock(char[] password) throws KeyStoreProblem {
        try {
            signer = identity.unlock(password, "Nothing was delivered.");
        } finally {
            Arrays.fill(password, '\0');
        }
        declined = false;
        submit(true);
    }

    /** The assessor would not unlock the key now: delivery is paused until they do. */
    public void decline() {
        declined = true;
        submit(false);
    }

    /** Asks for a round now; asks made before it starts make one round (every package, if any asked for all). */
    private void submit(boolean all) {
        synchronized (this) {
            queuedAll |= all;
            if (queued) {
                return;
            }
            queued = true;
        }
        try {
            scheduler.execute(() -> {
                boolean every;
                synchronized (this) {
                    every = queuedAll;
                    queued = false;
                    queuedAll = false;
                }
                round(every);
            });
        } catch (RejectedExecutionException e) {
            // closing: nothing more is started
        }
    }

    /** One round, on the scheduler's thread; then the next is scheduled. */
    void round(boolean all) {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        Duration wait = LOOK_EVERY;
        try {
            delivery.removeDeliveredCopies();
            if (delivery.target().isEmpty()) {
                publish(Status.of(Phase.NOT_SET_UP, "Delivery to the organisation is not set up (Settings)."));
                return;
            }
            boolean pack = all || sessions.running().isEmpty();
            if (!delivery.somethingToDeliver(all, pack)) {
                publish(!pack && delivery.somethingToDeliver(all, true)
                        ? Status.of(Phase.UP_TO_DATE, "What waits is delivered once no session is running (or press Deliver now).")
                        : settled());
                wait = untilNextTry(wait);
                return;
            }
            AssessorIdentity.Unlocked key = signer;
            if (key == null) {
                if (!identity.exists()) {
                    publish(Status.of(Phase.PROBLEM, "There is no signing key here to sign deliveries with: sign a record first."));
                } else {
                    publish(declined ? Status.of(Phase.PAUSED, "Delivery paused — unlock to deliver.")
                            : Status.of(Phase.NEEDS_KEY, "Unlock your signing key to deliver to the organisation."));
                }
                return;
            }
            OrganisationDelivery.Round r = delivery.deliverNow(key, all, pack, (d, bytes) -> publish(new Status(Phase.DELIVERING,
                    "Delivering package " + d.packageId() + "…", d, bytes, null)));
            publish(r.unreachable() != null ? waiting(r.unreachable()) : settled());
            wait = untilNextTry(wait);
        } catch (Exception e) {
            publish(Status.of(Phase.PROBLEM, "Delivery stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
        } finally {
            schedule(wait);
        }
    }

    private Status settled() throws java.sql.SQLException {
        Optional<Deliveries.Delivery> tried = delivery.deliveries().stream()
                .filter(d -> d.state() == Deliveries.State.WAITING && d.nextAttemptAt() != null).findFirst();
        if (tried.isPresent()) {
            return waiting(tried.get().problem());
        }
        long refused = delivery.refused().size();
        if (refused > 0) {
            return Status.of(Phase.UP_TO_DATE, (refused == 1 ? "The organisation's service refused a package"
                    : "The organisation's service refused " + refused + " packages") + ", saying why below. Once the office "
                    + "has put it right, select " + (refused == 1 ? "it" : "one") + " and click Deliver again.");
        }
        return Status.of(Phase.UP_TO_DATE, "Everything made here has been delivered to the organisation.");
    }

    private Status waiting(String problem) throws java.sql.SQLException {
        Instant at = delivery.nextTry().orElse(null);
        return new Status(Phase.WAITING, (problem == null ? "Not delivered yet." : problem) + " Tried again by itself.", null, 0, at);
    }

    private Duration untilNextTry(Duration longest) throws java.sql.SQLException {
        Optional<Instant> at = delivery.nextTry();
        if (at.isEmpty()) {
            return longest;
        }
        Duration d = Duration.between(clock.instant(), at.get());
        return d.isNegative() ? Duration.ZERO : d.compareTo(longest) < 0 ? d : longest;
    }

    private void schedule(Duration wait) {
        try {
            next = scheduler.schedule(() -> round(false), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void publish(Status s) {
        status = s;
        listener.changed(s);
    }

    /** Stops: no more rounds; the unlocked key is forgotten. */
    @Override
    public void close() {
        signer = null;
        scheduler.shutdownNow();
        try {
            // a round cut off mid-piece is resumed next run; wait for it to leave the database before it closes
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
