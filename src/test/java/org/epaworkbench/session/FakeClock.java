package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;

/** A clock tests move by hand: real time passing moves both readings; a changed system clock moves only the wall. */
public final class FakeClock implements SessionClock {
    private Instant wall;
    private long nanos = 1_000_000_000L;

    public FakeClock(Instant start) {
        this.wall = start;
    }

    public FakeClock() {
        this(Instant.parse("2026-11-23T09:00:00Z"));
    }

    /** Time passes. */
    public void advance(Duration d) {
        wall = wall.plus(d);
        nanos += d.toNanos();
    }

    public void advanceMinutes(long m) {
        advance(Duration.ofMinutes(m));
    }

    public void advanceSeconds(long s) {
        advance(Duration.ofSeconds(s));
    }

    /** Someone changes the system clock; no time passes. */
    public void jumpWall(Duration d) {
        wall = wall.plus(d);
    }

    /** A new run of the app: the monotonic clock starts from an unrelated value. */
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
