package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.epaworkbench.AppInfo;
import org.epaworkbench.session.ManualClock;
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

/** The About box, opened from the main window's top bar, says which version runs on which data folder. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {

    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    @TempDir
    Path dir;
    StackPane root;
    Workbench workbench;
    Background background;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        Scene scene = new Scene(root, 1280, 800);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        if (background != null) {
            background.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theAboutBoxShowsTheVersionTheDataFolderJavaAndLicences(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), new ManualClock(NOW));
        background = new Background();
        robot.interact(() -> root.getChildren().setAll(new MainWindow(workbench, background, Theme.LIGHT)));

        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#about-version").tryQuery().isPresent());

        assertThat(text(robot, "#about-version")).contains(AppInfo.version().equals(AppInfo.DEVELOPMENT_BUILD)
                ? "Development build" : "Version " + AppInfo.version());
        assertThat(text(robot, "#about-data-folder")).isEqualTo(dir.toAbsolutePath().normalize().toString());
        assertThat(text(robot, "#about-java")).contains(System.getProperty("java.version"));
        assertThat(text(robot, "#about-javafx")).startsWith("21.");
        VBox licences = robot.lookup("#about-licences").queryAs(VBox.class);
        assertThat(licences.getChildren()).extracting(n -> ((Label) n).getText())
                .anyMatch(t -> t.startsWith("JavaFX") && t.contains("Classpath Exception"))
                .anyMatch(t -> t.startsWith("DejaVu Sans"));
        Label version = robot.lookup("#about-version").queryAs(Label.class);
        robot.interact(() -> Screenshots.save(version.getScene(), "about"));

        // "Copy details" puts the same facts on the clipboard for a support request, and leaves the box open
        robot.clickOn("#about-copy");
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).contains("Version: " + AppInfo.version()).contains("Data folder: " + dir.toAbsolutePath().normalize());
        assertThat(robot.lookup("#about-version").tryQuery()).isPresent();

        robot.clickOn("#about-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#about-version").tryQuery()).isEmpty();
    }
}
