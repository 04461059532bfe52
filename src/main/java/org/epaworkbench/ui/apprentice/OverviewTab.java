package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.ApprenticeEpa;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.grading.OverallResult;
import org.epaworkbench.plan.Component;
import org.epaworkbench.ui.common.Dates;

/** Where the apprentice's EPA stands: key dates, everything the plan's rules flag, the dates ahead, the result so far. */
final class OverviewTab extends BorderPane implements ApprenticeScreen.Shown {

    private final GridPane keyDates = new GridPane();
    private final FlagList flags = new FlagList("overview-flags", "Nothing to flag: every recorded and planned date keeps the plan's rules.");
    private final DeadlineList ahead = new DeadlineList("overview-deadlines");
    private final Label result = new Label();
    private final Label resultWhy = new Label();

    private final ApprenticeScreen screen;

    OverviewTab(ApprenticeScreen screen) {
        this.screen = screen;
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
        ApprenticeEpa.Review review = f.review().orElseThrow();
        LocalDate today = screen.today();
        GatewayRecord g = f.epa().gateway();
        keyDates.getChildren().clear();
        int row = 0;
        row = fact(row, "Apprenticeship start", g.apprenticeshipStart());
        row = fact(row, "Gateway", g.gatewayDate());
        for (Component c : f.plan().orElseThrow().components()) {
            row = fact(row, c.title(), f.epa().schedule().plannedDate(c.id()).orElse(null));
            int k = f.epa().history().current(c.id());
            if (k > 1) {
                row = fact(row, "    Resit or retake" + (k > 2 ? " " + (k - 1) : ""), f.epa().schedule().plannedDate(c.id(), k).orElse(null));
            }
        }
        flags.show(review.flags());
        ahead.show(review.ahead(today), today);
        f.result().ifPresentOrElse(r -> {
            OverallResult o = r.overall();
            result.setText(o.complete() ? o.grade().label() + (o.capped() ? " (capped)" : "") : "Not complete");
            resultWhy.setText(o.complete() ? String.join("\n", o.explanation())
                    : "Waiting for: " + String.join(", ", titles(f, o.missingComponents())) + ".");
        }, () -> {
            result.setText("Not graded");
            resultWhy.setText(f.gradingProblem().orElse(""));
        });
    }

    private static List<String> titles(ApprenticeFile f, List<String> componentIds) {
        return componentIds.stream().map(id -> f.plan().flatMap(p -> p.component(id)).map(Component::title).orElse(id)).toList();
    }

    private int fact(int row, String name, LocalDate date) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        n.setWrapText(true);
        Label v = new Label(date == null ? "not set" : Dates.show(date));
        v.setMinWidth(Label.USE_PREF_SIZE);
        if (date == null) {
            v.getStyleClass().add("plan-subtitle");
        }
        keyDates.addRow(row, n, v);
        return row + 1;
    }
}
