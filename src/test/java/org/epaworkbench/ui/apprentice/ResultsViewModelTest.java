package org.epaworkbench.ui.apprentice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.ApprenticeEpa;
import org.epaworkbench.assessment.Deadline;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Grade;
import org.epaworkbench.store.EpaStore.DateKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Results tab's lines and what may be done, decided without FX (issue 14), on the sample apprentice (Highfield CSS L3). */
class ResultsViewModelTest {

    @TempDir
    Path dir;
    SampleFiles files;
    ResultsViewModel model;

    @BeforeEach
    void open() throws Exception {
        files = new SampleFiles(dir);
        model = new ResultsViewModel(files.plan, () -> SampleFiles.TODAY);
    }

    @AfterEach
    void close() {
        files.close();
    }

    static ApprenticeFile signed(ApprenticeFile f) {
        ApprenticeEpa e = f.epa();
        return new ApprenticeFile(f.apprentice(), f.plan(), new ApprenticeEpa(e.apprentice(), e.gateway(), e.schedule(), e.portfolio(),
                e.report(), e.reportMapping(), e.attempts(), true), f.sessions(), f.result(), f.review(), f.gradingProblem());
    }

    @Test
    void everyComponentPassedSoTheOverallPassMayBeSignedOnceAndNoResitIsOffered() throws Exception {
        ApprenticeFile f = files.sample();
        ResultsViewModel.Overall o = ResultsViewModel.overall(f);
        assertThat(o.grade()).isEqualTo("Pass");
        assertThat(o.explanation()).isNotEmpty();
        assertThat(o.note()).isEmpty();
        assertThat(o.signable()).isTrue();

        List<ResultsViewModel.ComponentResults> panels = model.components(f);
        assertThat(panels).extracting(ResultsViewModel.ComponentResults::componentId)
                .containsExactly("wbp-interview", "professional-discussion", "observation");
        assertThat(panels).allSatisfy(p -> {
            assertThat(p.latest()).map(ComponentResult::grade).isNotEqualTo(Optional.of(Grade.FAIL));
            assertThat(p.noSession()).isEmpty();
            assertThat(p.nextAttempt()).isEmpty();
            assertThat(p.explanation()).isNotEmpty();
            assertThat(p.reassessment()).isEmpty();
        });
        assertThat(panels).extracting(p -> ResultsViewModel.gradeWords(p.latest().orElseThrow()))
                .containsExactly("Pass", "Distinction", "Pass");
        assertThat(panels).flatExtracting(ResultsViewModel.ComponentResults::attempts).extracting(ResultsViewModel.AttemptLine::text)
                .containsExactly("First attempt  ·  ended 18 Feb 2026", "First attempt  ·  ended 21 Feb 2026",
                        "First attempt  ·  ended 25 Feb 2026");

        ResultsViewModel.Overall once = ResultsViewModel.overall(signed(f));
        assertThat(once.signable()).as("signed already").isFalse();
        assertThat(once.note()).hasValue(ResultsViewModel.SIGNED);
    }

    @Test
    void aFailedRetakeFailsTheResultAndOffersAResitWithItsDeadlinesAndThePlansCap() throws Exception {
        ApprenticeFile f = files.afterFailedInterview();
        ResultsViewModel.Overall o = ResultsViewModel.overall(f);
        assertThat(o.grade()).isEqualTo("Fail");
        assertThat(o.signable()).as("a complete result is signed, a fail too").isTrue();

        ResultsViewModel.ComponentResults interview = model.components(f).get(0);
        assertThat(interview.attempts()).extracting(ResultsViewModel.AttemptLine::text)
                .containsExactly("First attempt  ·  ended 18 Feb 2026", "Retake  ·  ended 27 Feb 2026");
        assertThat(interview.attempts().get(0).result()).map(ResultsViewModel::gradeWords).hasValue("Pass");
        assertThat(interview.latest()).map(ResultsViewModel::gradeWords).hasValue("Fail");
        assertThat(interview.nextAttempt()).as("no resit or retake planned yet").isEmpty();
        ResultsViewModel.Reassessment r = interview.reassessment().orElseThrow();
        assertThat(r.today()).isEqualTo(SampleFiles.TODAY);
        assertThat(r.deadlines()).extracting(Deadline::date).contains(LocalDate.of(2026, 3, 27), LocalDate.of(2027, 2, 27));
        assertThat(r.retakeGateway()).map(ResultsViewModel.Sourced::text).hasValue(ResultsViewModel.RETAKE_GATEWAY);
        assertThat(r.cap()).hasValueSatisfying(cap -> assertThat(cap.text()).startsWith("A resit is capped at Pass (")
                .endsWith(" grade), unless the organisation accepts exceptional circumstances."));
        assertThat(model.components(f).subList(1, 3)).allSatisfy(p -> assertThat(p.reassessment()).isEmpty());
    }

    @Test
    void aPlannedResitOrRetakeIsSaidOnceItsDateIsSet() throws Exception {
        files.afterFailedInterview();
        files.workbench.epa().setDate(files.sampleId, DateKind.PLANNED, "wbp-interview", 3, LocalDate.of(2026, 3, 20));
        assertThat(model.components(files.sample()).get(0).nextAttempt()).hasValue("Resit or retake planned for 20 Mar 2026.");
    }

    @Test
    void aNewApprenticeHasNoSessionYetSaysWhenEachIsPlannedAndIsNotCompleteYet() throws Exception {
        files.newApprentice();
        files.workbench.epa().setDate("ann-1", DateKind.PLANNED, "observation", LocalDate.of(2026, 4, 2));
        ApprenticeFile f = files.workbench.apprenticeFiles().load("ann-1");
        assertThat(model.components(f)).extracting(p -> p.noSession().orElseThrow())
                .containsExactly("No session yet.", "No session yet.", "No session yet; planned for 2 Apr 2026");
        assertThat(model.components(f)).allSatisfy(p -> assertThat(p.attempts()).isEmpty());
        ResultsViewModel.Overall o = ResultsViewModel.overall(f);
        assertThat(o.grade()).isEqualTo("Not complete yet");
        assertThat(o.signable()).isFalse();
    }

    @Test
    void sessionsThatDoNotFitThePlanAreNotGradedSayWhyAndCannotBeSigned() throws Exception {
        ApprenticeFile f = files.sample();
        ApprenticeFile ungraded = new ApprenticeFile(f.apprentice(), f.plan(), f.epa(), f.sessions(), Optional.empty(), f.review(),
                Optional.of("The sessions do not fit the plan: two first attempts at the observation"));
        assertThat(ResultsViewModel.overall(ungraded)).isEqualTo(new ResultsViewModel.Overall("Not graded", List.of(),
                Optional.of("The sessions do not fit the plan: two first attempts at the observation"), false));
        assertThat(model.components(ungraded)).allSatisfy(p -> assertThat(p.latest()).isEmpty());
    }

    @Test
    void eachKindOfAttemptInWords() {
        assertThat(ResultsViewModel.attemptWord(AttemptKind.FIRST)).isEqualTo("First attempt");
        assertThat(ResultsViewModel.attemptWord(AttemptKind.RESIT)).isEqualTo("Resit");
        assertThat(ResultsViewModel.attemptWord(AttemptKind.RETAKE)).isEqualTo("Retake");
    }
}
