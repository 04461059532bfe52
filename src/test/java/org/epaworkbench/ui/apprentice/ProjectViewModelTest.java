package org.epaworkbench.ui.apprentice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epaworkbench.assessment.Attempt;
import org.epaworkbench.assessment.AttemptHistory;
import org.epaworkbench.assessment.SubmittedReport;
import org.epaworkbench.assessment.WordCount;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Grade;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Project tab's words, attempt and saving, decided without FX (issue 14). Highfield CSS L3: 2,500 words ±10%, annexes apart, reworked after a fail. */
class ProjectViewModelTest {

    static AssessmentPlan plan;
    final List<String> saved = new ArrayList<>();
    final ProjectViewModel model = new ProjectViewModel(plan, (attempt, date) -> saved.add(attempt + " " + date));

    @BeforeAll
    static void loadPlan() {
        plan = PlanLibrary.builtInPlans(new PlanPackReader()).stream().filter(p -> p.id().equals("highfield-css-l3"))
                .findFirst().orElseThrow();
    }

    @Test
    void afterAFailedProjectTheDateIsForTheReworkedReport() {
        assertThat(model.submittedLabel()).isEqualTo("Submitted on");
        model.attempts(new AttemptHistory(List.of(new Attempt("wbp-interview", AttemptKind.FIRST, LocalDate.of(2026, 3, 3), Grade.FAIL))));
        assertThat(model.attempt()).isEqualTo(2);
        assertThat(model.submittedLabel()).isEqualTo("Reworked report submitted on");
        model.filling(() -> model.submittedOn(LocalDate.of(2026, 4, 1)));
        assertThat(saved).as("filling the tab saves nothing").isEmpty();
        model.submittedOn(LocalDate.of(2026, 4, 2));
        assertThat(saved).containsExactly("2 2026-04-02");
    }

    @Test
    void theWordsAreCountedWithoutAnnexesAndALongProjectIsFlagged() {
        ProjectViewModel.Words w = model.words(new SubmittedReport("project.pdf", "x-project.pdf", "sha",
                new WordCount.ReportWords(3200, 2900, "Appendix A")));
        assertThat(w.counted()).isEqualTo("2,900 words excluding annexes");
        assertThat(w.annexStop()).isEqualTo("Counted up to “Appendix A”; 300 words from there on are annexes.");
        assertThat(w.detail()).startsWith("3,200 in all.");
        assertThat(w.flags()).isNotEmpty();

        ProjectViewModel.Words scanned = model.words(new SubmittedReport("scan.pdf", "x-scan.pdf", "sha",
                new WordCount.ReportWords(0, 0, null)));
        assertThat(scanned.detail()).startsWith("No text found in the file");
    }

    @Test
    void theMappingCountSaysHowManyOfTheProjectsCriteriaArePlaced() {
        int all = model.project().criteria().size();
        String first = model.project().criteria().get(0).id();
        assertThat(model.mappedCount(Map.of())).isEqualTo("0 of " + all + " criteria mapped");
        assertThat(model.mappedCount(Map.of(first, "Section 3", "not-a-criterion", "p. 2"))).isEqualTo("1 of " + all + " criteria mapped");
    }
}
