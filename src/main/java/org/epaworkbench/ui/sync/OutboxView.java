package org.epaworkbench.ui.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.epaworkbench.Wording;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.Outbox;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.KeystorePassword;
import org.epaworkbench.ui.common.ProgressWindow;
import org.kordamp.ikonli.javafx.FontIcon;
import org.epaworkbench.ui.common.TextColumn;

/**
 * Signed records not yet exported, and exporting them (chosen ones, or everything pending) to a
 * folder as one signed package; the packages made, and marking one as uploaded.
 */
public final class OutboxView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", java.util.Locale.UK);

    private final Workbench workbench;
    private final org.epaworkbench.app.Delivery delivery;
    private final Background background;
    private final TableView<SignedRecord> pending = new TableView<>();
    private final TableView<SyncStore.ExportedPackage> packages = new TableView<>();
    private final Label summary = new Label();
    private final CheckBox encrypt = new CheckBox("Encrypt to the organisation's certificate…");
    private final Button exportChosen = new Button("Export chosen…");
    private final Button exportAll = new Button("Export all pending…");
    private List<String> pendingSessions = List.of();

    public OutboxView(Workbench workbench, Background background) {
        this.workbench = workbench;
        this.delivery = new org.epaworkbench.app.Delivery(workbench.services());
        this.background = background;
        setId("outbox-view");
        Label heading = new Label("Outbox");
        heading.getStyleClass().add("pane-heading");
        summary.setId("outbox-summary");
        summary.setWrapText(true);

        pending.setId("outbox-records");
        pending.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        pending.setPlaceholder(new Label("Nothing waiting: every signed record has been exported."));
        pending.getColumns().setAll(List.of(
                TextColumn.of("Signed", 150, r -> WHEN.format(r.signedAt().atZone(ZoneId.systemDefault()))),
                TextColumn.of("Record", 110, r -> r.kind().equals("overall") ? "Overall result" : "Session record"),
                TextColumn.of("File", 480, SignedRecord::fileName)));
        pending.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        pending.setPrefHeight(260);

        exportChosen.setId("export-chosen");
        exportChosen.setGraphic(new FontIcon("mdi2e-export"));
        exportChosen.setDisable(true);
        pending.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SignedRecord>) c ->
                exportChosen.setDisable(pending.getSelectionModel().getSelectedItems().isEmpty()));
        exportChosen.setOnAction(e -> export(false));
        exportAll.setId("export-all");
        exportAll.getStyleClass().add("accent");
        exportAll.setGraphic(new FontIcon("mdi2p-package-up"));
        exportAll.setOnAction(e -> export(true));
        encrypt.setId("export-encrypt");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, encrypt, exportChosen, exportAll);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label packagesHeading = new Label("Packages made here");
        packagesHeading.getStyleClass().add("pane-heading");
        Button uploaded = new Button("Mark uploaded");
        uploaded.setId("mark-uploaded");
        uploaded.disableProperty().bind(packages.getSelectionModel().selectedItemProperty().isNull());
        uploaded.setOnAction(e -> markUploaded(packages.getSelectionModel().getSelectedItem()));
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox packagesBar = new HBox(8, packagesHeading, spacer2, uploaded);
        packagesBar.setAlignment(Pos.CENTER_LEFT);
        packages.setId("outbox-packages");
        packages.setPlaceholder(new Label("No packages yet."));
        packages.getColumns().setAll(List.of(
                TextColumn.of("Made", 150, (SyncStore.ExportedPackage p) -> WHEN.format(p.createdAt().atZone(ZoneId.systemDefault()))),
                TextColumn.of("File", 360, SyncStore.ExportedPackage::fileName),
                TextColumn.of("Contents", 170, p -> Wording.count(p.records(), "record") + ", " + Wording.count(p.sessions(), "session") + (p.encrypted() ? ", encrypted" : "")),
                TextColumn.of("Uploaded", 150, p -> p.uploadedAt() == null ? "not yet" : WHEN.format(p.uploadedAt().atZone(ZoneId.systemDefault())))));
        packages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        VBox.setVgrow(packages, Priority.ALWAYS);

        VBox content = new VBox(12, bar, summary, pending, packagesBar, packages);
        content.setPadding(new Insets(16));
        setCenter(content);
        reload();
    }

    private Outbox outbox() throws java.sql.SQLException {
        return delivery.outbox();
    }

    private record Loaded(Outbox.Selection pending, List<SyncStore.ExportedPackage> packages, boolean sample) {
    }

    public void reload() {
        background.run(() -> new Loaded(outbox().pending(), delivery.packages(), delivery.sampleDataPresent()), loaded -> {
            pending.getItems().setAll(loaded.pending().records());
            pendingSessions = loaded.pending().sessionIds();
            packages.getItems().setAll(loaded.packages());
            summary.setText(Wording.count(loaded.pending().records().size(), "signed record") + " and "
                    + Wording.count(loaded.pending().sessionIds().size(), "session") + " with unexported changes waiting. A package carries each session's whole event log, "
                    + "so exporting again never does harm." + (loaded.sample() ? " Sample data is never exported." : ""));
            exportAll.setDisable(loaded.pending().isEmpty());
        }, failure -> summary.setText("Cannot read the outbox: " + failure.getMessage()));
    }

    private void export(boolean all) {
        var window = getScene().getWindow();
        List<String> chosen = pending.getSelectionModel().getSelectedItems().stream().map(SignedRecord::id).toList();
        DirectoryChooser folderChooser = new DirectoryChooser();
        folderChooser.setTitle("Export to which folder (USB stick, synced folder)?");
        java.io.File folder = folderChooser.showDialog(window);
        if (folder == null) {
            return;
        }
        X509Certificate recipient = null;
        if (encrypt.isSelected()) {
            FileChooser certChooser = new FileChooser();
            certChooser.setTitle("The organisation's certificate (PEM)");
            certChooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Certificate", "*.pem", "*.crt", "*.cer"));
            java.io.File cert = certChooser.showOpenDialog(window);
            if (cert == null) {
                return;
            }
            try {
                recipient = Certificates.fromPem(Files.readString(cert.toPath(), StandardCharsets.US_ASCII));
            } catch (Exception e) {
                Dialogs.problem(window, "Not a certificate", cert + " is not a PEM certificate: " + e.getMessage());
                return;
            }
        }
        exportTo(folder, all, chosen, recipient, null);
    }

    /**
     * Asks for the key's password and exports to {@code folder}. A wrong password asks again, here, saying so:
     * the folder (and the organisation's certificate) chosen are kept. {@code again} is that message, or null.
     */
    void exportTo(java.io.File folder, boolean all, List<String> chosen, X509Certificate encryptTo, String again) {
        var window = getScene().getWindow();
        KeystorePassword.ask(window, true, again).ifPresent(password -> {
            Task<Outbox.Exported> task = new Task<>() {
                @Override
                protected Outbox.Exported call() throws Exception {
                    try {
                        updateMessage("Unlocking the signing key");
                        var identity = workbench.keyStore().unlock(password);
                        updateMessage("Writing and signing the package");
                        Outbox o = outbox();
                        Outbox.Selection s = all ? o.pending() : o.chosen(chosen);
                        return o.export(s, folder.toPath(), identity, encryptTo);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                }
            };
            Stage progress = ProgressWindow.of(window, "Exporting…", task);
            task.setOnSucceeded(e -> {
                progress.close();
                Outbox.Exported x = task.getValue();
                Dialogs.info(window, "Exported", Wording.count(x.records(), "signed record") + " and " + Wording.count(x.sessions(), "session")
                        + (x.records() + x.sessions() == 1 ? " is" : " are") + " in\n"
                        + x.file() + (x.encrypted() ? "\n(encrypted to the organisation)" : ""));
                reload();
            });
            task.setOnFailed(e -> {
                progress.close();
                if (task.getException() instanceof org.epaworkbench.keys.KeyStoreProblem.WrongPassword) {
                    exportTo(folder, all, chosen, encryptTo, "That password does not unlock your signing key; nothing was "
                            + "exported. Type it again: the package goes to " + folder + ".");
                } else {
                    Dialogs.problem(window, "Not exported", task.getException().getMessage());
                }
            });
            background.flow(task);
            progress.show();
        });
    }

    private void markUploaded(SyncStore.ExportedPackage p) {
        background.run(() -> delivery.markUploaded(p.packageId()),
                ok -> reload(), failure -> Dialogs.problem(getScene().getWindow(), "Not saved", failure.getMessage()));
    }

    List<String> pendingSessions() {
        return pendingSessions;
    }
}
