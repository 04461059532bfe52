package org.epaworkbench.ui.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
import org.epaworkbench.app.ApprenticeSharing;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.ImportFlow;
import org.epaworkbench.app.Importing;
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

    private final ImportViewModel model;
    private final Background background;
    private final VBox result = new VBox(6);
    private final CheckBox firstUse = new CheckBox("Trust on first use: pin the certificate of an assessor not trusted here "
            + "when their first package arrives (not recommended)");
    private final Label firstUseWarning = new Label("Trust on first use is on: whoever reaches this office first with an "
            + "assessor's name is trusted as that assessor. Check each pinned certificate's SHA-256 with its assessor.");
    private final TableView<Importing.Signer> register = new TableView<>();
    private final TableView<Importing.Root> roots = new TableView<>();
    private final TableView<Importing.Conflict> conflicts = new TableView<>();
    private final ApprenticeProposalsPane proposals;
    private final Label keyChoice = new Label();
    private final Button useOwnKey = new Button("Use own key");

    /**
     * The Import screen for packages coming in through {@code importing}; {@code identity} opens packages
     * encrypted to this data folder; {@code sharing} decides proposed changes to apprentices.
     */
    public ImportView(Importing importing, AssessorIdentity identity, ApprenticeSharing sharing, Background background) {
        this(new ImportViewModel(importing, identity), sharing, background);
    }

    ImportView(ImportViewModel model, ApprenticeSharing sharing, Background background) {
        this.model = model;
        this.background = background;
        this.proposals = new ApprenticeProposalsPane(new ApprenticeProposalsModel(sharing), background);
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
        model.shown().addListener((o, was, now) -> show(now));

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
        firstUse.selectedProperty().bindBidirectional(model.firstUse());
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
        roots.setItems(model.roots());
        roots.setPlaceholder(new Label("No organisation root installed. Packages and records are trusted when their "
                + "certificate is issued by a root installed here, or is in the register below."));
        roots.getColumns().setAll(List.of(
                TextColumn.of("Root", 380, Importing.Root::subject),
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
        register.setItems(model.register());
        register.setPlaceholder(new Label("No assessor certificates. Add an assessor's certificate after checking its "
                + "SHA-256 with them."));
        register.getColumns().setAll(List.of(
                TextColumn.of("Assessor", 180, Importing.Signer::assessorKey),
                TextColumn.of("Certificate subject", 380, Importing.Signer::subject),
                TextColumn.of("SHA-256", 200, s -> s.fingerprint().substring(0, 24) + "…"),
                TextColumn.of("Pinned", 120, s -> s.how())));
        register.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        register.setPrefHeight(160);

        Label conflictsHeading = new Label("Conflicts");
        conflictsHeading.getStyleClass().add("pane-heading");
        conflicts.setId("conflicts");
        conflicts.setItems(model.conflicts());
        conflicts.setPlaceholder(new Label("No conflicts."));
        conflicts.getColumns().setAll(List.of(
                TextColumn.of("Session", 300, Importing.Conflict::sessionId),
                TextColumn.of("Event", 80, c -> Long.toString(c.seq())),
                TextColumn.of("Versions", 300, c -> c.versions().size() + " versions (two devices, or two copies of a data folder)")));
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

    public void reload() {
        proposals.reload();
        background.run(model::load, model::show, model::cannotRead);
    }

    /** Turns trust on first use on (after a warning the user must accept) or off. */
    void setFirstUse(boolean on) {
        if (model.chooseFirstUse(on, asker())) {
            background.run(() -> {
                model.saveFirstUse(on);
                return null;
            }, ok -> { }, failure -> show("Not saved: " + failure.getMessage(), true));
        }
    }

    private ImportViewModel.Asker asker() {
        return new ImportViewModel.Asker() {
            @Override
            public boolean confirm(String title, String question, String action) {
                return Dialogs.confirm(window(), title, question, action);
            }

            @Override
            public Optional<char[]> password(String title, String header, String action) {
                return KeystorePassword.askToOpen(window(), title, header, action);
            }

            @Override
            public Optional<String> choose(String title, String header, List<String> choices) {
                javafx.scene.control.ChoiceDialog<String> choice = new javafx.scene.control.ChoiceDialog<>(null, choices);
                choice.initOwner(window());
                choice.setTitle(title);
                choice.setHeaderText(header);
                return choice.showAndWait();
            }

            @Override
            public Optional<String> reason(String title, String question, String example) {
                return Dialogs.reason(window(), title, question, example);
            }
        };
    }

    /** What a step said, and a reload when it changed something. */
    private void after(ImportViewModel.Shown said) {
        show(said);
        if (!said.bad()) {
            reload();
        }
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
        background.run(() -> model.trustRoot(file), this::after, failure -> show("Not trusted: " + failure.getMessage(), true));
    }

    private void removeRoot(Importing.Root r) {
        if (model.confirmRemove(r, asker())) {
            background.run(() -> model.removeRoot(r), this::after, failure -> show("Not removed: " + failure.getMessage(), true));
        }
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

    /** Checks a package (opening an encrypted one with its key first), shows what it would change, and offers to import it. */
    public void open(Path file) {
        model.open(file, asker()).ifPresent(flow -> background.flow(flow::check, outcome -> model.checked(flow, outcome),
                model::failed));
    }

    private void importChecked() {
        ImportFlow flow = model.toImport();
        if (flow != null) {
            background.flow(flow::importNow, outcome -> {
                model.imported(outcome);
                if (outcome instanceof ImportFlow.Succeeded) {
                    reload();
                }
            }, model::failed);
        }
    }

    /** Encrypted packages are opened with this PKCS#12 (an organisation's key), or with null, this data folder's own key. */
    public void useOrganisationKey(Path p12) {
        model.organisationKey().set(p12);
        keyChoice.setText(model.keyChoice());
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
        background.run(() -> model.addCertificate(file), this::after, failure -> show("Not added: " + failure.getMessage(), true));
    }

    private void removeSigner(Importing.Signer s) {
        if (model.confirmRemove(s, asker())) {
            background.run(() -> model.removeSigner(s), this::after, failure -> show("Not removed: " + failure.getMessage(), true));
        }
    }

    private static Label notice(String text) {
        Label l = new Label("• " + text);
        l.setWrapText(true);
        return l;
    }

    private void show(ImportViewModel.Shown said) {
        if (said == null) {
            return;
        }
        if (!said.report()) {
            show(said.text(), said.bad());
            return;
        }
        Label summary = new Label(said.text());
        summary.setId("import-summary");
        summary.setWrapText(true);
        result.getChildren().setAll(summary);
        said.notices().forEach(n -> result.getChildren().add(notice(n)));
        if (said.offerImport()) {
            Button go = new Button("Import");
            go.setId("import-confirm");
            go.getStyleClass().add("accent");
            go.setOnAction(e -> importChecked());
            result.getChildren().add(go);
        }
        result.getStyleClass().setAll("verify-ok");
    }

    private void show(String text, boolean bad) {
        Label l = new Label(text);
        l.setId("import-message");
        l.setWrapText(true);
        result.getChildren().setAll(l);
        result.getStyleClass().setAll(bad ? "verify-bad" : "verify-ok");
    }

    private void resolve(Importing.Conflict c) {
        model.resolution(c, asker()).ifPresent(r -> background.run(() -> model.resolve(r), this::after,
                failure -> show("Not resolved: " + failure.getMessage(), true)));
    }
}
