package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;

/** A clock moved by hand: for replaying a session at a chosen time (sample data) and for tests. */
public final class ManualClock implements SessionClock {
    private Instant wall;
    private long nanos;

    public ManualClock(Instant start) {
        this.wall = start;
    }

    /** Time passes by {@code d}, on both the wall clock and the monotonic clock. */
    public void advance(Duration d) {
        wall = wall.plus(d);
        nanos += d.toNanos();
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    public void advanceMinutes(long minutes) {
        advance(Duration.ofMinutes(minutes));
    }

    /** Someone changes the system clock: the wall clock moves, no time passes. */
    public void jumpWall(Duration d) {
        wall = wall.plus(d);
    }

    /** A new run of the app: the monotonic clock restarts from an unrelated value. */
    public void restartMonotonic() {
        nanos = 77_000_000_000L;
    }

    @Override
    public Instant now() {
        return wall;
    }

    @Override
    public long monotonicNanos() {
        return nanos;
    }
}
