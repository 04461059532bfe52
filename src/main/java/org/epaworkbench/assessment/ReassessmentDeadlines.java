package org.epaworkbench.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.Wording;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.plan.Grade;

/**
 * After a failed component: by when a resit or retake should happen (the reassessment period runs from
 * the first fail, as the plan says, and a further fail does not restart it), when a failed project's
 * rework is due, and the further training a retake needs first.
 */
public final class ReassessmentDeadlines {

    private ReassessmentDeadlines() {
    }

    /** As {@link #of}, for a single fail of the component on {@code failedOn}. */
    public static List<Deadline> after(AssessmentPlan plan, String componentId, LocalDate failedOn) {
        return of(plan, componentId, new AttemptHistory(List.of(new Attempt(componentId, AttemptKind.FIRST, failedOn, Grade.FAIL))));
    }

    /** The deadlines for the component's next attempt, when its latest attempt failed; empty otherwise. */
    public static List<Deadline> of(AssessmentPlan plan, String componentId, AttemptHistory history) {
        List<Deadline> deadlines = new ArrayList<>();
        Optional<Attempt> latest = history.latest(componentId).filter(Attempt::failed);
        if (latest.isEmpty()) {
            return deadlines;
        }
        LocalDate failedOn = latest.get().endedOn();
        String title = Wording.inSentence(EpaCheck.title(plan, componentId));
        EpaRules.Reassessment r = plan.epa().reassessment();
        EpaRules.ProjectReport report = plan.epa().projectReport();
        if (r != null && r.projectReworkMonths() != null && report != null && report.component().equals(componentId)) {
            deadlines.add(new Deadline("Reworked project due (" + Wording.count(r.projectReworkMonths(), "month")
                    + " after the fail on " + EpaCheck.day(failedOn) + ")", failedOn.plusMonths(r.projectReworkMonths()), r.source()));
        }
        if (r != null) {
            LocalDate from = periodStart(r, history, componentId).orElse(failedOn);
            deadlines.add(new Deadline("Resit or retake of the " + title + " within " + r.withinMonths() + " months"
                    + (from.equals(failedOn) ? "" : " of the first fail on " + EpaCheck.day(from)), limit(r, history, componentId)
                    .orElse(failedOn.plusMonths(r.withinMonths())), r.source()));
        }
        EpaRules.RetakeTraining training = plan.epa().retakeTraining();
        if (training != null && history.componentsFailedBy(LocalDate.MAX) >= training.whenFailedAtLeast()) {
            LocalDate last = history.latestFailBy(LocalDate.MAX).orElseThrow().endedOn();
            deadlines.add(new Deadline("Earliest retake of the " + title + " (at least " + Wording.count(training.minMonths(), "month")
                    + " of further training)", last.plusMonths(training.minMonths()), training.source()));
            deadlines.add(new Deadline("Further training before the retake of the " + title + " ends (at most "
                    + Wording.count(training.maxMonths(), "month") + ")", last.plusMonths(training.maxMonths()), training.source()));
        }
        return deadlines;
    }

    /** Where the reassessment period starts: the first fail of the EPA, or of the component, as the plan says. */
    static Optional<LocalDate> periodStart(EpaRules.Reassessment r, AttemptHistory history, String componentId) {
        Optional<Attempt> first = r.periodStarts() == EpaRules.PeriodStart.COMPONENT_FIRST_FAIL
                ? history.firstFail(componentId) : history.firstFail();
        return first.map(Attempt::endedOn);
    }

    /** The last day of the reassessment period. */
    static Optional<LocalDate> limit(EpaRules.Reassessment r, AttemptHistory history, String componentId) {
        return periodStart(r, history, componentId).map(d -> d.plusMonths(r.withinMonths()));
    }
}
