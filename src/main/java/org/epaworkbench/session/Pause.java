package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;

/**
 * A pause: its reason, when it began and (once resumed) ended, in wall time, and the session time it began at (null
 * for a pause made without it). Pauses are not session time.
 */
public record Pause(String reason, Instant from, Instant until, Duration sessionTime) {

    public Pause(String reason, Instant from, Instant until) {
        this(reason, from, until, null);
    }

    public boolean ongoing() {
        return until == null;
    }
}
