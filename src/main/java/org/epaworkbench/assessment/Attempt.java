package org.epaworkbench.assessment;

import java.time.LocalDate;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Grade;

/** A component assessed: first attempt, resit or retake, the day it ended and the grade it earned. */
public record Attempt(String componentId, AttemptKind kind, LocalDate endedOn, Grade grade) {
    public boolean failed() {
        return grade == Grade.FAIL;
    }
}
