package org.epaworkbench.ui.session;

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
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.ui.Theme;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the session-screen tests share: a 1366×768 window, a data folder with Priya Shah and a planned
 * session for the component asked for, its screen opened, and time moved by a fake clock.
 */
@ExtendWith(ApplicationExtension.class)
abstract class SessionScreenFixture {

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    Workbench workbench;
    Background background;
    StackPane root;
    Stage stage;
    volatile SessionScreen screen;
    /** Runs once the data folder is open, before the screen is built (e.g. to record from memory instead of a microphone). */
    java.util.function.Consumer<Workbench> beforeScreen = wb -> { };

    /** The window, set up here rather than in a {@code @Start} method, which TestFX looks for only on the test class itself. */
    @BeforeEach
    void showWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            root = new StackPane();
            Scene scene = new Scene(root, 1366, 768);
            Theme.LIGHT.apply(scene);
            s.setScene(scene);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
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

    /** Stores an apprentice and a planned session for the component, then opens its screen. */
    String openSession(String planId, String componentId) throws Exception {
        return openSession(planId, componentId, "Passport");
    }

    String openSession(String planId, String componentId, String idSeen) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC),
                clock);
        background = new Background();
        beforeScreen.accept(workbench);
        Apprentice a = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                planId, LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);
        workbench.people().save(a);
        AssessmentPlan plan = workbench.plans().plan(planId).orElseThrow();
        String id = RecordedSession.create(workbench.sessions(), plan, new SessionDetails(a.id(), plan.id(), plan.version(),
                componentId, AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Customer service desk", idSeen),
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

    /** Waits until the last action is committed and shown. */
    void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model().savingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Time passes; the screen's ticker is run at once rather than waited for. */
    void advance(FxRobot robot, Duration d) {
        clock.advance(d);
        robot.interact(() -> model().tick());
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Puts keyboard focus on the criteria list without clicking (a click could land on a state button). */
    void focusCriteria(FxRobot robot) {
        robot.interact(() -> robot.lookup("#criteria-list").query().requestFocus());
    }

    CriterionState state(String criterionId) {
        var j = model().snapshot().state().judgements().get(criterionId);
        return j == null ? null : j.state();
    }

    /** Whether a node is on a window that shows, and visible. */
    boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && org.testfx.util.NodeQueryUtils.isVisible().test(n)).isPresent();
    }
}
