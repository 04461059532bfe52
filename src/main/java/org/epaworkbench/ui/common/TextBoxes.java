package org.epaworkbench.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** How the app's multi-line boxes (reasons, notes) behave with the keyboard, the same everywhere. */
public final class TextBoxes {

    private TextBoxes() {
    }

    /**
     * Ctrl+Enter in {@code box} presses {@code button} (when it is enabled); Enter still starts a new line.
     * Returns the line that says so, to show under the box: a prompt inside it is gone once typing starts.
     */
    public static Label recordsOnCtrlEnter(TextArea box, Button button, String what) {
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                if (!button.isDisabled()) {
                    button.fire();
                }
            }
        });
        return hint("Ctrl+Enter " + what + " · Enter starts a new line");
    }

    /** A small grey line under a box, saying how it works. */
    public static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("plan-subtitle");
        hint.setWrapText(true);
        return hint;
    }

    /**
     * Tab moves the focus on (Shift+Tab back), as in every other field, instead of typing a tab character.
     * Uses the box's own Ctrl+Tab traversal, so the order is the window's usual one.
     */
    public static void tabMovesFocus(TextArea box) {
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                box.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
    }
}
