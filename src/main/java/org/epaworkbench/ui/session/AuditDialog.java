package org.epaworkbench.ui.session;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.SessionEvent;

/** The session's full event history, in order, with session time and wall-clock time. */
final class AuditDialog {

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss");

    private AuditDialog() {
    }

    static void show(Window owner, String title, List<SessionEvent> events) {
        TableView<SessionEvent> table = new TableView<>();
        table.setId("audit-table");
        TableColumn<SessionEvent, String> seq = new TableColumn<>("#");
        seq.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().seq())));
        seq.setPrefWidth(50);
        TableColumn<SessionEvent, String> time = new TableColumn<>("Session time");
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(ElapsedText.format(c.getValue().sessionTime())));
        time.setPrefWidth(100);
        TableColumn<SessionEvent, String> at = new TableColumn<>("Recorded at");
        at.setCellValueFactory(c -> new ReadOnlyStringWrapper(WALL.format(c.getValue().at().atZone(ZoneId.systemDefault()))));
        at.setPrefWidth(170);
        TableColumn<SessionEvent, String> what = new TableColumn<>("Event");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().body().describe()));
        what.setPrefWidth(560);
        table.getColumns().setAll(List.of(seq, time, at, what));
        table.getItems().setAll(events);
        table.setPrefSize(900, 560);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Audit trail");
        d.setHeaderText(title + " — " + events.size() + " events, in the order they were recorded. Events are never edited.");
        d.getDialogPane().setContent(table);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        d.showAndWait();
    }
}
