package org.epaworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
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
 * A resizable dialog opened at its minimum size by the window manager (as openbox and KDE do) is put
 * back to its preferred size, so the declarations an apprentice signs are never shown as three words.
 */
@ExtendWith(ApplicationExtension.class)
class ResizableDialogTest {

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 900, 700));
        stage.show();
    }

    @Test
    void aDialogShrunkAsItOpensIsSizedBackToItsContent(FxRobot robot) {
        java.util.concurrent.atomic.AtomicReference<Dialog<ButtonType>> shown = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            Region content = new Region();
            content.setPrefSize(600, 420);
            content.setMinSize(20, 20);
            Dialog<ButtonType> d = new Dialog<>();
            d.initOwner(stage);
            d.getDialogPane().setContent(content);
            d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            Dialogs.resizable(d);
            d.show();
            // what the window manager does: the window comes up at its minimum size
            Window w = d.getDialogPane().getScene().getWindow();
            w.setWidth(120);
            w.setHeight(90);
            shown.set(d);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Dialog<ButtonType> d = shown.get();
        Window w = d.getDialogPane().getScene().getWindow();
        assertThat(w.getWidth()).isGreaterThanOrEqualTo(600);
        assertThat(w.getHeight()).isGreaterThanOrEqualTo(420);
        assertThat(d.isResizable()).isTrue();
        robot.interact(d::close);
    }
}
