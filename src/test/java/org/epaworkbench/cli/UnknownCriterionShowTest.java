package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 5 of issue 12, the second half: once a log named a criterion its plan does not have, {@code session
 * show} failed with "internal error: IllegalStateException". Imports now refuse such logs, but one already stored
 * (by an earlier version) is shown, with the unknown criterion named, and never as an internal error.
 */
class UnknownCriterionShowTest {

    @TempDir
    Path dataDir;

    @Test
    void aStoredJudgementOfAnUnknownCriterionIsShownNamedNotAnInternalError() throws Exception {
        CliRunner.Run demo = new CliRunner(dataDir).run("demo", "--json");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        String observation = JsonFiles.mapper().readTree(demo.out()).get("sessionIds").get(2).asText();
        String apprentice = JsonFiles.mapper().readTree(demo.out()).get("apprenticeId").asText();
        try (Database db = Database.open(DataDirectory.at(dataDir))) {
            SessionStore store = new SessionStore(db);
            List<SessionEvent> log = store.events(observation);
            SessionEvent last = log.get(log.size() - 1);
            // stored as an earlier version (or a faulty import) could have: past the app's own rules
            store.append(new SessionEvent("evt-unknown", observation, last.seq() + 1, last.at().plusSeconds(1),
                    last.sessionTime(), new EventBody.Amended("Late correction",
                            new EventBody.CriterionJudged("S9.99", CriterionState.MET))));
        }
        for (String[] args : new String[][] {{"session", "show", observation}, {"session", "show", observation, "--json"}}) {
            CliRunner.Run run = new CliRunner(dataDir).run(args);
            assertThat(run.err()).doesNotContain("internal error").doesNotContain("Exception");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("S9.99");
        }
        assertThat(new CliRunner(dataDir).run("session", "show", observation).out())
                .contains("S9.99 is not a criterion of the practical observation");
        // the apprentice's overall result, which grades the same session, does not fail on it either
        for (String[] args : new String[][] {{"apprentice", "list"}, {"apprentice", "check", apprentice},
                {"apprentice", "check", apprentice, "--json"}}) {
            CliRunner.Run run = new CliRunner(dataDir).run(args);
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("internal error").doesNotContain("Exception");
            assertThat(run.exitCode()).as(run.err()).isNotEqualTo(ExitCodes.FAILED);
        }
        CliRunner.Run overall = new CliRunner(dataDir).withKeystorePassword("first-password")
                .run("report", "--overall", apprentice, "--out", dataDir.resolve("overall.pdf").toString());
        assertThat(overall.err()).doesNotContain("internal error").doesNotContain("Exception");
        assertThat(overall.exitCode()).as(overall.err()).isZero();
    }


}
