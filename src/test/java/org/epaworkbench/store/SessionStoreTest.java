package org.epaworkbench.store;

import org.epaworkbench.app.RecordedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.session.SessionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {

    @TempDir
    Path dir;
    Database db;
    SessionStore store;
    PlanLibrary plans;
    PeopleStore people;
    final ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-23T09:00:00Z"));
    final Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        store = new SessionStore(db);
        people = new PeopleStore(db, wall);
        plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
    }

    @AfterEach
    void close() {
        db.close();
    }

    Apprentice apprentice(boolean sample) throws SQLException {
        Apprentice a = new Apprentice("a-" + sample, "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co",
                "highfield-css-l3", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 10, 1), sample);
        people.save(a);
        return a;
    }

    RecordedSession session(boolean sample) throws Exception {
        Apprentice a = apprentice(sample);
        AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
        return RecordedSession.create(store, plan, new SessionDetails(a.id(), plan.id(), plan.version(), "observation",
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Store floor", "Passport"), clock, SessionSettings.DEFAULT, sample);
    }

    @Test
    void everyActionIsStoredAndTheLogFoldsToTheSameState() throws Exception {
        RecordedSession s = session(false);
        s.perform(l -> l.start());
        clock.advanceMinutes(5);
        s.perform(l -> l.judge("S2.3", CriterionState.MET));
        s.perform(l -> l.note("S2.3", "Summarised well"));
        s.perform(l -> l.pause("Fire alarm"));
        SessionState stored = store.state(s.id()).orElseThrow();
        assertThat(stored.criterionStates()).isEqualTo(s.live().state().criterionStates());
        assertThat(stored.status()).isEqualTo(SessionStatus.PAUSED);
        assertThat(store.events(s.id())).extracting(SessionEvent::type)
                .containsExactly("session-planned", "started", "criterion-judged", "note-added", "paused");
        var summary = store.summary(s.id()).orElseThrow();
        assertThat(summary.status()).isEqualTo(SessionStatus.PAUSED);
        assertThat(summary.elapsed()).isEqualTo(Duration.ofMinutes(5));
        assertThat(summary.apprenticeName()).isEqualTo("Ann Apprentice");
    }

    @Test
    void eventsCannotBeEditedOrDeleted() throws Exception {
        RecordedSession s = session(false);
        s.perform(l -> l.start());
        try (Statement st = db.connection().createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE session_event SET payload = '{}'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM session_event"))
                    .hasMessageContaining("append-only");
        }
        assertThat(store.events(s.id())).hasSize(2);
    }

    @Test
    void outOfOrderEventsAreRefused() throws Exception {
        RecordedSession s = session(false);
        SessionEvent planned = store.events(s.id()).get(0);
        SessionEvent gap = new SessionEvent("x", s.id(), 5, planned.at(), Duration.ZERO,
                new org.epaworkbench.session.EventBody.Started());
        assertThatThrownBy(() -> store.append(gap)).hasMessageContaining("out of order");
    }

    /** An ended session is locked in the store too: only amendments, declarations and signed records are added. */
    @Test
    void anEndedSessionTakesOnlyAmendmentsDeclarationsAndSignedRecords() throws Exception {
        RecordedSession s = session(false);
        s.perform(l -> l.start());
        clock.advanceMinutes(58);
        s.perform(l -> l.end(null));
        SessionEvent last = store.events(s.id()).get(store.events(s.id()).size() - 1);
        for (org.epaworkbench.session.EventBody b : List.of(new org.epaworkbench.session.EventBody.NoteAdded("S2.3", "late"),
                new org.epaworkbench.session.EventBody.CriterionJudged("S2.3", CriterionState.MET),
                new org.epaworkbench.session.EventBody.Started(),
                new org.epaworkbench.session.EventBody.Ended(null, org.epaworkbench.session.DurationState.IN_WINDOW))) {
            SessionEvent after = new SessionEvent(java.util.UUID.randomUUID().toString(), s.id(), last.seq() + 1, last.at(),
                    last.sessionTime(), b);
            assertThatThrownBy(() -> store.append(after)).as(b.type()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("has ended and is locked").hasMessageContaining(b.type());
        }
        s.perform(l -> l.amend("Confirmed from portfolio item 4", new org.epaworkbench.session.EventBody.CriterionJudged(
                "S2.3", CriterionState.MET)));
        assertThat(store.events(s.id())).last().satisfies(e -> assertThat(e.type()).isEqualTo("amended"));
        assertThat(store.summary(s.id()).orElseThrow().status()).isEqualTo(SessionStatus.ENDED);
    }

    @Test
    void aFailedSaveLeavesTheSessionUnchanged() throws Exception {
        RecordedSession s = session(false);
        s.perform(l -> l.start());
        db.close();
        assertThatThrownBy(() -> s.perform(l -> l.judge("S2.3", CriterionState.MET))).isInstanceOf(SQLException.class);
        assertThat(s.live().state().judgements()).isEmpty();
    }

    @Test
    void heartbeatIsKeptForRecovery() throws Exception {
        RecordedSession s = session(false);
        s.perform(l -> l.start());
        clock.advanceMinutes(7);
        s.heartbeat();
        assertThat(store.lastHeartbeat(s.id())).hasValueSatisfying(h -> assertThat(h.sessionTime()).isEqualTo(Duration.ofMinutes(7)));
        assertThat(store.running()).extracting(SessionStore.SessionSummary::id).containsExactly(s.id());

        clock.advanceMinutes(3);
        clock.restartMonotonic();
        RecordedSession reopened = RecordedSession.open(store, plans, s.id(), clock, SessionSettings.DEFAULT);
        assertThat(reopened.live().gapQuestion()).hasValueSatisfying(q -> {
            assertThat(q.stoppedAtSessionTime()).isEqualTo(Duration.ofMinutes(7));
            assertThat(q.gap()).isEqualTo(Duration.ofMinutes(3));
        });
        reopened.perform(l -> l.resolveGap(true));
        assertThat(store.events(s.id())).last().satisfies(e -> assertThat(e.type()).isEqualTo("gap-resolved"));
        assertThat(reopened.live().elapsed()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aSessionWhosePlanIsNotInstalledCannotBeOpenedAndSaysWhy() throws Exception {
        RecordedSession s = session(false);
        PlanLibrary empty = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        assertThatThrownBy(() -> RecordedSession.open(store, empty, "nope", clock, SessionSettings.DEFAULT))
                .hasMessageContaining("There is no session nope");
        assertThat(RecordedSession.open(store, empty, s.id(), clock, SessionSettings.DEFAULT).live().state().details().planId())
                .isEqualTo("highfield-css-l3");
    }

    @Test
    void sampleDataIsRemovedInOneActionAndRealDataIsNot() throws Exception {
        RecordedSession real = session(false);
        real.perform(l -> l.start());
        new org.epaworkbench.app.SampleDataMaker(plans, people, store, wall).make();
        SampleData sample = new SampleData(db);
        assertThat(sample.present()).isTrue();
        assertThat(store.list()).hasSize(4);
        assertThat(sample.remove()).isEqualTo(3);
        assertThat(store.list()).extracting(SessionStore.SessionSummary::id).containsExactly(real.id());
        assertThat(people.apprentices()).extracting(Apprentice::sample).containsOnly(false);
        assertThat(people.assessor()).isEqualTo(Optional.empty());
        assertThat(sample.present()).isFalse();
    }

    /**
     * A session added in the app for the sample apprentice is sample data too, so removing the sample
     * data leaves neither it nor the apprentice; a real assessor profile stays.
     */
    @Test
    void whatIsRecordedForTheSampleApprenticeGoesWithIt() throws Exception {
        people.saveAssessor(new org.epaworkbench.people.AssessorProfile("Alex Real", "EPA-777", "Highfield Assessment", false));
        RecordedSession real = session(false);
        var made = new org.epaworkbench.app.SampleDataMaker(plans, people, store, wall).make();
        assertThat(people.assessor().orElseThrow().name()).as("the maker keeps a real profile").isEqualTo("Alex Real");
        Apprentice jordan = people.apprentice(made.apprenticeId()).orElseThrow();
        AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
        // as the app's "New session" does: it does not say sample
        RecordedSession added = RecordedSession.create(store, plan, new SessionDetails(jordan.id(), plan.id(), plan.version(),
                "observation", AttemptKind.RESIT, AssessmentMode.FACE_TO_FACE, "", ""), clock, SessionSettings.DEFAULT, false);
        added.perform(l -> l.start());
        added.heartbeat();
        assertThat(store.summary(added.id()).orElseThrow().sample()).isTrue();
        SignedRecords records = new SignedRecords(db);
        records.add(new SignedRecords.SignedRecord("r-1", "session", added.id(), jordan.id(), "jordan.pdf", "00", 1,
                wall.instant(), "ff", false, null, null, null, null));
        java.nio.file.Files.createDirectories(records.folder());
        java.nio.file.Files.writeString(records.folder().resolve("jordan.pdf"), "%PDF");
        java.nio.file.Path attachment = new Attachments(db.directory()).folder(jordan.id()).resolve("piece.txt");
        java.nio.file.Files.createDirectories(attachment.getParent());
        java.nio.file.Files.writeString(attachment, "evidence");
        assertThat(records.all()).singleElement().satisfies(r -> assertThat(r.sample()).isTrue());

        assertThat(new SampleData(db).remove()).isEqualTo(4);
        assertThat(store.list()).extracting(SessionStore.SessionSummary::id).containsExactly(real.id());
        assertThat(people.apprentices()).extracting(Apprentice::sample).containsOnly(false);
        assertThat(people.apprentice(jordan.id())).isEmpty();
        assertThat(records.all()).isEmpty();
        assertThat(records.folder().resolve("jordan.pdf")).doesNotExist();
        assertThat(attachment.getParent()).doesNotExist();
        assertThat(store.lastHeartbeat(added.id())).isEmpty();
        assertThat(people.assessor().orElseThrow().name()).as("a real profile is never removed").isEqualTo("Alex Real");
    }

    /** Making the sample data again replaces it: there is only ever one sample apprentice. */
    @Test
    void makingSampleDataAgainReplacesIt() throws Exception {
        var maker = new org.epaworkbench.app.SampleDataMaker(plans, people, store, wall);
        var first = maker.replacing(new SampleData(db));
        assertThat(first.replaced()).isFalse();
        var second = maker.replacing(new SampleData(db));
        assertThat(second.replaced()).isTrue();
        assertThat(second.removedSessions()).isEqualTo(3);
        assertThat(people.apprentices()).extracting(Apprentice::id).containsExactly(second.made().apprenticeId());
        assertThat(store.list()).hasSize(3);
        assertThat(people.assessor().orElseThrow().sample()).isTrue();
    }

    @Test
    void theSampleSessionsAreCompleteAndRealistic() throws Exception {
        var made = new org.epaworkbench.app.SampleDataMaker(plans, people, store, wall).make();
        assertThat(made.sessionIds()).hasSize(3);
        for (String id : made.sessionIds()) {
            SessionState st = store.state(id).orElseThrow();
            assertThat(st.ended()).isTrue();
            assertThat(st.ending().orElseThrow().durationState().outsideWindow()).isFalse();
            assertThat(st.notes()).isNotEmpty();
        }
        SessionState observation = store.state(made.sessionIds().get(2)).orElseThrow();
        assertThat(observation.pauses()).hasSize(1);
        assertThat(observation.questioningUsedAt(observation.elapsedAtLastEvent())).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(9));
        SessionState interview = store.state(made.sessionIds().get(0)).orElseThrow();
        assertThat(interview.questions()).hasSize(10);
    }
}
