package org.epaworkbench.ui.plans;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptCap;
import org.epaworkbench.plan.CarryOverRule;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.SourceDocument;
import org.kordamp.ikonli.javafx.FontIcon;

/** Everything about one plan: header, sources, notes, components with their criteria, and grading rules. */
final class PlanDetailView extends VBox {

    private final List<ComponentPane> components = new ArrayList<>();
    private final TextField search = new TextField();
    private final Label matches = new Label();

    PlanDetailView(AssessmentPlan plan) {
        getStyleClass().add("plan-detail");
        setSpacing(14);
        setPadding(new Insets(20, 24, 24, 24));

        Label title = new Label(plan.title());
        title.getStyleClass().add("plan-title");
        title.setWrapText(true);
        Label subtitle = new Label(plan.organisation() + " · " + plan.standard() + " · Level " + plan.level()
                + " · " + plan.id());
        subtitle.getStyleClass().add("plan-subtitle");
        subtitle.setWrapText(true);
        Label version = new Label("Version: " + plan.version());
        version.getStyleClass().add("plan-subtitle");
        version.setWrapText(true);
        getChildren().addAll(new VBox(4, title, subtitle, version));

        if (!plan.allWordingProvided()) {
            Label warning = new Label("Some criteria say “wording not provided in source”: the source documents for this "
                    + "plan do not give their wording, so none is invented. Ask the assessment organisation for its "
                    + "complete plan pack and import it (command line: plans import FILE).");
            warning.setWrapText(true);
            warning.setGraphic(new FontIcon("mdi2a-alert-outline"));
            warning.getStyleClass().add("callout-warning");
            warning.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(warning);
        }

        search.setPromptText("Find a criterion by code (e.g. S2.3) or words");
        search.setId("criterion-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        matches.getStyleClass().add("plan-subtitle");
        HBox searchRow = new HBox(10, new FontIcon("mdi2m-magnify"), search, matches);
        searchRow.getStyleClass().add("search-row");
        getChildren().add(searchRow);

        boolean first = true;
        for (Component c : plan.components()) {
            ComponentPane pane = new ComponentPane(c);
            pane.setExpanded(first);
            first = false;
            components.add(pane);
            getChildren().add(pane);
        }
        search.textProperty().addListener((obs, old, text) -> filter(text));

        getChildren().add(rules(plan));
        getChildren().add(sources(plan));
        if (!plan.notes().isEmpty()) {
            getChildren().add(notes(plan));
        }
    }

    private void filter(String text) {
        int total = 0;
        for (ComponentPane pane : components) {
            int n = pane.filter(text);
            total += n;
            if (text != null && !text.isBlank() && n > 0) {
                pane.setExpanded(true);
            }
        }
        matches.setText(text == null || text.isBlank() ? "" : total == 1 ? "1 match" : total + " matches");
    }

    private static TitledPane rules(AssessmentPlan plan) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        ComponentPane.addFact(grid, row++, "Overall distinction",
                plan.overallDistinction().describe(plan.components().size()) + " components at distinction; any failed component fails the EPA.",
                plan.overallSource());
        AttemptCap cap = plan.attemptCap();
        if (cap == null) {
            ComponentPane.addFact(grid, row++, "Resit / retake cap", "none stated in the sources", null);
        } else {
            ComponentPane.addFact(grid, row++, "Resit / retake cap", cap.maxGrade().label() + " at most, on the "
                    + cap.scope().word() + " grade" + (cap.waivedForExceptionalCircumstances()
                    ? ", unless the organisation finds exceptional circumstances" : "") + ".", cap.source());
        }
        var development = plan.epa().furtherDevelopment();
        if (development != null) {
            ComponentPane.addFact(grid, row++, "Before a " + String.join(" or ", development.before().stream().sorted()
                    .map(org.epaworkbench.plan.AttemptKind::word).toList()), development.source().quoteText()
                    .orElse("further development"), development.source());
        }
        if (plan.carryOver().isEmpty()) {
            ComponentPane.addFact(grid, row, "Carry-over", "none stated in the sources", null);
        }
        for (CarryOverRule r : plan.carryOver()) {
            String from = plan.component(r.fromComponent()).map(Component::title).orElse(r.fromComponent());
            String to = plan.component(r.toComponent()).map(Component::title).orElse(r.toComponent());
            ComponentPane.addFact(grid, row++, "Carry-over", "Criteria that did not arise in the " + from.toLowerCase()
                    + " may be assessed in the " + to.toLowerCase() + "; criteria attempted and not passed may not.", r.source());
        }
        grid.setPadding(new Insets(12, 16, 16, 16));
        TitledPane pane = new TitledPane("Grading rules", grid);
        pane.setId("plan-rules");
        return pane;
    }

    private static TitledPane sources(AssessmentPlan plan) {
        VBox box = new VBox(6);
        box.setPadding(new Insets(12, 16, 16, 16));
        for (SourceDocument s : plan.sources()) {
            Label l = new Label(s.ref() + " — " + s.title() + (s.file() != null ? " (" + s.file() + ")" : ""));
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        TitledPane pane = new TitledPane("Sources (" + plan.sources().size() + ")", box);
        pane.setExpanded(false);
        return pane;
    }

    private static TitledPane notes(AssessmentPlan plan) {
        VBox box = new VBox(8);
        box.setPadding(new Insets(12, 16, 16, 16));
        for (String n : plan.notes()) {
            Label l = new Label(n);
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        TitledPane pane = new TitledPane("Notes on the sources (" + plan.notes().size() + ")", box);
        pane.setExpanded(false);
        return pane;
    }

    List<ComponentPane> components() {
        return components;
    }

    TextField search() {
        return search;
    }
}
