package org.epaworkbench.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The New session dialog keeps its Create session and Cancel buttons in sight whatever the plan's rules shown in it:
 * the rules appear as the apprentice, component and attempt are chosen, after the dialog is on screen, and some window
 * managers (openbox) do not let a dialog grow once it is shown. So the dialog's size never needs to change.
 */
@ExtendWith(ApplicationExtension.class)
class NewSessionDialogTest {

    static final Apprentice PRIYA = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
            "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);
    static final Apprentice TOM = new Apprentice("a-2", "Tom Reid", Uln.of("4512039871"), "Harbour Foods", "Northern Skills",
            "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);

    Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new StackPane(), 1366, 768);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theButtonsStayInSightAndTheDialogKeepsItsSizeAsThePlansRulesAppear(FxRobot robot) throws Exception {
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        Platform.runLater(() -> NewSessionDialog.show(owner, List.of(PRIYA, TOM), plans, null));
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#session-create").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node create = robot.lookup("#session-create").query();
        Window dialog = create.getScene().getWindow();
        double width = dialog.getWidth();
        double height = dialog.getHeight();
        assertButtonsInSight(robot);
        assertThat(robot.lookup("#session-reminders").query().isVisible()).isFalse();

        ComboBox<Apprentice> who = robot.lookup("#session-apprentice").queryAs(ComboBox.class);
        ComboBox<Component> component = robot.lookup("#session-component").queryAs(ComboBox.class);
        ComboBox<AttemptKind> attempt = robot.lookup("#session-attempt").queryAs(ComboBox.class);
        robot.interact(() -> who.setValue(PRIYA));
        robot.interact(() -> component.setValue(component.getItems().stream().filter(c -> c.id().equals("observation"))
                .findFirst().orElseThrow()));
        robot.interact(() -> attempt.setValue(AttemptKind.RESIT)); // the most rules: before a resit, one session, with it
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#session-reminders").query().isVisible()).isTrue();
        assertButtonsInSight(robot);
        assertThat(dialog.getWidth()).isEqualTo(width);
        assertThat(dialog.getHeight()).isEqualTo(height);

        robot.interact(dialog::hide);
    }

    /** Create session and Cancel lie wholly inside the dialog's scene. */
    private static void assertButtonsInSight(FxRobot robot) {
        java.util.Set<Node> buttons = robot.lookup(".dialog-pane .button-bar .button").queryAll();
        assertThat(buttons).hasSize(2);
        for (Node button : buttons) {
            String name = ((javafx.scene.control.Button) button).getText();
            Bounds inScene = button.localToScene(button.getBoundsInLocal());
            Scene scene = button.getScene();
            assertThat(inScene.getMinY()).as(name + " top").isGreaterThanOrEqualTo(0);
            assertThat(inScene.getMaxY()).as(name + " bottom within the dialog (height " + scene.getHeight() + ")")
                    .isLessThanOrEqualTo(scene.getHeight());
            assertThat(inScene.getMaxX()).as(name + " right").isLessThanOrEqualTo(scene.getWidth());
        }
    }
}
