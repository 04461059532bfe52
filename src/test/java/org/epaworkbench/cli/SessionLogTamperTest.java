package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.epaworkbench.packs.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 8 of issue 12, as the attacker did it: with the app closed, a judgement's {@code "state"} is changed to
 * {@code "met"} in workbench.db with sqlite3 (the append-only trigger dropped first), turning a PASS into a
 * DISTINCTION (here the sample observation's S2.8, not arisen). The file still passes
 * {@code PRAGMA integrity_check}, but the session's hash chain no longer holds: the command line says so in
 * plain words, naming the session and the event, and does not show the changed record.
 */
class SessionLogTamperTest {

    @TempDir
    Path dataDir;

    JsonNode json(String... args) throws Exception {
        CliRunner.Run run = new CliRunner(dataDir).run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JsonFiles.mapper().readTree(run.out());
    }

    @Test
    void anEditAtRestTurningAPassIntoADistinctionIsReportedNotShown() throws Exception {
        String observation = json("demo", "--json").get("sessionIds").get(2).asText();
        assertThat(json("session", "show", observation, "--json").get("gradePreview").get("grade").asText()).isEqualTo("PASS");

        long seq;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("workbench.db"));
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER session_event_is_append_only");
            try (ResultSet rs = st.executeQuery("SELECT seq FROM session_event WHERE session_id = '" + observation
                    + "' AND payload LIKE '%\"state\":\"not_arisen\"%' ORDER BY seq LIMIT 1")) {
                assertThat(rs.next()).as("the sample observation has S2.8 not arisen, missing for a distinction").isTrue();
                seq = rs.getLong(1);
            }
            int changed = st.executeUpdate("UPDATE session_event SET payload = replace(payload, '\"state\":\"not_arisen\"', "
                    + "'\"state\":\"met\"') WHERE session_id = '" + observation + "'");
            assertThat(changed).isPositive();
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).as("the file itself is sound").isEqualTo("ok");
            }
        }

        for (String[] args : new String[][] {{"session", "show", observation}, {"session", "show", observation, "--json"},
                {"session", "events", observation}}) {
            CliRunner.Run run = new CliRunner(dataDir).run(args);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(run.out()).doesNotContain("DISTINCTION").doesNotContain("PASS");
            assertThat(run.err()).contains("The log of session " + observation + " was changed outside EPA Workbench")
                    .contains("event " + seq + " (criterion-judged")
                    .contains("its content was edited after it was recorded")
                    .doesNotContain("internal error").doesNotContain("Exception");
        }
        CliRunner.Run verify = new CliRunner(dataDir).run("session", "verify");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(verify.out()).contains(observation).contains("CHANGED").contains("event " + seq);
    }
}
