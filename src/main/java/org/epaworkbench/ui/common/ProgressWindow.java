package org.epaworkbench.ui.common;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A small window showing a background task's current step while it runs. */
public final class ProgressWindow {

    private ProgressWindow() {
    }

    public static Stage of(Window owner, String title, Task<?> task) {
        ProgressIndicator spinner = new ProgressIndicator();
        Label step = new Label();
        step.setId("signing-step");
        step.textProperty().bind(task.messageProperty());
        VBox box = new VBox(14, new Label(title), spinner, step);
        box.setPadding(new Insets(24));
        box.setMinWidth(340);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Signing");
        javafx.scene.Scene scene = new javafx.scene.Scene(box);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        return stage;
    }

}
