package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.epaworkbench.store.DamagedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line checks the database when it opens it, as the app does, and writes nothing into a
 * database that fails SQLite's full check: demo and report are refused, the file untouched (import:
 * {@code DamagedDatabaseImportTest}).
 * Reading commands still read it.
 */
class DamagedDatabaseCommandsTest {

    @TempDir
    Path dir;

    @Test
    void writingCommandsAreRefusedOnADatabaseThatFailsTheFullCheck() throws Exception {
        Path office = dir.resolve("office");
        CliRunner cli = new CliRunner(office).withKeystorePassword("correct horse");
        assertThat(cli.run("demo").exitCode()).isZero();
        String session = cli.run("session", "list", "--json").out().replaceAll("(?s).*?\"id\" : \"([^\"]+)\".*", "$1");
        Path db = office.resolve("workbench.db");
        DamagedDatabase.breakIndexedRow(db);
        byte[] damaged = Files.readAllBytes(db);

        for (String[] write : new String[][] {
                {"demo"},
                {"demo", "--remove"},
                {"report", "--session", session, "--out", dir.resolve("r.pdf").toString()}}) {
            CliRunner.Run run = cli.run(write);
            assertThat(run.exitCode()).as(String.join(" ", write) + ": " + run.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err()).as(String.join(" ", write)).contains("is damaged").contains("full check")
                    .contains("so nothing was written").doesNotContain("Exception").doesNotContain("SQLITE_");
            assertThat(Files.readAllBytes(db)).as(String.join(" ", write) + " wrote nothing").isEqualTo(damaged);
        }
        assertThat(dir.resolve("r.pdf")).doesNotExist();

        CliRunner.Run read = cli.run("session", "list");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).contains("(sample)");
    }

    @Test
    void aDatabaseThatFailsTheQuickCheckIsRefusedEvenForReading() throws Exception {
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("demo").exitCode()).isZero();
        assertThat(cli.run("backups", "create").exitCode()).isZero();
        Path db = dir.resolve("workbench.db");
        long size = Files.size(db);
        // a page's header wiped: the quick check on opening sees it
        try (var f = new java.io.RandomAccessFile(db.toFile(), "rw")) {
            long pageSize = 4096;
            for (long p = size / pageSize / 2; p < size / pageSize / 2 + 3; p++) {
                f.seek(p * pageSize);
                f.write(new byte[(int) pageSize / 2]);
                f.seek(p * pageSize + 1);
                f.write(0x77);
            }
        }
        assertThat(DamagedDatabase.pragma(db, "PRAGMA quick_check")).isNotEqualTo("ok");
        byte[] damaged = Files.readAllBytes(db);
        CliRunner.Run run = cli.run("session", "list");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("is damaged").contains("backups restore workbench-");
        assertThat(Files.readAllBytes(db)).isEqualTo(damaged);
    }
}
