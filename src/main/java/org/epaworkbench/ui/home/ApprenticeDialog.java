package org.epaworkbench.ui.home;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.epaworkbench.packs.PlanLibrary.InstalledPlan;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.ui.common.DateField;

/** Adding or editing an apprentice; every problem is named beside the form before it can be saved. */
final class ApprenticeDialog {

    /** The room the form keeps beneath its fields for messages when it opens: three lines. */
    static final double MESSAGE_ROOM = 64;

    private ApprenticeDialog() {
    }

    static Optional<Apprentice> show(Window owner, List<InstalledPlan> plans, Apprentice existing) {
        TextField name = new TextField(existing == null ? "" : existing.name());
        name.setId("apprentice-name");
        TextField uln = new TextField(existing == null ? "" : existing.uln().value());
        uln.setId("apprentice-uln");
        uln.setPromptText("10 digits");
        TextField employer = new TextField(existing == null ? "" : existing.employer());
        employer.setId("apprentice-employer");
        TextField provider = new TextField(existing == null ? "" : existing.trainingProvider());
        provider.setId("apprentice-provider");
        ComboBox<InstalledPlan> plan = new ComboBox<>();
        plan.setId("apprentice-plan");
        plan.getItems().setAll(plans);
        plan.setConverter(new StringConverter<>() {
            @Override
            public String toString(InstalledPlan p) {
                return p == null ? "" : p.plan().title() + "  [" + p.plan().id() + "]";
            }

            @Override
            public InstalledPlan fromString(String s) {
                return null;
            }
        });
        if (existing != null) {
            plans.stream().filter(p -> p.plan().id().equals(existing.planId())).findFirst().ifPresent(plan::setValue);
        }
        Label problems = new Label();
        DateField start = new DateField("apprentice-start", existing == null ? null : existing.apprenticeshipStart());
        DateField gateway = new DateField("apprentice-gateway", existing == null ? null : existing.gatewayDate());
        problems.setId("apprentice-problems");
        problems.getStyleClass().add("inline-problem");
        problems.setWrapText(true);
        problems.setMaxWidth(460);
        problems.setMinHeight(Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        String[] labels = {"Name", "ULN", "Employer", "Training provider", "Assessment plan", "Apprenticeship start",
                "Gateway date"};
        Node[] fields = {name, uln, employer, provider, plan, start, gateway};
        for (int i = 0; i < labels.length; i++) {
            Label label = new Label(labels[i]);
            label.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(label, 0, i);
            grid.add(fields[i], 1, i);
            // a date's message opens beneath its field: the name stays level with the field
            GridPane.setValignment(label, javafx.geometry.VPos.BASELINE);
            GridPane.setValignment(fields[i], javafx.geometry.VPos.BASELINE);
        }
        name.setPrefColumnCount(28);

        Dialog<Apprentice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(existing == null ? "New apprentice" : "Edit apprentice");
        d.setHeaderText(existing == null ? "Add an apprentice to assess" : "Edit " + existing.name());
        // the form scrolls, the buttons stay below it: the messages on Save make the form taller, and the dialog does not
        // grow for them (openbox at 1366 x 768 and 1280 x 720 kept its height and Save and Cancel went off its bottom);
        // it opens with room for three lines of them
        VBox form = new VBox(10, grid, problems);
        form.setPadding(new javafx.geometry.Insets(0, 6, 0, 0));
        javafx.scene.control.ScrollPane scroll = org.epaworkbench.ui.common.FormScroll.of("apprentice-form", form, MESSAGE_ROOM);
        d.getDialogPane().setContent(scroll);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = d.getDialogPane().lookupButton(save);
        saveButton.setId("apprentice-save");
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            // both read now, so each says beside it what is wrong; nothing is saved while either holds text that is no date
            boolean startRead = start.check();
            boolean gatewayRead = gateway.check();
            boolean datesRead = startRead && gatewayRead;
            if (!datesRead) {
                problems.setText("");
                e.consume();
                org.epaworkbench.ui.common.FormScroll.reveal(scroll, startRead ? gateway : start);
                return;
            }
            List<String> p = Apprentice.problems(name.getText(), uln.getText(),
                    plan.getValue() == null ? null : plan.getValue().plan().id(), start.getValue(), gateway.getValue());
            if (!p.isEmpty()) {
                problems.setText(String.join("\n", p));
                e.consume();
                org.epaworkbench.ui.common.FormScroll.reveal(scroll, problems);
            }
        });
        d.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            LocalDate s = start.getValue();
            LocalDate g = gateway.getValue();
            return new Apprentice(existing == null ? UUID.randomUUID().toString() : existing.id(), name.getText().strip(),
                    Uln.of(uln.getText()), employer.getText(), provider.getText(), plan.getValue().plan().id(), s, g,
                    existing != null && existing.sample());
        });
        Platform.runLater(name::requestFocus);
        return d.showAndWait();
    }
}
