package org.epaworkbench.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.app.IntakeFixture;
import org.epaworkbench.ui.Theme;
import org.epaworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Outbox's "Delivered to the organisation" section on screen (issue 15), with a real intake service: asked
 * for the key, paused when declined, unlocked with the button, delivered, and the receipt shown.
 */
@ExtendWith(ApplicationExtension.class)
class DeliveriesScreenTest {

    @TempDir
    Path dir;
    StackPane root;
    IntakeFixture f;
    Background background;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        Scene scene = new Scene(root, 1366, 768);
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
    void declinedThenUnlockedWithTheButtonDeliversAndShowsTheReceipt(FxRobot robot) throws Exception {
        f = new IntakeFixture(dir).targetSet().registered().serviceUp();
        background = new Background();
        DeliveryViewModel model = new DeliveryViewModel(f.laptop.services().organisationDelivery(), f.laptop.services().delivery(),
                f.automatic, background::run, javafx.application.Platform::runLater, java.time.ZoneOffset.UTC);
        robot.interact(() -> root.getChildren().setAll(new OutboxView(f.laptop.services().delivery(), background, model)));
        // as the main window does: asked once, when delivery first needs the key
        model.onKeyNeeded(() -> {
            if (model.askNow()) {
                DeliveriesPane.askToUnlock(root.getScene().getWindow(), model, null);
            }
        });
        model.start();
        f.scheduler.runDue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> SyncViewsTest.showing(robot, "#keystore-password"));
        robot.clickOn(SyncViewsTest.visible(robot, ".dialog-pane .button:cancel"));
        // the round the refusal asks for runs here, by hand; its status reaches the screen on the FX thread
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            f.scheduler.runDue();
            return robot.lookup("#delivery-status").queryAs(Label.class).getText().equals("Delivery paused — unlock to deliver.");
        });
        assertThat(robot.lookup("#delivery-unlock").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#delivery-progress").queryAs(ProgressBar.class).isVisible()).isFalse();

        robot.clickOn("#delivery-unlock");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> SyncViewsTest.showing(robot, "#keystore-password"));
        robot.clickOn(SyncViewsTest.visible(robot, "#keystore-password")).write(org.epaworkbench.sync.SyncTestSupport.password());
        robot.clickOn(SyncViewsTest.visible(robot, "#password-ok"));
        @SuppressWarnings("unchecked")
        TableView<DeliveryViewModel.Row> table = robot.lookup("#outbox-deliveries").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            f.scheduler.runDue();
            return !table.getItems().isEmpty() && table.getItems().get(0).delivered();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#delivery-unlock").queryAs(Button.class).isVisible()).isFalse();
        assertThat(robot.lookup("#show-receipt").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#show-receipt");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> SyncViewsTest.showing(robot, "#receipt-text"));
        String text = ((TextArea) SyncViewsTest.visible(robot, "#receipt-text")).getText();
        assertThat(text).contains("Package: " + table.getItems().get(0).packageId()).contains("Accepted: 3 sessions and 3 records");
        robot.clickOn(SyncViewsTest.visible(robot, ".dialog-pane .button:cancel"));
    }
}
