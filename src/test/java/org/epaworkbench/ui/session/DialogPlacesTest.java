package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.epaworkbench.ui.Theme;
import org.epaworkbench.ui.common.DialogPlacement;
import org.epaworkbench.ui.common.Dialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11 item 7: every dialog opens centred on the window it belongs to, at a size that shows its content,
 * and can be resized where it holds a list: the Audit trail window opened at 200×200 in the top-left corner.
 */
@ExtendWith(ApplicationExtension.class)
class DialogPlacesTest {

    Stage owner;

    @Start
    void start(Stage stage) {
        this.owner = stage;
        Scene scene = new Scene(new StackPane(new Label("the main window")), 1200, 700);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.setX(150);
        stage.setY(90);
        stage.show();
        DialogPlacement.install(); // as the app's start does
    }

    @AfterEach
    void closeDialogs() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != owner && w instanceof Stage s) {
                    s.close();
                }
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /** The dialog other than the main window, once it shows. */
    Stage dialog() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream().anyMatch(w -> w != owner
                && w instanceof Stage && w.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        return (Stage) Window.getWindows().stream().filter(w -> w != owner && w instanceof Stage && w.isShowing())
                .findFirst().orElseThrow();
    }

    void assertCentredOnTheOwnerShowingItsContent(Stage d) {
        double ownerCx = owner.getX() + owner.getWidth() / 2;
        double ownerCy = owner.getY() + owner.getHeight() / 2;
        assertThat(d.getX() + d.getWidth() / 2).as("centred across the owner").isCloseTo(ownerCx, org.assertj.core.data.Offset.offset(2.0));
        assertThat(d.getY() + d.getHeight() / 2).as("centred down the owner").isCloseTo(ownerCy, org.assertj.core.data.Offset.offset(2.0));
        var root = d.getScene().getRoot();
        assertThat(d.getScene().getWidth()).as("wide enough for its content").isGreaterThanOrEqualTo(Math.floor(root.prefWidth(-1)));
        assertThat(d.getScene().getHeight()).as("tall enough for its content")
                .isGreaterThanOrEqualTo(Math.floor(root.prefHeight(d.getScene().getWidth())));
    }

    @Test
    void theAuditTrailOpensCentredOnItsOwnerAndCanBeResized(FxRobot robot) throws Exception {
        Platform.runLater(() -> AuditDialog.show(owner, "Priya Shah: Practical observation", List.of()));
        Stage audit = dialog();
        assertThat(audit.getTitle()).startsWith("Audit trail");
        assertCentredOnTheOwnerShowingItsContent(audit);
        assertThat(audit.isResizable()).isTrue();
    }

    @Test
    void theAppsSmallDialogsOpenCentredOnTheirOwner(FxRobot robot) throws Exception {
        Platform.runLater(() -> Dialogs.info(owner, "Exported", "2 sessions were exported to the USB stick."));
        Stage info = dialog();
        assertCentredOnTheOwnerShowingItsContent(info);
        robot.interact(info::close);

        Platform.runLater(() -> ShortcutsDialog.show(owner));
        Stage keys = dialog();
        assertCentredOnTheOwnerShowingItsContent(keys);
    }

    @Test
    void aConfirmationAndTheSigningProgressOpenCentredOnTheirOwner(FxRobot robot) throws Exception {
        Platform.runLater(() -> Dialogs.confirm(owner, "End the session", "End the session at 58:00? After the end the "
                + "record is locked; corrections become amendments with a reason.", "End session"));
        assertCentredOnTheOwnerShowingItsContent(dialog());
        closeDialogs();
        javafx.concurrent.Task<Void> task = new javafx.concurrent.Task<>() {
            @Override
            protected Void call() {
                return null;
            }
        };
        Platform.runLater(() -> org.epaworkbench.ui.common.ProgressWindow.of(owner, "Signing the record", task).show());
        assertCentredOnTheOwnerShowingItsContent(dialog());
    }
}
