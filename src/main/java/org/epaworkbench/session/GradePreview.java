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

    /**
     * The grade from the judgements of the component's own criteria. A judgement of a criterion the
     * component does not have (a log the app could not have recorded, stored before imports checked
     * it) cannot count; {@link #unknownCriteria} names it.
     */
    public static ComponentResult of(AssessmentPlan plan, Component component, SessionState state) {
        AttemptKind attempt = state.details() == null ? AttemptKind.FIRST : state.details().attempt();
        Map<String, org.epaworkbench.grading.CriterionState> known = knownStates(component, state);
        try {
            return new GradingEngine().gradeComponent(plan, component,
                    new ComponentJudgements(attempt, known, Map.of(), false), Map.of());
        } catch (GradingInputException e) {
            throw new IllegalStateException("a session only records criteria of its component: " + e.getMessage(), e);
        }
    }

    /**
     * The session's judgements of the component's own criteria: what every grade (the session's, the
     * apprentice's overall result) is computed from. A judgement of a criterion the component does not
     * have is left out; {@link #unknownCriteria} names it.
     */
    public static Map<String, org.epaworkbench.grading.CriterionState> knownStates(Component component, SessionState state) {
        Map<String, org.epaworkbench.grading.CriterionState> known = new java.util.LinkedHashMap<>();
        state.criterionStates().forEach((id, st) -> {
            if (component.criterion(id).isPresent()) {
                known.put(id, st);
            }
        });
        return known;
    }

    /** Criteria the session's judgements, notes or evidence name that its component does not have; normally none. */
    public static java.util.SortedSet<String> unknownCriteria(Component component, SessionState state) {
        java.util.SortedSet<String> unknown = new java.util.TreeSet<>();
        state.judgements().keySet().forEach(unknown::add);
        state.notes().stream().map(CriterionNote::criterionId).filter(java.util.Objects::nonNull).forEach(unknown::add);
        state.evidence().stream().map(EvidenceReference::criterionId).forEach(unknown::add);
        unknown.removeIf(id -> component.criterion(id).isPresent());
        return unknown;
    }
}
