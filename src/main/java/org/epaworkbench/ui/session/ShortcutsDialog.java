package org.epaworkbench.ui.session;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Every keyboard shortcut of the session screen. */
final class ShortcutsDialog {

    /** A shortcut and what it does. */
    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+Enter", "Start the session, or resume it"),
            new Shortcut("Ctrl+P", "Pause, with a reason"),
            new Shortcut("Ctrl+E", "End the session"),
            new Shortcut("F8, or Q", "Start / stop questioning time (observation)"),
            new Shortcut("M / N / A", "Judge the selected criterion met / not met / not arisen (again to clear)"),
            new Shortcut("↑ ↓ or K J", "Select the previous / next criterion"),
            new Shortcut("/ or Ctrl+G", "Go to a criterion by typing its code"),
            new Shortcut("Ctrl+N", "Write a note on the selected criterion (Ctrl+Enter adds it)"),
            new Shortcut("Ctrl+R", "Add an evidence reference to the selected criterion"),
            new Shortcut("Ctrl+K", "Ask the next interview question"),
            new Shortcut("Ctrl+L", "Record an “explain further” prompt"),
            new Shortcut("Ctrl+Shift+K", "Close the current question (its time stops)"),
            new Shortcut("Ctrl+Shift+N", "Add a note on the whole session"),
            new Shortcut("Ctrl+D", "Record the mode, location and ID check (an amendment after the end)"),
            new Shortcut("Ctrl+Shift+A", "Open the audit trail"),
            new Shortcut("F1", "Show these shortcuts"),
            new Shortcut("Esc", "Leave a text box and return to the criteria"));

    private ShortcutsDialog() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setId("shortcut-list");
        grid.setHgap(24);
        grid.setVgap(8);
        int row = 0;
        for (Shortcut s : SHORTCUTS) {
            Label k = new Label(s.keys());
            k.getStyleClass().add("shortcut-key");
            k.setMinWidth(Label.USE_PREF_SIZE);
            Label action = new Label(s.action());
            action.setMinWidth(Label.USE_PREF_SIZE);
            grid.add(k, 0, row);
            grid.add(action, 1, row++);
        }
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Keyboard shortcuts");
        d.setHeaderText("Keyboard shortcuts on the session screen (letters work while the criteria list has the keyboard, never in a box)");
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.showAndWait();
    }
}
