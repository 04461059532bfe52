package org.epaworkbench.assessment;

import org.epaworkbench.plan.Citation;

/** A rule a planned or recorded date breaks, or is about to, with the rule's source. */
public record Flag(Severity severity, String subject, String message, Citation source) {

    public enum Severity {
        /** Breaks a rule of the plan. */
        PROBLEM,
        /** Goes against a recommendation, or needs attention soon. */
        WARNING
    }
}
