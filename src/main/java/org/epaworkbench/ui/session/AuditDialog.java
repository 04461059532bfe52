package org.epaworkbench.ui.session;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.ui.Theme;

/** The session's full event history, in order, with session time and wall-clock time, in its own window. */
final class AuditDialog {

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", java.util.Locale.UK);

    private AuditDialog() {
    }

    static void show(Window owner, String title, List<SessionEvent> events) {
        TableView<SessionEvent> table = new TableView<>();
        table.setId("audit-table");
        TableColumn<SessionEvent, String> seq = new TableColumn<>("#");
        seq.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().seq())));
        seq.setMinWidth(50);
        seq.setMaxWidth(60);
        TableColumn<SessionEvent, String> time = new TableColumn<>("Session time");
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(ElapsedText.format(c.getValue().sessionTime())));
        time.setMinWidth(110);
        time.setMaxWidth(120);
        TableColumn<SessionEvent, String> at = new TableColumn<>("Recorded at");
        at.setCellValueFactory(c -> new ReadOnlyStringWrapper(WALL.format(c.getValue().at().atZone(ZoneId.systemDefault()))));
        at.setMinWidth(180);
        at.setMaxWidth(200);
        TableColumn<SessionEvent, String> what = new TableColumn<>("Event");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().body().describe()));
        what.setCellFactory(c -> new TableCell<>() {
            private final Label label = new Label();

            {
                label.setWrapText(true);
                label.maxWidthProperty().bind(what.widthProperty().subtract(16));
                label.setMinHeight(Label.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                label.setText(empty ? null : item);
                setGraphic(empty ? null : label);
            }
        });
        table.getColumns().setAll(List.of(seq, time, at, what));
        table.getItems().setAll(events);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label heading = new Label(title + " — " + events.size() + " events, in the order they were recorded. "
                + "Events are never edited; corrections after the end are amendments.");
        heading.setWrapText(true);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(10, heading, table, buttons);
        root.setPadding(new Insets(14));

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Audit trail — " + title);
        Scene scene = new Scene(root, 1000, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            scene.getStylesheets().add(AuditDialog.class.getResource(Theme.STYLESHEET).toExternalForm());
        }
        stage.setScene(scene);
        close.setOnAction(e -> stage.close());
        stage.show();
    }
}
