package org.epaworkbench.ui.plans;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanLibrary.InstalledPlan;

/** The plan browser: installed plans on the left, the chosen plan in full on the right. */
public final class PlansView extends SplitPane {

    private final PlansViewModel model;
    private final ListView<InstalledPlan> list = new ListView<>();
    private final ScrollPane detail = new ScrollPane();

    public PlansView(PlanLibrary library) {
        this.model = new PlansViewModel(library);
        getStyleClass().add("plans-view");
        list.setId("plan-list");
        list.getItems().setAll(model.plans());
        list.setCellFactory(v -> new PlanListCell());

        Label heading = new Label("Assessment plans");
        heading.getStyleClass().add("pane-heading");
        Label count = new Label(model.count());
        count.getStyleClass().add("plan-subtitle");
        VBox left = new VBox(4, heading, count, list);
        left.setPadding(new Insets(16, 8, 8, 12));
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        left.setMinWidth(260);

        detail.setFitToWidth(true);
        detail.setId("plan-detail-scroll");
        // the list's selection and the model's choice follow each other; the detail shows the choice
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> model.chosenProperty().set(chosen));
        model.chosenProperty().addListener((obs, old, chosen) -> {
            if (list.getSelectionModel().getSelectedItem() != chosen) {
                list.getSelectionModel().select(chosen);
            }
            show(chosen);
        });

        getItems().addAll(left, new BorderPane(detail));
        setDividerPositions(0.27);
        SplitPane.setResizableWithParent(left, false);
        if (model.chosenProperty().get() != null) {
            list.getSelectionModel().select(model.chosenProperty().get());
            show(model.chosenProperty().get());
        }
    }

    private void show(InstalledPlan chosen) {
        if (chosen == null) {
            detail.setContent(new Label("Choose a plan on the left."));
            return;
        }
        detail.setContent(new PlanDetailView(chosen.plan()));
        detail.setVvalue(0);
    }

    /** Selects the plan with this id, if installed. */
    public void select(String planId) {
        model.select(planId);
    }
}
