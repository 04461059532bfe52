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
}
