package org.epaworkbench.ui.common;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The app's small dialogs: asking for a reason, confirming, telling. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Asks for a reason (for a pause, an early end, an amendment). OK stays disabled until something
     * is typed, so no reason is ever blank.
     */
    public static Optional<String> reason(Window owner, String title, String question, String prompt) {
        return reason(owner, title, question, prompt, null);
    }

    /** As {@link #reason(Window, String, String, String)}, with {@code extra} (if not null) shown above the box. */
    public static Optional<String> reason(Window owner, String title, String question, String prompt, Node extra) {
        ClickThroughGuard.install();
        DialogPlacement.install();
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(question);
        TextArea text = new TextArea();
        text.setId("reason-input");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.setPrefColumnCount(40);
        VBox content = new VBox(8);
        if (extra != null) {
            content.getChildren().add(extra);
        }
        ButtonType ok = new ButtonType("Record", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Node okButton = d.getDialogPane().lookupButton(ok);
        okButton.setId("reason-ok");
        okButton.disableProperty().bind(text.textProperty().isEmpty());
        d.setResultConverter(b -> b == ok ? text.getText().strip() : null);
        // Enter starts a new line in the reason; Ctrl+Enter records it, so no mouse is needed; Tab moves on
        Label hint = TextBoxes.recordsOnCtrlEnter(text, (javafx.scene.control.Button) okButton, "records it");
        hint.setId("reason-hint");
        TextBoxes.tabMovesFocus(text);
        content.getChildren().addAll(text, hint);
        d.getDialogPane().setContent(content);
        text.setPromptText(prompt);
        Platform.runLater(text::requestFocus);
        return d.showAndWait().filter(s -> !s.isBlank());
    }

    public static boolean confirm(Window owner, String title, String question, String yes) {
        return confirm(owner, title, question, yes, null);
    }

    /** As {@link #confirm(Window, String, String, String)}, with {@code extra} (if not null) below the question. */
    public static boolean confirm(Window owner, String title, String question, String yes, Node extra) {
        ClickThroughGuard.install();
        DialogPlacement.install();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(question);
        if (extra != null) {
            a.getDialogPane().setContent(extra);
        }
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        a.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        a.getDialogPane().lookupButton(ok).setId("confirm-ok");
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }

    public static void info(Window owner, String title, String message) {
        ClickThroughGuard.install();
        DialogPlacement.install();
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(message);
        l.setId("info-message");
        l.setWrapText(true);
        l.setMaxWidth(560);
        l.setMinHeight(Region.USE_PREF_SIZE);
        a.getDialogPane().setContent(l);
        a.showAndWait();
    }

    public static void problem(Window owner, String title, String message) {
        ClickThroughGuard.install();
        DialogPlacement.install();
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(message);
        l.setId("problem-message");
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.setMinHeight(Region.USE_PREF_SIZE);
        a.getDialogPane().setContent(l);
        a.showAndWait();
    }
}
