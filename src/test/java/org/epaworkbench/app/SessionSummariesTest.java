package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeRow;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.CriterionLevel;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.SessionStore.SessionSummary;
import org.epaworkbench.store.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session summaries kept beside the logs (issue 17): after a long random history written through the app
 * (sessions planned, judged, ended, amended after the end, apprentices moved to another plan, sample data made
 * and removed), the summaries kept incrementally equal a rebuild from the logs, and what the lists show from them
 * equals what the whole files (every log folded) give for the same data.
 */
class SessionSummariesTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    ManualClock sessionClock;
    Workbench workbench;

    @BeforeEach
    void open() throws Exception {
        sessionClock = new ManualClock(Instant.parse("2026-06-01T09:00:00Z"));
        workbench = Workbench.open(DataDirectory.at(dir), clock, sessionClock);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void summariesKeptAsEventsArriveEqualARebuildFromTheLogsAfterALongRandomHistory() throws Exception {
        randomHistory(new Random(17), 6, 40);
        Map<String, String> incremental = stored();
        assertThat(incremental.values()).as("some sessions were graded").anyMatch(v -> v.startsWith("grade=PASS")
                || v.startsWith("grade=FAIL") || v.startsWith("grade=DISTINCTION") || v.startsWith("grade=MERIT"));

        int graded = workbench.services().rebuildSummaries();

        assertThat(graded).isEqualTo(workbench.services().apprentices().all().size());
        assertThat(stored()).isEqualTo(incremental);
    }

    @Test
    void whatTheListsShowFromTheSummariesEqualsWhatTheFoldedLogsGive() throws Exception {
        randomHistory(new Random(5), 6, 30);
        ApprenticeFiles files = workbench.apprenticeFiles();
        List<ApprenticeRow> rows = files.rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
        Map<String, String> gradeFromLogs = new LinkedHashMap<>();
        for (ApprenticeRow row : rows) {
            ApprenticeFile whole = files.load(row.apprentice().id());
            List<Object> listed = shown(row);
            List<Object> folded = shown(ApprenticeFiles.row(whole));
            for (int i = 0; i < listed.size(); i++) {
                assertThat(listed.get(i)).as(row.apprentice().name() + ", part " + i + " of what is shown")
                        .isEqualTo(folded.get(i));
            }
            whole.sessions().forEach(l -> gradeFromLogs.put(l.session().id(), l.result()
                    .map(r -> r.grade().label() + (r.capped() ? " (capped)" : "")).orElse("")));
        }
        Map<String, String> gradeListed = new LinkedHashMap<>();
        for (SessionSummary s : workbench.sessionService().list()) {
            gradeListed.put(s.id(), s.gradeText());
        }
        assertThat(gradeListed).isEqualTo(gradeFromLogs);
    }

    @Test
    void everyApprenticesStoredEpaReadTogetherEqualsEachReadAlone() throws Exception {
        workbench.sampleApprentice().make(); // a gateway with a proposal, planned dates, a portfolio with mappings
        randomHistory(new Random(11), 3, 6);
        var epa = workbench.services().epa();
        var together = epa.everyApprentice();
        List<Apprentice> all = workbench.services().apprentices().all();
        assertThat(together.keySet()).hasSize(all.size());
        for (Apprentice a : all) {
            assertThat(together.get(a.id())).as(a.name()).isEqualTo(epa.all(a.id()));
        }
        assertThat(together.values()).anySatisfy(st -> assertThat(st.portfolio()).isNotEmpty());
    }

    @Test
    void aDataFolderFromBeforeSummariesIsRebuiltWhenOpened() throws Exception {
        randomHistory(new Random(3), 3, 12);
        Map<String, String> kept = stored();
        // as a folder migrated from before issue 17: no grades, summaries of version 0
        Database db = workbench.services().database();
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE session SET grade = NULL, grade_capped = 0");
            Sql.update(c, "DELETE FROM apprentice_summary");
            return Sql.update(c, "UPDATE summary_state SET version = 0, plans = '', stale = 1");
        });
        workbench.close();

        workbench = Workbench.open(DataDirectory.at(dir), clock, sessionClock);

        assertThat(stored()).isEqualTo(kept);
        assertThat(workbench.services().summariesCurrent()).as("nothing left to rebuild").isZero();
    }

    /** What the lists and the command line show of an apprentice, and what their review is computed from. */
    private static List<Object> shown(ApprenticeRow r) {
        return List.of(r.apprentice(), r.plan().map(AssessmentPlan::id), r.epa().attempts(), r.epa().overallSigned(),
                r.review().map(x -> x.status()), r.review().map(x -> x.flags().stream().map(f -> f.message()).toList()),
                r.review().map(x -> x.problems()), r.epa().nextPlanned(LocalDate.of(2026, 11, 23)), r.overall());
    }

    /** Each session's grade and each apprentice's overall result as stored, by id. */
    private Map<String, String> stored() throws SQLException {
        Database db = workbench.services().database();
        return db.inTransaction(c -> {
            Map<String, String> m = new LinkedHashMap<>();
            Sql.query(c, "SELECT id, grade, grade_capped FROM session ORDER BY id",
                    rs -> m.put("session " + rs.getString(1), "grade=" + rs.getString(2) + " capped=" + rs.getInt(3)));
            Sql.query(c, "SELECT a.id, s.overall FROM apprentice a LEFT JOIN apprentice_summary s ON s.apprentice_id = a.id "
                    + "ORDER BY a.id", rs -> m.put("apprentice " + rs.getString(1), "overall=" + rs.getString(2)));
            return m;
        });
    }

    private void randomHistory(Random random, int apprentices, int sessions) throws Exception {
        List<AssessmentPlan> plans = workbench.plans().all().stream().map(p -> p.plan()).toList();
        List<Apprentice> people = new ArrayList<>();
        for (int i = 0; i < apprentices; i++) {
            AssessmentPlan plan = plans.get(random.nextInt(plans.size()));
            Apprentice a = new Apprentice("app-" + i, "Apprentice " + i, Uln.of(uln(i)), "Employer " + (i % 3), "Provider",
                    plan.id(), LocalDate.of(2025, 1, 6), null, false);
            workbench.services().apprentices().save(a);
            people.add(a);
        }
        for (int n = 0; n < sessions; n++) {
            int pick = random.nextInt(people.size());
            Apprentice a = people.get(pick);
            if (random.nextInt(20) == 0) {
                // moved to another plan: their sessions of the old plan no longer count
                AssessmentPlan other = plans.get(random.nextInt(plans.size()));
                a = new Apprentice(a.id(), a.name(), a.uln(), a.employer(), a.trainingProvider(), other.id(),
                        a.apprenticeshipStart(), a.gatewayDate(), false);
                workbench.services().apprentices().save(a);
                people.set(pick, a);
            }
            AssessmentPlan plan = workbench.plans().plan(a.planId()).orElseThrow();
            Component component = plan.components().get(random.nextInt(plan.components().size()));
            AttemptKind attempt = AttemptKind.values()[random.nextInt(AttemptKind.values().length)];
            RecordedSession s = workbench.sessionService().create(plan, new SessionDetails(a.id(), plan.id(), plan.version(),
                    component.id(), attempt, AssessmentMode.FACE_TO_FACE, "Shop floor", "Passport"), sessionClock,
                    SessionSettings.DEFAULT, null);
            if (random.nextInt(10) == 0) {
                continue; // planned, never started
            }
            s.perform(l -> l.start());
            boolean strong = random.nextInt(10) < 7;
            for (Criterion c : component.criteria()) {
                int r = random.nextInt(10);
                if (strong && c.level() == CriterionLevel.PASS || r < 5) {
                    s.perform(l -> l.judge(c.id(), CriterionState.MET));
                } else if (r < 7) {
                    s.perform(l -> l.judge(c.id(), CriterionState.NOT_MET));
                }
            }
            sessionClock.advanceMinutes(30 + random.nextInt(60));
            if (random.nextInt(8) == 0) {
                continue; // still running
            }
            s.perform(l -> l.end("Finished as planned"));
            if (random.nextInt(3) == 0) {
                // a pass criterion found not met after all: a passed session fails
                List<Criterion> pass = component.criteria().stream().filter(c -> c.level() == CriterionLevel.PASS).toList();
                Criterion c = pass.get(random.nextInt(pass.size()));
                s.perform(l -> l.amend("Corrected after reviewing the evidence",
                        new EventBody.CriterionJudged(c.id(), CriterionState.NOT_MET)));
            }
            sessionClock.advanceMinutes(24 * 60);
        }
        workbench.sampleApprentice().make();
        if (random.nextBoolean()) {
            workbench.sampleApprentice().remove();
        }
    }

    /** A valid ULN (10 digits, check digit as the Learning Records Service computes it) for each number. */
    private static String uln(int i) {
        for (long candidate = 1_000_000_000L + i * 1_000L;; candidate++) {
            String s = Long.toString(candidate);
            if (Uln.isValid(s)) {
                return s;
            }
        }
    }
}
