package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.epaworkbench.cli.CliRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database whose record of its own structure (the migration history) is from the future or
 * damaged is refused in plain words, untouched, pointing at the backups; never with Flyway's own
 * text (its "repair", "baseline" and "outOfOrder" advice means nothing to an assessor and could lose data).
 */
class MigrationHistoryTest {

    @TempDir
    Path dir;

    static String row(int rank, String version, String script, int checksum, int success) {
        return "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, installed_on, execution_time, success) VALUES (" + rank + ", "
                + (version == null ? "NULL" : "'" + version + "'") + ", 'x', 'SQL', '" + script + "', " + checksum
                + ", 'test', strftime('%Y-%m-%d %H:%M:%f','now'), 0, " + success + ")";
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("a future, failed update", new String[] {row(999, "999", "V999__f.sql", 0, 0)}, "newer version"),
                Arguments.of("an update that failed part-way", new String[] {
                        "DELETE FROM flyway_schema_history WHERE version = '7'", row(999, "7", "V7__record_ownership.sql", 0, 0)},
                        "failed part-way"),
                Arguments.of("a changed step", new String[] {
                        "UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '3'"}, "damaged"),
                Arguments.of("a missing step", new String[] {"DELETE FROM flyway_schema_history WHERE version = '3'"}, "damaged"),
                Arguments.of("an unknown step in the middle", new String[] {row(999, "3.5", "V3_5__x.sql", 0, 1)}, "damaged"),
                Arguments.of("a version that is not a number", new String[] {row(999, "abc", "Vabc.sql", 0, 1)}, "damaged"),
                Arguments.of("no history at all", new String[] {"DROP TABLE flyway_schema_history"}, "damaged"),
                Arguments.of("a history table of another shape", new String[] {"DROP TABLE flyway_schema_history",
                        "CREATE TABLE flyway_schema_history (x INTEGER)"}, "damaged"),
                Arguments.of("a step without a version", new String[] {row(999, null, "R__x.sql", 0, 1)}, "damaged"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void isRefusedInPlainWordsAndLeftUntouched(String what, String[] sql, String words) throws Exception {
        Database.open(DataDirectory.at(dir)).close();
        Path file = dir.resolve("workbench.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
        byte[] before = Files.readAllBytes(file);

        StorageException refused = catchThrowableOfType(StorageException.class, () -> Database.open(DataDirectory.at(dir)));
        assertThat(refused).as(what).isNotNull();
        assertThat(refused.getMessage()).contains(file.toString()).contains(words).contains("has not been changed")
                .doesNotContainIgnoringCase("flyway").doesNotContainIgnoringCase("repair").doesNotContain("Validate")
                .doesNotContain("baseline").doesNotContain("outOfOrder").doesNotContain("http").doesNotContain("SQL State")
                .doesNotContain("\n");
        assertThat(Files.readAllBytes(file)).as("untouched").isEqualTo(before);

        CliRunner.Run run = new CliRunner(dir).run("session", "list");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(words).doesNotContainIgnoringCase("flyway").doesNotContain("Validate failed");
        assertThat(Files.readAllBytes(file)).as("untouched by the command line").isEqualTo(before);
    }
}
