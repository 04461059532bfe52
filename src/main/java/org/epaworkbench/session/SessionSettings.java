package org.epaworkbench.session;

import java.time.Duration;

/**
 * The assessor's preferences for live warnings: how long before the maximum duration the timer
 * says "approaching maximum" (default 5 minutes) and how long before the questioning limit it warns
 * (default 1 minute).
 */
public record SessionSettings(Duration approachingMaximum, Duration questioningWarning) {

    public static final SessionSettings DEFAULT = new SessionSettings(Duration.ofMinutes(5), Duration.ofMinutes(1));

    public SessionSettings {
        if (approachingMaximum.isNegative() || questioningWarning.isNegative()) {
            throw new IllegalArgumentException("warning times cannot be negative");
        }
    }
}
