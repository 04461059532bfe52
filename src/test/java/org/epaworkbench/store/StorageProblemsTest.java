package org.epaworkbench.store;

import org.epaworkbench.app.RecordedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.session.SessionSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a data folder that turns read-only mid-session: SQLite's own refusals
 * ({@code SQLITE_FULL} once the database may not grow, {@code SQLITE_READONLY} once it may not be
 * written) reach the session, which keeps the actions in memory, says why, and saves them in order
 * once the problem has gone. Nothing saved before is lost, and the database stays sound.
 */
class StorageProblemsTest {

    @TempDir
    Path dir;
    Database db;
    SessionStore store;
    RecordedSession session;
    List<Criterion> criteria;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        db = Database.open(DataDirectory.at(dir));
        store = new SessionStore(db);
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
        Apprentice a = new Apprentice("a-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "", "highfield-css-l3",
                LocalDate.of(2025, 6, 1), null, false);
        new PeopleStore(db, wall).save(a);
        AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
        session = RecordedSession.create(store, plan, new SessionDetails(a.id(), plan.id(), plan.version(), "observation",
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "", ""), clock, SessionSettings.DEFAULT, false);
        session.perform(l -> l.start());
        criteria = session.live().component().criteria();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void pragma(String sql) throws SQLException {
        try (Statement st = db.connection().createStatement()) {
            st.execute(sql);
        }
    }

    private long pageCount() throws SQLException {
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA page_count")) {
            return rs.getLong(1);
        }
    }

    /** Notes as an assessor writes them, each on the next criterion, until one is held in memory. */
    private int noteUntilHeld() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            Criterion c = criteria.get(i % criteria.size());
            clock.advanceSeconds(2);
            session.perform(l -> l.note(c.id(), "Observation note " + " detail".repeat(40)));
            if (session.held() > 0) {
                return i;
            }
        }
        throw new AssertionError("the database never filled up");
    }

    @Test
    void whenTheDiskFillsUpActionsAreKeptInMemoryAndSavedInOrderWhenSpaceReturns() throws Exception {
        long savedBefore = store.events(session.id()).size();
        pragma("PRAGMA max_page_count = " + pageCount()); // the database may not grow: the disk is full
        int savedWhileFilling = noteUntilHeld();
        assertThat(session.heldBecause()).contains(StorageProblem.DISK_FULL);

        // the assessor carries on: each action is done in memory, and held
        session.perform(l -> l.judge(criteria.get(0).id(), CriterionState.MET));
        session.perform(l -> l.judge(criteria.get(1).id(), CriterionState.NOT_MET));
        assertThat(session.held()).isEqualTo(3);
        assertThat(session.live().state().judgements()).containsKeys(criteria.get(0).id(), criteria.get(1).id());
        assertThat(store.events(session.id())).hasSize((int) savedBefore + savedWhileFilling);
        assertThat(session.saveHeld()).as("still full").isFalse();

        pragma("PRAGMA max_page_count = 1073741823"); // space returns
        assertThat(session.saveHeld()).isTrue();
        assertThat(session.held()).isZero();
        assertThat(session.heldBecause()).isEmpty();

        long performed = session.live().state().lastSeq();
        db.close();
        db = Database.open(DataDirectory.at(dir));
        List<SessionEvent> stored = new SessionStore(db).events(session.id());
        assertThat(stored).hasSize((int) performed);
        assertThat(stored).extracting(SessionEvent::seq).isSorted();
        assertThat(org.epaworkbench.session.SessionState.fold(stored).judgements().get(criteria.get(1).id()).state())
                .isEqualTo(CriterionState.NOT_MET);
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void aReadOnlyDataFolderHoldsActionsUntilItCanBeWrittenAgain() throws Exception {
        pragma("PRAGMA query_only = ON"); // as when the folder is remounted read-only or the stick is write-protected
        session.perform(l -> l.judge(criteria.get(2).id(), CriterionState.MET));
        session.perform(l -> l.note(criteria.get(2).id(), "Greeted the customer by name"));
        assertThat(session.held()).isEqualTo(2);
        assertThat(session.heldBecause()).contains(StorageProblem.READ_ONLY);

        // the next action also tries to save what waits, fails again, and is held behind it
        session.perform(l -> l.toggleQuestioning());
        assertThat(session.held()).isEqualTo(3);

        pragma("PRAGMA query_only = OFF");
        session.perform(l -> l.toggleQuestioning()); // saving the held ones comes first, then this one
        assertThat(session.held()).isZero();
        assertThat(store.events(session.id())).hasSize((int) session.live().state().lastSeq());
    }

    @Test
    void aRuleRefusalIsNotHeldAndChangesNothing() throws Exception {
        pragma("PRAGMA query_only = ON");
        session.perform(l -> l.judge(criteria.get(0).id(), CriterionState.MET));
        long before = session.live().state().lastSeq();
        assertThatThrownBy(() -> session.perform(l -> l.start())).isInstanceOf(SessionRuleException.class);
        assertThat(session.live().state().lastSeq()).isEqualTo(before);
        assertThat(session.held()).isEqualTo(1);
    }

    @Test
    void otherDatabaseFailuresAreNotMistakenForAPassingProblem() {
        assertThat(StorageProblem.of(new SQLException("syntax error"))).isEmpty();
        assertThat(StorageProblem.of(new RuntimeException(new org.sqlite.SQLiteException("full",
                org.sqlite.SQLiteErrorCode.SQLITE_FULL)))).contains(StorageProblem.DISK_FULL);
        assertThat(StorageProblem.of(new org.sqlite.SQLiteException("corrupt", org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT)))
                .isEmpty();
    }
}
