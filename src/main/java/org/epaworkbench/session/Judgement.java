package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;
import org.epaworkbench.grading.CriterionState;

/** The current judgement of a criterion and when it was made (in session time and wall time). */
public record Judgement(String criterionId, CriterionState state, Duration sessionTime, Instant at, boolean amended) {
}
