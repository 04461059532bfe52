package org.epaworkbench.ui.session;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.ui.common.IdDocuments;

/**
 * The session's mode, location and ID check, recorded after it was set up (the ID document is often
 * seen only when the apprentice arrives). After the end, a change is an amendment and needs a reason.
 */
final class SessionDetailsDialog {

    /** What the assessor entered; {@code reason} is null unless the session has ended. */
    record Entered(EventBody.DetailsRecorded details, String reason) {
    }

    private SessionDetailsDialog() {
    }

    static Optional<Entered> show(Window owner, SessionDetails current, boolean ended) {
        ComboBox<AssessmentMode> mode = new ComboBox<>();
        mode.setId("details-mode");
        mode.getItems().setAll(AssessmentMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(AssessmentMode m) {
                return m == null ? "" : m.label();
            }

            @Override
            public AssessmentMode fromString(String s) {
                return null;
            }
        });
        mode.setValue(current.mode());
        TextField location = new TextField(current.location());
        location.setId("details-location");
        location.setPromptText("e.g. customer service desk, Leeds store; or the video platform");
        location.setPrefColumnCount(30);
        ComboBox<String> id = new ComboBox<>();
        id.setId("details-id-check");
        id.setEditable(true);
        id.getItems().setAll(IdDocuments.ACCEPTED);
        id.getEditor().setText(current.idDocumentSeen());
        id.setPromptText("The identity document you saw");
        TextArea reason = new TextArea();
        reason.setId("details-reason");
        reason.setPromptText("Why is the record being corrected? e.g. the licence was seen, not a passport");
        reason.setWrapText(true);
        reason.setPrefRowCount(2);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Mode"), mode);
        grid.addRow(1, new Label("Location"), location);
        grid.addRow(2, new Label("ID check"), id);
        Label reasonHint = new Label();
        reasonHint.setId("details-reason-hint");
        if (ended) {
            grid.addRow(3, new Label("Reason"), reason);
            grid.add(reasonHint, 1, 4);
        }

        Dialog<Entered> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Session details");
        d.setHeaderText(ended ? "The session has ended, so a change is recorded as an amendment with its reason."
                : "How the session is held, where, and the identity document seen.");
        Label hint = new Label(ended ? "The original details stay in the audit trail." : "Saved as soon as you record it.");
        hint.getStyleClass().add("plan-subtitle");
        d.getDialogPane().setContent(new VBox(10, grid, hint));
        ButtonType save = new ButtonType(ended ? "Record amendment" : "Record", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = d.getDialogPane().lookupButton(save);
        saveButton.setId("details-save");
        // nothing to record until something changed (and, after the end, a reason is given)
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(() ->
                mode.getValue() == current.mode() && location.getText().strip().equals(current.location())
                        && id.getEditor().getText().strip().equals(current.idDocumentSeen())
                        || ended && reason.getText().isBlank(),
                mode.valueProperty(), location.textProperty(), id.getEditor().textProperty(), reason.textProperty()));
        // Enter starts a new line in the reason; Ctrl+Enter records the amendment; Tab moves on
        reasonHint.setText(org.epaworkbench.ui.common.TextBoxes.recordsOnCtrlEnter(reason,
                (javafx.scene.control.Button) saveButton, "records the amendment").getText());
        reasonHint.getStyleClass().add("plan-subtitle");
        org.epaworkbench.ui.common.TextBoxes.tabMovesFocus(reason);
        d.setResultConverter(b -> b != save ? null : new Entered(
                new EventBody.DetailsRecorded(mode.getValue(), location.getText(), id.getEditor().getText()),
                ended ? reason.getText().strip() : null));
        Platform.runLater(() -> (current.idDocumentSeen().isEmpty() ? id.getEditor() : location).requestFocus());
        return d.showAndWait();
    }
}
