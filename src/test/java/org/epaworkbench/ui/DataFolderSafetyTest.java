package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder is protected from a second copy of the app and from a damaged database: a second
 * app (a real second process) is refused, the command line reads but does not write while the app
 * is open, rolling backups are kept, a damaged database is refused naming them, and one can be
 * restored.
 */
class DataFolderSafetyTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    private String secondInstance() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                SecondInstanceDriver.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return line;
        }
    }

    @Test
    void aSecondCopyOfTheAppIsRefusedAndTheCommandLineOnlyReads() throws Exception {
        new CliRunner(dir, clock).run("demo");
        try (Workbench first = Workbench.open(DataDirectory.at(dir), clock)) {
            int sessions = first.sessions().list().size();
            assertThat(secondInstance()).startsWith("REFUSED EPA Workbench is already open on the data folder")
                    .contains("the EPA Workbench app (process " + ProcessHandle.current().pid())
                    .contains("Switch to that window");

            // in this same process too (a second window of the app)
            assertThatThrownBy(() -> Workbench.open(DataDirectory.at(dir), clock)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("already open");

            CliRunner.Run list = new CliRunner(dir, clock).run("session", "list");
            assertThat(list.exitCode()).isZero();
            assertThat(list.out()).contains("(sample)");
            CliRunner.Run write = new CliRunner(dir, clock).run("demo");
            assertThat(write.exitCode()).isEqualTo(1);
            assertThat(write.err()).contains("is open in the EPA Workbench app").contains("may only read it")
                    .contains("nothing was changed").doesNotContain("Exception");
            assertThat(first.sessions().list()).hasSize(sessions);
        }
        // once the app has closed, the folder is free again
        assertThat(secondInstance()).startsWith("OPENED 3");
    }

    @Test
    void backupsAreTakenKeptToTheNewestTenAndListed() throws Exception {
        Instant[] now = {Instant.parse("2026-11-23T09:00:00Z")};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        try (Database db = Database.open(DataDirectory.at(dir))) {
            Backups backups = new Backups(DataDirectory.at(dir), moving);
            for (int i = 0; i < 12; i++) {
                backups.create(db, i % 2 == 0 ? Backups.Reason.START : Backups.Reason.SIGNING);
                now[0] = now[0].plus(Duration.ofMinutes(1));
            }
            List<Backups.Backup> kept = backups.list();
            assertThat(kept).hasSize(Backups.KEEP);
            assertThat(kept.get(0).takenAt()).isEqualTo(Instant.parse("2026-11-23T09:11:00Z"));
            assertThat(kept.get(0).reason()).isEqualTo(Backups.Reason.SIGNING);
            assertThat(kept.get(Backups.KEEP - 1).takenAt()).isEqualTo(Instant.parse("2026-11-23T09:02:00Z"));
            try (Stream<Path> files = Files.list(backups.folder())) {
                assertThat(files.filter(f -> f.toString().endsWith(".partial"))).isEmpty();
            }
        }
        CliRunner.Run listed = new CliRunner(dir, clock).run("backups", "list", "--json");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("\"reason\" : \"signing\"").contains("workbench-20261123-091100000-signing.db");
    }

    @Test
    void theAppTakesABackupOnEachStartAndEachSigning() throws Exception {
        new CliRunner(dir, clock).withKeystorePassword("correct horse").run("demo");
        try (Workbench w = Workbench.open(DataDirectory.at(dir), clock)) {
            w.backUp(Backups.Reason.START);
        }
        String session = new CliRunner(dir, clock).run("session", "list", "--json").out()
                .replaceAll("(?s).*?\"id\" : \"([^\"]+)\".*", "$1");
        CliRunner.Run report = new CliRunner(dir, clock).withKeystorePassword("correct horse")
                .run("report", "--session", session, "--out", dir.resolve("r.pdf").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(new Backups(DataDirectory.at(dir), clock).list()).extracting(Backups.Backup::reason)
                .contains(Backups.Reason.START, Backups.Reason.SIGNING);
    }

    @Test
    void aDamagedDatabaseIsRefusedNamingTheBackupsAndOneCanBeRestored() throws Exception {
        new CliRunner(dir, clock).run("demo");
        try (Workbench w = Workbench.open(DataDirectory.at(dir), clock)) {
            w.backUp(Backups.Reason.START);
        }
        Path db = dir.resolve("workbench.db");
        assertThat(Files.exists(dir.resolve("workbench.db-wal"))).as("closed cleanly, log folded in").isFalse();
        long pageSize;
        try (Database open = Database.open(DataDirectory.at(dir)); Statement st = open.connection().createStatement();
                ResultSet rs = st.executeQuery("PRAGMA page_size")) {
            pageSize = rs.getLong(1);
        }
        // scribble over pages in the middle of the file, as a failing disk or a bad copy would
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            long pages = f.length() / pageSize;
            assertThat(pages).isGreaterThan(8);
            for (long p = pages / 2; p < pages / 2 + 3; p++) {
                f.seek(p * pageSize);
                f.write(new byte[(int) pageSize / 2]);
                f.seek(p * pageSize + 1);
                f.write(0x77);
            }
        }
        byte[] damaged = Files.readAllBytes(db);

        assertThatThrownBy(() -> Workbench.open(DataDirectory.at(dir), clock))
                .isInstanceOf(Backups.DatabaseDamaged.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("has not been changed")
                .hasMessageContaining(dir.resolve("backups").toString())
                .hasMessageContaining("backups restore workbench-")
                .satisfies(e -> assertThat(((Backups.DatabaseDamaged) e).backups()).hasSize(1));
        assertThat(Files.readAllBytes(db)).as("refused, untouched").isEqualTo(damaged);

        String name = new Backups(DataDirectory.at(dir), clock).list().get(0).name();
        CliRunner.Run restore = new CliRunner(dir, clock).run("backups", "restore", name);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + name).contains("moved to");

        try (Workbench w = Workbench.open(DataDirectory.at(dir), clock)) {
            assertThat(w.sessions().list()).hasSize(3);
        }
        try (Stream<Path> aside = Files.list(dir.resolve("backups"))) {
            Path replaced = aside.filter(p -> p.getFileName().toString().startsWith("replaced-")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(replaced.resolve("workbench.db"))).as("kept, not deleted").isEqualTo(damaged);
        }
    }

    @Test
    void aFileThatIsNotADatabaseAtAllPointsAtTheBackupsToo() throws Exception {
        try (Database db = Database.open(DataDirectory.at(dir))) {
            new Backups(DataDirectory.at(dir), clock).create(db, Backups.Reason.START);
        }
        Files.writeString(dir.resolve("workbench.db"), "not a database ".repeat(500));
        CliRunner.Run run = new CliRunner(dir, clock).run("session", "list");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is damaged").contains("backups restore workbench-20261123-090000000-start.db");
    }

    @Test
    void aDamagedBackupIsNotRestoredAndAnUnknownNameIsBadInput() throws Exception {
        try (Database db = Database.open(DataDirectory.at(dir))) {
            new Backups(DataDirectory.at(dir), clock).create(db, Backups.Reason.MANUAL);
        }
        Backups backups = new Backups(DataDirectory.at(dir), clock);
        Backups.Backup b = backups.list().get(0);
        Files.writeString(b.file(), "garbage ".repeat(1000));
        byte[] current = Files.readAllBytes(dir.resolve("workbench.db"));
        assertThatThrownBy(() -> backups.restore(b)).isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot be restored: it is damaged too");
        assertThat(Files.readAllBytes(dir.resolve("workbench.db"))).isEqualTo(current);

        CliRunner.Run unknown = new CliRunner(dir, clock).run("backups", "restore", "workbench-nope.db");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("there is no backup 'workbench-nope.db'");
    }
}
