package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.epaworkbench.assessment.AttemptHistory;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.assessment.SubmittedReport;
import org.epaworkbench.assessment.WordCount;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.EpaRules;

/**
 * What the Project tab shows and decides, without FX: which attempt the submission date is for (a
 * failed project's report is reworked where the plan says so), the project's words against the plan's
 * length (annexes apart), how many criteria the apprentice's mapping places, and what a chosen
 * submission date saves (nothing while the tab is being filled).
 */
final class ProjectViewModel {

    /** What the project was submitted as, in the plan's submissions. */
    static final String SUBMISSION = "project report";

    /** Saves the date the project was submitted for an attempt ({@code null} clears it). */
    interface DateSaver {
        void save(int attempt, LocalDate date);
    }

    /** The project's words as the tab says them. */
    record Words(String counted, String annexStop, String detail, List<Flag> flags) {
    }

    private final EpaRules.ProjectReport rule;
    private final boolean reworks;
    private final Component project;
    private final DateSaver saver;
    private int attempt = 1;
    private boolean filling;

    ProjectViewModel(AssessmentPlan plan, DateSaver saver) {
        this.rule = plan.epa().projectReport();
        EpaRules.Reassessment reassessment = plan.epa().reassessment();
        this.reworks = reassessment != null && reassessment.projectReworkMonths() != null;
        this.project = plan.component(rule.component()).orElseThrow();
        this.saver = saver;
    }

    Component project() {
        return project;
    }

    /** Follows the attempts: the submission date is for the current one where a failed project is reworked, else the first. */
    void attempts(AttemptHistory history) {
        attempt = reworks ? history.current(project.id()) : 1;
    }

    int attempt() {
        return attempt;
    }

    String submittedLabel() {
        return attempt == 1 ? "Submitted on" : "Reworked report submitted on";
    }

    /** The words counted (annexes apart where the plan excludes them), where the count stopped, and what to check. */
    Words words(SubmittedReport r) {
        int counted = r.countedWords(rule);
        WordCount.ReportWords w = r.words();
        String annexStop = rule.annexesExcluded() ? w.stoppedAt().map(at -> "Counted up to " + at + "; "
                + WordCount.thousands(w.total() - w.excludingAnnexes()) + " words from there on are annexes.").orElse("") : "";
        String detail = w.total() == 0
                ? "No text found in the file: a scanned document has no words to count. Ask for the original document."
                : w.hasAnnexes()
                ? WordCount.thousands(w.total()) + " in all. If the count stopped at the wrong line, check the report: an annex "
                        + "starts at a short heading line such as “Appendix A”, “Annexe 1” or “7. Appendices”."
                : "No annex heading found (a short heading line such as “Appendix A”, “Annexe 1” or “Appendices”): every word "
                        + "counts.";
        return new Words(WordCount.thousands(counted) + " words" + (rule.annexesExcluded() ? " excluding annexes" : ""), annexStop,
                detail, r.lengthFlag(rule).stream().toList());
    }

    /** "3 of 7 criteria mapped". */
    String mappedCount(Map<String, String> locations) {
        long mapped = project.criteria().stream().filter(c -> locations.containsKey(c.id())).count();
        return mapped + " of " + project.criteria().size() + " criteria mapped";
    }

    /** Fills the tab from what is saved: nothing chosen meanwhile is saved again. */
    void filling(Runnable fill) {
        filling = true;
        try {
            fill.run();
        } finally {
            filling = false;
        }
    }

    /** The assessor chose (or cleared) the submission date: saved at once for the current attempt, unless filling. */
    void submittedOn(LocalDate date) {
        if (!filling) {
            saver.save(attempt, date);
        }
    }
}
