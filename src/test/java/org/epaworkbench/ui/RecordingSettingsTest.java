package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.session.SessionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings → Recording (issue 16): the microphone chosen from those the system lists, or the default one. */
@ExtendWith(ApplicationExtension.class)
class RecordingSettingsTest {

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StackPane root = new StackPane();
        Scene scene = new Scene(root, 1366, 768);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    Optional<String> chooseAndSave(FxRobot robot, SettingsDialog.Microphones microphones, String choice) throws Exception {
        AtomicReference<Optional<String>> saved = new AtomicReference<>();
        robot.interact(() -> SettingsDialog.show(stage, SessionSettings.DEFAULT,
                new DeliverySettingsForm.Values("", "", false, 30), microphones, (session, delivery, microphone, then) -> {
                    saved.set(microphone);
                    then.accept(new DeliverySettingsForm.Problems(null, null, null));
                }));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#settings-tabs").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#settings-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        ComboBox<String> box = robot.lookup("#setting-microphone").queryAs(ComboBox.class);
        explained = robot.lookup("#setting-microphone-explain").queryAs(Label.class).getText();
        items = List.copyOf(box.getItems());
        shownFirst = box.getValue();
        robot.interact(() -> box.setValue(choice));
        // pressed as a key press would: where Monocle places a 760 px dialog is not what this test is about
        robot.interact(() -> robot.lookup("#settings-save").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> saved.get() != null);
        return saved.get();
    }

    String explained;
    List<String> items;
    String shownFirst;

    @Test
    void aListedMicrophoneIsChosenAndTheDefaultGoesBackToNone(FxRobot robot) throws Exception {
        var listed = new SettingsDialog.Microphones(List.of("Built-in microphone", "USB headset"), Optional.empty());
        assertThat(chooseAndSave(robot, listed, "USB headset")).hasValue("USB headset");
        assertThat(items).containsExactly(SettingsDialog.DEFAULT_MICROPHONE, "Built-in microphone", "USB headset");
        assertThat(shownFirst).isEqualTo(SettingsDialog.DEFAULT_MICROPHONE);

        var chosen = new SettingsDialog.Microphones(List.of("Built-in microphone"), Optional.of("USB headset"));
        assertThat(chooseAndSave(robot, chosen, "USB headset (not connected now)")).as("kept while unplugged")
                .hasValue("USB headset");
        assertThat(shownFirst).isEqualTo("USB headset (not connected now)");
        assertThat(chooseAndSave(robot, chosen, SettingsDialog.DEFAULT_MICROPHONE)).isEmpty();
    }

    @Test
    void theDialogIsWideEnoughForItsForm(FxRobot robot) throws Exception {
        robot.interact(() -> SettingsDialog.show(stage, SessionSettings.DEFAULT,
                new DeliverySettingsForm.Values("", "", false, 30),
                new SettingsDialog.Microphones(List.of(), Optional.empty()), (session, delivery, microphone, then) -> { }));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#settings-tabs").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = robot.lookup("#settings-tabs").query().getScene().getWindow();
        // under openbox it opened 318 px wide: every label cut, the Recording tab's name cut, Save half out of sight
        assertThat(dialog.getWidth()).as("the Settings dialog's width").isGreaterThanOrEqualTo(760);
        robot.interact(() -> ((javafx.stage.Stage) dialog).close());
    }

    @Test
    void noMicrophoneAtAllIsSaid(FxRobot robot) throws Exception {
        chooseAndSave(robot, new SettingsDialog.Microphones(List.of(), Optional.empty()), SettingsDialog.DEFAULT_MICROPHONE);
        assertThat(explained).startsWith("No microphone was found on this computer: sessions cannot be recorded here");
    }
}
