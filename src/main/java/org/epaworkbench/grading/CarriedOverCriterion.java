package org.epaworkbench.grading;

import org.epaworkbench.plan.Criterion;

/** A criterion that did not arise in its own component and was judged in another one instead. */
public record CarriedOverCriterion(Criterion criterion, String judgedInComponent, CriterionState state) {
}
