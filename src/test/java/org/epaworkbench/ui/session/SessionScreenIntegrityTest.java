package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.RecordedSession;
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

/**
 * The session screen's record stays what the assessor meant: time taken when a button is pressed,
 * judgements only from the criteria list, and the screen saying plainly where things stand.
 */
@ExtendWith(ApplicationExtension.class)
class SessionScreenIntegrityTest {

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    Workbench workbench;
    Background background;
    StackPane root;
    Stage stage;
    volatile SessionScreen screen;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = new StackPane();
        Scene scene = new Scene(root, 1366, 768);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (screen != null) {
            WaitForAsyncUtils.asyncFx(() -> screen.model().stop()).get();
        }
        if (background != null) {
            background.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    String openSession(String planId, String componentId) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC),
                clock);
        background = new Background();
        Apprentice a = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                planId, LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);
        workbench.people().save(a);
        AssessmentPlan plan = workbench.plans().plan(planId).orElseThrow();
        String id = RecordedSession.create(workbench.sessions(), plan, new SessionDetails(a.id(), plan.id(), plan.version(),
                componentId, AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Customer service desk", "Passport"),
                clock, SessionSettings.DEFAULT, false).id();
        Platform.runLater(() -> LiveSessionModel.open(workbench, background, id, model -> {
            screen = new SessionScreen(model, () -> { });
            root.getChildren().setAll(screen);
        }, Throwable::printStackTrace));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen != null);
        WaitForAsyncUtils.waitForFxEvents();
        return id;
    }

    LiveSessionModel model() {
        return screen.model();
    }

    void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model().savingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    void advance(FxRobot robot, Duration d) {
        clock.advance(d);
        robot.interact(() -> model().tick());
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    void focusCriteria(FxRobot robot) {
        robot.interact(() -> robot.lookup("#criteria-list").query().requestFocus());
    }

    CriterionState state(String criterionId) {
        var j = model().snapshot().state().judgements().get(criterionId);
        return j == null ? null : j.state();
    }

    void start(FxRobot robot) throws Exception {
        robot.clickOn("#start-button");
        settle();
        assertThat(model().snapshot().state().status()).isEqualTo(SessionStatus.RUNNING);
    }

    boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && org.testfx.util.NodeQueryUtils.isVisible().test(n)).isPresent();
    }

    /** Item 4: the pause starts when Pause is pressed; the time spent typing its reason is not session time. */
    @Test
    void thePauseStartsAtThePressNotWhenTheReasonIsRecorded(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "observation");
        start(robot);
        advance(robot, Duration.ofSeconds(31));
        Instant pressedAt = clock.now();
        robot.clickOn("#pause-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#reason-input"));
        // 22 seconds to type the reason
        advance(robot, Duration.ofSeconds(22));
        robot.clickOn("#reason-input").write("Fire alarm");
        robot.clickOn("#reason-ok");
        settle();

        assertThat(model().snapshot().state().status()).isEqualTo(SessionStatus.PAUSED);
        assertThat(model().snapshot().state().pauses()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("Fire alarm");
            assertThat(p.from()).isEqualTo(pressedAt);
        });
        assertThat(model().elapsedNow()).isEqualTo(Duration.ofSeconds(31));
        assertThat(text(robot, "#elapsed-timer")).isEqualTo("0:31");
        advance(robot, Duration.ofMinutes(2));
        robot.clickOn("#start-button");
        settle();
        advance(robot, Duration.ofSeconds(9));
        assertThat(text(robot, "#elapsed-timer")).isEqualTo("0:40");
    }
}
