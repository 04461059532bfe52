package org.epaworkbench.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setting up a new session without a screen (issue 14): no apprentice, no session; the assessor profile is
 * asked for first when there is none, and nothing follows if it is cancelled; the session is created and
 * opened once its details are given. The work runs in place; the tests answer the dialogs.
 */
class NewSessionModelTest {

    static final AssessorProfile SAM = new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false);

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    Workbench workbench;
    NewSessionModel model;
    final List<String> problems = new ArrayList<>();
    final List<String> opened = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    Apprentice priya;

    final org.epaworkbench.ui.common.Runner inPlace = org.epaworkbench.ui.common.Runner.IN_PLACE;

    @BeforeEach
    void open() throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), clock, new ManualClock(clock.instant()));
        model = new NewSessionModel(workbench.apprentices(), workbench.sessionService(), workbench.assessorIdentity(),
                workbench.settings(), workbench.plans(), workbench.sessionClock(), inPlace, problems::add);
        priya = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);
        workbench.apprentices().save(priya);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    NewSessionModel.Questions answering(AssessorProfile profile, SessionDetails details) {
        return new NewSessionModel.Questions() {
            @Override
            public Optional<AssessorProfile> assessorProfile() {
                asked.add("profile");
                return Optional.ofNullable(profile);
            }

            @Override
            public Optional<SessionDetails> details() {
                asked.add("details");
                return Optional.ofNullable(details);
            }
        };
    }

    SessionDetails observation() {
        AssessmentPlan plan = workbench.plans().plan("highfield-css-l3").orElseThrow();
        return new SessionDetails("a-1", plan.id(), plan.version(), "observation", AttemptKind.FIRST,
                AssessmentMode.FACE_TO_FACE, "Customer service desk", "Passport");
    }

    @Test
    void withoutAnApprenticeNothingIsAskedAndTheAssessorIsToldWhy() {
        model.ask(List.of(), answering(SAM, observation()), opened::add);
        model.askPaper(List.of(), answering(SAM, observation()), () -> opened.add("paper"));

        assertThat(problems).containsExactly(NewSessionModel.NO_APPRENTICE, NewSessionModel.NO_APPRENTICE);
        assertThat(asked).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void theAssessorProfileComesFirstAndCancellingItAsksNothingMore() throws Exception {
        model.ask(List.of(priya), answering(null, observation()), opened::add);

        assertThat(asked).containsExactly("profile");
        assertThat(opened).isEmpty();
        assertThat(workbench.apprentices().assessor()).isEmpty();
        assertThat(workbench.sessionService().list()).isEmpty();
    }

    @Test
    void theProfileGivenIsSavedThenTheSessionIsCreatedAndOpened() throws Exception {
        model.ask(List.of(priya), answering(SAM, observation()), opened::add);

        assertThat(asked).containsExactly("profile", "details");
        assertThat(workbench.apprentices().assessor()).contains(SAM);
        assertThat(opened).hasSize(1);
        var created = workbench.sessionService().summary(opened.get(0)).orElseThrow();
        assertThat(created.apprenticeId()).isEqualTo("a-1");
        assertThat(created.componentId()).isEqualTo("observation");
        assertThat(created.status()).isEqualTo(SessionStatus.PLANNED);
        assertThat(problems).isEmpty();

        // with a profile, only the details are asked; cancelled, nothing is created
        asked.clear();
        model.ask(List.of(priya), answering(SAM, null), opened::add);
        assertThat(asked).containsExactly("details");
        assertThat(opened).hasSize(1);
    }

    @Test
    void aPaperRecordFollowsOnceThereIsAProfile() {
        model.askPaper(List.of(priya), answering(SAM, null), () -> opened.add("paper"));

        assertThat(asked).containsExactly("profile");
        assertThat(opened).containsExactly("paper");
    }
}
