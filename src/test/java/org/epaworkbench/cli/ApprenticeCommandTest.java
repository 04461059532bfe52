package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.epaworkbench.packs.JsonFiles;
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
        assertThat(check.out()).contains("No rule is broken.").contains("EPA window ends (3 months from gateway)");

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
}
