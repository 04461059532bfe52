package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start screen's answer to a damaged database: choose a backup, confirm, and it is restored and opened. */
@ExtendWith(ApplicationExtension.class)
class RestoreBackupPaneTest {

    @TempDir
    Path dir;
    StackPane root;
    Stage stage;
    final Background background = new Background();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = new StackPane();
        Scene scene = new Scene(root, 1000, 700);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        background.close();
    }

    @Test
    void restoresTheChosenBackupAndOpensIt(FxRobot robot) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        new CliRunner(dir, clock).run("demo");
        new CliRunner(dir, clock).run("backups", "create");
        Files.writeString(dir.resolve("workbench.db"), "damaged ".repeat(1000));
        var backups = new Backups(DataDirectory.at(dir), clock).list();
        AtomicBoolean reopened = new AtomicBoolean();
        Platform.runLater(() -> root.getChildren().setAll(
                new RestoreBackupPane(org.epaworkbench.app.DataFolder.at(dir), background, backups, () -> reopened.set(true))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#backup-list .list-cell").queryAs(javafx.scene.control.ListCell.class).getText())
                .startsWith("On request, 23 Nov 2026");
        robot.interact(() -> Screenshots.save(stage.getScene(), "restore-backup"));

        robot.clickOn("#restore-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, reopened::get);

        assertThat(new CliRunner(dir, clock).run("session", "list").out()).contains("(sample)");
        try (Stream<Path> aside = Files.list(dir.resolve("backups"))) {
            assertThat(aside.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("replaced-"));
        }
        assertThat(robot.lookup("#restore-status").queryAs(Label.class).getText()).startsWith("Restoring");
    }
}
