package org.epaworkbench.ui.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.epaworkbench.Wording;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.PackageRefused;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.KeystorePassword;
import org.kordamp.ikonli.javafx.FontIcon;
import org.epaworkbench.ui.common.TextColumn;

/**
 * The office side: choose a package, see what it would change (nothing is changed yet), import it;
 * the register of assessor certificates; and conflicts to resolve.
 */
public final class ImportView extends BorderPane {

    /** The same setting as {@code signers first-use on|off}. */

    private final Workbench workbench;
    private final Background background;
    private final VBox result = new VBox(6);
    private final CheckBox firstUse = new CheckBox("Trust on first use: pin the certificate of an assessor not trusted here "
            + "when their first package arrives (not recommended)");
    private final Label firstUseWarning = new Label("Trust on first use is on: whoever reaches this office first with an "
            + "assessor's name is trusted as that assessor. Check each pinned certificate's SHA-256 with its assessor.");
    private final TableView<SyncStore.PinnedSigner> register = new TableView<>();
    private final TableView<SyncStore.TrustedRoot> roots = new TableView<>();
    private final TableView<SessionStore.Conflict> conflicts = new TableView<>();
    private final ApprenticeProposalsPane proposals;
    private final org.epaworkbench.app.Importing importing;
    private final Label keyChoice = new Label();
    private final Button useOwnKey = new Button("Use own key");
    /** The organisation's PKCS#12 chosen to open encrypted packages, or null for this data folder's own key. */
    private Path organisationKey;

    public ImportView(Workbench workbench, Background background) {
        this.workbench = workbench;
        this.background = background;
        this.importing = new org.epaworkbench.app.Importing(workbench.services());
        this.proposals = new ApprenticeProposalsPane(new ApprenticeProposalsModel(workbench.services().apprenticeSharing()), background);
        setId("import-view");
        Label heading = new Label("Import a package");
        heading.getStyleClass().add("pane-heading");
        Button choose = new Button("Choose a package…");
        choose.setId("choose-package");
        choose.getStyleClass().add("accent");
        choose.setGraphic(new FontIcon("mdi2p-package-down"));
        choose.setOnAction(e -> choose());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, choose);
        bar.setAlignment(Pos.CENTER_LEFT);
        result.setId("import-result");

        keyChoice.setId("decryption-key");
        keyChoice.getStyleClass().add("plan-subtitle");
        Button chooseKey = new Button("Organisation key…");
        chooseKey.setId("choose-org-key");
        chooseKey.setGraphic(new FontIcon("mdi2k-key-variant"));
        chooseKey.setOnAction(e -> chooseOrganisationKey());
        useOwnKey.setId("use-own-key");
        useOwnKey.setOnAction(e -> useOrganisationKey(null));
        chooseKey.setMinWidth(Region.USE_PREF_SIZE);
        useOwnKey.setMinWidth(Region.USE_PREF_SIZE);
        Region keySpacer = new Region();
        HBox.setHgrow(keySpacer, Priority.ALWAYS);
        HBox keyBar = new HBox(8, new FontIcon("mdi2l-lock-outline"), keyChoice, keySpacer, chooseKey, useOwnKey);
        keyBar.setAlignment(Pos.CENTER_LEFT);
        useOrganisationKey(null);

        firstUse.setId("trust-on-first-use");
        firstUse.setWrapText(true);
        firstUseWarning.setId("first-use-warning");
        firstUseWarning.setWrapText(true);
        firstUseWarning.getStyleClass().add("inline-problem");
        firstUseWarning.visibleProperty().bind(firstUse.selectedProperty());
        firstUseWarning.managedProperty().bind(firstUse.selectedProperty());
        firstUse.setOnAction(e -> setFirstUse(firstUse.isSelected()));

