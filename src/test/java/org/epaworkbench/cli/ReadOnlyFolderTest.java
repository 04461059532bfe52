package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.epaworkbench.store.Disk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder that cannot be written (a write-protected stick, a read-only share): reading commands
 * work, opening the database read-only without creating any file, with a one-line warning; commands
 * that change data are refused in plain words.
 */
class ReadOnlyFolderTest {

    @TempDir
    Path dir;

    /** The computer's disk, except that the data folder cannot be written. */
    final Disk readOnlyFolder = new Disk() {
        @Override
        public boolean canWrite(Path folder) {
            return !folder.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize());
        }

        @Override
        public long usableBytes(Path path) throws IOException {
            return Disk.SYSTEM.usableBytes(path);
        }

        @Override
        public OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
            throw new java.nio.file.AccessDeniedException(file.toString(), null, "Read-only file system");
        }
    };

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readingCommandsWorkWithAOneLineWarningAndChangeNothing() throws Exception {
        assertThat(new CliRunner(dir).run("demo").exitCode()).isZero();
        List<String> before = folder();
        byte[] db = Files.readAllBytes(dir.resolve("workbench.db"));
        long lockModified = Files.getLastModifiedTime(dir.resolve("workbench.lock")).toMillis();

        CliRunner readOnly = new CliRunner(dir).withDisk(readOnlyFolder);
        for (String[] read : new String[][] {{"session", "list"}, {"apprentice", "list"}, {"plans", "list"}}) {
            CliRunner.Run run = readOnly.run(read);
            assertThat(run.exitCode()).as(String.join(" ", read) + ": " + run.err()).isZero();
            assertThat(run.err().strip().lines()).as("one line of warning").hasSize(1);
            assertThat(run.err()).contains("warning").contains(dir.toString()).contains("cannot be written")
                    .contains("read-only");
        }
        assertThat(readOnly.run("session", "list").out()).contains("(sample)");

        assertThat(folder()).as("no file made in the folder (no lock, no -wal, no -shm)").isEqualTo(before);
        assertThat(Files.readAllBytes(dir.resolve("workbench.db"))).isEqualTo(db);
        assertThat(Files.getLastModifiedTime(dir.resolve("workbench.lock")).toMillis()).isEqualTo(lockModified);
    }

    @Test
    void commandsThatChangeDataAreRefusedInPlainWords() throws Exception {
        assertThat(new CliRunner(dir).run("demo").exitCode()).isZero();
        byte[] db = Files.readAllBytes(dir.resolve("workbench.db"));
        CliRunner.Run run = new CliRunner(dir).withDisk(readOnlyFolder).run("demo", "--remove");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains(dir.toString()).contains("cannot be written").contains("nothing was changed")
                .doesNotContain("SQLITE").doesNotContain("Exception");
        assertThat(Files.readAllBytes(dir.resolve("workbench.db"))).isEqualTo(db);
    }

    @Test
    void aFolderWithNoDatabaseYetSaysSo() {
        CliRunner.Run run = new CliRunner(dir).withDisk(readOnlyFolder).run("session", "list");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("cannot be written").contains("no database");
    }
}
