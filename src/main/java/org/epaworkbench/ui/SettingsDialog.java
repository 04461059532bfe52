package org.epaworkbench.ui;

import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.epaworkbench.session.SessionSettings;

/** The assessor's warning preferences for live sessions. */
final class SettingsDialog {

    private SettingsDialog() {
    }

    static Optional<SessionSettings> show(Window owner, SessionSettings current) {
        Spinner<Integer> approaching = new Spinner<>(0, 30, (int) current.approachingMaximum().toMinutes());
        approaching.setId("setting-approaching");
        approaching.setEditable(true);
        Spinner<Integer> warning = new Spinner<>(0, 600, (int) current.questioningWarning().toSeconds(), 15);
        warning.setId("setting-questioning-warning");
        warning.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Say “approaching maximum” this many minutes before the maximum"), approaching);
        grid.addRow(1, new Label("Warn this many seconds before the questioning limit"), warning);

        Dialog<SessionSettings> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Settings");
        d.setHeaderText("Live session warnings");
        d.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        d.setResultConverter(b -> b == save ? new SessionSettings(Duration.ofMinutes(approaching.getValue()),
                Duration.ofSeconds(warning.getValue())) : null);
        return d.showAndWait();
    }
}
