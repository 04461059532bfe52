package org.epaworkbench.ui.home;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.app.ApprenticeFiles;
import org.epaworkbench.app.ApprenticeFiles.Upcoming;

/** Components planned in the next 14 days, soonest first; a click opens the apprentice. */
final class UpcomingPane extends VBox {

    static final int DAYS = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    private final ListView<Upcoming> list = new ListView<>();
    private LocalDate today = LocalDate.now();

    UpcomingPane(Consumer<String> openApprentice) {
        super(8);
        Label heading = new Label("Next " + DAYS + " days");
        heading.getStyleClass().add("pane-heading");
        list.setId("upcoming-list");
        Label none = new Label("Nothing planned in the next " + DAYS + " days. Plan components on an apprentice's Schedule tab.");
        none.setWrapText(true);
        none.setPadding(new javafx.geometry.Insets(12));
        none.getStyleClass().add("plan-subtitle");
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Upcoming u, boolean empty) {
                super.updateItem(u, empty);
                if (empty || u == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label when = new Label(DAY.format(u.date()) + when(u.date()));
                when.getStyleClass().add("upcoming-date");
                Label who = new Label(u.apprentice().name());
                who.getStyleClass().add("fact-name");
                Label what = new Label(u.componentTitle() + (u.attempt() > 1 ? " (resit or retake)" : ""));
                what.setWrapText(true);
                what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                what.getStyleClass().add("plan-subtitle");
                VBox box = new VBox(2, when, who, what);
                box.maxWidthProperty().bind(list.widthProperty().subtract(28));
                box.prefWidthProperty().bind(list.widthProperty().subtract(28));
                setPrefWidth(0);
                setGraphic(box);
                setText(null);
            }
        });
        list.setOnMouseClicked(e -> {
            Upcoming u = list.getSelectionModel().getSelectedItem();
            if (u != null && e.getClickCount() == 2) {
                openApprentice.accept(u.apprentice().id());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(heading, list);
        setPrefWidth(300);
        setMinWidth(240);
    }

    private String when(LocalDate d) {
        long days = ChronoUnit.DAYS.between(today, d);
        return days == 0 ? " · today" : days == 1 ? " · tomorrow" : " · in " + days + " days";
    }

    void show(List<ApprenticeFiles.ApprenticeRow> files, LocalDate today) {
        this.today = today;
        list.getItems().setAll(ApprenticeFiles.upcoming(files, today, DAYS));
    }
}
