package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.CriterionLevel;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.EpaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprenticeCommandTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    CliRunner cli() {
        return new CliRunner(dir, clock);
    }

    @Test
    void listsAndChecksTheSampleApprentice() throws Exception {
        String id = JsonFiles.mapper().readTree(cli().run("demo", "--json").out()).get("apprenticeId").asText();

        CliRunner.Run list = cli().run("apprentice", "list", "--json");
        assertThat(list.exitCode()).isZero();
        JsonNode row = JsonFiles.mapper().readTree(list.out()).get(0);
        assertThat(row.get("status").asText()).isEqualTo("AWAITING_RESULT");
        assertThat(row.get("problems").asLong()).isZero();
        assertThat(row.get("overall").asText()).isEqualTo("PASS");
        assertThat(cli().run("apprentice", "list", "--search", "northgate").out()).contains("Jordan Taylor (sample)");
        assertThat(cli().run("apprentice", "list", "--status", "at-gateway").out()).contains("No apprentices match.");
        CliRunner.Run badStatus = cli().run("apprentice", "list", "--status", "finished");
        assertThat(badStatus.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badStatus.err()).contains("unknown status 'finished'");

        CliRunner.Run check = cli().run("apprentice", "check", id);
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("No rule is broken.").contains("EPA window ends (3 months from gateway)")
                .contains("Overall result: Pass");

        // notice of the observation given a day late: the check says so, with its source, and exits 3
        try (Database db = Database.open(DataDirectory.at(dir))) {
            EpaStore epa = new EpaStore(db, clock);
            LocalDate observation = epa.schedule(id).plannedDate("observation").orElseThrow();
            epa.setDate(id, EpaStore.DateKind.NOTICE, "observation", observation.minusDays(13));
        }
        CliRunner.Run late = cli().run("apprentice", "check", id, "--json");
        assertThat(late.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode flag = JsonFiles.mapper().readTree(late.out()).get("flags").get(0);
        assertThat(flag.get("severity").asText()).isEqualTo("PROBLEM");
        assertThat(flag.get("message").asText()).contains("only 13 days before");
        assertThat(flag.get("source").asText()).startsWith("000 §");

        assertThat(cli().run("apprentice", "check", "nobody").err()).contains("unknown apprentice 'nobody'");
    }

    /**
     * Item 1 of the audit: an observation failed inside the EPA window and passed at a resit after it, in time: the check
     * passes (exit 0) and says what the overall result is and what drove it.
     */
    @Test
    void anApprenticeWhoPassedAResitInTimeBreaksNoRule() throws Exception {
        String id = "resit-1";
        try (Database db = Database.open(DataDirectory.at(dir))) {
            PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, clock), new ArrayList<>());
            AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
            new PeopleStore(db, clock).save(new Apprentice(id, "Sam Okafor", Uln.of("9276308686"), "Harbour Foods", "Train Co",
                    plan.id(), LocalDate.of(2024, 6, 3), LocalDate.of(2025, 10, 1), false));
            EpaStore epa = new EpaStore(db, clock);
            epa.saveGateway(id, new GatewayRecord(LocalDate.of(2024, 6, 3), null, LocalDate.of(2025, 10, 1),
                    new GatewayRecord.Qualification(true, "GCSE"), new GatewayRecord.Qualification(true, "GCSE"), true, true, "Passport",
                    "", new GatewayRecord.ProjectProposal("word ".repeat(250), LocalDate.of(2025, 9, 29),
                            GatewayRecord.ProposalDecision.APPROVED, "", LocalDate.of(2025, 9, 30))));
            epa.setDate(id, EpaStore.DateKind.PLANNED, "wbp-interview", LocalDate.of(2025, 11, 20));
            epa.setDate(id, EpaStore.DateKind.SUBMITTED, "project report", LocalDate.of(2025, 11, 1));
            epa.setDate(id, EpaStore.DateKind.PLANNED, "professional-discussion", LocalDate.of(2025, 12, 1));
            epa.setDate(id, EpaStore.DateKind.SUBMITTED, "portfolio of evidence", LocalDate.of(2025, 11, 10));
            epa.setDate(id, EpaStore.DateKind.PLANNED, "observation", LocalDate.of(2025, 12, 10));
            epa.setDate(id, EpaStore.DateKind.NOTICE, "observation", LocalDate.of(2025, 11, 20));
            // the resit, after the window (1 Jan 2026), within 12 months of the fail
            epa.setDate(id, EpaStore.DateKind.PLANNED, "observation", 2, LocalDate.of(2026, 3, 10));
            epa.setDate(id, EpaStore.DateKind.NOTICE, "observation", 2, LocalDate.of(2026, 2, 20));
            SessionStore sessions = new SessionStore(db);
            ended(sessions, plan, id, "wbp-interview", AttemptKind.FIRST, LocalDate.of(2025, 11, 20), true);
            ended(sessions, plan, id, "professional-discussion", AttemptKind.FIRST, LocalDate.of(2025, 12, 1), true);
            ended(sessions, plan, id, "observation", AttemptKind.FIRST, LocalDate.of(2025, 12, 10), false);
            ended(sessions, plan, id, "observation", AttemptKind.RESIT, LocalDate.of(2026, 3, 10), true);
        }
        CliRunner.Run check = cli().run("apprentice", "check", id);
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("Sam Okafor (ULN 9276308686): Awaiting result")
                .contains("Overall result: Pass").contains("  Practical observation with Q&As: Pass, resit").doesNotContain("PROBLEM");
        JsonNode json = JsonFiles.mapper().readTree(cli().run("apprentice", "check", id, "--json").out());
        assertThat(json.get("problems").asLong()).isZero();
        assertThat(json.get("overall").asText()).isEqualTo("PASS");
        assertThat(json.get("overallExplanation")).isNotEmpty();
    }

    static void ended(SessionStore sessions, AssessmentPlan plan, String apprenticeId, String componentId, AttemptKind kind,
            LocalDate day, boolean pass) throws Exception {
        ManualClock clock = new ManualClock(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        RecordedSession s = RecordedSession.create(sessions, plan, new SessionDetails(apprenticeId, plan.id(), plan.version(), componentId,
                kind, AssessmentMode.FACE_TO_FACE, "Store", "Passport"), clock, SessionSettings.DEFAULT, false);
        s.perform(l -> l.start());
        for (Criterion c : plan.component(componentId).orElseThrow().criteria()) {
            if (c.level() == CriterionLevel.PASS) {
                s.perform(l -> l.judge(c.id(), pass ? CriterionState.MET : CriterionState.NOT_MET));
            }
        }
        clock.advanceMinutes(60);
        s.perform(l -> l.end("Finished"));
    }
}
