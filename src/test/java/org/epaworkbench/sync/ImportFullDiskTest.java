package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.store.Disk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} onto a full disk (simulated through the {@link Disk} seam) says so in words and changes nothing. */
class ImportFullDiskTest {

    @TempDir
    Path dir;

    @Test
    void importOnAFullDiskSaysHowMuchRoomIsMissingAndChangesNothing() throws Exception {
        Path laptop = dir.resolve("laptop");
        SyncFixture.assessorDevice(laptop).close();
        CliRunner device = new CliRunner(laptop).withKeystorePassword(new String(SyncFixture.PASSWORD));
        assertThat(device.run("export", "--out", dir.resolve("usb").toString()).exitCode()).isZero();
        Path pkg = SyncCommandsTest.onlyPackage(dir.resolve("usb"));

        Path office = dir.resolve("office");
        assertThat(new CliRunner(office).run("demo").exitCode()).isZero();
        String before = new CliRunner(office).run("session", "list", "--json").out();
        Disk full = new Disk() {
            @Override
            public boolean canWrite(Path folder) {
                return true;
            }

            @Override
            public long usableBytes(Path path) {
                return 50_000;
            }

            @Override
            public OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        CliRunner.Run run = new CliRunner(office).withDisk(full).run("import", pkg.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("the disk holding " + office.toAbsolutePath().normalize() + " is full: ")
                .containsPattern("is full: [0-9.]+ MB free, about [0-9.]+ MB needed")
                .doesNotContain("internal error").doesNotContain("IOException");
        assertThat(new CliRunner(office).run("session", "list", "--json").out()).isEqualTo(before);
        try (Stream<Path> all = Files.walk(office)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
