package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DamagedDatabase;
import org.epaworkbench.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A database the quick check on opening passes but whose session cannot be read: the app says which
 * session, offers the restore screen (not a home list that cannot show it), and keeps no backup of it.
 */
@ExtendWith(ApplicationExtension.class)
class DamagedOnStartTest {

    @TempDir
    Path dir;
    Stage stage;
    WorkbenchApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            WaitForAsyncUtils.asyncFx(app::stop).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSessionThatCannotBeReadIsNamedAndTheRestoreScreenOffered(FxRobot robot) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        CliRunner cli = new CliRunner(dir, clock);
        assertThat(cli.run("demo").exitCode()).isZero();
        assertThat(cli.run("backups", "create").exitCode()).isZero();
        DamagedDatabase.Row row = DamagedDatabase.breakPayload(dir.resolve("workbench.db"));
        int backupsBefore = new Backups(DataDirectory.at(dir), clock).list().size();

        app = new WorkbenchApp();
        Platform.runLater(() -> app.start(stage, org.epaworkbench.app.DataFolder.at(dir)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#startup-message").tryQuery().isPresent()
                && robot.lookup("#backup-list").tryQuery().isPresent());
        String message = robot.lookup("#startup-message").queryAs(Label.class).getText();
        assertThat(message).contains("cannot be read").contains(row.sessionId()).contains("Jordan Taylor")
                .contains("has not been changed");
        assertThat(robot.lookup("#restore-button").tryQuery()).isPresent();
        assertThat(new Backups(DataDirectory.at(dir), clock).list()).as("no backup kept of a damaged database")
                .hasSize(backupsBefore);
    }
}
