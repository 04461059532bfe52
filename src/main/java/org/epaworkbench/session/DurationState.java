package org.epaworkbench.session;

import java.time.Duration;
import java.util.Optional;
import org.epaworkbench.plan.DurationWindow;

/**
 * Where elapsed time stands against a component's duration window: before the minimum, inside the
 * window, approaching the maximum (a configurable time before it), or over it. Where a plan gives
 * no maximum, only "past the planned time" can be said.
 */
public enum DurationState {
    BEFORE_MINIMUM("Before minimum"),
    IN_WINDOW("In window"),
    APPROACHING_MAXIMUM("Approaching maximum"),
    OVER_MAXIMUM("Over maximum"),
    PAST_PLANNED("Past planned time");

    private final String label;

    DurationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether ending now needs a reason: before the minimum or after the maximum. */
    public boolean outsideWindow() {
        return this == BEFORE_MINIMUM || this == OVER_MAXIMUM;
    }

    public static DurationState of(Duration elapsed, DurationWindow window, Duration approachingBefore) {
        Optional<Duration> min = window.minimum();
        Optional<Duration> max = window.maximum();
        if (min.isPresent() && elapsed.compareTo(min.get()) < 0) {
            return BEFORE_MINIMUM;
        }
        if (max.isPresent()) {
            if (elapsed.compareTo(max.get()) > 0) {
                return OVER_MAXIMUM;
            }
            if (elapsed.compareTo(max.get().minus(approachingBefore)) >= 0) {
                return APPROACHING_MAXIMUM;
            }
            return IN_WINDOW;
        }
        return elapsed.compareTo(window.planned()) > 0 ? PAST_PLANNED : IN_WINDOW;
    }
}
