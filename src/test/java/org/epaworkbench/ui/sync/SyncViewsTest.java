package org.epaworkbench.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.sync.SyncTestSupport;
import org.epaworkbench.ui.Theme;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Outbox lists what waits to be exported; the Import screen checks a package, then imports it. */
@ExtendWith(ApplicationExtension.class)
class SyncViewsTest {

    @TempDir
    Path dir;
    StackPane root;
    Workbench workbench;
    Background background;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        Scene scene = new Scene(root, 1280, 800);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        if (background != null) {
            background.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().anyMatch(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing());
    }

    static javafx.scene.Node visible(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).findFirst().orElseThrow();
    }

    Workbench open(Path folder) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        return Workbench.open(DataDirectory.at(folder), clock, new ManualClock(clock.instant()));
    }

    /** Issue 11: a wrong password on export asks again in place; the folder chosen is kept. */
    @Test
    void aWrongPasswordOnExportAsksAgainAndKeepsTheFolder(FxRobot robot) throws Exception {
        Path laptop = dir.resolve("laptop");
        Path usb = dir.resolve("usb");
        SyncTestSupport.deviceWithPackage(laptop, usb, true);
        long before;
        try (var files = java.nio.file.Files.list(usb)) {
            before = files.count();
        }
        workbench = open(laptop);
        background = new Background();
        OutboxView view = new OutboxView(workbench.services().delivery(), background);
        robot.interact(() -> root.getChildren().setAll(view));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#outbox-records").queryTableView().getItems().isEmpty());

        // the folder was chosen; the password dialog waits for its answer: open it without waiting
        javafx.application.Platform.runLater(() -> view.exportTo(usb.toFile(), true, java.util.List.of(), null, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password"));
        robot.clickOn(visible(robot, "#keystore-password")).write("not the password");
        robot.clickOn(visible(robot, "#password-ok"));
        // asked again, saying why and where the package goes
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password-problem")
                && !((Label) visible(robot, "#keystore-password-problem")).getText().isEmpty());
        assertThat(((Label) visible(robot, "#keystore-password-problem")).getText()).contains("does not unlock")
                .contains(usb.toString());
        assertThat(showing(robot, "#problem-message")).as("no \"Not exported\" dead end").isFalse();
        robot.clickOn(visible(robot, "#keystore-password")).write("device-password");
        robot.clickOn(visible(robot, "#password-ok"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> showing(robot, "#info-message"));
        assertThat(((Label) visible(robot, "#info-message")).getText()).contains("1 signed record");
        try (var files = java.nio.file.Files.list(usb)) {
            assertThat(files.count()).isEqualTo(before + 1);
        }
        robot.type(javafx.scene.input.KeyCode.ENTER);
    }

    @Test
    void theOutboxListsPendingRecordsAndTheImportScreenImportsAPackage(FxRobot robot) throws Exception {
        Path laptop = dir.resolve("laptop");
        Path pkg = SyncTestSupport.deviceWithPackage(laptop, dir.resolve("usb"), true);

        // the laptop's outbox, with one record signed after the export still pending
        workbench = open(laptop);
        background = new Background();
        robot.interact(() -> root.getChildren().setAll(new OutboxView(workbench.services().delivery(), background)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#outbox-packages").queryTableView().getItems().isEmpty());
        assertThat(robot.lookup("#outbox-records").queryTableView().getItems()).hasSize(1);
        assertThat(robot.lookup("#outbox-summary").queryAs(Label.class).getText()).contains("1 signed record and");
        robot.interact(() -> org.epaworkbench.ui.Screenshots.save(root.getScene(), "outbox"));
        robot.interact(() -> robot.lookup("#outbox-packages").queryTableView().getSelectionModel().selectFirst());
        robot.clickOn("#mark-uploaded");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#outbox-packages").queryTableView().getItems()
                .stream().anyMatch(p -> ((org.epaworkbench.app.Delivery.Package) p).uploadedAt() != null));
        workbench.close();
        background.close();

        // the office imports the package: first a check that changes nothing, then the import
        workbench = open(dir.resolve("office"));
        background = new Background();
        ImportView view = new ImportView(workbench.services().importing(), workbench.services().assessorIdentity(),
                workbench.services().apprenticeSharing(), background);
        robot.interact(() -> root.getChildren().setAll(view));
        // an assessor the office does not trust yet: refused, nothing changed
        robot.interact(() -> view.open(pkg));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-message").tryQuery().isPresent());
        assertThat(robot.lookup("#import-message").queryAs(Label.class).getText()).startsWith("Untrusted signer, nothing imported")
                .contains("org trust");
        // their certificate, checked with them and added to the register
        robot.interact(() -> view.addCertificate(laptop.resolve("keys").resolve("assessor.pem")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#signer-register").queryTableView().getItems().isEmpty());
        robot.interact(() -> view.open(pkg));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-confirm").tryQuery().isPresent());
        assertThat(workbench.sessions().list()).isEmpty();
        robot.interact(() -> org.epaworkbench.ui.Screenshots.save(root.getScene(), "import-checked"));
        robot.clickOn("#import-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.sessions().list().size() == 3);
        assertThat(workbench.signedRecords().all()).hasSize(2);
    }

    /** Issue 11: at a laptop's width the check's summary is shown whole, down to whom the package is trusted as. */
    @Test
    void theCheckSummaryIsShownWholeAtALaptopsWidth(FxRobot robot) throws Exception {
        Path laptop = dir.resolve("laptop");
        Path pkg = SyncTestSupport.deviceWithPackage(laptop, dir.resolve("usb"), true);
        workbench = open(dir.resolve("office"));
        background = new Background();
        ImportView view = new ImportView(workbench.services().importing(), workbench.services().assessorIdentity(),
                workbench.services().apprenticeSharing(), background);
        // the Import screen beside the sidebar in a 1366 x 768 window
        robot.interact(() -> {
            root.getScene().getWindow().setWidth(1272);
            root.getChildren().setAll(view);
        });
        robot.interact(() -> view.addCertificate(laptop.resolve("keys").resolve("assessor.pem")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#signer-register").queryTableView().getItems().isEmpty());
        robot.interact(() -> view.open(pkg));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-confirm").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label summary = robot.lookup("#import-result").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(Label.class::isInstance).map(Label.class::cast).findFirst().orElseThrow();
        assertThat(summary.getText()).contains("trusted: in the signer register as");
        javafx.scene.text.Text shown = (javafx.scene.text.Text) summary.lookup(".text");
        assertThat(shown.getText()).as("the summary as drawn").isEqualTo(summary.getText());
    }

    @Test
    void theImportScreenRegistersAndRemovesSignersAndOpensAPackageWithAnOrganisationKey(FxRobot robot) throws Exception {
        var orgKeys = new org.epaworkbench.keys.AssessorKeyStore(dir.resolve("org"), Clock.systemUTC());
        var orgCert = orgKeys.create(new org.epaworkbench.people.AssessorProfile("Highfield EPA office", "",
                "Highfield Assessment", false), "organisation-pass".toCharArray());
        Path laptop = dir.resolve("laptop");
        Path pkg = SyncTestSupport.deviceWithEncryptedPackage(laptop, dir.resolve("usb"), orgCert);

        workbench = open(dir.resolve("office"));
        background = new Background();
        ImportView view = new ImportView(workbench.services().importing(), workbench.services().assessorIdentity(),
                workbench.services().apprenticeSharing(), background);
        robot.interact(() -> root.getChildren().setAll(view));
        assertThat(robot.lookup("#trust-on-first-use").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("trust on first use is off unless chosen").isFalse();
        assertThat(robot.lookup("#first-use-warning").queryAs(Label.class).isVisible()).isFalse();

        // the assessor's certificate, registered before their first package
        robot.interact(() -> view.addCertificate(laptop.resolve("keys").resolve("assessor.pem")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#signer-register").queryTableView().getItems().isEmpty());
        assertThat(new org.epaworkbench.store.SyncStore(workbench.database()).register()).singleElement()
                .satisfies(s -> assertThat(s.how()).isEqualTo("added"));

        // an encrypted package, opened with the organisation's key: a wrong password first
        robot.interact(() -> view.useOrganisationKey(orgKeys.keystoreFile()));
        assertThat(robot.lookup("#decryption-key").queryAs(Label.class).getText()).contains("organisation key");
        // the password dialog waits for its answer: open it without waiting
        javafx.application.Platform.runLater(() -> view.open(pkg));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password"));
        robot.clickOn(visible(robot, "#keystore-password")).write("not the password");
        robot.clickOn(visible(robot, "#password-ok"));
        // the message from adding the certificate is still on screen: wait for the password's answer to replace it
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#import-message").tryQuery()
                .map(n -> ((Label) n).getText().contains("keystore")).orElse(false));
        assertThat(robot.lookup("#import-message").queryAs(Label.class).getText()).contains("Wrong keystore password")
                .contains("nothing was imported");
        // the password dialog waits for its answer: open it without waiting
        javafx.application.Platform.runLater(() -> view.open(pkg));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password"));
        robot.clickOn(visible(robot, "#keystore-password")).write("organisation-pass");
        robot.clickOn(visible(robot, "#password-ok"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#import-confirm").tryQuery().isPresent());
        robot.interact(() -> org.epaworkbench.ui.Screenshots.save(root.getScene(), "import-encrypted-checked"));
        robot.clickOn("#import-confirm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.sessions().list().size() == 3);

        // removing the signer, as `signers remove` does
        robot.interact(() -> robot.lookup("#signer-register").queryTableView().getSelectionModel().selectFirst());
        robot.clickOn("#remove-signer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#confirm-ok"));
        robot.clickOn("#confirm-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signer-register").queryTableView().getItems().isEmpty());
        assertThat(new org.epaworkbench.store.SyncStore(workbench.database()).register()).isEmpty();
        robot.interact(() -> org.epaworkbench.ui.Screenshots.save(root.getScene(), "import-signer-removed"));
    }
}
