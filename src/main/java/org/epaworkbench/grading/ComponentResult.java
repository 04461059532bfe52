package org.epaworkbench.grading;

import java.util.List;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.Grade;

/**
 * A component's grade and everything that explains it: how many pass and distinction criteria were
 * met, which are missing, whether a resit/retake cap lowered it, and any criteria carried over.
 *
 * @param grade the grade awarded, after any cap
 * @param uncappedGrade the grade the judgements earn before any cap
 * @param distinctionRequired how many distinction criteria the plan's rule requires
 */
public record ComponentResult(
        String componentId,
        String componentTitle,
        AttemptKind attempt,
        Grade grade,
        Grade uncappedGrade,
        boolean capped,
        int passMet,
        int passTotal,
        int distinctionMet,
        int distinctionTotal,
        int distinctionRequired,
        List<Criterion> missingForPass,
        List<Criterion> missingForDistinction,
        List<CarriedOverCriterion> carriedOver,
        List<String> explanation) {

    public ComponentResult {
        missingForPass = List.copyOf(missingForPass);
        missingForDistinction = List.copyOf(missingForDistinction);
        carriedOver = List.copyOf(carriedOver);
        explanation = List.copyOf(explanation);
    }

    /** How many more distinction criteria are needed for the distinction rule (0 when it holds). */
    public int distinctionShortfall() {
        return Math.max(0, distinctionRequired - distinctionMet);
    }
}
