package org.epaworkbench.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Assessor profile form keeps its labels whole ("Assessment organisation", not "Assessment organisati…"). */
@ExtendWith(ApplicationExtension.class)
class AssessorDialogTest {

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1366, 740));
        stage.show();
    }

    @Test
    void theLabelsKeepTheirWholeTextWhenTheDialogIsNarrowerThanItWouldLike(FxRobot robot) throws Exception {
        Platform.runLater(() -> AssessorDialog.show(stage, null));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#assessor-save").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.lookup("#assessor-save").query().getScene().getWindow();
        // narrower than it would like (openbox gave it 600 at 1366 x 768, the label cut to "Assessment organisati…")
        robot.interact(() -> dialog.setWidth(480));
        WaitForAsyncUtils.waitForFxEvents();
        Label organisation = robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .filter(l -> "Assessment organisation".equals(l.getText())).findFirst().orElseThrow();
        assertThat(organisation.getWidth()).as("the label's width").isGreaterThanOrEqualTo(organisation.prefWidth(-1) - 0.5);
        robot.interact(dialog::hide);
    }

    @Test
    void saveAndCancelStayInTheWindowWhenTheMessagesShow(FxRobot robot) throws Exception {
        // placed and grown as the app does with every dialog
        robot.interact(org.epaworkbench.ui.common.DialogPlacement::install);
        Platform.runLater(() -> AssessorDialog.show(stage, null));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#assessor-save").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button save = robot.lookup("#assessor-save").queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.Button cancel = robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class)
                .stream().filter(b -> "Cancel".equals(b.getText())).findFirst().orElseThrow();
        Window dialog = save.getScene().getWindow();
        double opened = dialog.getHeight();
        robot.interact(save::fire);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".inline-problem").queryAs(Label.class).getText()).contains("Assessor name is missing.");
        // it does not ask to be taller: openbox refuses, JavaFX believes it has grown and lays the buttons out beneath
        // the window's real bottom
        assertThat(dialog.getHeight()).as("the dialog's height, the messages showing").isCloseTo(opened,
                org.assertj.core.data.Offset.offset(0.5));
        for (javafx.scene.control.Button b : java.util.List.of(save, cancel)) {
            javafx.geometry.Bounds r = b.localToScreen(b.getLayoutBounds());
            double top = dialog.getY() + dialog.getScene().getY();
            assertThat(r.getMaxY()).as(b.getText() + ": its bottom").isLessThanOrEqualTo(top + dialog.getScene().getHeight() + 0.5);
            assertThat(r.getMaxX()).as(b.getText() + ": its right")
                    .isLessThanOrEqualTo(dialog.getX() + dialog.getScene().getX() + dialog.getScene().getWidth() + 0.5);
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(dialog.getY() + dialog.getHeight()).as("the dialog's bottom").isLessThanOrEqualTo(screen.getMaxY());
        assertThat(dialog.getY()).as("the dialog's top").isGreaterThanOrEqualTo(screen.getMinY());
        robot.interact(dialog::hide);
    }
}
