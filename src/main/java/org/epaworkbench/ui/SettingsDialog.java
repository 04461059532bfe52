package org.epaworkbench.ui;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.session.SessionSettings;

/** The assessor's warning preferences for live sessions, and delivery to the organisation's intake service. */
final class SettingsDialog {

    /** Keeps what was chosen, off the FX thread; {@code then} hears, on the FX thread, what is wrong (or nothing). */
    @FunctionalInterface
    interface Saver {
        void save(SessionSettings session, DeliverySettingsForm.Values delivery, java.util.Optional<String> microphone,
                Consumer<DeliverySettingsForm.Problems> then);
    }

    /** The microphones the system lists now, and the one chosen (empty: the system's default). */
    record Microphones(java.util.List<String> names, java.util.Optional<String> chosen) {
    }

    /** The first choice of the microphone list: the system's default microphone. */
    static final String DEFAULT_MICROPHONE = "The system's default microphone";

    private SettingsDialog() {
    }

    /**
     * Live-session warnings and, on a tab of its own, delivery: the service's address and the organisation root's
     * SHA-256, checked when saved (a problem shows under its field and the dialog stays open), and how long
     * delivered copies are kept.
     */
    static void show(Window owner, SessionSettings current, DeliverySettingsForm.Values delivery, Microphones microphones,
            Saver saver) {
        Dialog<SessionSettings> d = dialog(owner);
        Spinner<Integer>[] spinners = sessionSpinners(current);

        TextField address = new TextField(delivery.address());
        address.setId("setting-delivery-address");
        address.setPromptText("https://intake.example.org:8443");
        address.setPrefColumnCount(32);
        TextField root = new TextField(delivery.rootFingerprint());
        root.setId("setting-delivery-root");
        root.setPromptText("SHA-256 of the organisation root, as the service's administrator gave it");
        root.setPrefColumnCount(32);
        CheckBox remove = new CheckBox("Remove delivered copies after");
        remove.setId("setting-remove-delivered");
        remove.setSelected(delivery.removeDelivered());
        Spinner<Integer> days = new Spinner<>(1, 3650, Math.max(1, delivery.days()));
        days.setId("setting-remove-days");
        days.setEditable(true);
        days.setPrefWidth(90);
        days.disableProperty().bind(remove.selectedProperty().not());
        Label addressProblem = problem("setting-delivery-address-problem");
        Label rootProblem = problem("setting-delivery-root-problem");
        Label daysProblem = problem("setting-remove-days-problem");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        grid.addRow(0, new Label("The organisation's service address"), address);
        grid.add(addressProblem, 1, 1);
        grid.addRow(2, new Label("The organisation root's SHA-256 (pinned)"), root);
        grid.add(rootProblem, 1, 3);
        HBox daysRow = new HBox(8, days, new Label("days after their receipt"));
        daysRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        grid.addRow(4, remove, daysRow);
        grid.add(daysProblem, 1, 5);
        Label explain = new Label("With both set, the outbox delivers by itself to the organisation whenever the service can be "
                + "reached, and keeps the service's signed receipt for each package. Leave both empty to deliver nowhere; "
                + "export to a folder works either way. Delivered copies are never removed before their receipt.");
        explain.setWrapText(true);
        explain.setMaxWidth(680);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox deliveryPane = new VBox(12, explain, grid);
        deliveryPane.setPadding(new javafx.geometry.Insets(12));

        // room for the problems under their fields, so showing one never pushes the next field out of sight
        javafx.scene.control.ScrollPane deliveryScroll = new javafx.scene.control.ScrollPane(deliveryPane);
        deliveryScroll.setFitToWidth(true);
        javafx.scene.control.ComboBox<String> microphone = microphoneChoice(microphones);
        TabPane tabs = new TabPane(new Tab("Live sessions", sessionGrid(spinners)), new Tab("Delivery", deliveryScroll),
                new Tab("Recording", recordingPane(microphone, microphones)));
        tabs.setPrefHeight(440);
        tabs.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tabs.setId("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        d.getDialogPane().setContent(tabs);
        // a form's width on its content (the dialog sizes itself to its content): long explanations and problems
        // wrap rather than being cut; set on the dialog pane it was lost, and openbox showed the dialog 318 px wide
        tabs.setPrefWidth(760);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = d.getDialogPane().lookupButton(save);
        saveButton.setId("settings-save");
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // closes only once saved
            saveButton.setDisable(true);
            DeliverySettingsForm.Values typed = new DeliverySettingsForm.Values(address.getText(), root.getText(),
                    remove.isSelected(), days.getValue());
            String mic = microphone.getValue();
            java.util.Optional<String> chosenMicrophone = mic == null || mic.equals(DEFAULT_MICROPHONE)
                    ? java.util.Optional.empty() : java.util.Optional.of(mic.replace(NOT_CONNECTED, ""));
            saver.save(sessionSettings(spinners), typed, chosenMicrophone, problems -> {
                saveButton.setDisable(false);
                addressProblem.setText(problems.address() == null ? "" : problems.address());
                rootProblem.setText(problems.rootFingerprint() == null ? "" : problems.rootFingerprint());
                daysProblem.setText(problems.days() == null ? "" : problems.days());
                if (problems.none()) {
                    d.setResult(sessionSettings(spinners));
                    d.close();
                } else {
                    tabs.getSelectionModel().select(1);
                }
            });
        });
        d.show();
    }

    private static final String NOT_CONNECTED = " (not connected now)";

    /** The microphone sessions are recorded from: the default one, or one the system lists (Java Sound). */
    private static javafx.scene.control.ComboBox<String> microphoneChoice(Microphones m) {
        javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>();
        box.setId("setting-microphone");
        box.getItems().add(DEFAULT_MICROPHONE);
        box.getItems().addAll(m.names());
        String chosen = m.chosen().map(c -> m.names().contains(c) ? c : c + NOT_CONNECTED).orElse(DEFAULT_MICROPHONE);
        if (!box.getItems().contains(chosen)) {
            box.getItems().add(chosen);
        }
        box.setValue(chosen);
        box.setPrefWidth(430);
        return box;
    }

    private static Node recordingPane(javafx.scene.control.ComboBox<String> microphone, Microphones m) {
        Label explain = new Label(m.names().isEmpty()
                ? "No microphone was found on this computer: sessions cannot be recorded here until one is connected. A "
                        + "remote session's call recording can still be attached to it."
                : "Sessions are recorded from this microphone once the apprentice has consented. The default one is the "
                        + "system's; choose another (a headset, a table microphone) when the laptop's own is poor.");
        explain.setId("setting-microphone-explain");
        explain.setWrapText(true);
        explain.setMaxWidth(680);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.addRow(0, new Label("Microphone"), microphone);
        VBox pane = new VBox(12, explain, grid);
        pane.setPadding(new javafx.geometry.Insets(12));
        return pane;
    }

    private static Label problem(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(430);
        l.setPrefWidth(430);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("inline-problem");
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    private static Dialog<SessionSettings> dialog(Window owner) {
        Dialog<SessionSettings> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Settings");
        d.setHeaderText("Live session warnings and delivery to the organisation");
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer>[] sessionSpinners(SessionSettings current) {
        Spinner<Integer> approaching = new Spinner<>(0, 30, (int) current.approachingMaximum().toMinutes());
        approaching.setId("setting-approaching");
        approaching.setEditable(true);
        Spinner<Integer> warning = new Spinner<>(0, 600, (int) current.questioningWarning().toSeconds(), 15);
        warning.setId("setting-questioning-warning");
        warning.setEditable(true);
        return new Spinner[] {approaching, warning};
    }

    private static GridPane sessionGrid(Spinner<Integer>[] spinners) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new javafx.geometry.Insets(12));
        grid.addRow(0, new Label("Say “approaching maximum” this many minutes before the maximum"), spinners[0]);
        grid.addRow(1, new Label("Warn this many seconds before the questioning limit"), spinners[1]);
        return grid;
    }

    private static SessionSettings sessionSettings(Spinner<Integer>[] spinners) {
        return new SessionSettings(Duration.ofMinutes(spinners[0].getValue()), Duration.ofSeconds(spinners[1].getValue()));
    }
}
