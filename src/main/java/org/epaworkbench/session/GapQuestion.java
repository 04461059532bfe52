package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;

/**
 * Asked when a session that was running is reopened after the app stopped unexpectedly: was the
 * time between {@code stoppedAt} and now session time? The default answer is yes: the session kept
 * running while the app was closed.
 *
 * @param stoppedAtSessionTime the session time last recorded before the stop
 */
public record GapQuestion(Instant stoppedAt, Duration stoppedAtSessionTime, Instant now) {

    /** The wall-clock length of the gap; never negative, even if the clock was set back. */
    public Duration gap() {
        Duration d = Duration.between(stoppedAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
