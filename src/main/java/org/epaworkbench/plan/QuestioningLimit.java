package org.epaworkbench.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The most questioning time allowed inside a session: a fixed number of minutes ("should not exceed
 * 9 minutes"), a percentage of one of the component's times ("15% of the total time allowed"), or
 * both, in which case the smaller wins ("15% ... (a maximum of 10 minutes)").
 */
public record QuestioningLimit(Double maxMinutes, Double maxPercent, PercentOf percentOf, Citation source) {

    /** Which of the component's times a percentage limit is taken of. */
    public enum PercentOf {
        /** The planned length, e.g. 60 minutes. */
        PLANNED("planned"),
        /** The longest the session may run, the planned length plus tolerance, e.g. 66 minutes. */
        MAXIMUM("maximum");

        private final String word;

        PercentOf(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static PercentOf fromWord(String word) {
            for (PercentOf p : values()) {
                if (p.word.equals(word)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("not a basis for a percentage: " + word);
        }
    }

    public QuestioningLimit {
        if (maxMinutes == null && maxPercent == null) {
            throw new IllegalArgumentException("a questioning limit needs minutes, a percentage or both");
        }
        if (maxPercent != null && percentOf == null) {
            throw new IllegalArgumentException("a percentage limit must say which time it is a percentage of");
        }
        Objects.requireNonNull(source, "source");
    }

    public Optional<Double> minutesCap() {
        return Optional.ofNullable(maxMinutes);
    }

    public Optional<Double> percent() {
        return Optional.ofNullable(maxPercent);
    }

    /** The limit for a component with the given duration window. */
    public Duration limitFor(DurationWindow window) {
        Duration limit = null;
        if (maxPercent != null) {
            double basis = switch (percentOf) {
                case PLANNED -> window.plannedMinutes();
                case MAXIMUM -> window.maxMinutes() != null ? window.maxMinutes() : window.plannedMinutes();
            };
            limit = DurationWindow.minutes(basis * maxPercent / 100.0);
        }
        if (maxMinutes != null) {
            Duration cap = DurationWindow.minutes(maxMinutes);
            limit = limit == null || cap.compareTo(limit) < 0 ? cap : limit;
        }
        return limit;
    }

    /** "9 min", "15% of the maximum time", "15% of the maximum time, at most 10 min". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (maxPercent != null) {
            s.append(formatNumber(maxPercent)).append("% of the ").append(percentOf.word()).append(" time");
            if (maxMinutes != null) {
                s.append(", at most ").append(formatNumber(maxMinutes)).append(" min");
            }
        } else {
            s.append(formatNumber(maxMinutes)).append(" min");
        }
        return s.toString();
    }

    /** 9 → "9", 9.9 → "9.9". */
    public static String formatNumber(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
