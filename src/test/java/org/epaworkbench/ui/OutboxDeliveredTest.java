package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.app.IntakeFixture;
import org.epaworkbench.sync.SyncTestSupport;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.sync.DeliveryViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window as the app starts it (issue 15), with a real intake service set up: delivery needs the key,
 * so the window asks for it once, by itself; given, the Outbox shows the package delivered with its receipt
 * (picture: target/screenshots/outbox-delivered.png, at a common laptop's 1366×768).
 */
@ExtendWith(ApplicationExtension.class)
class OutboxDeliveredTest {

    @TempDir
    Path dir;
    StackPane root;
    Scene scene;
    IntakeFixture f;
    Background background;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        scene = new Scene(root, 1366, 768);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        if (background != null) {
            background.close();
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void theWindowAsksForTheKeyOnceAndTheOutboxShowsThePackageDelivered(FxRobot robot) throws Exception {
        f = new IntakeFixture(dir).targetSet().registered().serviceUp();
        background = new Background();
        MainWindow[] main = new MainWindow[1];
        robot.interact(() -> {
            main[0] = new MainWindow(f.laptop, background, Theme.LIGHT);
            root.getChildren().setAll(main[0]);
        });
        robot.interact(() -> main[0].startDelivery());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password"));
        robot.clickOn(visible(robot, "#keystore-password")).write(SyncTestSupport.password());
        robot.clickOn(visible(robot, "#password-ok"));

        robot.clickOn("#nav-outbox");
        @SuppressWarnings("unchecked")
        TableView<DeliveryViewModel.Row> table = robot.lookup("#outbox-deliveries").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty() && table.getItems().get(0).delivered());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#delivery-status").queryAs(Label.class).getText()
                .contains("has been delivered"));
        assertThat(showing(robot, "#keystore-password")).as("asked once").isFalse();
        // what the round packed is no longer waiting, and its package is listed as made here, uploaded
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#outbox-records").queryTableView().getItems().isEmpty()
                && robot.lookup("#outbox-packages").queryTableView().getItems().size() == 1);
        assertThat(f.count("intake_package")).isEqualTo(1);
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(scene, "outbox-delivered"));
    }

    static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().anyMatch(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing());
    }

    static javafx.scene.Node visible(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).findFirst().orElseThrow();
    }
}
