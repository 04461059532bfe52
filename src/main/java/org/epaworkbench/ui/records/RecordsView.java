package org.epaworkbench.ui.records;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import java.util.Optional;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.kordamp.ikonli.javafx.FontIcon;
import org.epaworkbench.ui.common.TextColumn;

/** Signed records in this data folder, and verifying any signed PDF: valid, whole document, signer, time. */
public final class RecordsView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", java.util.Locale.UK);

    private final RecordsViewModel model;
    private final TableView<SignedRecord> table = new TableView<>();
    private final VBox result = new VBox();
    private final Label identity = new Label();

    public RecordsView(Workbench workbench, Background background) {
        this(new RecordsViewModel(workbench.records(), workbench.assessorIdentity(),
                new org.epaworkbench.app.Verification(workbench.services()), () -> workbench.apprentices().assessor(),
                background::run, workbench.zone()));
    }

    public RecordsView(RecordsViewModel model) {
        this.model = model;
        table.setItems(model.rows());
        model.identityLineProperty().addListener((o, was, now) -> identity.setText(now));
        model.shownProperty().addListener((o, was, now) -> show(now));
        setId("records-view");
        Label heading = new Label("Signed records");
        heading.getStyleClass().add("pane-heading");
        Button verifyFile = new Button("Verify a PDF file…");
        verifyFile.setId("verify-file");
        verifyFile.setGraphic(new FontIcon("mdi2s-shield-search"));
        verifyFile.setOnAction(e -> chooseAndVerify());
        Button verifySelected = new Button("Verify selected");
        verifySelected.setId("verify-selected");
        verifySelected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        verifySelected.setOnAction(e -> verify(table.getSelectionModel().getSelectedItem()));
        Button openSelected = new Button("Open PDF");
        openSelected.setId("open-selected");
        openSelected.setGraphic(new FontIcon("mdi2f-file-pdf-box"));
        openSelected.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openSelected.setOnAction(e -> org.epaworkbench.ui.common.OpenFile.open(getScene().getWindow(),
                model.fileOf(table.getSelectionModel().getSelectedItem()),
                "It was moved or deleted outside EPA Workbench; if it was exported, the assessment organisation has a copy."));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, openSelected, verifySelected, verifyFile);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("records-table");
        table.setPlaceholder(new Label("No signed records yet. End a session and use “Sign record”."));
        table.getColumns().setAll(List.of(
                TextColumn.of("Apprentice", 170, r -> model.about(r).apprentice()),
                TextColumn.of("Component", 230, r -> r.kind().equals("overall") ? "Overall result" : model.about(r).component()),
                TextColumn.of("Attempt", 80, r -> model.about(r).attempt()),
                TextColumn.of("Grade", 100, r -> model.about(r).grade()),
                TextColumn.of("Signed at", 150, r -> WHEN.format(r.signedAt().atZone(zone()))),
                TextColumn.of("File", 260, SignedRecord::fileName),
                TextColumn.of("Exported", 150, r -> r.imported() ? "imported (not re-exported)"
                        : r.exported() ? WHEN.format(r.exportedAt().atZone(zone())) : "not yet")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> {
            TableRow<SignedRecord> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    verify(row.getItem());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        identity.setId("signing-identity");
        identity.setWrapText(true);
        identity.getStyleClass().add("plan-subtitle");
        Button importKey = new Button("Import organisation's key…");
        importKey.setGraphic(new FontIcon("mdi2k-key-plus"));
        importKey.setOnAction(e -> importKey());
        Button request = new Button("Request a certificate…");
        request.setId("request-certificate");
        request.setGraphic(new FontIcon("mdi2f-file-certificate-outline"));
        request.setTooltip(new javafx.scene.control.Tooltip("Ask your organisation to certify your signing key "
                + "(a request file to send them; your key stays here)"));
        request.setOnAction(e -> chooseRequestFile());
        Button install = new Button("Install certificate…");
        install.setId("install-certificate");
        install.setGraphic(new FontIcon("mdi2c-certificate-outline"));
        install.setTooltip(new javafx.scene.control.Tooltip("Install the certificate your organisation issued from your request"));
        install.setOnAction(e -> chooseIssuedCertificate());
        for (Button b : List.of(importKey, request, install)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(identity, Priority.ALWAYS);
        HBox identityBar = new HBox(10, new FontIcon("mdi2k-key-outline"), identity, request, install, importKey);
        identityBar.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(12, bar, identityBar, table, result);
        content.setPadding(new Insets(16));
        setCenter(content);
        reload();
    }

    private static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** Reads the identity and the records again. */
    public void reload() {
        model.reload();
    }

    private void chooseRequestFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save a certificate request for your organisation");
        chooser.setInitialFileName("assessor-request.csr");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Certificate requests", "*.csr"));
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            requestCertificate(file.toPath());
        }
    }

    /**
     * Writes a certificate signing request for this data folder's key to {@code out}, creating the
     * key first (with a new password) if there is none, as {@code keys request} does.
     */
    public void requestCertificate(Path out) {
        model.requestCertificate(out, this::askPassword);
    }

    private Optional<char[]> askPassword(boolean exists) {
        return org.epaworkbench.ui.common.KeystorePassword.ask(getScene().getWindow(), exists);
    }

    private void chooseIssuedCertificate() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Install the certificate your organisation issued");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Certificates", "*.crt", "*.pem", "*.cer"));
        java.io.File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            installCertificate(file.toPath());
        }
    }

    /** Installs the certificate (and chain) the organisation issued for this data folder's key, as {@code keys install-certificate} does. */
    public void installCertificate(Path file) {
        model.installCertificate(file, this::askPassword);
    }

    private void message(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        show(l);
    }

    private void importKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import the organisation's PKCS#12 signing key");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS#12 keystore", "*.p12", "*.pfx"));
        java.io.File file = chooser.showOpenDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        model.importKey(file.toPath(), this::askPassword);
    }

    private void chooseAndVerify() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Verify a signed PDF");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF records", "*.pdf"));
        java.io.File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            verify(file.toPath());
        }
    }

    private void verify(SignedRecord r) {
        model.verify(r);
    }

    /** Verifies a file in the background and shows the result. */
    public void verify(Path file) {
        model.verify(file);
    }

    private void show(RecordsViewModel.Shown shown) {
        if (shown instanceof RecordsViewModel.Verified v) {
            show(new VerificationCard(v.checked().report(), v.checked().trust()));
        } else if (shown instanceof RecordsViewModel.Message m) {
            if (m.id() == null) {
                show(new Label(m.text()));
            } else {
                message(m.id(), m.text());
            }
        } else {
            result.getChildren().clear();
        }
    }

    private void show(javafx.scene.Node node) {
        result.getChildren().setAll(node);
    }
}
