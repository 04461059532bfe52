package org.epaworkbench.session;

import java.time.Instant;

/**
 * The one source of time for sessions. Elapsed session time is measured with {@link #monotonicNanos()},
 * which never jumps; {@link #now()} gives the wall-clock time stamped on events. Changing the system
 * clock mid-session therefore changes event time stamps but not elapsed time.
 */
public interface SessionClock {

    /** Wall-clock time, for time stamps. */
    Instant now();

    /** A monotonic reading in nanoseconds, meaningful only as a difference within one run of the app. */
    long monotonicNanos();

    /** Both clocks read at one moment, e.g. when a button is pressed, for an action recorded a little later. */
    default Reading read() {
        return new Reading(now(), monotonicNanos());
    }

    /** A moment as both clocks gave it. */
    record Reading(Instant at, long monotonicNanos) {
    }

    /**
     * Wall-clock time from {@code wall}, elapsed time from {@code System.nanoTime()}: for an event recorded beside
     * something else dated by {@code wall} (the command line's record-signed event, dated like its record).
     */
    static SessionClock of(java.time.Clock wall) {
        return new SessionClock() {
            @Override
            public Instant now() {
                return wall.instant();
            }

            @Override
            public long monotonicNanos() {
                return System.nanoTime();
            }
        };
    }

    /** The system's clocks: {@code Instant.now()} and {@code System.nanoTime()}. */
    static SessionClock system() {
        return new SessionClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public long monotonicNanos() {
                return System.nanoTime();
            }
        };
    }
}
