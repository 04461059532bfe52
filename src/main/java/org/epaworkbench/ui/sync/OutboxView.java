package org.epaworkbench.ui.sync;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
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
import org.epaworkbench.app.Delivery;
import org.epaworkbench.app.ExportFlow;
import org.epaworkbench.store.SignedRecords.SignedRecord;
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

    private final OutboxViewModel model;
    private final Background background;
    private final TableView<SignedRecord> pending = new TableView<>();
    private final TableView<Delivery.Package> packages = new TableView<>();
    private final Label summary = new Label();
    private final CheckBox encrypt = new CheckBox("Encrypt to the organisation's certificate…");
    private final Button exportChosen = new Button("Export chosen…");
    private final Button exportAll = new Button("Export all pending…");

    /** The outbox of {@code delivery}; reads and writes in {@code background}'s lanes. */
    public OutboxView(Delivery delivery, Background background) {
        this(delivery, background, null);
    }

    /**
     * As {@link #OutboxView(Delivery, Background)}, with what was delivered to the organisation's intake service
     * and the delivery going on ({@code deliveries}; null: no such section).
     */
    public OutboxView(Delivery delivery, Background background, DeliveryViewModel deliveries) {
        this.model = new OutboxViewModel(delivery);
        this.background = background;
        setId("outbox-view");
        Label heading = new Label("Outbox");
        heading.getStyleClass().add("pane-heading");
        summary.setId("outbox-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summary());

        pending.setId("outbox-records");
        pending.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        pending.setItems(model.pending());
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
        exportAll.disableProperty().bind(model.nothingWaiting());
        encrypt.setId("export-encrypt");
        encrypt.selectedProperty().bindBidirectional(model.encrypt());
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
        packages.setItems(model.packages());
        packages.setPlaceholder(new Label("No packages yet."));
        packages.getColumns().setAll(List.of(
                TextColumn.of("Made", 150, (Delivery.Package p) -> WHEN.format(p.createdAt().atZone(ZoneId.systemDefault()))),
                TextColumn.of("File", 360, Delivery.Package::fileName),
                TextColumn.of("Contents", 170, p -> Wording.count(p.records(), "record") + ", " + Wording.count(p.sessions(), "session") + (p.encrypted() ? ", encrypted" : "")),
                TextColumn.of("Uploaded", 150, p -> p.uploadedAt() == null ? "not yet" : WHEN.format(p.uploadedAt().atZone(ZoneId.systemDefault())))));
        packages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        VBox.setVgrow(packages, Priority.ALWAYS);

        VBox content = new VBox(12, bar, summary, pending, packagesBar, packages);
        if (deliveries != null) {
            pending.setPrefHeight(170);
            packages.setPrefHeight(140);
            VBox.setVgrow(packages, Priority.SOMETIMES);
            content.getChildren().add(new DeliveriesPane(deliveries, background));
            // a delivery round packs what waits: what waits and the packages made are read again when it changes
            deliveries.rows().addListener((ListChangeListener<DeliveryViewModel.Row>) c -> {
                if (getScene() != null) {
                    reload();
                }
            });
        }
        content.setPadding(new Insets(16));
        setCenter(content);
        reload();
    }

    public void reload() {
        background.run(model::load, model::show, model::cannotRead);
    }

    private void export(boolean all) {
        var window = getScene().getWindow();
        List<String> chosen = pending.getSelectionModel().getSelectedItems().stream().map(SignedRecord::id).toList();
        model.request(all, chosen, new OutboxViewModel.Asker() {
            @Override
            public Optional<Path> folder() {
                DirectoryChooser folderChooser = new DirectoryChooser();
                folderChooser.setTitle("Export to which folder (USB stick, synced folder)?");
                return Optional.ofNullable(folderChooser.showDialog(window)).map(java.io.File::toPath);
            }

            @Override
            public Optional<Path> certificate() {
                FileChooser certChooser = new FileChooser();
                certChooser.setTitle("The organisation's certificate (PEM)");
                certChooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Certificate", "*.pem", "*.crt", "*.cer"));
                return Optional.ofNullable(certChooser.showOpenDialog(window)).map(java.io.File::toPath);
            }

            @Override
            public void problem(String title, String message) {
                Dialogs.problem(window, title, message);
            }
        }).ifPresent(request -> exportTo(request, null));
    }

    /** As {@link #exportTo(ExportFlow.Request, String)}, for a folder already chosen. */
    void exportTo(java.io.File folder, boolean all, List<String> chosen, java.security.cert.X509Certificate encryptTo, String again) {
        exportTo(new ExportFlow.Request(folder.toPath(), all, chosen, encryptTo), again);
    }

    /**
     * Asks for the key's password and exports, in the long-flow lane. A wrong password asks again, here, saying so:
     * the folder (and the organisation's certificate) chosen are kept. {@code again} is that message, or null.
     */
    void exportTo(ExportFlow.Request request, String again) {
        var window = getScene().getWindow();
        KeystorePassword.ask(window, true, again).ifPresent(password -> {
            Task<ExportFlow.Outcome> task = new Task<>() {
                @Override
                protected ExportFlow.Outcome call() {
                    return model.export(request, password, new ExportFlow.Progress() {
                        @Override
                        public void step(String words) {
                            updateMessage(words);
                        }

                        @Override
                        public boolean cancelled() {
                            return isCancelled();
                        }
                    });
                }
            };
            Stage progress = ProgressWindow.of(window, "Exporting…", task);
            task.setOnSucceeded(e -> {
                progress.close();
                ExportFlow.Outcome outcome = task.getValue();
                if (outcome instanceof ExportFlow.Succeeded done) {
                    Dialogs.info(window, "Exported", done.summary());
                    reload();
                } else if (outcome instanceof ExportFlow.WrongPassword wrong) {
                    exportTo(request, wrong.message());
                } else if (outcome instanceof ExportFlow.Failed failed) {
                    Dialogs.problem(window, "Not exported", failed.message());
                }
            });
            task.setOnFailed(e -> {
                progress.close();
                Dialogs.problem(window, "Not exported", task.getException().getMessage());
            });
            background.flow(task);
            progress.show();
        });
    }

    private void markUploaded(Delivery.Package p) {
        background.run(() -> model.markUploaded(p),
                ok -> reload(), failure -> Dialogs.problem(getScene().getWindow(), "Not saved", failure.getMessage()));
    }

    List<String> pendingSessions() {
        return model.pendingSessions();
    }
}
