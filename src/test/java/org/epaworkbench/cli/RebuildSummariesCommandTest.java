package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rebuild-summaries} (issue 17): grades lost from the summaries come back from the event logs; no record changes. */
class RebuildSummariesCommandTest {

    @TempDir
    Path dir;

    @Test
    void gradesWipedFromTheSummariesComeBackFromTheLogs() throws Exception {
        assertThat(new CliRunner(dir).run("demo").exitCode()).isZero();
        String listed = new CliRunner(dir).run("apprentice", "list", "--json").out();
        assertThat(listed).contains("\"overall\"");
        long events;
        try (Database db = Database.open(DataDirectory.at(dir))) {
            events = db.inTransaction(c -> {
                Sql.update(c, "UPDATE session SET grade = NULL, grade_capped = 0");
                Sql.update(c, "DELETE FROM apprentice_summary");
                return Sql.one(c, "SELECT count(*) FROM session_event", rs -> rs.getLong(1)).orElseThrow();
            });
        }

        CliRunner.Run run = new CliRunner(dir).run("rebuild-summaries");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Summaries rebuilt from the event logs for 1 apprentice.");
        assertThat(new CliRunner(dir).run("apprentice", "list", "--json").out()).isEqualTo(listed);
        try (Database db = Database.open(DataDirectory.at(dir))) {
            long graded = db.<Long>inTransaction(c -> Sql.one(c, "SELECT count(*) FROM session WHERE grade IS NOT NULL",
                    rs -> rs.getLong(1)).orElseThrow());
            long eventsAfter = db.<Long>inTransaction(c -> Sql.one(c, "SELECT count(*) FROM session_event",
                    rs -> rs.getLong(1)).orElseThrow());
            assertThat(graded).isPositive();
            assertThat(eventsAfter).as("no event added or removed").isEqualTo(events);
        }
    }
}
