package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.epaworkbench.assessment.ApprenticeStatus;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.CriterionLevel;
import org.epaworkbench.plan.Grade;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.EpaStore;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SignedRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprenticeFilesTest {

    @TempDir
    Path dir;
    Database db;
    PlanLibrary plans;
    PeopleStore people;
    SessionStore sessions;
    EpaStore epa;
    ApprenticeFiles files;
    AssessmentPlan plan;
    final ManualClock sessionClock = new ManualClock(Instant.parse("2026-03-31T09:00:00Z"));
    final Clock wall = Clock.fixed(Instant.parse("2026-04-10T09:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        people = new PeopleStore(db, wall);
        sessions = new SessionStore(db);
        epa = new EpaStore(db, wall);
        plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
        plan = plans.plan("highfield-css-l3").orElseThrow();
        files = new ApprenticeFiles(plans, people, sessions, epa, new SignedRecords(db), wall, ZoneOffset.UTC);
        people.save(new Apprentice("a-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co", plan.id(),
                LocalDate.of(2025, 1, 6), LocalDate.of(2026, 2, 2), false));
        epa.saveGateway("a-1", epa.gateway("a-1").withDates(LocalDate.of(2025, 1, 6), null, LocalDate.of(2026, 2, 2)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    void endedSession(String componentId, AttemptKind attempt, boolean meetEverything) throws Exception {
        RecordedSession s = RecordedSession.create(sessions, plan, new SessionDetails("a-1", plan.id(), plan.version(), componentId,
                attempt, AssessmentMode.FACE_TO_FACE, "Store", "Passport"), sessionClock, SessionSettings.DEFAULT, false);
        s.perform(l -> l.start());
        for (Criterion c : plan.component(componentId).orElseThrow().criteria()) {
            if (c.level() == CriterionLevel.PASS) {
                s.perform(l -> l.judge(c.id(), meetEverything ? CriterionState.MET : CriterionState.NOT_MET));
            }
        }
        sessionClock.advanceMinutes(60);
        s.perform(l -> l.end("Finished"));
    }

    @Test
    void aFailedObservationIsGradedAndItsResitIsDue() throws Exception {
        GatewayRecord g = epa.gateway("a-1");
        epa.saveGateway("a-1", new GatewayRecord(g.apprenticeshipStart(), null, g.gatewayDate(), new GatewayRecord.Qualification(true, "GCSE"),
                new GatewayRecord.Qualification(true, "GCSE"), true, true, "Passport", "", GatewayRecord.ProjectProposal.NONE));
        endedSession("observation", AttemptKind.FIRST, false);
        var file = files.load("a-1");
        assertThat(file.sessions()).singleElement().satisfies(line ->
                assertThat(line.result()).hasValueSatisfying(r -> assertThat(r.grade()).isEqualTo(Grade.FAIL)));
        assertThat(file.epa().attempts()).singleElement().satisfies(a -> {
            assertThat(a.endedOn()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(a.failed()).isTrue();
        });
        assertThat(file.result()).hasValueSatisfying(r -> assertThat(r.overall().grade()).isEqualTo(Grade.FAIL));
        var review = file.review().orElseThrow();
        assertThat(review.status()).isEqualTo(ApprenticeStatus.RESIT_DUE);
        assertThat(review.flags()).anySatisfy(f -> assertThat(f.message()).contains("plan the resit or retake by 31 Mar 2027"));
    }

    @Test
    void aPassedResitReplacesTheFailInTheOverallResultAndIsCapped() throws Exception {
        endedSession("observation", AttemptKind.FIRST, false);
        endedSession("observation", AttemptKind.RESIT, true);
        var file = files.load("a-1");
        assertThat(file.sessionsOf("observation")).extracting(l -> l.result().orElseThrow().grade())
                .containsExactly(Grade.FAIL, Grade.PASS);
        assertThat(file.result().orElseThrow().component("observation").orElseThrow().attempt()).isEqualTo(AttemptKind.RESIT);
    }

    @Test
    void upcomingSessionsAreThoseInTheNextFourteenDaysNotYetHeld() throws Exception {
        epa.setDate("a-1", EpaStore.DateKind.PLANNED, "observation", LocalDate.of(2026, 4, 10));
        epa.setDate("a-1", EpaStore.DateKind.PLANNED, "wbp-interview", LocalDate.of(2026, 4, 24));
        epa.setDate("a-1", EpaStore.DateKind.PLANNED, "professional-discussion", LocalDate.of(2026, 4, 25));
        var upcoming = ApprenticeFiles.upcoming(files.rows(), files.today(), 14);
        assertThat(upcoming).extracting(ApprenticeFiles.Upcoming::date)
                .containsExactly(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 24));
        assertThat(upcoming.get(0).componentTitle()).isEqualTo(plan.component("observation").orElseThrow().title());
    }
}