        Label rootsHeading = new Label("Organisation roots");
        rootsHeading.getStyleClass().add("pane-heading");
        Button addRoot = new Button("Trust a root…");
        addRoot.setId("add-root");
        addRoot.setGraphic(new FontIcon("mdi2s-shield-key-outline"));
        addRoot.setOnAction(e -> chooseRoot());
        Button removeRoot = new Button("Remove…");
        removeRoot.setId("remove-root");
        removeRoot.disableProperty().bind(roots.getSelectionModel().selectedItemProperty().isNull());
        removeRoot.setOnAction(e -> removeRoot(roots.getSelectionModel().getSelectedItem()));
        Region spacer4 = new Region();
        HBox.setHgrow(spacer4, Priority.ALWAYS);
        HBox rootsBar = new HBox(8, rootsHeading, spacer4, addRoot, removeRoot);
        rootsBar.setAlignment(Pos.CENTER_LEFT);
        roots.setId("trusted-roots");
        roots.setPlaceholder(new Label("No organisation root installed. Packages and records are trusted when their "
                + "certificate is issued by a root installed here, or is in the register below."));
        roots.getColumns().setAll(List.of(
                TextColumn.of("Root", 380, SyncStore.TrustedRoot::subject),
                TextColumn.of("SHA-256", 300, r -> r.fingerprint())));
        roots.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        roots.setPrefHeight(90);
        Label registerHeading = new Label("Assessor certificates");
        registerHeading.getStyleClass().add("pane-heading");
        Button addSigner = new Button("Add a certificate…");
        addSigner.setId("add-signer");
        addSigner.setGraphic(new FontIcon("mdi2c-certificate-outline"));
        addSigner.setOnAction(e -> chooseCertificate());
        Button removeSigner = new Button("Remove…");
        removeSigner.setId("remove-signer");
        removeSigner.disableProperty().bind(register.getSelectionModel().selectedItemProperty().isNull());
        removeSigner.setOnAction(e -> removeSigner(register.getSelectionModel().getSelectedItem()));
        Region spacer3 = new Region();
        HBox.setHgrow(spacer3, Priority.ALWAYS);
        HBox registerBar = new HBox(8, registerHeading, spacer3, addSigner, removeSigner);
        registerBar.setAlignment(Pos.CENTER_LEFT);
        register.setId("signer-register");
        register.setPlaceholder(new Label("No assessor certificates. Add an assessor's certificate after checking its "
                + "SHA-256 with them."));
        register.getColumns().setAll(List.of(
                TextColumn.of("Assessor", 180, SyncStore.PinnedSigner::assessorKey),
                TextColumn.of("Certificate subject", 380, SyncStore.PinnedSigner::subject),
                TextColumn.of("SHA-256", 200, s -> s.fingerprint().substring(0, 24) + "…"),
                TextColumn.of("Pinned", 120, s -> s.how())));
        register.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        register.setPrefHeight(160);

        Label conflictsHeading = new Label("Conflicts");
        conflictsHeading.getStyleClass().add("pane-heading");
        conflicts.setId("conflicts");
        conflicts.setPlaceholder(new Label("No conflicts."));
        conflicts.getColumns().setAll(List.of(
                TextColumn.of("Session", 300, SessionStore.Conflict::sessionId),
                TextColumn.of("Event", 80, c -> Long.toString(c.seq())),
                TextColumn.of("Versions", 300, c -> c.eventIds().size() + " versions (two devices, or two copies of a data folder)")));
        conflicts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        conflicts.setPrefHeight(140);
        Button resolve = new Button("Resolve…");
        resolve.disableProperty().bind(conflicts.getSelectionModel().selectedItemProperty().isNull());
        resolve.setOnAction(e -> resolve(conflicts.getSelectionModel().getSelectedItem()));
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox conflictBar = new HBox(8, conflictsHeading, spacer2, resolve);

