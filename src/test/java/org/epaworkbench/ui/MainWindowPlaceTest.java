package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11 item 6: the main window opens maximised on a first start (never at a fixed small size), and a
 * restart puts it back where it was left: its size, its position and whether it was maximised.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowPlaceTest {

    @TempDir
    Path dir;
    Stage first;
    WorkbenchApp app;
    Stage second;

    @Start
    void start(Stage stage) {
        this.first = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            WaitForAsyncUtils.asyncFx(app::stop).get(10, TimeUnit.SECONDS);
        }
        if (second != null) {
            WaitForAsyncUtils.asyncFx(second::hide).get(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the app on {@code stage} and waits for its main window (the home list). */
    WorkbenchApp startOn(FxRobot robot, Stage stage) throws Exception {
        WorkbenchApp started = new WorkbenchApp();
        Platform.runLater(() -> started.start(stage, org.epaworkbench.app.DataFolder.at(dir)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.isShowing()
                && robot.lookup("#nav-sessions").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return started;
    }

    @Test
    void aFirstStartFillsTheScreenAndARestartPutsTheWindowBackWhereItWasLeft(FxRobot robot) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        app = startOn(robot, first);
        assertThat(first.isMaximized() || first.getWidth() >= 0.9 * screen.getWidth() && first.getHeight() >= 0.9 * screen.getHeight())
                .as("first start: maximised or at least 90%% of the screen, was %.0fx%.0f on %.0fx%.0f", first.getWidth(),
                        first.getHeight(), screen.getWidth(), screen.getHeight())
                .isTrue();
        assertThat(first.getWidth()).isGreaterThanOrEqualTo(0.9 * screen.getWidth());
        assertThat(first.getHeight()).isGreaterThanOrEqualTo(0.9 * screen.getHeight());

        // the assessor restores it and puts it somewhere of their own, then closes the app
        robot.interact(() -> {
            first.setMaximized(false);
            first.setX(100);
            first.setY(80);
            first.setWidth(1200);
            first.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(app::stop).get(10, TimeUnit.SECONDS);
        app = null;
        assertThat(Files.exists(dir.resolve(WindowPlaces.FILE_NAME))).isTrue();
        robot.interact(first::hide);

        // a restart opens it there, not maximised
        second = WaitForAsyncUtils.asyncFx((java.util.concurrent.Callable<Stage>) Stage::new).get();
        app = startOn(robot, second);
        assertThat(second.isMaximized()).isFalse();
        assertThat(second.getX()).isEqualTo(100);
        assertThat(second.getY()).isEqualTo(80);
        assertThat(second.getWidth()).isEqualTo(1200);
        assertThat(second.getHeight()).isEqualTo(700);

        // maximised when closed: maximised again, its restored size still the one the assessor chose
        robot.interact(() -> second.setMaximized(true));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(app::stop).get(10, TimeUnit.SECONDS);
        app = null;
        assertThat(new WindowPlaces(dir).read(WindowPlaces.screens()))
                .contains(new WindowPlaces.Place(100, 80, 1200, 700, true));
    }

    /**
     * A window manager maximises the window (moving and sizing it) and later restores it; then the assessor moves
     * and resizes it. Each of those is followed, not only the first change after the window opened.
     */
    @Test
    void theWindowIsFollowedThroughMaximiseAndRestore(FxRobot robot) throws Exception {
        WindowPlaces.Place[] now = new WindowPlaces.Place[1];
        robot.interact(() -> {
            second = new Stage();
            second.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 800, 600));
            second.show();
            WindowPlaces.Tracker tracker = new WindowPlaces.Tracker(second, new WindowPlaces.Place(0, 0, 800, 600, false), () -> { });
            second.setMaximized(true);
            second.setX(0);
            second.setY(0);
            second.setWidth(1900);
            second.setHeight(1100);
            second.setMaximized(false);
            second.setX(33);
            second.setY(44);
            second.setWidth(1000);
            second.setHeight(600);
            now[0] = tracker.place();
        });
        assertThat(now[0]).isEqualTo(new WindowPlaces.Place(33, 44, 1000, 600, false));
    }

    /** Openbox takes a window out of its maximised state while a modal dialog makes it fixed-size: it is maximised again after. */
    @Test
    void aMaximisedWindowIsMaximisedAgainWhenItsDialogCloses(FxRobot robot) throws Exception {
        app = startOn(robot, first);
        assertThat(first.isMaximized()).isTrue();
        Stage[] dialog = new Stage[1];
        robot.interact(() -> {
            dialog[0] = new Stage();
            dialog[0].initOwner(first);
            dialog[0].initModality(javafx.stage.Modality.WINDOW_MODAL);
            dialog[0].setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(new javafx.scene.control.Label("About")), 300, 200));
            dialog[0].show();
        });
        robot.interact(() -> first.setMaximized(false)); // as openbox does while the dialog is open
        robot.interact(() -> dialog[0].close());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, first::isMaximized);
        assertThat(first.isMaximized()).isTrue();
    }

    @Test
    void aPlaceOffEveryScreenOrUnreadableIsIgnored() throws Exception {
        String screens = WaitForAsyncUtils.asyncFx(() -> WindowPlaces.screens()).get();
        WindowPlaces places = new WindowPlaces(dir);
        assertThat(places.read(screens)).isEmpty();
        places.write(screens, new WindowPlaces.Place(10, 20, 1000, 650, false));
        places.write("800x600+0+0", new WindowPlaces.Place(0, 0, 700, 500, true));
        assertThat(places.read(screens)).contains(new WindowPlaces.Place(10, 20, 1000, 650, false));
        assertThat(places.read("800x600+0+0")).contains(new WindowPlaces.Place(0, 0, 700, 500, true));
        assertThat(WaitForAsyncUtils.asyncFx(() -> WindowPlaces.onAScreen(new WindowPlaces.Place(-5000, -5000, 1000, 650,
                false))).get()).isFalse();
        Files.writeString(dir.resolve(WindowPlaces.FILE_NAME), screens + ".width=wide\n");
        assertThat(places.read(screens)).isEqualTo(Optional.empty());
    }
}
