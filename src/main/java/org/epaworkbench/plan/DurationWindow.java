package org.epaworkbench.plan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A component's planned length and the window it may run in: "60 minutes (+/- 10%)" gives a
 * minimum of 54 and a maximum of 66 minutes. Where a source states only a maximum ("up to 30
 * minutes") or no tolerance at all, the missing bound is absent.
 */
public record DurationWindow(
        double plannedMinutes,
        Double tolerancePercent,
        Double minMinutes,
        Double maxMinutes,
        Citation source) {

    public DurationWindow {
        if (!(plannedMinutes > 0)) {
            throw new IllegalArgumentException("planned minutes must be positive: " + plannedMinutes);
        }
        Objects.requireNonNull(source, "source");
    }

    /** Builds a window from a planned length and a symmetric tolerance. */
    public static DurationWindow withTolerance(double plannedMinutes, double tolerancePercent, Citation source) {
        double delta = plannedMinutes * tolerancePercent / 100.0;
        return new DurationWindow(plannedMinutes, tolerancePercent,
                round(plannedMinutes - delta), round(plannedMinutes + delta), source);
    }

    static double round(double minutes) {
        return Math.round(minutes * 1000.0) / 1000.0;
    }

    public Duration planned() {
        return minutes(plannedMinutes);
    }

    public Optional<Duration> minimum() {
        return Optional.ofNullable(minMinutes).map(DurationWindow::minutes);
    }

    public Optional<Duration> maximum() {
        return Optional.ofNullable(maxMinutes).map(DurationWindow::minutes);
    }

    public Optional<Double> tolerance() {
        return Optional.ofNullable(tolerancePercent);
    }

    public static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000.0));
    }

    /** "60 min ±10% (54–66 min)", "up to 30 min", "90 min (no tolerance stated)". */
    public String describe() {
        String planned = QuestioningLimit.formatNumber(plannedMinutes) + " min";
        if (tolerancePercent != null) {
            return planned + " ±" + QuestioningLimit.formatNumber(tolerancePercent) + "% ("
                    + QuestioningLimit.formatNumber(minMinutes) + "–" + QuestioningLimit.formatNumber(maxMinutes) + " min)";
        }
        if (minMinutes == null && maxMinutes == null) {
            return planned + " (no tolerance stated)";
        }
        if (minMinutes == null && maxMinutes == plannedMinutes) {
            return "up to " + planned;
        }
        StringBuilder s = new StringBuilder(planned);
        if (minMinutes != null) {
            s.append(", at least ").append(QuestioningLimit.formatNumber(minMinutes)).append(" min");
        }
        if (maxMinutes != null) {
            s.append(", at most ").append(QuestioningLimit.formatNumber(maxMinutes)).append(" min");
        }
        return s.toString();
    }
}
