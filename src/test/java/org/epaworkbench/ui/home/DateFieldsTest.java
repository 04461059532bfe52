package org.epaworkbench.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.epaworkbench.packs.PlanLibrary.InstalledPlan;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.ui.MainWindow;
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

/**
 * Dates typed wrongly are never dropped in silence: every date field takes the UK forms assessors type
 * (1/2/2026, 01/02/2026, 1 Feb 2026), refuses anything else with a message beside the field, keeps what
 * was typed (Enter does not erase it), and the form is not saved with it; the message leaves Save and
 * Cancel on screen.
 */
@ExtendWith(ApplicationExtension.class)
class DateFieldsTest {

    static final Instant NOW = Instant.parse("2026-02-27T09:00:00Z");

    @TempDir
    Path dir;
    Workbench workbench;
    Background background;
    StackPane root;
    MainWindow main;

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
        if (workbench != null) {
            workbench.close();
        }
    }

    void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void open(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), new ManualClock(NOW));
        background = new Background();
    }

    void showMain(FxRobot robot) {
        robot.interact(() -> {
            main = new MainWindow(workbench, background, Theme.LIGHT);
            root.getChildren().setAll(main);
        });
    }

    /** Clears the box and types into it as a person would, then presses {@code then}. */
    void type(FxRobot robot, String id, String text, KeyCode then) {
        DatePicker p = robot.lookup(id).queryAs(DatePicker.class);
        robot.clickOn(p.getEditor()).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text).type(then);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String editor(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(DatePicker.class).getEditor().getText();
    }

    static String message(FxRobot robot, String id) {
        return robot.lookup(id + "-problem").tryQuery().map(n -> ((Label) n).isVisible() ? ((Label) n).getText() : "").orElse("");
    }

    /** The node is inside its window's scene, where it can be seen and clicked. */
    static void assertOnScreen(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Scene s = n.getScene();
        assertThat(b.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(b.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).isLessThanOrEqualTo(s.getWidth() + 0.5);
        assertThat(b.getMaxY()).as("the bottom of %s within its window (height %s)", n.getId(), s.getHeight())
                .isLessThanOrEqualTo(s.getHeight() + 0.5);
    }

    @Test
    void theNewApprenticeFormRefusesWhatIsNoDateKeepsItAndSavesOnlyRealDates(FxRobot robot) throws Exception {
        open(robot);
        showMain(robot);
        await(() -> robot.lookup("#empty-new-apprentice").tryQuery().isPresent());
        robot.clickOn("#empty-new-apprentice");
        await(() -> robot.lookup("#apprentice-name").tryQuery().isPresent());
        robot.clickOn("#apprentice-name").write("Priya Shah");
        robot.clickOn("#apprentice-uln").write("9276308686");
        @SuppressWarnings("unchecked")
        ComboBox<InstalledPlan> plan = robot.lookup("#apprentice-plan").queryAs(ComboBox.class);
        robot.interact(() -> plan.getItems().stream().filter(p -> p.plan().id().equals("highfield-css-l3")).findFirst()
                .ifPresent(plan::setValue));

        // "garbage", then Save: refused beside the field, kept as typed, nothing saved
        type(robot, "#apprentice-start", "garbage", KeyCode.TAB);
        robot.clickOn("#apprentice-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.people().apprentices()).as("nothing saved").isEmpty();
        assertThat(robot.lookup("#apprentice-save").tryQuery()).as("the form stays open").isPresent();
        assertThat(editor(robot, "#apprentice-start")).isEqualTo("garbage");
        assertThat(message(robot, "#apprentice-start")).contains("“garbage” is not a date").contains("day/month/year");
        // the message does not push Save and Cancel out of the dialog
        Node save = robot.lookup("#apprentice-save").query();
        assertOnScreen(save);
        Window dialog = save.getScene().getWindow();

        // 31 February and Enter: not erased, said why
        type(robot, "#apprentice-gateway", "31/02/2026", KeyCode.ENTER);
        assertThat(editor(robot, "#apprentice-gateway")).isEqualTo("31/02/2026");
        assertThat(message(robot, "#apprentice-gateway")).contains("“31/02/2026” is not a date").contains("February 2026 has 28 days");
        assertThat(dialog.isShowing()).isTrue();
        assertThat(workbench.people().apprentices()).isEmpty();
        assertOnScreen(save);

        // the forms assessors type are read, and the messages go
        type(robot, "#apprentice-start", "1 Feb 2026", KeyCode.TAB);
        assertThat(robot.lookup("#apprentice-start").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(message(robot, "#apprentice-start")).isEmpty();
        type(robot, "#apprentice-start", "01/02/2025", KeyCode.TAB);
        assertThat(robot.lookup("#apprentice-start").queryAs(DatePicker.class).getValue()).isEqualTo(LocalDate.of(2025, 2, 1));
        type(robot, "#apprentice-gateway", "1/2/2026", KeyCode.TAB);
        assertThat(message(robot, "#apprentice-gateway")).isEmpty();
        robot.clickOn("#apprentice-save");
        await(() -> !workbench.people().apprentices().isEmpty());
        Apprentice saved = workbench.people().apprentices().get(0);
        assertThat(saved.apprenticeshipStart()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(saved.gatewayDate()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void aScheduleBoxRefusesTextThatIsNoDateBesideItAndSavesNothing(FxRobot robot) throws Exception {
        open(robot);
        workbench.people().save(new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                "highfield-css-l3", LocalDate.of(2024, 9, 1), LocalDate.of(2026, 2, 2), false));
        showMain(robot);
        robot.interact(() -> main.openApprentice("a-1"));
        await(() -> robot.lookup("#apprentice-tabs").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#apprentice-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        await(() -> robot.lookup("#planned-observation").tryQuery().isPresent());

        type(robot, "#planned-observation", "24/03/2026", KeyCode.ENTER);
        await(() -> workbench.epa().schedule("a-1").plannedDate("observation").isPresent());
        type(robot, "#planned-observation", "next tuesday", KeyCode.ENTER);
        assertThat(editor(robot, "#planned-observation")).isEqualTo("next tuesday");
        assertThat(message(robot, "#planned-observation")).contains("“next tuesday” is not a date");
        type(robot, "#notice-observation", "garbage", KeyCode.TAB);
        assertThat(editor(robot, "#notice-observation")).isEqualTo("garbage");
        assertThat(message(robot, "#notice-observation")).contains("“garbage” is not a date");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.epa().schedule("a-1").plannedDate("observation")).contains(LocalDate.of(2026, 3, 24));
        assertThat(workbench.epa().schedule("a-1").noticeGivenFor("observation")).isEmpty();
    }
}
