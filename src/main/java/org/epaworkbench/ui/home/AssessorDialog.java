package org.epaworkbench.ui.home;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.people.AssessorProfile;

/** The assessor's own details, recorded on every session and report. */
public final class AssessorDialog {

    /** The room the form keeps beneath its fields for its messages when it opens: three lines. */
    static final double MESSAGE_ROOM = 64;

    private AssessorDialog() {
    }

    public static Optional<AssessorProfile> show(Window owner, AssessorProfile existing) {
        TextField name = new TextField(existing == null ? "" : existing.name());
        name.setId("assessor-name");
        TextField number = new TextField(existing == null ? "" : existing.assessorNumber());
        number.setId("assessor-number");
        TextField organisation = new TextField(existing == null ? "" : existing.organisation());
        organisation.setId("assessor-organisation");
        Label problems = new Label();
        problems.getStyleClass().add("inline-problem");
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, label("Name"), name);
        grid.addRow(1, label("Assessor number"), number);
        grid.addRow(2, label("Assessment organisation"), organisation);
        name.setPrefColumnCount(26);

        Dialog<AssessorProfile> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Assessor profile");
        d.setHeaderText("Your details as the independent end-point assessor");
        // the form scrolls above the buttons and opens with room for its three messages: the dialog never asks to grow
        // (openbox refuses a shown dialog more height while JavaFX believes it has it, and the buttons go off its bottom)
        VBox form = new VBox(10, grid, problems);
        form.setPadding(new javafx.geometry.Insets(0, 6, 0, 0));
        javafx.scene.control.ScrollPane scroll = org.epaworkbench.ui.common.FormScroll.of("assessor-form", form, MESSAGE_ROOM);
        d.getDialogPane().setContent(scroll);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = d.getDialogPane().lookupButton(save);
        saveButton.setId("assessor-save");
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            List<String> p = AssessorProfile.problems(name.getText(), number.getText(), organisation.getText());
            if (!p.isEmpty()) {
                problems.setText(String.join("\n", p));
                e.consume();
                org.epaworkbench.ui.common.FormScroll.reveal(scroll, problems);
            }
        });
        d.setResultConverter(b -> b == save
                ? new AssessorProfile(name.getText().strip(), number.getText(), organisation.getText(), false) : null);
        Platform.runLater(name::requestFocus);
        return d.showAndWait();
    }

    /** A form label that keeps its whole text ("Assessment organisation", not "Assessment organisati…"): the field gives way. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
