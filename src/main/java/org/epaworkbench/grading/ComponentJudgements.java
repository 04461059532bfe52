package org.epaworkbench.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.epaworkbench.plan.AttemptKind;

/**
 * What an assessor judged in one component: the attempt, the state of each criterion (criteria
 * left out count as not met), and the criteria of other components that were carried over into
 * this one and judged here, keyed by the component they came from.
 *
 * @param exceptionalCircumstances the organisation has identified exceptional circumstances that
 *     lift the resit/retake cap, where its plan allows that
 */
public record ComponentJudgements(
        AttemptKind attempt,
        Map<String, CriterionState> criteria,
        Map<String, Map<String, CriterionState>> carriedOver,
        boolean exceptionalCircumstances) {

    public ComponentJudgements {
        Objects.requireNonNull(attempt, "attempt");
        criteria = Map.copyOf(criteria);
        Map<String, Map<String, CriterionState>> copy = new LinkedHashMap<>();
        carriedOver.forEach((from, states) -> copy.put(from, Map.copyOf(states)));
        carriedOver = Map.copyOf(copy);
    }

    public static ComponentJudgements firstAttempt(Map<String, CriterionState> criteria) {
        return new ComponentJudgements(AttemptKind.FIRST, criteria, Map.of(), false);
    }

    public CriterionState stateOf(String criterionId) {
        return criteria.getOrDefault(criterionId, CriterionState.NOT_MET);
    }

    public boolean judged(String criterionId) {
        return criteria.containsKey(criterionId);
    }
}
