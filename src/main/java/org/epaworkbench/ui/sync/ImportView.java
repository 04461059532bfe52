package org.epaworkbench.ui.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
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
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SettingsStore;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.PackageImporter;
import org.epaworkbench.sync.PackageRefused;
import org.epaworkbench.ui.Workbench;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.KeystorePassword;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The office side: choose a package, see what it would change (nothing is changed yet), import it;
 * the register of assessor certificates; and conflicts to resolve.
 */
public final class ImportView extends BorderPane {

    static final String STRICT = "import.strictSigners";

    private final Workbench workbench;
    private final Background background;
    private final VBox result = new VBox(6);
    private final CheckBox strict = new CheckBox("Strict register: refuse packages from assessors not listed below");
    private final TableView<SyncStore.PinnedSigner> register = new TableView<>();
    private final TableView<SessionStore.Conflict> conflicts = new TableView<>();

    public ImportView(Workbench workbench, Background background) {
        this.workbench = workbench;
        this.background = background;
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

        strict.setId("strict-register");
        strict.setOnAction(e -> background.run(() -> {
            new SettingsStore(workbench.database()).put(STRICT, Boolean.toString(strict.isSelected()));
            return null;
        }, ok -> { }, failure -> result.getChildren().setAll(new Label("Not saved: " + failure.getMessage()))));
        Label registerHeading = new Label("Assessor certificates");
        registerHeading.getStyleClass().add("pane-heading");
        register.setId("signer-register");
        register.setPlaceholder(new Label("No assessor certificates yet; the first package from each assessor pins theirs."));
        register.getColumns().setAll(List.of(
                column("Assessor", 180, SyncStore.PinnedSigner::assessorKey),
                column("Certificate subject", 380, SyncStore.PinnedSigner::subject),
                column("SHA-256", 200, s -> s.fingerprint().substring(0, 24) + "…"),
                column("Pinned", 120, s -> s.how())));
        register.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        register.setPrefHeight(160);

        Label conflictsHeading = new Label("Conflicts");
        conflictsHeading.getStyleClass().add("pane-heading");
        conflicts.setId("conflicts");
        conflicts.setPlaceholder(new Label("No conflicts."));
        conflicts.getColumns().setAll(List.of(
                column("Session", 300, SessionStore.Conflict::sessionId),
                column("Event", 80, c -> Long.toString(c.seq())),
                column("Versions", 300, c -> c.eventIds().size() + " versions from different devices")));
        conflicts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        conflicts.setPrefHeight(140);
        Button resolve = new Button("Resolve…");
        resolve.disableProperty().bind(conflicts.getSelectionModel().selectedItemProperty().isNull());
        resolve.setOnAction(e -> resolve(conflicts.getSelectionModel().getSelectedItem()));
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox conflictBar = new HBox(8, conflictsHeading, spacer2, resolve);

        VBox content = new VBox(12, bar, result, registerHeading, strict, register, conflictBar, conflicts);
        content.setPadding(new Insets(16));
        setCenter(content);
        reload();
    }

    private static <T> TableColumn<T, String> column(String title, double width, java.util.function.Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The register, strictness and conflicts, read together. */
    private record Loaded(boolean strict, List<SyncStore.PinnedSigner> register, List<SessionStore.Conflict> conflicts) {
    }

    public void reload() {
        background.run(() -> new Loaded(new SettingsStore(workbench.database()).get(STRICT).map(Boolean::parseBoolean).orElse(false),
                new SyncStore(workbench.database()).register(), workbench.sessions().conflicts()), l -> {
            strict.setSelected(l.strict());
            register.getItems().setAll(l.register());
            conflicts.getItems().setAll(l.conflicts());
        }, failure -> result.getChildren().setAll(new Label("Cannot read the register: " + failure.getMessage())));
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
            AssessorKeyStore own = workbench.keyStore();
            KeystorePassword.ask(window(), true).ifPresent(pw -> background.run(() -> own.unlock(pw).privateKey(),
                    key -> run(file, key, true), failure -> show("Cannot open the key: " + failure.getMessage(), true)));
        } else {
            run(file, null, true);
        }
    }

    private void run(Path file, PrivateKey key, boolean dryRun) {
        PackageImporter importer = new PackageImporter(new SyncStore(workbench.database()), workbench.signedRecords().folder(),
                workbench.clock());
        background.run(() -> importer.importPackage(Files.readAllBytes(file), key, strict.isSelected(), dryRun), o -> {
            var a = o.applied();
            String summary = (dryRun ? "Checked: signature valid, every entry intact. Importing would add " : "Imported: ")
                    + Wording.count(a.newSessions(), "session") + ", " + Wording.count(a.newEvents(), "event") + ", "
                    + Wording.count(a.newRecords(), "signed record") + " and " + Wording.count(a.newApprentices(), "apprentice")
                    + " (" + a.updatedApprentices() + " updated). Signed by " + o.signer() + ".";
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
        }, failure -> show(failure instanceof PackageRefused ? "Refused, nothing imported: " + failure.getMessage()
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
