package org.epaworkbench.grading;

import java.util.List;
import java.util.Optional;
import org.epaworkbench.plan.Grade;

/**
 * The end-point assessment grade from the component grades. It is incomplete, with no grade, while
 * a component has no result and none has failed.
 */
public record OverallResult(
        Grade grade,
        Grade uncappedGrade,
        boolean capped,
        List<String> missingComponents,
        List<String> explanation) {

    public OverallResult {
        missingComponents = List.copyOf(missingComponents);
        explanation = List.copyOf(explanation);
    }

    public boolean complete() {
        return grade != null;
    }

    public Optional<Grade> awarded() {
        return Optional.ofNullable(grade);
    }
}
