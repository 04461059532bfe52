package org.epaworkbench.ui.records;

import java.nio.file.Files;
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
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.kordamp.ikonli.javafx.FontIcon;
import org.epaworkbench.ui.common.TextColumn;

/** Signed records in this data folder, and verifying any signed PDF: valid, whole document, signer, time. */
public final class RecordsView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", java.util.Locale.UK);

    private final Workbench workbench;
    private final Background background;
    private final TableView<SignedRecord> table = new TableView<>();
    private final VBox result = new VBox();
    private final Label identity = new Label();

    public RecordsView(Workbench workbench, Background background) {
        this.workbench = workbench;
        this.background = background;
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
                workbench.signedRecords().folder().resolve(table.getSelectionModel().getSelectedItem().fileName()),
                "It was moved or deleted outside EPA Workbench; if it was exported, the assessment organisation has a copy."));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, openSelected, verifySelected, verifyFile);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("records-table");
        table.setPlaceholder(new Label("No signed records yet. End a session and use “Sign record”."));
        table.getColumns().setAll(List.of(
                TextColumn.of("Apprentice", 170, r -> about(r).apprentice()),
                TextColumn.of("Component", 230, r -> r.kind().equals("overall") ? "Overall result" : about(r).component()),
                TextColumn.of("Attempt", 80, r -> about(r).attempt()),
                TextColumn.of("Grade", 100, r -> about(r).grade()),
                TextColumn.of("Signed at", 150, r -> WHEN.format(r.signedAt().atZone(ZoneId.systemDefault()))),
                TextColumn.of("File", 260, SignedRecord::fileName),
                TextColumn.of("Exported", 150, r -> r.imported() ? "imported (not re-exported)"
                        : r.exported() ? WHEN.format(r.exportedAt().atZone(ZoneId.systemDefault())) : "not yet")));
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

    /** What a record is about, for its row: read with the records, in the background. */
    private record About(String apprentice, String component, String attempt, String grade) {
    }

    private record Loaded(List<SignedRecord> rows, java.util.Map<String, About> about, java.util.Map<String, String> names) {
    }

    private java.util.Map<String, About> about = java.util.Map.of();
    private java.util.Map<String, String> names = java.util.Map.of();

    private About about(SignedRecord r) {
        About a = r.sessionId() == null ? null : about.get(r.sessionId());
        if (a != null) {
            return a;
        }
        return new About(names.getOrDefault(r.apprenticeId(), ""), "", "", "");
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    public void reload() {
        background.run(() -> workbench.keyStore().certificate(), cert -> identity.setText(cert
                .map(c -> "Signing as " + org.epaworkbench.keys.Certificates.commonName(c) + " — "
                        + (c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) ? "self-signed"
                                : "issued by " + org.epaworkbench.keys.Certificates.attribute(c.getIssuerX500Principal(), "CN"))
                        + ", certificate SHA-256 "
                        + org.epaworkbench.keys.Certificates.fingerprint(c).substring(0, 16) + "…, valid until "
                        + org.epaworkbench.ui.common.Dates.show(c.getNotAfter().toInstant()
                                .atZone(ZoneId.systemDefault()).toLocalDate()))
                .orElse("No signing identity yet: it is created, with a password you choose, the first time you sign. "
                        + "Or import the PKCS#12 file your organisation issued.")),
                failure -> identity.setText("The signing certificate cannot be read: " + failure.getMessage()));
        background.run(() -> {
            java.util.Map<String, About> about = new java.util.HashMap<>();
            java.util.Map<String, String> names = new java.util.HashMap<>();
            workbench.people().apprentices().forEach(a -> names.put(a.id(), a.name()));
            java.util.Map<String, org.epaworkbench.grading.ComponentResult> grades = new java.util.HashMap<>();
            workbench.apprenticeFiles().all().forEach(f -> f.sessions().forEach(l -> l.result()
                    .ifPresent(r -> grades.put(l.session().id(), r))));
            for (var s : workbench.sessions().list()) {
                var r = grades.get(s.id());
                about.put(s.id(), new About(s.apprenticeName(), workbench.plans().plan(s.planId())
                        .flatMap(p -> p.component(s.componentId())).map(c -> c.title()).orElse(s.componentId()),
                        capitalise(s.attempt().word()), r == null ? "" : r.grade().label() + (r.capped() ? " (capped)" : "")));
            }
            return new Loaded(workbench.signedRecords().all(), about, names);
        }, loaded -> {
            this.about = loaded.about();
            this.names = loaded.names();
            java.util.List<SignedRecord> newestFirst = new java.util.ArrayList<>(loaded.rows());
            java.util.Collections.reverse(newestFirst);
            table.getItems().setAll(newestFirst);
        },
                failure -> show(new Label("Cannot read the records: " + failure.getMessage())));
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
        background.run(() -> workbench.people().assessor(), profile -> {
            if (profile.isEmpty() || profile.get().sample()) {
                show(new Label("Set your assessor profile first (Assessor, at the top): the request names you as it does."));
                return;
            }
            boolean exists = workbench.keyStore().exists();
            org.epaworkbench.ui.common.KeystorePassword.ask(getScene().getWindow(), exists).ifPresent(password ->
                    background.run(() -> {
                        try {
                            if (!workbench.keyStore().exists()) {
                                workbench.keyStore().create(profile.get(), password);
                            }
                            String pem = workbench.keyStore().certificateRequest(profile.get(), password);
                            Files.writeString(out, pem, java.nio.charset.StandardCharsets.US_ASCII);
                            return out;
                        } finally {
                            java.util.Arrays.fill(password, '\0');
                        }
                    }, written -> {
                        reload();
                        message("request-message", "Saved " + written.getFileName() + ". Send it to your organisation's "
                                + "office; they issue your certificate from it (org certify). Your private key stays here.");
                    }, failure -> message("request-message", "No request was made: " + failure.getMessage())));
        }, failure -> show(new Label("Cannot read the assessor profile: " + failure.getMessage())));
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
        if (!workbench.keyStore().exists()) {
            message("request-message", "There is no signing key here to install a certificate for. Make a request first "
                    + "(Request a certificate…).");
            return;
        }
        org.epaworkbench.ui.common.KeystorePassword.ask(getScene().getWindow(), true).ifPresent(password ->
                background.run(() -> {
                    try {
                        return workbench.keyStore().installCertificate(org.epaworkbench.keys.Certificates.readAll(file), password);
                    } catch (java.security.cert.CertificateException e) {
                        throw new org.epaworkbench.keys.CertificateProblem(file.getFileName() + " is not a certificate (PEM or "
                                + "DER expected).", e);
                    } finally {
                        java.util.Arrays.fill(password, '\0');
                    }
                }, chain -> {
                    reload();
                    message("request-message", "Installed: you now sign as " + org.epaworkbench.keys.Certificates.describe(
                            chain.get(0)) + ", issued by " + org.epaworkbench.keys.Certificates.attribute(
                            chain.get(0).getIssuerX500Principal(), "CN") + ". Records you sign from now on carry it.");
                }, failure -> message("request-message", "Not installed: " + failure.getMessage())));
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
        org.epaworkbench.ui.common.KeystorePassword.ask(getScene().getWindow(), true).ifPresent(password ->
                background.run(() -> workbench.keyStore().importFrom(file.toPath(), password), cert -> reload(),
                        failure -> show(new Label("Not imported: " + failure.getMessage()))));
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
        verify(workbench.signedRecords().folder().resolve(r.fileName()));
    }

    /** Verifies a file in the background and shows the result. */
    public void verify(Path file) {
        background.run(() -> {
            org.epaworkbench.app.Verification.Checked c = new org.epaworkbench.app.Verification(workbench.services()).check(file);
            return new VerificationCard.Checked(c.report(), c.trust());
        }, checked -> show(new VerificationCard(checked.report(), checked.trust())),
                failure -> show(new Label("Cannot read " + file + ": " + failure.getMessage())));
    }

    private void show(javafx.scene.Node node) {
        result.getChildren().setAll(node);
    }
}
