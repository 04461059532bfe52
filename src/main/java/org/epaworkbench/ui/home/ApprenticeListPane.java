package org.epaworkbench.ui.home;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.epaworkbench.Wording;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeRow;
import org.epaworkbench.assessment.ApprenticeStatus;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.Component;
import org.epaworkbench.ui.common.Dates;
import org.kordamp.ikonli.javafx.FontIcon;
import org.epaworkbench.ui.common.TextColumn;

/**
 * The apprentices, searchable by name, ULN or employer and filtered by where their EPA stands, with
 * each one's next planned component and how many of the plan's rules their dates break.
 */
final class ApprenticeListPane extends VBox {

    private final ObservableList<ApprenticeRow> all = FXCollections.observableArrayList();
    private final FilteredList<ApprenticeRow> shown = new FilteredList<>(all);
    private final TableView<ApprenticeRow> table = new TableView<>(shown);
    private final TextField search = new TextField();
    private final ComboBox<ApprenticeStatus> status = new ComboBox<>();
    private final Label count = new Label();
    private LocalDate today = LocalDate.now();
    private java.util.Set<String> matching;

    /**
     * @param onSearch told the search box's text as it is typed; the answer comes back through {@link #matching}
     */
    ApprenticeListPane(Consumer<ApprenticeRow> open, Runnable add, Consumer<String> onSearch) {
        super(8);
        Label heading = new Label("Apprentices");
        heading.getStyleClass().add("pane-heading");
        search.setId("apprentice-search");
        search.setPromptText("Search name, ULN or employer");
        search.setPrefColumnCount(22);
        search.textProperty().addListener((o, a, b) -> onSearch.accept(b));
        status.setId("apprentice-status-filter");
        status.getItems().add(null);
        status.getItems().addAll(ApprenticeStatus.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(ApprenticeStatus s) {
                return s == null ? "All statuses" : s.label();
            }

            @Override
            public ApprenticeStatus fromString(String s) {
                return null;
            }
        });
        status.setValue(null);
        status.valueProperty().addListener((o, a, b) -> filter());
        count.getStyleClass().add("plan-subtitle");
        count.setId("apprentice-count");
        Button openButton = new Button("Open", new FontIcon("mdi2o-open-in-app"));
        openButton.setId("open-apprentice");
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem()));
        Button newApprentice = new Button("New apprentice", new FontIcon("mdi2a-account-plus-outline"));
        newApprentice.setId("new-apprentice");
        newApprentice.setOnAction(e -> add.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, openButton, newApprentice);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox filters = new HBox(8, new FontIcon("mdi2m-magnify"), search, status, count);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("apprentice-table");
        table.setPlaceholder(new Label("No apprentices match."));
        table.getColumns().setAll(List.of(
                TextColumn.of("Name", 200, f -> f.apprentice().name()),
                TextColumn.of("ULN", 108, 104, f -> f.apprentice().uln().value()), // a ULN is never cut: 10 digits
                TextColumn.of("Employer", 190, f -> f.apprentice().employer()),
                TextColumn.of("Status", 135, f -> f.review().map(r -> r.status().label()).orElse("plan not installed")),
                TextColumn.of("Next", 200, this::next),
                TextColumn.of("Checks", 105, ApprenticeListPane::checks)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> {
            TableRow<ApprenticeRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, filters, table);
    }

    void show(List<ApprenticeRow> files, LocalDate today) {
        this.today = today;
        String selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().apprentice().id();
        all.setAll(files);
        filter();
        if (selected != null) {
            shown.stream().filter(f -> f.apprentice().id().equals(selected)).findFirst()
                    .ifPresent(f -> table.getSelectionModel().select(f));
        }
    }

    Apprentice selected() {
        ApprenticeRow f = table.getSelectionModel().getSelectedItem();
        return f == null ? null : f.apprentice();
    }

    List<Apprentice> apprentices() {
        return all.stream().map(ApprenticeRow::apprentice).toList();
    }

    /** The ids of the apprentices the search found; null for all of them (an empty search box). */
    void matching(java.util.Set<String> ids) {
        this.matching = ids;
        filter();
    }

    private void filter() {
        java.util.Set<String> found = matching;
        ApprenticeStatus wanted = status.getValue();
        shown.setPredicate(f -> (found == null || found.contains(f.apprentice().id()))
                && (wanted == null || f.review().map(r -> r.status() == wanted).orElse(false)));
        count.setText(shown.size() == all.size() ? Wording.count(all.size(), "apprentice")
                : shown.size() + " of " + all.size() + " apprentices");
    }

    private String next(ApprenticeRow f) {
        return f.epa().nextPlanned(today).map(e -> f.plan().flatMap(p -> p.component(e.getKey())).map(Component::title)
                .orElse(e.getKey()) + ", " + Dates.show(e.getValue())).orElse("");
    }

    private static String checks(ApprenticeRow f) {
        return f.review().map(r -> {
            long problems = r.problems();
            long warnings = r.flags().stream().filter(x -> x.severity() == Flag.Severity.WARNING).count();
            if (problems > 0) {
                return Wording.count(problems, "problem");
            }
            return warnings > 0 ? Wording.count(warnings, "warning") : "all clear";
        }).orElse("");
    }
}
