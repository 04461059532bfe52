package org.epaworkbench.ui.home;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.SessionDetails;

/** Setting up a session: apprentice, component of their plan, attempt, mode, location and the ID seen. */
final class NewSessionDialog {

    static final double REMINDERS_WIDTH = 520;
    /** The height kept for the plan's rules: two of them in full at the usual widths. */
    static final double RULES_HEIGHT = 190;

    private NewSessionDialog() {
    }

    static Optional<SessionDetails> show(Window owner, List<Apprentice> apprentices, PlanLibrary plans, Apprentice preselected) {
        return show(owner, apprentices, plans, preselected, null, AttemptKind.FIRST);
    }

    /** With the component and attempt chosen already, e.g. a resit from the apprentice's results. */
    static Optional<SessionDetails> show(Window owner, List<Apprentice> apprentices, PlanLibrary plans, Apprentice preselected,
            String componentId, AttemptKind attemptKind) {
        ComboBox<Apprentice> who = new ComboBox<>();
        who.setId("session-apprentice");
        who.getItems().setAll(apprentices);
        who.setConverter(converter(a -> a.name() + " (ULN " + a.uln() + ")"));
        ComboBox<Component> component = new ComboBox<>();
        component.setId("session-component");
        component.setConverter(converter(Component::title));
        who.valueProperty().addListener((o, a, b) -> {
            component.getItems().setAll(b == null ? List.of()
                    : plans.plan(b.planId()).map(AssessmentPlan::components).orElse(List.of()));
            if (!component.getItems().isEmpty()) {
                component.getSelectionModel().selectFirst();
            }
        });
        ComboBox<AttemptKind> attempt = new ComboBox<>();
        attempt.setId("session-attempt");
        attempt.getItems().setAll(AttemptKind.values());
        attempt.setConverter(converter(k -> switch (k) {
            case FIRST -> "First attempt";
            case RESIT -> "Resit";
            case RETAKE -> "Retake";
        }));
        attempt.setValue(attemptKind);
        ComboBox<AssessmentMode> mode = new ComboBox<>();
        mode.setId("session-mode");
        mode.getItems().setAll(AssessmentMode.values());
        mode.setConverter(converter(AssessmentMode::label));
        mode.setValue(AssessmentMode.FACE_TO_FACE);
        TextField location = new TextField();
        location.setId("session-location");
        location.setPromptText("e.g. customer service desk, Leeds store; or the video platform");
        ComboBox<String> id = new ComboBox<>();
        id.setId("session-id-check");
        id.setEditable(true);
        id.getItems().setAll(org.epaworkbench.ui.common.IdDocuments.ACCEPTED);
        id.setPromptText("Document seen (can be recorded later on the session screen)");
        Label problems = new Label();
        problems.setId("session-problems");
        problems.getStyleClass().add("inline-problem");
        // the plan's rules for this attempt at this component (further development before a resit, one session...)
        org.epaworkbench.ui.common.ReminderList reminders = new org.epaworkbench.ui.common.ReminderList("session-reminders");
        reminders.setMaxWidth(REMINDERS_WIDTH);
        Label noRules = new Label();
        noRules.setId("session-no-rules");
        noRules.setWrapText(true);
        noRules.getStyleClass().add("plan-reminder-text");
        noRules.managedProperty().bind(noRules.visibleProperty());
        noRules.visibleProperty().bind(reminders.visibleProperty().not());
        Runnable remind = () -> {
            boolean chosen = who.getValue() != null && component.getValue() != null && attempt.getValue() != null;
            reminders.show(!chosen ? List.of() : plans.plan(who.getValue().planId())
                    .map(p -> p.remindersFor(component.getValue().id(), attempt.getValue())).orElse(List.of()));
            noRules.setText(chosen ? "The plan sets no particular rules for this attempt at this component."
                    : "The plan's rules for this attempt show here once the apprentice and component are chosen.");
        };
        // the rules come and go as the component and attempt change: they have a place of their own, of one height
        // (scrolling when they are longer), so the dialog never needs to grow and its buttons stay in sight (openbox
        // does not let a dialog grow once it is shown)
        VBox rulesBox = new VBox(6, reminders, noRules);
        rulesBox.setPadding(new javafx.geometry.Insets(0, 4, 0, 0));
        ScrollPane rules = new ScrollPane(rulesBox);
        rules.setId("session-rules");
        rules.getStyleClass().add("edge-to-edge");
        rules.setFitToWidth(true);
        rules.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        rules.setPrefViewportWidth(REMINDERS_WIDTH);
        rules.setPrefViewportHeight(RULES_HEIGHT);
        rules.setMinHeight(Region.USE_PREF_SIZE);
        rules.setMaxHeight(Region.USE_PREF_SIZE);
        component.valueProperty().addListener((o, a, b) -> remind.run());
        attempt.valueProperty().addListener((o, a, b) -> remind.run());
        // a message on screen follows the form: once what it asked for is chosen, it says what is still missing, or goes
        javafx.beans.InvalidationListener recheck = o -> {
            if (!problems.getText().isEmpty()) {
                problems.setText(missing(who.getValue(), component.getValue()));
            }
        };
        who.valueProperty().addListener(recheck);
        component.valueProperty().addListener(recheck);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, label("Apprentice"), who);
        grid.addRow(1, label("Component"), component);
        grid.addRow(2, label("Attempt"), attempt);
        grid.addRow(3, label("Mode"), mode);
        grid.addRow(4, label("Location"), location);
        grid.addRow(5, label("ID check"), id);
        location.setPrefColumnCount(30);
        if (preselected != null) {
            apprentices.stream().filter(a -> a.id().equals(preselected.id())).findFirst().ifPresent(who::setValue);
        } else if (apprentices.size() == 1) {
            who.getSelectionModel().selectFirst();
        }
        if (componentId != null) {
            component.getItems().stream().filter(c -> c.id().equals(componentId)).findFirst().ifPresent(component::setValue);
        }

        Dialog<SessionDetails> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New session");
        d.setHeaderText("Set up an assessment session");
        remind.run();
        d.getDialogPane().setContent(new VBox(10, grid, rules, problems));
        ButtonType create = new ButtonType("Create session", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Node createButton = d.getDialogPane().lookupButton(create);
        createButton.setId("session-create");
        createButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (who.getValue() == null || component.getValue() == null) {
                problems.setText(missing(who.getValue(), component.getValue()));
                e.consume();
            }
        });
        d.setResultConverter(b -> {
            if (b != create) {
                return null;
            }
            AssessmentPlan plan = plans.plan(who.getValue().planId()).orElseThrow();
            String idSeen = id.getEditor().getText();
            return new SessionDetails(who.getValue().id(), plan.id(), plan.version(), component.getValue().id(),
                    attempt.getValue(), mode.getValue(), location.getText(), idSeen);
        });
        return d.showAndWait();
    }

    /** What the form still needs before the session can be created ("" when nothing). */
    private static String missing(Apprentice who, Component component) {
        return who == null ? "Choose the apprentice." : component == null ? "Choose the component." : "";
    }

    /** A form label that keeps its whole text however wide the fields beside it grow. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
