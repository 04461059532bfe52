package org.epaworkbench.session;

import java.time.Duration;
import java.util.Optional;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;

/**
 * An immutable picture of a live session after its latest committed event, safe to hand to another
 * thread: the screen computes the running timer from it with the monotonic clock, without touching
 * the live session.
 */
public record LiveSnapshot(
        AssessmentPlan plan,
        Component component,
        SessionSettings settings,
        SessionState state,
        long anchorNanos,
        GapQuestion gapQuestion,
        ComponentResult gradePreview) {

    /** Elapsed session time at a monotonic clock reading. */
    public Duration elapsed(long monotonicNanos) {
        if (gapQuestion != null) {
            return gapQuestion.stoppedAtSessionTime();
        }
        return state.elapsedAt(Duration.ofNanos(monotonicNanos - anchorNanos));
    }

    public DurationState durationState(long monotonicNanos) {
        return DurationState.of(elapsed(monotonicNanos), component.timing(), settings.approachingMaximum());
    }

    public Optional<QuestioningBudget> questioning(long monotonicNanos) {
        return component.questioningLimit().map(limit -> new QuestioningBudget(
                state.questioningUsedAt(elapsed(monotonicNanos)), limit.limitFor(component.timing()),
                settings.questioningWarning(), state.questioningActive()));
    }

    public Optional<GapQuestion> gap() {
        return Optional.ofNullable(gapQuestion);
    }
}
