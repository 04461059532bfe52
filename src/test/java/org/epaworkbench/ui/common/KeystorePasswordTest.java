package org.epaworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Create your signing identity" opens at a size that shows its content and not much more: its long explanation wraps
 * in a dialog of a form's width, rather than stretching the dialog across the whole screen (1309 x 564 at 1366 x 768,
 * two short fields in an empty window).
 */
@ExtendWith(ApplicationExtension.class)
class KeystorePasswordTest {

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1366, 740));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @Test
    void theFirstSigningDialogIsAsWideAsAFormAndShowsItsWholeExplanation(FxRobot robot) throws Exception {
        Platform.runLater(() -> {
            DialogPlacement.install();
            KeystorePassword.ask(stage, false);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#password-ok").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node ok = robot.lookup("#password-ok").query();
        Window dialog = ok.getScene().getWindow();
        assertThat(dialog.getWidth()).as("width").isLessThanOrEqualTo(720);
        assertThat(dialog.getHeight()).as("height").isLessThanOrEqualTo(400);
        javafx.scene.control.Label header = robot.lookup(".dialog-pane .header-panel .label").queryAs(javafx.scene.control.Label.class);
        assertThat(header.getText()).startsWith("This is the first signed record");
        assertThat(header.getHeight()).as("the explanation's lines, all of them").isGreaterThanOrEqualTo(
                header.prefHeight(header.getWidth()) - 0.5);
        assertThat(ok.localToScene(ok.getBoundsInLocal()).getMaxY()).isLessThanOrEqualTo(ok.getScene().getHeight());
        robot.interact(dialog::hide);
    }
}
