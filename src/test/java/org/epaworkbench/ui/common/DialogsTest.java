package org.epaworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A dialog's confirm button takes one action: the second click of a double-click does not reach the screen behind. */
@ExtendWith(ApplicationExtension.class)
class DialogsTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final AtomicInteger behindClicks = new AtomicInteger();
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // the whole window behind the dialog is one button ("Session note" in the defect report)
        Button behind = new Button("Session note");
        behind.setId("behind");
        behind.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        behind.setOnAction(e -> behindClicks.incrementAndGet());
        stage.setScene(new Scene(new StackPane(behind), 1000, 700));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void realClock() {
        ClickThroughGuard.useClock(null);
    }

    boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && org.testfx.util.NodeQueryUtils.isVisible().test(n)
                && n.getLayoutBounds().getWidth() > 0).isPresent();
    }

    @Test
    void aDoubleClickOnConfirmIsOneAction(FxRobot robot) throws Exception {
        ClickThroughGuard.useClock(nanos::get);
        AtomicReference<Boolean> confirmed = new AtomicReference<>();
        Platform.runLater(() -> confirmed.set(Dialogs.confirm(stage, "End the session", "End the session at 42:10?",
                "End session")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#confirm-ok"));
        WaitForAsyncUtils.waitForFxEvents();
        Node ok = robot.lookup("#confirm-ok").query();
        Point2D where = robot.point(ok).query();
        robot.doubleClickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirmed.get()).isTrue();
        assertThat(behindClicks.get()).as("the second click of the double-click").isZero();

        // still within a double-click's time: a click there is the same gesture
        robot.clickOn(where);
        assertThat(behindClicks.get()).isZero();

        // a click elsewhere is a new action, and a moment later the screen behind works as ever
        robot.clickOn(where.add(-200, -150));
        assertThat(behindClicks.get()).isEqualTo(1);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        robot.clickOn(where);
        assertThat(behindClicks.get()).isEqualTo(2);
    }

    @Test
    void aDialogClosedByKeyboardLeavesTheScreenBehindAlone(FxRobot robot) throws Exception {
        ClickThroughGuard.useClock(nanos::get);
        AtomicReference<Boolean> confirmed = new AtomicReference<>();
        Platform.runLater(() -> confirmed.set(Dialogs.confirm(stage, "End the session", "End the session at 42:10?",
                "End session")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#confirm-ok"));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D where = robot.point("#confirm-ok").query();
        robot.interact(() -> ((Button) robot.lookup("#confirm-ok").query()).fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> confirmed.get() != null);
        robot.clickOn(where);
        assertThat(behindClicks.get()).isEqualTo(1);
    }
}
