package org.epaworkbench.session;

import java.time.Instant;

/** A pause: its reason, when it began and (once resumed) ended, in wall time. Pauses are not session time. */
public record Pause(String reason, Instant from, Instant until) {
    public boolean ongoing() {
        return until == null;
    }
}
