package org.epaworkbench.ui.plans;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.epaworkbench.packs.PlanLibrary.InstalledPlan;
import org.epaworkbench.packs.PlanLibrary.Origin;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.ui.common.Badges;

/** One installed plan in the list: its title, organisation, standard and level. */
final class PlanListCell extends ListCell<InstalledPlan> {

    PlanListCell() {
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(InstalledPlan item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        AssessmentPlan plan = item.plan();
        Label title = new Label(plan.title());
        title.getStyleClass().add("plan-list-title");
        title.setWrapText(true);
        Label detail = new Label(plan.organisation() + " · Level " + plan.level());
        detail.getStyleClass().add("plan-list-detail");
        Label id = new Label(plan.id());
        id.getStyleClass().add("plan-list-id");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(6, id, spacer);
        if (item.origin() == Origin.IMPORTED) {
            bottom.getChildren().add(Badges.badge("Imported", "badge-accent"));
        }
        if (!plan.allWordingProvided()) {
            bottom.getChildren().add(Badges.badge("Wording incomplete", "badge-warning"));
        }
        VBox box = new VBox(2, title, detail, bottom);
        if (getListView() != null) {
            // wrap long titles inside the list's width instead of cutting them off
            box.maxWidthProperty().bind(getListView().widthProperty().subtract(36));
            title.prefWidthProperty().bind(box.maxWidthProperty());
            title.setMinHeight(Region.USE_PREF_SIZE);
        }
        setText(null);
        setGraphic(box);
    }
}
