package org.epaworkbench.ui.apprentice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.assessment.ApprenticeEpa;
import org.epaworkbench.assessment.ApprenticeStatus;
import org.epaworkbench.assessment.Attempt;
import org.epaworkbench.assessment.AttemptHistory;
import org.epaworkbench.assessment.EpaSchedule;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Citation;
import org.epaworkbench.plan.Grade;
import org.epaworkbench.store.EpaStore.DateKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Schedule tab's rows, dates and saving, decided without FX (issue 14). Highfield CSS L3: notice for the observation, a reworked project report. */
class ScheduleViewModelTest {

    static AssessmentPlan plan;
    final List<String> saved = new ArrayList<>();
    final ScheduleViewModel model = new ScheduleViewModel(plan, (kind, subject, attempt, date) ->
            saved.add(kind + " " + subject + " " + attempt + " " + date));

    @BeforeAll
    static void loadPlan() {
        plan = PlanLibrary.builtInPlans(new PlanPackReader()).stream().filter(p -> p.id().equals("highfield-css-l3"))
                .findFirst().orElseThrow();
    }

    static AttemptHistory failed(String component) {
        return new AttemptHistory(List.of(new Attempt(component, AttemptKind.FIRST, LocalDate.of(2026, 3, 3), Grade.FAIL)));
    }

    @Test
    void beforeAnyAttemptEachComponentHasOneRowAndNoticeOnlyWhereThePlanAsksForIt() {
        List<ScheduleViewModel.AttemptRow> rows = model.attempts(new AttemptHistory(List.of()));
        assertThat(rows).extracting(ScheduleViewModel.AttemptRow::componentId)
                .containsExactly("wbp-interview", "professional-discussion", "observation");
        assertThat(rows).allMatch(ScheduleViewModel.AttemptRow::first);
        assertThat(rows).filteredOn(r -> r.notice().isPresent()).extracting(ScheduleViewModel.AttemptRow::componentId)
                .containsExactly("observation");
        assertThat(rows.get(2).planned().id()).isEqualTo("planned-observation");
        assertThat(rows.get(2).notice().orElseThrow().id()).isEqualTo("notice-observation");
    }

    @Test
    void aFailAddsAResitOrRetakeRowAndKeepsTheFirstAttemptsDates() {
        AttemptHistory history = failed("observation");
        List<ScheduleViewModel.AttemptRow> rows = model.attempts(history);
        assertThat(rows).filteredOn(r -> r.componentId().equals("observation"))
                .extracting(ScheduleViewModel.AttemptRow::title, r -> r.planned().id())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(plan.component("observation").orElseThrow().title(),
                        "planned-observation"), org.assertj.core.groups.Tuple.tuple("Resit or retake", "planned-observation-2"));
        assertThat(model.sameRows(new AttemptHistory(List.of()), history)).isFalse();
        assertThat(model.sameRows(history, failed("observation"))).isTrue();
        assertThat(ScheduleViewModel.outcome(history, "observation", 1)).isEqualTo("Fail · 3 Mar 2026");
        assertThat(ScheduleViewModel.failed(history, "observation", 1)).isTrue();
        assertThat(ScheduleViewModel.outcome(history, "observation", 2)).isEmpty();
    }

    @Test
    void aFailedProjectsReportIsSubmittedAgainButThePortfolioIsNot() {
        assertThat(model.submissions(new AttemptHistory(List.of()))).extracting(ScheduleViewModel.SubmissionRow::label)
                .containsExactly("Project report submitted on", "Portfolio of evidence submitted on");
        List<ScheduleViewModel.SubmissionRow> afterFail = model.submissions(failed("wbp-interview"));
        assertThat(afterFail).extracting(ScheduleViewModel.SubmissionRow::label).containsExactly("Project report submitted on",
                "Reworked project report submitted on", "Portfolio of evidence submitted on");
        assertThat(afterFail.get(1).key().id()).isEqualTo("submitted-project-report-2");
        assertThat(model.submissions(failed("professional-discussion"))).hasSize(2);
    }

    @Test
    void eachBoxShowsTheDateSavedForItsKindSubjectAndAttempt() {
        EpaSchedule s = EpaSchedule.firstAttempts(Map.of("observation", LocalDate.of(2026, 5, 1)),
                Map.of("observation", LocalDate.of(2026, 4, 10)), Map.of("project report", LocalDate.of(2026, 4, 1)));
        assertThat(ScheduleViewModel.date(s, new ScheduleViewModel.DateKey(DateKind.PLANNED, "observation", 1)))
                .hasValue(LocalDate.of(2026, 5, 1));
        assertThat(ScheduleViewModel.date(s, new ScheduleViewModel.DateKey(DateKind.NOTICE, "observation", 1)))
                .hasValue(LocalDate.of(2026, 4, 10));
        assertThat(ScheduleViewModel.date(s, new ScheduleViewModel.DateKey(DateKind.SUBMITTED, "project report", 1)))
                .hasValue(LocalDate.of(2026, 4, 1));
        assertThat(ScheduleViewModel.date(s, new ScheduleViewModel.DateKey(DateKind.PLANNED, "observation", 2))).isEmpty();
    }

    @Test
    void aChosenDateIsSavedAtOnceButFillingTheBoxesFromWhatIsSavedSavesNothing() {
        var key = new ScheduleViewModel.DateKey(DateKind.PLANNED, "observation", 2);
        model.filling(() -> model.chosen(key, LocalDate.of(2026, 6, 1)));
        assertThat(saved).isEmpty();
        model.chosen(key, LocalDate.of(2026, 6, 2));
        model.chosen(key, null);
        assertThat(saved).containsExactly("PLANNED observation 2 2026-06-02", "PLANNED observation 2 null");
    }

    @Test
    void theRecommendedOrderIsOneNumberedSequence() {
        assertThat(model.recommendedOrder()).hasValue("1. " + plan.component("wbp-interview").orElseThrow().title()
                + "\n2. " + plan.component("professional-discussion").orElseThrow().title()
                + "\n3. " + plan.component("observation").orElseThrow().title());
    }

    @Test
    void onlyTheFlagsAboutDatesAreShownHere() {
        Citation c = new Citation("000", "s", "q", null);
        Flag date = new Flag(Flag.Severity.PROBLEM, "Observation", "planned before notice", c);
        Flag gateway = new Flag(Flag.Severity.PROBLEM, "Gateway", "not signed off", c);
        Flag portfolio = new Flag(Flag.Severity.WARNING, "Portfolio", "too few pieces", c);
        Flag length = new Flag(Flag.Severity.WARNING, "Project report", "too long", c);
        ApprenticeEpa.Review review = new ApprenticeEpa.Review(ApprenticeStatus.IN_EPA, List.of(),
                List.of(date, gateway, portfolio, length), Optional.empty(), Optional.of(length));
        assertThat(ScheduleViewModel.dateFlags(review)).containsExactly(date);
    }
}
