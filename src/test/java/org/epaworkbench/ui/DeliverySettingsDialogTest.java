package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.app.IntakeFixture;
import org.epaworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings → Delivery on screen: a wrong address is said under its field and the dialog stays; a right one is kept. */
@ExtendWith(ApplicationExtension.class)
class DeliverySettingsDialogTest {

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
    void aWrongAddressIsSaidUnderItsFieldAndARightOneIsKept(FxRobot robot) throws Exception {
        f = new IntakeFixture(dir);
        background = new Background();
        robot.interact(() -> root.getChildren().setAll(new MainWindow(f.laptop, background, Theme.LIGHT)));
        robot.clickOn("#settings-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OutboxDeliveredTest.showing(robot, "#settings-tabs"));
        robot.interact(() -> ((TabPane) OutboxDeliveredTest.visible(robot, "#settings-tabs")).getSelectionModel().select(1));
        robot.clickOn(OutboxDeliveredTest.visible(robot, "#setting-delivery-address")).write("http://intake.example.org");
        robot.clickOn(OutboxDeliveredTest.visible(robot, "#setting-delivery-root")).write(f.rootFingerprint());
        robot.clickOn(OutboxDeliveredTest.visible(robot, "#settings-save"));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !((Label) OutboxDeliveredTest.visible(robot,
                "#setting-delivery-address-problem")).getText().isEmpty());
        assertThat(((Label) OutboxDeliveredTest.visible(robot, "#setting-delivery-address-problem")).getText())
                .contains("must start with https://").doesNotContain("Exception");
        assertThat(OutboxDeliveredTest.showing(robot, "#settings-tabs")).as("the dialog stays open").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node removeBox = OutboxDeliveredTest.visible(robot, "#setting-remove-delivered");
        javafx.geometry.Bounds box = removeBox.localToScene(removeBox.getBoundsInLocal());
        javafx.scene.Node tabs = OutboxDeliveredTest.visible(robot, "#settings-tabs");
        assertThat(box.getMaxY()).as("the option below the problem is still in sight")
                .isLessThanOrEqualTo(tabs.localToScene(tabs.getBoundsInLocal()).getMaxY());
        robot.interact(() -> Screenshots.save(OutboxDeliveredTest.visible(robot, "#settings-tabs").getScene(), "settings-delivery"));
        assertThat(f.laptop.services().organisationDelivery().target()).isEmpty();

        TextField address = (TextField) OutboxDeliveredTest.visible(robot, "#setting-delivery-address");
        robot.interact(() -> address.setText("https://localhost:8443"));
        robot.clickOn(OutboxDeliveredTest.visible(robot, "#settings-save"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !OutboxDeliveredTest.showing(robot, "#settings-tabs"));
        assertThat(f.laptop.services().organisationDelivery().target()).hasValueSatisfying(t -> {
            assertThat(t.address().toString()).isEqualTo("https://localhost:8443");
            assertThat(t.rootFingerprint()).isEqualTo(f.rootFingerprint().toLowerCase());
        });
    }
}
