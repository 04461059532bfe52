package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.epaworkbench.store.Disk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, simulated through the {@link Disk} seam: {@code report} (and {@code import}:
 * {@code ImportFullDiskTest}) say "the
 * disk holding DIR is full: N MB free, about M MB needed", exit 1, leave nothing half written behind
 * (no {@code record*.pdf.tmp}, no partial PDF) and change nothing in the database; SQLite's I/O errors
 * are said in words, never as {@code SQLITE_IOERR_…}.
 */
class FullDiskTest {

    @TempDir
    Path dir;
    Path data;
    String session;

    /** A disk with {@code free} bytes: writing more than that fails part-way, as a real full disk does. */
    static class SmallDisk implements Disk {
        long free;

        SmallDisk(long free) {
            this.free = free;
        }

        @Override
        public boolean canWrite(Path folder) {
            return true;
        }

        @Override
        public long usableBytes(Path path) {
            return free;
        }

        @Override
        public OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
            return new FilterOutputStream(Files.newOutputStream(file, options)) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (len > free) {
                        out.write(b, off, (int) free);
                        free = 0;
                        throw new IOException("No space left on device");
                    }
                    free -= len;
                    out.write(b, off, len);
                }
            };
        }
    }

    @BeforeEach
    void sampleData() {
        data = dir.resolve("data");
        CliRunner cli = new CliRunner(data).withKeystorePassword("correct horse");
        assertThat(cli.run("demo").exitCode()).isZero();
        assertThat(cli.run("keys", "init").exitCode()).isZero();
        session = cli.run("session", "list", "--json").out().replaceAll("(?s).*?\"id\" : \"([^\"]+)\".*", "$1");
    }

    private long tmpFilesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    private void assertFullDiskMessage(CliRunner.Run run, Path folder) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("the disk holding " + folder.toAbsolutePath().normalize() + " is full: ")
                .containsPattern("is full: [0-9.]+ MB free, about [0-9.]+ MB needed")
                .doesNotContain("internal error").doesNotContain("IOException").doesNotContain("No space left")
                .doesNotContain("SQLITE");
    }

    @Test
    void reportOnAFullDiskSaysHowMuchRoomIsMissingAndLeavesNothingHalfWritten() throws Exception {
        String before = new CliRunner(data).run("session", "events", session).out();
        CliRunner.Run run = new CliRunner(data).withKeystorePassword("correct horse").withDisk(new SmallDisk(20_000))
                .run("report", "--session", session, "--out", dir.resolve("record.pdf").toString());
        assertFullDiskMessage(run, data);
        assertThat(tmpFilesIn(data)).isZero();
        assertThat(dir.resolve("record.pdf")).doesNotExist();
        assertThat(new CliRunner(data).run("session", "events", session).out()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void aDiskThatFillsUpWhileTheRecordIsWrittenLeavesNoTmpFileBehind() throws Exception {
        SmallDisk disk = new SmallDisk(200L * 1024 * 1024) {
            @Override
            public OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
                free = 10_000; // the room runs out while the record is written
                return super.newOutputStream(file, options);
            }
        };
        CliRunner.Run run = new CliRunner(data).withKeystorePassword("correct horse").withDisk(disk)
                .run("report", "--session", session, "--out", dir.resolve("record.pdf").toString());
        assertFullDiskMessage(run, data);
        assertThat(tmpFilesIn(data)).as("no record*.pdf.tmp left").isZero();
        assertThat(dir.resolve("record.pdf")).doesNotExist();
        assertThat(new CliRunner(data).run("session", "show", session).out()).doesNotContain("Record signed");
    }

    @Test
    void aFullDiskForTheCopyOutsideTheDataFolderRemovesThePartialFile() throws Exception {
        Path usb = Files.createDirectories(dir.resolve("usb"));
        SmallDisk disk = new SmallDisk(200L * 1024 * 1024) {
            @Override
            public OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
                free = file.startsWith(usb) ? 5_000 : 200L * 1024 * 1024;
                return super.newOutputStream(file, options);
            }
        };
        CliRunner.Run run = new CliRunner(data).withKeystorePassword("correct horse").withDisk(disk)
                .run("report", "--session", session, "--out", usb.resolve("record.pdf").toString());
        assertFullDiskMessage(run, usb);
        assertThat(run.err()).contains("the signed record is kept in " + data.toAbsolutePath().normalize());
        try (Stream<Path> left = Files.list(usb)) {
            assertThat(left).as("no partial PDF").isEmpty();
        }
    }

    @Test
    void sqliteIoErrorsAreSaidInWords() {
        org.sqlite.SQLiteException shm = new org.sqlite.SQLiteException(
                "[SQLITE_IOERR_SHMSIZE] Some kind of disk I/O error occurred (disk I/O error)",
                org.sqlite.SQLiteErrorCode.SQLITE_IOERR_SHMSIZE);
        CliContext full = new CliContext(data, java.time.Clock.systemUTC(), org.epaworkbench.app.DiskSpace.of(new SmallDisk(0)), new java.io.PrintWriter(
                new java.io.StringWriter()));
        assertThat(WorkbenchCli.message(shm, full)).contains("the disk holding " + data.toAbsolutePath().normalize() + " is full")
                .doesNotContain("SQLITE").doesNotContain("I/O error occurred");
        CliContext roomy = new CliContext(data, java.time.Clock.systemUTC(), org.epaworkbench.app.DiskSpace.of(new SmallDisk(500L * 1024 * 1024)),
                new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(WorkbenchCli.message(shm, roomy)).contains("disk").contains(data.toAbsolutePath().normalize().toString())
                .doesNotContain("SQLITE").doesNotContain("Some kind of");
    }
}
