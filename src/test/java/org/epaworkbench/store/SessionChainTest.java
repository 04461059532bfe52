package org.epaworkbench.store;

import org.epaworkbench.app.RecordedSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Each session's log is a hash chain: every event carries the hash of the one before, the first names the key
 * that owns the session. An edit at rest, however it is made, is reported naming the session and the first event
 * that no longer holds; logs stored before the chain existed are chained by the migration.
 */
class SessionChainTest {

    static final String OWNER = "ab".repeat(32);

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    final Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    /** An ended observation with a few judgements; returns its id. */
    String record(Database db, String ownerKey) throws Exception {
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
        PeopleStore people = new PeopleStore(db, wall);
        Apprentice a = new Apprentice("a-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co",
                "highfield-css-l3", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 10, 1), false);
        people.save(a);
        AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
        RecordedSession s = RecordedSession.create(new SessionStore(db), plan, new SessionDetails(a.id(), plan.id(),
                plan.version(), "observation", AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Store floor", "Passport"),
                clock, SessionSettings.DEFAULT, false, ownerKey);
        s.perform(l -> l.start());
        clock.advanceMinutes(5);
        s.perform(l -> l.judge("S2.3", CriterionState.MET));
        s.perform(l -> l.judge("S2.8", CriterionState.NOT_MET));
        s.perform(l -> l.note("S2.3", "Summarised well"));
        clock.advanceMinutes(60);
        s.perform(l -> l.end(null));
        return s.id();
    }

    Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("workbench.db"));
    }

    @Test
    void everyEventCarriesTheHashOfTheOneBeforeAndTheFirstNamesItsOwner() throws Exception {
        try (Database db = Database.open(DataDirectory.at(dir))) {
            String id = record(db, OWNER);
            List<SyncStore.EventRow> rows = new SyncStore(db).events(id);
            assertThat(rows).hasSize(6);
            assertThat(rows.get(0).prevHash()).isEqualTo(EventChain.GENESIS);
            assertThat(rows.get(0).ownerKey()).isEqualTo(OWNER);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).hash()).isEqualTo(rows.get(i).computedHash());
                if (i > 0) {
                    assertThat(rows.get(i).prevHash()).isEqualTo(rows.get(i - 1).hash());
                    assertThat(rows.get(i).ownerKey()).isNull();
                }
            }
            SessionStore.LogCheck check = new SessionStore(db).check(id);
            assertThat(check.intact()).isTrue();
            assertThat(check.headHash()).isEqualTo(rows.get(5).hash());
            assertThat(check.ownerKey()).isEqualTo(OWNER);
        }
    }

    @Test
    void anEditWhoseHashIsRecomputedBreaksTheNextLink() throws Exception {
        String id;
        try (Database db = Database.open(DataDirectory.at(dir))) {
            id = record(db, OWNER);
        }
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER session_event_is_append_only");
            st.executeUpdate("UPDATE session_event SET payload = replace(payload, 'not_met', 'met') WHERE seq = 4");
            // the attacker knows the encoding: the edited event's own hash is made to fit
            SyncStore.EventRow e;
            try (var rs = st.executeQuery("SELECT * FROM session_event WHERE seq = 4")) {
                rs.next();
                e = new SyncStore.EventRow(rs.getString("event_id"), rs.getString("session_id"), 4, rs.getString("device_id"),
                        rs.getString("type"), rs.getString("at"), rs.getLong("session_time_ms"), rs.getString("payload"),
                        rs.getString("prev_hash"), null, null);
            }
            st.executeUpdate("UPDATE session_event SET hash = '" + e.computedHash() + "' WHERE seq = 4");
        }
        try (Database db = Database.open(DataDirectory.at(dir))) {
            assertThatThrownBy(() -> new SessionStore(db).state(id)).isInstanceOf(SessionLogChanged.class)
                    .hasMessageContaining("session " + id).hasMessageContaining("event 5 (note-added")
                    .hasMessageContaining("does not follow event 4");
            assertThat(((SessionLogChanged) catchLogChanged(() -> new SessionStore(db).events(id))).seq()).isEqualTo(5);
            assertThatThrownBy(() -> new SyncStore(db).events(id)).as("a changed log is not exported")
                    .isInstanceOf(SessionLogChanged.class);
        }
    }

    static Throwable catchLogChanged(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }

    @Test
    void removingTheLastEventsIsReported() throws Exception {
        String id;
        try (Database db = Database.open(DataDirectory.at(dir))) {
            id = record(db, OWNER);
        }
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER session_event_kept_unless_sample");
            st.executeUpdate("DELETE FROM session_event WHERE seq = 6");
        }
        try (Database db = Database.open(DataDirectory.at(dir))) {
            assertThatThrownBy(() -> new SessionStore(db).state(id)).isInstanceOf(SessionLogChanged.class)
                    .hasMessageContaining("event 6 is missing").hasMessageContaining("events at its end were removed");
        }
    }

    @Test
    void aSessionPlannedBeforeTheFolderHadAKeyIsBoundToItOnceAndForAll() throws Exception {
        try (Database db = Database.open(DataDirectory.at(dir))) {
            String id = record(db, null);
            SessionStore store = new SessionStore(db);
            SessionState before = store.state(id).orElseThrow();
            assertThat(store.check(id).ownerKey()).isNull();
            assertThat(store.bindUnowned(OWNER)).isEqualTo(1);
            assertThat(store.check(id).intact()).isTrue();
            assertThat(store.check(id).ownerKey()).isEqualTo(OWNER);
            assertThat(store.state(id).orElseThrow().judgements()).isEqualTo(before.judgements());
            assertThat(store.bindUnowned("cd".repeat(32))).as("bound once").isZero();
            assertThat(store.check(id).ownerKey()).isEqualTo(OWNER);
            // and the database itself refuses to move the first event to another owner
            assertThatThrownBy(() -> db.inTransaction(c -> Sql.update(c, "UPDATE session_event SET owner_key = ? "
                    + "WHERE seq = 1", "cd".repeat(32)))).hasMessageContaining("append-only");
            // recording goes on from the bound chain
            assertThat(new SyncStore(db).events(id).get(0).ownerKey()).isEqualTo(OWNER);
        }
    }

    @Test
    void logsStoredBeforeTheChainAreChainedAndBoundToTheFoldersKey() throws Exception {
        DataDirectory data = DataDirectory.at(dir);
        data.ensureExists();
        var cert = new AssessorKeyStore(dir, wall).create(new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield", false),
                "long-enough-password".toCharArray());
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + data.databaseFile());
        Flyway.configure().dataSource(ds).locations(Database.MIGRATIONS).target("7").load().migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO apprentice (id, name, uln, employer, training_provider, plan_id, created_at, updated_at) "
                    + "VALUES ('a-1', 'Ann', '9276308686', 'Acme', 'Train Co', 'highfield-css-l3', 'now', 'now')");
            st.executeUpdate("INSERT INTO session (id, apprentice_id, plan_id, component_id, attempt, status, last_seq, created_at) "
                    + "VALUES ('s-1', 'a-1', 'highfield-css-l3', 'observation', 'first', 'RUNNING', 3, '2026-11-20T09:00:00Z')");
            String device = "(SELECT value FROM setting WHERE key = 'device.id')";
            st.executeUpdate("INSERT INTO session_event (event_id, session_id, seq, device_id, type, at, session_time_ms, payload) "
                    + "VALUES ('e-1', 's-1', 1, " + device + ", 'session-planned', '2026-11-20T09:00:00Z', 0, "
                    + "'{\"apprenticeId\":\"a-1\",\"planId\":\"highfield-css-l3\",\"planVersion\":\"1\",\"componentId\":\"observation\","
                    + "\"attempt\":\"first\",\"mode\":\"face_to_face\",\"location\":\"\",\"idDocumentSeen\":\"\"}'), "
                    + "('e-2', 's-1', 2, " + device + ", 'started', '2026-11-20T09:01:00Z', 0, '{}'), "
                    + "('e-3', 's-1', 3, " + device + ", 'criterion-judged', '2026-11-20T09:05:00Z', 240000, "
                    + "'{\"criterionId\":\"S2.3\",\"state\":\"met\"}')");
        }
        try (Database db = Database.open(data)) {
            SessionStore store = new SessionStore(db);
            SessionStore.LogCheck check = store.check("s-1");
            assertThat(check.intact()).isTrue();
            assertThat(check.events()).isEqualTo(3);
            assertThat(check.ownerKey()).isEqualTo(Certificates.publicKeyFingerprint(cert));
            assertThat(store.state("s-1").orElseThrow().judgements()).containsKey("S2.3");
        }
        assertThat(Files.exists(dir.resolve("keys").resolve("assessor.pem"))).isTrue();
    }
}
