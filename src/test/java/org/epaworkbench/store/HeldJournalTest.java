package org.epaworkbench.store;

import org.epaworkbench.app.RecordedSession;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.app.Workbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actions held in memory because the disk is full are also written to a small journal in a second
 * place; after a crash while they are held, the next start saves them, in order, and nothing is lost.
 * The full disk is SQLite's own refusal once the database may not grow ({@code max_page_count}).
 */
class HeldJournalTest {

    @TempDir
    Path dir;
    @TempDir
    Path secondPlace;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    final Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private RecordedSession session(Database db, HeldJournal journal) throws Exception {
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
        Apprentice a = new Apprentice("a-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "", "highfield-css-l3",
                LocalDate.of(2025, 6, 1), null, false);
        new PeopleStore(db, wall).save(a);
        AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
        RecordedSession s = RecordedSession.create(new SessionStore(db), plan, new SessionDetails(a.id(), plan.id(),
                plan.version(), "observation", AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "", ""), clock,
                SessionSettings.DEFAULT, false).journalTo(journal);
        s.perform(l -> l.start());
        return s;
    }

    private static void diskFull(Database db) throws Exception {
        long pages;
        try (Statement st = db.connection().createStatement(); var rs = st.executeQuery("PRAGMA page_count")) {
            pages = rs.getLong(1);
        }
        try (Statement st = db.connection().createStatement()) {
            st.execute("PRAGMA max_page_count = " + pages);
        }
    }

    /** Notes until one is held in memory. */
    private static void noteUntilHeld(RecordedSession s, ManualClock clock) throws Exception {
        List<Criterion> criteria = s.live().component().criteria();
        for (int i = 0; i < 5_000 && s.held() == 0; i++) {
            Criterion c = criteria.get(i % criteria.size());
            clock.advanceSeconds(2);
            s.perform(l -> l.note(c.id(), "Observation note " + " detail".repeat(40)));
        }
        assertThat(s.held()).as("the database filled up").isPositive();
    }

    private long journalFiles() throws Exception {
        try (Stream<Path> files = Files.list(secondPlace.resolve("held"))) {
            return files.filter(p -> p.toString().endsWith(".held.jsonl")).count();
        }
    }

    @Test
    void actionsHeldWhenACrashComesAreSavedOnTheNextStart() throws Exception {
        HeldJournal journal = new HeldJournal(List.of(secondPlace.resolve("held")));
        Database db = Database.open(DataDirectory.at(dir));
        RecordedSession s = session(db, journal);
        diskFull(db);
        noteUntilHeld(s, clock);
        Criterion judged = s.live().component().criteria().get(0);
        clock.advanceSeconds(5);
        s.perform(l -> l.judge(judged.id(), CriterionState.MET));
        int held = s.held();
        assertThat(held).isGreaterThanOrEqualTo(2);
        assertThat(journal.read(s.id())).as("every held action is in the journal").hasSize(held);
        long performed = s.live().state().lastSeq();
        String id = s.id();

        // the app dies: nothing more is saved; the disk has room again afterwards
        db.close();

        try (Database reopened = Database.open(DataDirectory.at(dir))) {
            SessionStore store = new SessionStore(reopened);
            assertThat(store.events(id)).hasSize((int) performed - held);
            HeldJournal.Replayed replayed = journal.replay(store);
            assertThat(replayed.actions()).isEqualTo(held);
            assertThat(replayed.sessionIds()).containsExactly(id);
            assertThat(store.events(id)).hasSize((int) performed);
            assertThat(SessionState.fold(store.events(id)).judgements().get(judged.id()).state()).isEqualTo(CriterionState.MET);
            assertThat(journalFiles()).as("the journal goes once saved").isZero();
            assertThat(journal.replay(store).actions()).as("nothing twice").isZero();
        }
    }

    @Test
    void theJournalGoesOnceTheHeldActionsAreSaved() throws Exception {
        HeldJournal journal = new HeldJournal(List.of(secondPlace.resolve("held")));
        try (Database db = Database.open(DataDirectory.at(dir))) {
            RecordedSession s = session(db, journal);
            diskFull(db);
            noteUntilHeld(s, clock);
            assertThat(journalFiles()).isEqualTo(1);
            try (Statement st = db.connection().createStatement()) {
                st.execute("PRAGMA max_page_count = 1073741823");
            }
            assertThat(s.saveHeld()).isTrue();
            assertThat(journalFiles()).isZero();
        }
    }

    @Test
    void theAppReplaysTheJournalWhenItOpensTheDataFolder() throws Exception {
        HeldJournal journal = HeldJournal.of(DataDirectory.at(dir));
        try {
            String id;
            long performed;
            try (Database db = Database.open(DataDirectory.at(dir))) {
                RecordedSession s = session(db, journal);
                diskFull(db);
                noteUntilHeld(s, clock);
                id = s.id();
                performed = s.live().state().lastSeq();
            }
            assertThat(journal.places().get(0).startsWith(dir)).as("a second place, outside the data folder").isFalse();
            try (Workbench w = Workbench.open(DataDirectory.at(dir), wall)) {
                assertThat(w.sessions().events(id)).hasSize((int) performed);
                assertThat(w.replayedOnOpen().actions()).isPositive();
            }
        } finally {
            for (Path place : journal.places()) {
                if (Files.isDirectory(place)) {
                    try (Stream<Path> files = Files.list(place)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(place);
                }
            }
        }
    }
}
