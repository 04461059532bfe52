package org.epaworkbench.session;

import java.util.Map;
import org.epaworkbench.grading.ComponentJudgements;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.GradingEngine;
import org.epaworkbench.grading.GradingInputException;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;

/** The component grade a session's judgements would earn now, with what is still missing. */
public final class GradePreview {

    private GradePreview() {
    }

    public static ComponentResult of(AssessmentPlan plan, Component component, SessionState state) {
        AttemptKind attempt = state.details() == null ? AttemptKind.FIRST : state.details().attempt();
        try {
            return new GradingEngine().gradeComponent(plan, component,
                    new ComponentJudgements(attempt, state.criterionStates(), Map.of(), false), Map.of());
        } catch (GradingInputException e) {
            throw new IllegalStateException("a session only records criteria of its component: " + e.getMessage(), e);
        }
    }
}
