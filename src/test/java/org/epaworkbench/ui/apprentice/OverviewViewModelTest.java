package org.epaworkbench.ui.apprentice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Overview tab's lines, decided without FX (issue 14), on the sample apprentice and a new one (Highfield CSS L3). */
class OverviewViewModelTest {

    @TempDir
    Path dir;
    SampleFiles files;
    final OverviewViewModel model = new OverviewViewModel(() -> SampleFiles.TODAY);

    @BeforeEach
    void open() throws Exception {
        files = new SampleFiles(dir);
    }

    @AfterEach
    void close() {
        files.close();
    }

    String title(String componentId) {
        return files.plan.component(componentId).orElseThrow().title();
    }

    @Test
    void theSampleApprenticesKeyDatesAndItsPassWithTheReasons() throws Exception {
        OverviewViewModel.Overview o = model.overview(files.sample());
        assertThat(o.keyDates()).extracting(OverviewViewModel.KeyDate::name, OverviewViewModel.KeyDate::shown).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Apprenticeship start", "27 Aug 2024"),
                org.assertj.core.groups.Tuple.tuple("Gateway", "19 Dec 2025"),
                org.assertj.core.groups.Tuple.tuple(title("wbp-interview"), "18 Feb 2026"),
                org.assertj.core.groups.Tuple.tuple(title("professional-discussion"), "21 Feb 2026"),
                org.assertj.core.groups.Tuple.tuple(title("observation"), "25 Feb 2026"));
        assertThat(o.keyDates()).allMatch(OverviewViewModel.KeyDate::set);
        assertThat(o.today()).isEqualTo(SampleFiles.TODAY);
        assertThat(o.ahead()).allSatisfy(d -> assertThat(d.date()).isAfterOrEqualTo(SampleFiles.TODAY));
        assertThat(o.result().grade()).isEqualTo("Pass");
        assertThat(o.result().why()).isNotBlank().doesNotContain("Waiting for");
    }

    @Test
    void aPassThenAFailedRetakeAddsTheSecondResitOrRetakeNotSetYetAndTheResultFails() throws Exception {
        OverviewViewModel.Overview o = model.overview(files.afterFailedInterview());
        assertThat(o.keyDates()).extracting(OverviewViewModel.KeyDate::name).containsExactly("Apprenticeship start", "Gateway",
                title("wbp-interview"), "    Resit or retake 2", title("professional-discussion"), title("observation"));
        OverviewViewModel.KeyDate resit = o.keyDates().get(3);
        assertThat(resit.set()).isFalse();
        assertThat(resit.shown()).isEqualTo("not set");
        assertThat(o.result().grade()).isEqualTo("Fail");
    }

    @Test
    void aNewApprenticeIsNotCompleteAndWaitsForEveryComponentByTitle() throws Exception {
        OverviewViewModel.Overview o = model.overview(files.newApprentice());
        assertThat(o.keyDates()).extracting(OverviewViewModel.KeyDate::shown)
                .containsExactly("6 Jan 2025", "not set", "not set", "not set", "not set");
        assertThat(o.result()).isEqualTo(new OverviewViewModel.ResultSoFar("Not complete", "Waiting for: "
                + title("wbp-interview") + ", " + title("professional-discussion") + ", " + title("observation") + "."));
    }

    @Test
    void sessionsThatDoNotFitThePlanAreNotGradedAndSayWhy() throws Exception {
        ApprenticeFile f = files.sample();
        ApprenticeFile ungraded = new ApprenticeFile(f.apprentice(), f.plan(), f.epa(), f.sessions(), Optional.empty(), f.review(),
                Optional.of("The sessions do not fit the plan: two first attempts at the observation"));
        assertThat(model.overview(ungraded).result()).isEqualTo(new OverviewViewModel.ResultSoFar("Not graded",
                "The sessions do not fit the plan: two first attempts at the observation"));
    }
}
