package org.epaworkbench.ui.common;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for the keystore password, or for a new one (twice) when the signing identity is created. */
public final class KeystorePassword {

    /** The width of the password dialogs: a form's, whatever the length of the explanation above it. */
    static final double FORM_WIDTH = 580;


    private KeystorePassword() {
    }

    /** Asks for the password of an existing keystore, for another purpose than signing (opening a package). */
    public static Optional<char[]> askToOpen(Window owner, String title, String header, String okText) {
        PasswordField password = new PasswordField();
        password.setId("keystore-password");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Signing password"), password);
        Dialog<char[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().setPrefWidth(FORM_WIDTH);
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("password-ok");
        d.setResultConverter(b -> b == ok ? password.getText().toCharArray() : null);
        javafx.application.Platform.runLater(password::requestFocus);
        return d.showAndWait();
    }

    public static Optional<char[]> ask(Window owner, boolean exists) {
        return ask(owner, exists, null);
    }

    /** As {@link #ask(Window, boolean)}; {@code again}, if not null, says why the password is asked for again. */
    public static Optional<char[]> ask(Window owner, boolean exists, String again) {
        PasswordField password = new PasswordField();
        password.setId("keystore-password");
        PasswordField repeat = new PasswordField();
        repeat.setId("keystore-password-again");
        Label problem = new Label(again == null ? "" : again);
        problem.setId("keystore-password-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.getStyleClass().add("inline-problem");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(exists ? "Signing password" : "Choose a password (at least 8 characters)"), password);
        if (!exists) {
            grid.addRow(1, new Label("Repeat it"), repeat);
        }
        Dialog<char[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(exists ? "Unlock your signing key" : "Create your signing identity");
        d.setHeaderText(exists ? "Your signing key is protected by a password."
                : "This is the first signed record: EPA Workbench will create your key pair and a certificate naming you, "
                        + "kept in a password-protected keystore in the data folder. The private key never leaves it.");
        d.getDialogPane().setContent(new VBox(8, grid, problem));
        // a form's width: the long explanation above wraps, rather than stretching the dialog across the screen
        d.getDialogPane().setPrefWidth(FORM_WIDTH);
        ButtonType ok = new ButtonType(exists ? "Sign" : "Create and sign", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Node okButton = d.getDialogPane().lookupButton(ok);
        okButton.setId("password-ok");
        okButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!exists && password.getText().length() < 8) {
                problem.setText("The password must be at least 8 characters.");
                e.consume();
            } else if (!exists && !password.getText().equals(repeat.getText())) {
                problem.setText("The two passwords differ.");
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ok ? password.getText().toCharArray() : null);
        javafx.application.Platform.runLater(password::requestFocus);
        return d.showAndWait();
    }

}
