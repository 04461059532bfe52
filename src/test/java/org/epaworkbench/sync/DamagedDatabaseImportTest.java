package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.store.DamagedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} writes nothing into a database that fails SQLite's full check. */
class DamagedDatabaseImportTest {

    @TempDir
    Path dir;

    @Test
    void importIsRefusedOnADatabaseThatFailsTheFullCheck() throws Exception {
        Path laptop = dir.resolve("laptop");
        SyncFixture.assessorDevice(laptop).close();
        CliRunner device = new CliRunner(laptop).withKeystorePassword(new String(SyncFixture.PASSWORD));
        assertThat(device.run("export", "--out", dir.resolve("usb").toString()).exitCode()).isZero();
        Path pkg = SyncCommandsTest.onlyPackage(dir.resolve("usb"));

        CliRunner office = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK);
        assertThat(office.run("demo").exitCode()).isZero();
        Path db = dir.resolve("office").resolve("workbench.db");
        DamagedDatabase.breakIndexedRow(db);
        byte[] damaged = Files.readAllBytes(db);

        CliRunner.Run run = office.run("import", pkg.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("is damaged").contains("full check").contains("so nothing was written")
                .doesNotContain("Exception");
        assertThat(Files.readAllBytes(db)).isEqualTo(damaged);
    }
}
