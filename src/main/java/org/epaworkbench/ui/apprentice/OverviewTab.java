package org.epaworkbench.ui.apprentice;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;

/**
 * Where the apprentice's EPA stands: key dates, everything the plan's rules flag, the dates ahead, the
 * result so far. {@link OverviewViewModel} decides what each line says; the tab builds the nodes.
 */
final class OverviewTab extends BorderPane implements ApprenticeScreen.Shown {

    private final GridPane keyDates = new GridPane();
    private final FlagList flags = new FlagList("overview-flags", "Nothing to flag: every recorded and planned date keeps the plan's rules.");
    private final DeadlineList ahead = new DeadlineList("overview-deadlines");
    private final Label result = new Label();
    private final Label resultWhy = new Label();

    private final OverviewViewModel model;

    OverviewTab(ApprenticeScreen screen) {
        this.model = new OverviewViewModel(screen::today);
        keyDates.setHgap(14);
        keyDates.setVgap(6);
        result.getStyleClass().add("grade-now");
        result.setId("overview-result");
        resultWhy.setWrapText(true);
        VBox left = new VBox(12, Section.panel("Checks", flags));
        VBox right = new VBox(12, Section.panel("Key dates", keyDates), Section.panel("Dates ahead", ahead),
                Section.panel("Result so far", result, resultWhy));
        HBox.setHgrow(left, Priority.ALWAYS);
        left.setPrefWidth(560);
        right.setPrefWidth(480);
        HBox columns = new HBox(16, left, right);
        columns.setPadding(new Insets(16));
        setCenter(Section.page(columns));
    }

    @Override
    public void show(ApprenticeFile f) {
        OverviewViewModel.Overview o = model.overview(f);
        keyDates.getChildren().clear();
        int row = 0;
        for (OverviewViewModel.KeyDate d : o.keyDates()) {
            row = fact(row, d);
        }
        flags.show(o.flags());
        ahead.show(o.ahead(), o.today());
        result.setText(o.result().grade());
        resultWhy.setText(o.result().why());
    }

    private int fact(int row, OverviewViewModel.KeyDate date) {
        Label n = new Label(date.name());
        n.getStyleClass().add("fact-name");
        n.setWrapText(true);
        Label v = new Label(date.shown());
        v.setMinWidth(Label.USE_PREF_SIZE);
        if (!date.set()) {
            v.getStyleClass().add("plan-subtitle");
        }
        keyDates.addRow(row, n, v);
        return row + 1;
    }
}
