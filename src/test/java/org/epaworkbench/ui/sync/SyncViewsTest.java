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
import org.epaworkbench.ui.Workbench;
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

    Workbench open(Path folder) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        return Workbench.open(DataDirectory.at(folder), clock, new ManualClock(clock.instant()));
    }

    @Test
    void theOutboxListsPendingRecordsAndTheImportScreenImportsAPackage(FxRobot robot) throws Exception {
        Path laptop = dir.resolve("laptop");
        Path pkg = SyncTestSupport.deviceWithPackage(laptop, dir.resolve("usb"), true);

        // the laptop's outbox, with one record signed after the export still pending
        workbench = open(laptop);
        background = new Background();
        robot.interact(() -> root.getChildren().setAll(new OutboxView(workbench, background)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#outbox-packages").queryTableView().getItems().isEmpty());
        assertThat(robot.lookup("#outbox-records").queryTableView().getItems()).hasSize(1);
        assertThat(robot.lookup("#outbox-summary").queryAs(Label.class).getText()).contains("1 signed record and");
        robot.interact(() -> org.epaworkbench.ui.Screenshots.save(root.getScene(), "outbox"));
        robot.interact(() -> robot.lookup("#outbox-packages").queryTableView().getSelectionModel().selectFirst());
        robot.clickOn("#mark-uploaded");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#outbox-packages").queryTableView().getItems()
                .stream().anyMatch(p -> ((org.epaworkbench.store.SyncStore.ExportedPackage) p).uploadedAt() != null));
        workbench.close();
        background.close();

        // the office imports the package: first a check that changes nothing, then the import
        workbench = open(dir.resolve("office"));
        background = new Background();
        ImportView view = new ImportView(workbench, background);
        robot.interact(() -> root.getChildren().setAll(view));
        robot.interact(() -> view.open(pkg));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-confirm").tryQuery().isPresent());
        assertThat(workbench.sessions().list()).isEmpty();
        robot.interact(() -> org.epaworkbench.ui.Screenshots.save(root.getScene(), "import-checked"));
        robot.clickOn("#import-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#signer-register").queryTableView().getItems().isEmpty());
        assertThat(workbench.sessions().list()).hasSize(3);
        assertThat(workbench.signedRecords().all()).hasSize(2);
    }
}
