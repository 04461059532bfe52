package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat of the sessions open in the app, without a screen (issue 14): it was an FX timeline
 * inside each session's view model. Time is the test's clock; the writer is the test's own queue.
 */
class RunningSessionsTest {

    @TempDir
    Path dir;
    Database db;
    SessionStore store;
    PlanLibrary plans;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    final Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    final RunningSessions running = RunningSessions.manual();
    /** The ordered writer, run when the test says. */
    final List<Runnable> queued = new ArrayList<>();
    final Executor writer = queued::add;
    final List<String> told = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        store = new SessionStore(db);
        plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
        new PeopleStore(db, wall).save(new Apprentice("a-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co",
                "highfield-css-l3", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 10, 1), false));
    }

    @AfterEach
    void close() {
        running.close();
        db.close();
    }

    RecordedSession started() throws Exception {
        AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
        RecordedSession s = RecordedSession.create(store, plan, new SessionDetails("a-1", plan.id(), plan.version(), "observation",
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Store floor", "Passport"), clock, SessionSettings.DEFAULT, false);
        s.perform(l -> l.start());
        return s;
    }

    RunningSessions.Listener listener(String name) {
        return new RunningSessions.Listener() {
            @Override
            public void saved(RunningSessions.Held held) {
                told.add(name + " saved, " + held.actions() + " held");
            }

            @Override
            public void failed(Exception e) {
                told.add(name + " failed: " + e.getMessage());
            }
        };
    }

    void runWriter() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void eachOpenSessionSavesItsTimeOnItsWriterAtEveryBeat() throws Exception {
        RecordedSession first = started();
        RecordedSession second = started();
        running.open(first, writer, listener("first"));
        running.open(second, writer, listener("second"));
        assertThat(running.ids()).containsExactlyInAnyOrder(first.id(), second.id());

        clock.advanceMinutes(7);
        running.beat();
        assertThat(store.lastHeartbeat(first.id())).as("nothing saved until the writer runs the beat").isEmpty();
        runWriter();
        assertThat(store.lastHeartbeat(first.id())).hasValueSatisfying(h -> assertThat(h.sessionTime())
                .isEqualTo(Duration.ofMinutes(7)));
        assertThat(store.lastHeartbeat(second.id())).hasValueSatisfying(h -> assertThat(h.sessionTime())
                .isEqualTo(Duration.ofMinutes(7)));
        assertThat(told).containsExactlyInAnyOrder("first saved, 0 held", "second saved, 0 held");
    }

    @Test
    void aClosedSessionBeatsNoMoreEvenWithABeatAlreadyQueued() throws Exception {
        RecordedSession s = started();
        running.open(s, writer, listener("s"));
        clock.advanceMinutes(2);
        running.beat();
        running.close(s.id());
        runWriter();
        assertThat(store.lastHeartbeat(s.id())).isEmpty();
        assertThat(told).isEmpty();
        assertThat(running.isOpen(s.id())).isFalse();
        running.beat();
        assertThat(queued).isEmpty();
    }

    @Test
    void aFailedBeatIsTold() throws Exception {
        RecordedSession s = started();
        running.open(s, writer, listener("s"));
        clock.advanceMinutes(1);
        db.close();
        running.beat();
        runWriter();
        assertThat(told).singleElement().satisfies(t -> assertThat(t).startsWith("s failed"));
    }
}
