package org.epaworkbench.epa;

import org.epaworkbench.Wording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.EpaRules;

/** After a failed component: by when a resit or retake should happen, and when a failed project's rework is due. */
public final class ReassessmentDeadlines {

    private ReassessmentDeadlines() {
    }

    public static List<Deadline> after(AssessmentPlan plan, String componentId, LocalDate failedOn) {
        List<Deadline> deadlines = new ArrayList<>();
        EpaRules.Reassessment r = plan.epa().reassessment();
        if (r == null) {
            return deadlines;
        }
        String title = EpaCheck.title(plan, componentId);
        EpaRules.ProjectReport report = plan.epa().projectReport();
        if (r.projectReworkMonths() != null && report != null && report.component().equals(componentId)) {
            deadlines.add(new Deadline("Reworked project due (" + r.projectReworkMonths() + " month"
                    + (r.projectReworkMonths() == 1 ? "" : "s") + ")", failedOn.plusMonths(r.projectReworkMonths()), r.source()));
        }
        deadlines.add(new Deadline("Resit or retake of the " + Wording.inSentence(title) + " within " + r.withinMonths() + " months",
                failedOn.plusMonths(r.withinMonths()), r.source()));
        return deadlines;
    }
}
