package org.epaworkbench.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.SessionStore.SessionSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home screen without a screen (issue 14): what it shows for an empty data folder, for the sample
 * data, for a session left running; what each row says; the sample data made and removed (only once the
 * assessor confirms); a folder that cannot be read said in words. The work runs in place.
 */
class HomeViewModelTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    ManualClock sessionClock;
    Workbench workbench;
    HomeViewModel model;
    final List<String> asked = new ArrayList<>();

    /** Runs the work at once, as the background would later. */
    final org.epaworkbench.ui.common.Runner inPlace = org.epaworkbench.ui.common.Runner.IN_PLACE;

    @BeforeEach
    void open() throws Exception {
        sessionClock = new ManualClock(clock.instant());
        workbench = Workbench.open(DataDirectory.at(dir), clock, sessionClock);
        model = new HomeViewModel(workbench::apprenticeFiles, workbench.sessionService(),
                workbench.sampleApprentice(), workbench.plans(), inPlace, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void anEmptyDataFolderOffersTheSampleDataAndTheSampleDataFillsTheLists() {
        model.reload();
        assertThat(model.homeProperty().get().empty()).isTrue();
        assertThat(model.homeProperty().get().sample()).isFalse();

        model.makeSample();

        HomeViewModel.Home home = model.homeProperty().get();
        assertThat(home.empty()).isFalse();
        assertThat(home.sample()).isTrue();
        assertThat(home.apprentices()).hasSize(1);
        assertThat(home.sessions()).isNotEmpty().allMatch(s -> s.status() == SessionStatus.ENDED);
        assertThat(home.running()).isEmpty();
        assertThat(home.today()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(model.problemProperty().get()).isNull();
        for (SessionSummary s : home.sessions()) {
            // ended, graded by the plan's rules, not yet signed
            assertThat(model.statusOf(s, s.status())).isEqualTo("Ended");
            assertThat(model.gradeOf(s)).isNotBlank();
            String title = workbench.plans().plan(s.planId()).orElseThrow().component(s.componentId()).orElseThrow().title();
            assertThat(model.componentTitle(s)).isEqualTo(title);
            assertThat(model.started(s)).matches("\\w{3} \\d{1,2} \\w{3} 2026, \\d{2}:\\d{2}");
        }
    }

    @Test
    void theSampleDataIsRemovedOnlyOnceTheAssessorConfirms() {
        model.makeSample();

        model.removeSample(question -> {
            asked.add(question);
            return false;
        });
        assertThat(model.homeProperty().get().sample()).isTrue();

        model.removeSample(question -> {
            asked.add(question);
            return true;
        });
        assertThat(model.homeProperty().get().empty()).isTrue();
        assertThat(model.homeProperty().get().sample()).isFalse();
        assertThat(asked).hasSize(2).allMatch(q -> q.contains("Your own apprentices, sessions and assessor profile are not touched"));
    }

    @Test
    void aSessionLeftRunningIsTheOneSelectedAndItsRowSaysSoBeforeItIsGraded() throws Exception {
        workbench.apprentices().save(new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods",
                "Northern Skills", "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false));
        AssessmentPlan plan = workbench.plans().plan("highfield-css-l3").orElseThrow();
        RecordedSession s = workbench.sessionService().create(plan, new SessionDetails("a-1", plan.id(), plan.version(),
                plan.components().get(0).id(), AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Customer service desk",
                "Passport"), sessionClock, SessionSettings.DEFAULT, null);
        s.perform(l -> l.start());

        model.reload();

        HomeViewModel.Home home = model.homeProperty().get();
        assertThat(home.running()).map(SessionSummary::id).contains(s.id());
        SessionSummary row = home.running().orElseThrow();
        assertThat(model.statusOf(row, row.status())).isEqualTo("Running");
        assertThat(model.gradeOf(row)).isEmpty();
        assertThat(model.started(row)).isEqualTo("Mon 23 Nov 2026, 15:00");
    }

    @Test
    void aDataFolderThatCannotBeReadIsSaidInWords() {
        workbench.close();

        model.reload();

        assertThat(model.problemProperty().get()).startsWith("Cannot read the data folder: ");
        assertThat(model.homeProperty().get()).isNull();
    }

    @Test
    void theSearchBoxFindsApprenticesThroughTheIndexAndAnEmptyBoxShowsThemAll() throws Exception {
        model.makeSample();
        String sampleId = model.homeProperty().get().apprentices().get(0).apprentice().id();
        workbench.services().apprentices().save(new Apprentice("own-1", "Priya Shah", Uln.of("9276308686"), "Harbour Hotels",
                "Provider", "highfield-css-l3", LocalDate.of(2025, 1, 6), null, false));
        model.reload();

        model.search("harbour");
        assertThat(model.matchingProperty().get()).containsExactly("own-1");
        model.search("(sample)");
        assertThat(model.matchingProperty().get()).containsExactly(sampleId);
        model.search("  ");
        assertThat(model.matchingProperty().get()).as("all of them").isNull();

        // a search kept while the lists are read again finds an apprentice changed since
        model.search("quayside");
        assertThat(model.matchingProperty().get()).isEmpty();
        workbench.services().apprentices().save(new Apprentice("own-1", "Priya Shah", Uln.of("9276308686"), "Quayside Retail",
                "Provider", "highfield-css-l3", LocalDate.of(2025, 1, 6), null, false));
        model.reload();
        assertThat(model.matchingProperty().get()).containsExactly("own-1");
    }
}
