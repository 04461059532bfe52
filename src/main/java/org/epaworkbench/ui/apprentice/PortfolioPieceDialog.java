package org.epaworkbench.ui.apprentice;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.epaworkbench.Wording;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.app.EpaDetails;
import org.epaworkbench.ui.common.DateField;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Adding or editing one piece of portfolio evidence: number, title, type, date, where it is (a file
 * to attach, a reference, or both) and the discussion criteria it supports, ticked from the plan's list.
 */
final class PortfolioPieceDialog {

    static final List<String> TYPES = List.of("Work product", "Witness testimony", "Customer feedback", "Observation record",
            "Reflective account", "Professional discussion record", "Certificate", "Photograph or video", "Other");

    /** What the dialog gives back: the piece, and a file to attach to it if one was chosen. */
    record Result(PortfolioPiece piece, Optional<Path> fileToAttach) {
    }

    /** A criterion in the checklist, ticked when the piece supports it. */
    private record Tick(Criterion criterion, BooleanProperty ticked) {
        @Override
        public String toString() {
            return criterion.code() + "  " + criterion.displayText();
        }
    }

    private PortfolioPieceDialog() {
    }

    static Optional<Result> show(Window owner, Component discussion, PortfolioPiece existing, int nextNumber) {
        TextField number = new TextField(Integer.toString(existing == null ? nextNumber : existing.number()));
        number.setId("piece-number");
        number.setPrefColumnCount(4);
        TextField title = new TextField(existing == null ? "" : existing.title());
        title.setId("piece-title");
        title.setPromptText("e.g. Complaint log, March 2026");
        ComboBox<String> type = new ComboBox<>();
        type.setId("piece-type");
        type.setEditable(true);
        type.getItems().setAll(TYPES);
        type.setValue(existing == null ? "" : existing.type());
        Label problems = new Label();
        problems.setId("piece-problems");
        problems.getStyleClass().add("inline-problem");
        problems.setWrapText(true);
        problems.setMaxWidth(560);
        DateField date = new DateField("piece-date", existing == null ? null : existing.date());
        TextField reference = new TextField(existing == null ? "" : existing.reference());
        reference.setId("piece-reference");
        reference.setPromptText("Where it is kept, e.g. e-portfolio item 14");
        Path[] chosen = new Path[1];
        Label file = new Label(existing == null || existing.attachment().isEmpty() ? "No file attached"
                : EpaDetails.originalName(existing.attachment()));
        file.setId("piece-file");
        Button attach = new Button("Attach file…", new FontIcon("mdi2p-paperclip"));
        attach.setId("piece-attach");
        attach.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Attach evidence");
            File f = chooser.showOpenDialog(owner);
            if (f != null) {
                chosen[0] = f.toPath();
                file.setText(f.getName() + " (attached when saved)");
            }
        });

        List<Tick> ticks = new ArrayList<>();
        for (Criterion c : discussion.criteria()) {
            ticks.add(new Tick(c, new SimpleBooleanProperty(existing != null && existing.criteria().contains(c.id()))));
        }
        ListView<Tick> criteria = new ListView<>();
        criteria.setId("piece-criteria");
        criteria.getItems().setAll(ticks);
        criteria.setCellFactory(CheckBoxListCell.forListView(Tick::ticked));
        criteria.setPrefHeight(260);
        criteria.setPrefWidth(620);
        Label mapped = new Label();
        Runnable count = () -> mapped.setText(ticks.stream().filter(t -> t.ticked().get()).count() + " of " + ticks.size()
                + " criteria ticked");
        ticks.forEach(t -> t.ticked().addListener((o, a, b) -> count.run()));
        count.run();

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Number"), number);
        grid.addRow(1, new Label("Title"), title);
        grid.addRow(2, new Label("Type"), type);
        grid.addRow(3, new Label("Date"), date);
        grid.addRow(4, new Label("Reference"), reference);
        HBox fileRow = new HBox(10, attach, file);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(5, new Label("File"), fileRow);
        GridPane.setHgrow(title, Priority.ALWAYS);
        Label criteriaHeading = new Label("Criteria of the " + Wording.inSentence(discussion.title()) + " this piece supports");
        criteriaHeading.getStyleClass().add("fact-name");

        Dialog<Result> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(existing == null ? "Add portfolio evidence" : "Edit portfolio evidence");
        d.setHeaderText(existing == null ? "Add a piece of portfolio evidence" : "Piece " + existing.number() + ": " + existing.title());
        d.getDialogPane().setContent(new VBox(10, grid, criteriaHeading, criteria, mapped, problems));
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = d.getDialogPane().lookupButton(save);
        saveButton.setId("piece-save");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            List<String> p = problems(number.getText(), title.getText(), reference.getText(),
                    chosen[0] != null || (existing != null && !existing.attachment().isEmpty()));
            // the date is read now (typed and not yet committed counts); its message stands beside it
            if (!date.check()) {
                p.add("The date is not a date (see beside it).");
            }
            if (!p.isEmpty()) {
                problems.setText(String.join("\n", p));
                e.consume();
            }
        });
        d.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            Set<String> ids = new HashSet<>();
            ticks.stream().filter(t -> t.ticked().get()).forEach(t -> ids.add(t.criterion().id()));
            String typeText = type.getEditor().getText() == null || type.getEditor().getText().isBlank()
                    ? type.getValue() : type.getEditor().getText();
            PortfolioPiece piece = new PortfolioPiece(existing == null ? null : existing.id(), Integer.parseInt(number.getText().strip()),
                    title.getText(), typeText, date.getValue(), reference.getText(),
                    existing == null ? "" : existing.attachment(), ids);
            return new Result(piece, Optional.ofNullable(chosen[0]));
        });
        Platform.runLater(title::requestFocus);
        return d.showAndWait();
    }

    /** Everything wrong with the form, each naming its field; empty when it makes a piece. */
    static List<String> problems(String number, String title, String reference, boolean hasFile) {
        List<String> p = new ArrayList<>();
        String n = number == null ? "" : number.strip();
        if (!n.matches("[0-9]{1,4}") || Integer.parseInt(n) < 1) {
            p.add("Number: “" + n + "” is not a piece number; use a whole number from 1.");
        }
        if (title == null || title.isBlank()) {
            p.add("Title is missing.");
        }
        if ((reference == null || reference.isBlank()) && !hasFile) {
            p.add("Attach the file or say where it is kept (Reference).");
        }
        return p;
    }
}
