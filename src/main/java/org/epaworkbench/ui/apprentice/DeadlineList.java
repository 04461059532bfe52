package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.epaworkbench.assessment.Deadline;
import org.epaworkbench.ui.common.SourceLabel;

/** Dates the plan's rules give, in order; those already passed are shown muted. */
final class DeadlineList extends GridPane {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.UK);

    DeadlineList(String id) {
        setId(id);
        setHgap(14);
        setVgap(6);
        getStyleClass().add("deadline-list");
    }

    void show(List<Deadline> deadlines, LocalDate today) {
        getChildren().clear();
        if (deadlines.isEmpty()) {
            Label none = new Label("No dates yet: record the gateway and plan the components to see them.");
            none.getStyleClass().add("plan-subtitle");
            none.setWrapText(true);
            add(none, 0, 0, 2, 1);
            return;
        }
        int row = 0;
        for (Deadline d : deadlines) {
            Label date = new Label(DAY.format(d.date()));
            date.getStyleClass().add("deadline-date");
            date.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(d.what());
            what.setWrapText(true);
            if (d.date().isBefore(today)) {
                date.getStyleClass().add("deadline-passed");
                what.getStyleClass().add("deadline-passed");
            } else if (d.date().equals(today)) {
                what.setText(d.what() + " (today)");
            }
            javafx.scene.layout.VBox text = new javafx.scene.layout.VBox(1, what);
            if (d.source() != null) {
                text.getChildren().add(SourceLabel.of(d.source()));
            }
            add(date, 0, row);
            add(text, 1, row);
            javafx.scene.layout.GridPane.setValignment(date, javafx.geometry.VPos.TOP);
            javafx.scene.layout.GridPane.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            row++;
        }
    }
}