        VBox content = new VBox(12, bar, keyBar, result, rootsBar, roots, registerBar, register, firstUse, firstUseWarning,
                conflictBar, conflicts, proposals);
        content.setPadding(new Insets(16));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        reload();
    }

    /** The roots, register, first-use setting and conflicts, read together. */
    private record Loaded(boolean firstUse, List<SyncStore.TrustedRoot> roots, List<SyncStore.PinnedSigner> register,
            List<SessionStore.Conflict> conflicts) {
    }

    public void reload() {
        proposals.reload();
        background.run(() -> new Loaded(importing.trustOnFirstUse(), importing.roots(), importing.register(),
                importing.conflicts()), l -> {
                    firstUse.setSelected(l.firstUse());
                    roots.getItems().setAll(l.roots());
                    register.getItems().setAll(l.register());
                    conflicts.getItems().setAll(l.conflicts());
                }, failure -> result.getChildren().setAll(new Label("Cannot read the register: " + failure.getMessage())));
    }

    /** Turns trust on first use on (after a warning the user must accept) or off. */
    void setFirstUse(boolean on) {
        if (on && !Dialogs.confirm(window(), "Trust on first use", "Pin the certificate of any assessor not trusted here "
                + "when their first package arrives? Anyone can make a certificate with an assessor's name: whoever reaches "
                + "this office first would be trusted as that assessor. Installing the organisation's root is safer.",
                "Trust on first use")) {
            firstUse.setSelected(false);
            return;
        }
        background.run(() -> {
            importing.trustOnFirstUse(on);
            return null;
        }, ok -> { }, failure -> result.getChildren().setAll(new Label("Not saved: " + failure.getMessage())));
    }

    private void chooseRoot() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Trust an organisation root certificate");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Certificates", "*.crt", "*.pem", "*.cer", "*.der"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            trustRoot(file.toPath());
        }
    }

    /** Installs an organisation root, as {@code org trust} does. */
    public void trustRoot(Path file) {
        background.run(() -> importing.trustRoot(file),
                added -> {
                    show((added.alreadyThere() ? "Already trusted: " : "Now trusted: ") + added.root().subject()
                            + " (SHA-256 " + added.root().fingerprint() + "). Check this SHA-256 with your organisation.", false);
                    reload();
                }, failure -> show("Not trusted: " + failure.getMessage(), true));
    }

    private void removeRoot(SyncStore.TrustedRoot r) {
        if (r == null || !Dialogs.confirm(window(), "Remove an organisation root", "Stop trusting " + r.subject()
                + "? Records and packages signed with certificates it issued will no longer be trusted here.", "Remove")) {
            return;
        }
        background.run(() -> importing.removeRoot(r.fingerprint()), removed -> {
            show("No longer trusted: " + r.subject() + ".", false);
            reload();
        }, failure -> show("Not removed: " + failure.getMessage(), true));
    }

    private Window window() {
        return getScene().getWindow();
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a package");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("EPA Workbench packages", "*.epapkg"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Checks a package with a dry run, shows what it would change, and offers to import it. */
    public void open(Path file) {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(1);
        } catch (Exception e) {
            show("Cannot read " + file + ": " + e.getMessage(), true);
            return;
        }
        if (head.length == 1 && (head[0] & 0xff) == 0x30) {
            Path orgKey = organisationKey;
            String which = orgKey == null ? "this data folder's signing key" : orgKey.getFileName().toString();
            KeystorePassword.askToOpen(window(), "Open an encrypted package", "The package is encrypted for the "
                    + "organisation. It is opened with " + which + ".", "Open").ifPresent(pw -> background.run(() -> {
                        try {
                            return orgKey == null ? workbench.keyStore().unlock(pw, NOT_OPENED).privateKey()
                                    : AssessorKeyStore.privateKeyOf(orgKey, pw, NOT_OPENED);
                        } finally {
                            java.util.Arrays.fill(pw, '\0');
                        }
                    }, key -> run(file, key, true), failure -> show("Cannot open the key: " + failure.getMessage(), true)));
        } else {
            run(file, null, true);
        }
    }

    static final String NOT_OPENED = "The package was not opened; nothing was imported.";

    /** Encrypted packages are opened with this PKCS#12 (an organisation's key), or with null, this data folder's own key. */
    public void useOrganisationKey(Path p12) {
        organisationKey = p12;
        keyChoice.setText(p12 == null ? "Encrypted packages are opened with this data folder's own key."
                : "Encrypted packages are opened with the organisation key " + p12.getFileName() + ".");
        keyChoice.setTooltip(p12 == null ? null : new javafx.scene.control.Tooltip(p12.toString()));
        useOwnKey.setVisible(p12 != null);
        useOwnKey.setManaged(p12 != null);
    }

    private void chooseOrganisationKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The organisation's key for encrypted packages");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS#12 keystore", "*.p12", "*.pfx"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            useOrganisationKey(file.toPath());
        }
    }

    private void chooseCertificate() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add an assessor's certificate");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Certificates", "*.pem", "*.crt", "*.cer", "*.der"));
        java.io.File file = chooser.showOpenDialog(window());
        if (file != null) {
            addCertificate(file.toPath());
        }
    }

    /** Adds an assessor's certificate to the register ahead of their first package. */
    public void addCertificate(Path file) {
        background.run(() -> importing.addSigner(Certificates.read(file)), added -> {
                    show((added.alreadyThere() ? "Already in the register: " : "Added to the register: ")
                            + added.signer().subject() + " (" + added.signer().assessorKey() + ").", false);
                    reload();
                }, failure -> show("Not added: " + (failure instanceof java.security.cert.CertificateException
                        ? file + " is not a certificate (PEM or DER expected)." : failure.getMessage()), true));
    }

    private void removeSigner(SyncStore.PinnedSigner s) {
        if (s == null || !Dialogs.confirm(window(), "Remove a signer", "Remove " + s.subject() + " (" + s.assessorKey()
                + ") from the register? Their packages will be refused unless their certificate is issued by an "
                + "organisation root installed here.", "Remove")) {
            return;
        }
        background.run(() -> importing.removeSigner(s.assessorKey()), removed -> {
            show("Removed " + s.assessorKey() + " from the register.", false);
            reload();
        }, failure -> show("Not removed: " + failure.getMessage(), true));
    }

    private void run(Path file, PrivateKey key, boolean dryRun) {
        boolean firstUseNow = firstUse.isSelected();
        background.flow(() -> importing.importPackage(file, key, firstUseNow, dryRun), o -> {
            var a = o.applied();
            String summary = (dryRun ? "Checked: signature valid, every entry intact. Importing would add " : "Imported: ")
                    + Wording.count(a.newSessions(), "session") + ", " + Wording.count(a.newEvents(), "event") + ", "
                    + Wording.count(a.newRecords(), "signed record") + " and " + Wording.count(a.newApprentices(), "apprentice")
                    + " (" + a.updatedApprentices() + " updated). Signed by " + o.signer() + ", trusted: " + o.trust().reason()
                    + ".";
            result.getChildren().setAll(new Label(summary));
            o.notices().forEach(n -> result.getChildren().add(notice(n)));
            if (dryRun) {
                Button go = new Button("Import");
                go.setId("import-confirm");
                go.getStyleClass().add("accent");
                go.setOnAction(e -> run(file, key, false));
                result.getChildren().add(go);
            } else {
                reload();
            }
            result.getStyleClass().setAll("verify-ok");
        }, failure -> show(failure instanceof org.epaworkbench.sync.UntrustedSigner u ? "Untrusted signer, nothing imported: "
                + u.reason() : failure instanceof PackageRefused ? "Refused, nothing imported: " + failure.getMessage()
                : "Not imported: " + failure.getMessage(), true));
    }

    private static Label notice(String text) {
        Label l = new Label("• " + text);
        l.setWrapText(true);
        return l;
    }

    private void show(String text, boolean bad) {
        Label l = new Label(text);
        l.setId("import-message");
        l.setWrapText(true);
        result.getChildren().setAll(l);
        result.getStyleClass().setAll(bad ? "verify-bad" : "verify-ok");
    }

    private void resolve(SessionStore.Conflict c) {
        background.run(() -> workbench.sessions().allEvents(c.sessionId()).stream().filter(e -> e.event().seq() == c.seq())
                .toList(), versions -> {
            javafx.scene.control.ChoiceDialog<String> choice = new javafx.scene.control.ChoiceDialog<>(null,
                    versions.stream().map(v -> v.event().id() + " — device " + v.deviceId().substring(0, 8) + " — "
                            + v.event().body().describe()).toList());
            choice.initOwner(window());
            choice.setTitle("Resolve conflict");
            choice.setHeaderText("Which version is the record? The other stays stored.");
            choice.showAndWait().ifPresent(chosen -> Dialogs.reason(window(), "Resolve conflict", "Why this version?",
                    "e.g. confirmed with the assessor").ifPresent(reason -> background.run(() -> {
                        workbench.sessions().resolve(c.sessionId(), c.seq(), chosen.substring(0, chosen.indexOf(' ')), reason,
                                workbench.clock().instant());
                        return null;
                    }, ok -> reload(), failure -> show("Not resolved: " + failure.getMessage(), true))));
        }, failure -> show("Cannot read the conflict: " + failure.getMessage(), true));
    }
}
