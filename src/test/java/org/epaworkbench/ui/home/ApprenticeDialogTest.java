package org.epaworkbench.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The New apprentice form keeps its Save and Cancel buttons in sight when its messages show, in a window that does
 * not grow (openbox at 1366 x 768 and 1280 x 720 kept the dialog at the height it opened at, and the messages pushed
 * the buttons off its bottom: only Return saved).
 */
@ExtendWith(ApplicationExtension.class)
class ApprenticeDialogTest {

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1366, 740));
        stage.show();
    }

    @Test
    void saveAndCancelStayInTheWindowWhenTheMessagesShowAndTheWindowMayNotGrow(FxRobot robot) throws Exception {
        // placed and grown as the app does with every dialog
        robot.interact(org.epaworkbench.ui.common.DialogPlacement::install);
        Platform.runLater(() -> ApprenticeDialog.show(stage, List.of(), null));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#apprentice-save").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Button save = robot.lookup("#apprentice-save").queryAs(Button.class);
        Button cancel = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> "Cancel".equals(b.getText())).findFirst().orElseThrow();
        Window dialog = save.getScene().getWindow();
        double opened = dialog.getHeight();

        // dates that are not dates: a message opens beneath each field
        robot.interact(() -> {
            robot.lookup("#apprentice-uln").queryAs(TextField.class).setText("12ab");
            robot.lookup("#apprentice-start").queryAs(javafx.scene.control.DatePicker.class).getEditor().setText("31/02/2024");
            robot.lookup("#apprentice-gateway").queryAs(javafx.scene.control.DatePicker.class).getEditor().setText("next tuesday");
            save.fire();
        });
        keptAt(robot, dialog, opened);
        assertThat(robot.lookup("#apprentice-start-problem").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#apprentice-gateway-problem").queryAs(Label.class).isVisible()).isTrue();
        inSight(save, dialog, "Save, the dates' messages showing");
        inSight(cancel, dialog, "Cancel, the dates' messages showing");
        onTheScreen(dialog);

        // the dates right, the form's own messages (name, ULN, plan, gateway before start) beneath it as well
        robot.interact(() -> {
            robot.lookup("#apprentice-start").queryAs(javafx.scene.control.DatePicker.class).getEditor().setText("01/03/2025");
            robot.lookup("#apprentice-gateway").queryAs(javafx.scene.control.DatePicker.class).getEditor().setText("01/02/2025");
            save.fire();
        });
        keptAt(robot, dialog, opened);
        Label problems = robot.lookup("#apprentice-problems").queryAs(Label.class);
        assertThat(problems.getText()).contains("Name is missing.").contains("before the apprenticeship start");
        inSight(save, dialog, "Save, the form's messages showing");
        inSight(cancel, dialog, "Cancel, the form's messages showing");
        onTheScreen(dialog);
        // the messages can be read: scrolled into the form's view
        javafx.scene.control.ScrollPane form = robot.lookup("#apprentice-form").queryAs(javafx.scene.control.ScrollPane.class);
        Bounds view = form.localToScreen(form.getLayoutBounds());
        Bounds message = problems.localToScreen(problems.getLayoutBounds());
        assertThat(message.getMaxY()).as("the messages' bottom").isLessThanOrEqualTo(view.getMaxY() + 1);
        assertThat(message.getMinY()).as("the messages' top").isGreaterThanOrEqualTo(view.getMinY() - 1);
        robot.interact(dialog::hide);
    }

    /** The window at the height it opened at, as openbox keeps a shown dialog, once the form has been laid out. */
    private static void keptAt(FxRobot robot, Window dialog, double height) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        // it does not ask to be taller: openbox refused, JavaFX believed it and laid the buttons out beneath the
        // window's real bottom
        assertThat(dialog.getHeight()).as("the dialog's height, the messages showing").isCloseTo(height,
                org.assertj.core.data.Offset.offset(0.5));
        // and had it grown elsewhere, at the height it opened at (as openbox keeps it) the buttons are in sight
        robot.interact(() -> dialog.setHeight(height));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void inSight(Node button, Window dialog, String what) {
        Bounds b = button.localToScreen(button.getLayoutBounds());
        Scene scene = dialog.getScene();
        double top = dialog.getY() + scene.getY();
        double left = dialog.getX() + scene.getX();
        assertThat(button.isVisible()).as(what + " visible").isTrue();
        assertThat(b.getMinY()).as(what + ": its top").isGreaterThanOrEqualTo(top - 0.5);
        assertThat(b.getMaxY()).as(what + ": its bottom, within the window's " + (top + scene.getHeight()))
                .isLessThanOrEqualTo(top + scene.getHeight() + 0.5);
        assertThat(b.getMinX()).as(what + ": its left").isGreaterThanOrEqualTo(left - 0.5);
        assertThat(b.getMaxX()).as(what + ": its right").isLessThanOrEqualTo(left + scene.getWidth() + 0.5);
    }

    private static void onTheScreen(Window dialog) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(dialog.getX()).as("the dialog's left").isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(dialog.getY()).as("the dialog's top").isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(dialog.getX() + dialog.getWidth()).as("the dialog's right").isLessThanOrEqualTo(screen.getMaxX());
        assertThat(dialog.getY() + dialog.getHeight()).as("the dialog's bottom").isLessThanOrEqualTo(screen.getMaxY());
    }
}
