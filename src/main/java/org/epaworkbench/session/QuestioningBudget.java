package org.epaworkbench.session;

import java.time.Duration;

/**
 * Questioning time used against the plan's limit, with a warning a configurable time before the
 * limit and an alert once it is exceeded.
 */
public record QuestioningBudget(Duration used, Duration limit, Duration warnBefore, boolean active) {

    public enum Level {
        WITHIN("Within limit"),
        WARNING("Nearly at limit"),
        EXCEEDED("Limit exceeded");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Duration remaining() {
        return limit.minus(used);
    }

    public Level level() {
        if (used.compareTo(limit) > 0) {
            return Level.EXCEEDED;
        }
        if (remaining().compareTo(warnBefore) <= 0) {
            return Level.WARNING;
        }
        return Level.WITHIN;
    }

    /** "6:48 left", "0:45 left", "0:30 over". */
    public String remainingText() {
        Duration r = remaining();
        return r.isNegative() ? ElapsedText.format(r.negated()) + " over" : ElapsedText.format(r) + " left";
    }
}
