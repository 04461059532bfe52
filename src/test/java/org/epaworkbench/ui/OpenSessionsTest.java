package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.session.LiveSessionModel;
import org.epaworkbench.ui.session.SessionScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Sessions open in the main window: after a crash every running session asks its gap question;
 * leaving a running session asks whether to pause it or keep it running; one kept running stays
 * open (heartbeat on, shown in the top bar, its model reused when reopened) and closing the app
 * pauses it.
 */
@ExtendWith(ApplicationExtension.class)
class OpenSessionsTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(NOW);
    Workbench workbench;
    Background background;
    StackPane root;
    Stage stage;
    MainWindow main;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = new StackPane();
        Scene scene = new Scene(root, 1366, 768);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * The robot answers one question the moment the next appears, in the same place: faster than a person, so
     * the app would take it for the rest of a double-click. Here each click comes a second after the last.
     */
    @org.junit.jupiter.api.BeforeEach
    void atAPersonsPace() {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        org.epaworkbench.ui.common.ClickThroughGuard.useClock(() -> nanos.addAndGet(TimeUnit.SECONDS.toNanos(1)));
    }

    @AfterEach
    void close() throws Exception {
        org.epaworkbench.ui.common.ClickThroughGuard.useClock(null);
        if (main != null) {
            WaitForAsyncUtils.asyncFx(() -> main.openSessions().forEach(s -> s.model().stop())).get();
        }
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

    /** A button of a dialog that is showing now (a closed dialog's buttons may still be found). */
    boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).isPresent();
    }

    void clickShowing(FxRobot robot, String id) throws Exception {
        await(() -> showing(robot, id));
        robot.clickOn(robot.lookup(id).match(n -> n.getScene().getWindow().isShowing()).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    String started(String apprenticeId, String name, String componentId) throws Exception {
        workbench.people().save(new Apprentice(apprenticeId, name, Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false));
        AssessmentPlan plan = workbench.plans().plan("highfield-css-l3").orElseThrow();
        RecordedSession s = RecordedSession.create(workbench.sessions(), plan, new SessionDetails(apprenticeId, plan.id(),
                plan.version(), componentId, AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Customer service desk", "Passport"),
                clock, SessionSettings.DEFAULT, false);
        s.perform(l -> l.start());
        return s.id();
    }

    List<String> runningButtons(FxRobot robot) {
        return robot.lookup("#running-sessions").queryAs(HBox.class).getChildren().stream().map(Node::getId).toList();
    }

    SessionStatus status(String id) throws Exception {
        return workbench.sessions().summary(id).orElseThrow().status();
    }

    @Test
    void runningSessionsStayOpenUntilPausedAndEachCrashGapIsAsked(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), clock);
        background = new Background();
        workbench.people().saveAssessor(new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
        new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), workbench.epa(), workbench.clock()).make();
        // the app was killed with two sessions running (e.g. one left running in the old version)
        String first = started("a-1", "Priya Shah", "observation");
        clock.advanceMinutes(10);
        String second = started("a-2", "Tom Okafor", "professional-discussion");
        clock.advanceMinutes(5);
        clock.restartMonotonic();

        robot.interact(() -> {
            main = new MainWindow(workbench, background, Theme.LIGHT);
            root.getChildren().setAll(main);
            main.recoverRunning(List.of(first, second));
        });

        // every running session asks its own gap question, one after the other
        await(() -> showing(robot, "#gap-counted"));
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(t -> t.contains("stopped while this session was running")).toList())
                .anySatisfy(t -> assertThat(t).startsWith("Priya Shah"));
        clickShowing(robot, "#gap-counted");
        await(() -> main.sessionScreen() != null && main.sessionScreen().model().recorded().id().equals(second)
                && showing(robot, "#gap-counted"));
        clickShowing(robot, "#gap-counted");
        await(() -> main.sessionScreen().model().snapshot().gap().isEmpty());
        for (String id : List.of(first, second)) {
            assertThat(workbench.sessions().events(id)).last().satisfies(e -> assertThat(e.type()).isEqualTo("gap-resolved"));
        }
        assertThat(main.openSessions()).hasSize(2);
        assertThat(runningButtons(robot)).containsExactly("running-" + first);

        // leaving a running session asks; kept running, it stays open with its heartbeat, shown in the top bar
        SessionScreen discussion = main.sessionScreen();
        LiveSessionModel model = discussion.model();
        robot.clickOn("#back-to-sessions");
        clickShowing(robot, "#leave-keep-running");
        await(() -> main.sessionScreen() == null);
        assertThat(model.active()).as("the heartbeat goes on").isTrue();
        assertThat(status(second)).isEqualTo(SessionStatus.RUNNING);
        assertThat(runningButtons(robot)).containsExactly("running-" + first, "running-" + second);
        clock.advance(Duration.ofMinutes(2)); // the 5:00 gap was counted as session time, and 2:00 since
        robot.interact(() -> main.openSessions().forEach(s -> s.model().tick()));
        assertThat(robot.lookup("#running-" + second).queryButton().getText()).isEqualTo("Tom Okafor · running 7:00");
        robot.interact(() -> robot.lookup(".data-folder").queryAs(Label.class).setText("~/.local/share/epa-workbench"));
        await(() -> robot.lookup("#session-table").tryQuery().isPresent()
                && !robot.lookup("#session-table").queryTableView().getItems().isEmpty());
        robot.interact(() -> Screenshots.save(stage.getScene(), "home-running-sessions"));

        // back to it from the top bar: the same live session, no gap question
        robot.clickOn("#running-" + second);
        await(() -> main.sessionScreen() != null);
        assertThat(main.sessionScreen()).isSameAs(discussion);
        assertThat(main.sessionScreen().model()).isSameAs(model);
        assertThat(showing(robot, "#gap-counted")).isFalse();
        assertThat(runningButtons(robot)).containsExactly("running-" + first);
        robot.interact(() -> model.perform(l -> l.judge("K1.5", CriterionState.MET)));
        await(() -> !model.savingProperty().get());
        assertThat(workbench.sessions().events(second)).last().satisfies(e -> assertThat(e.type()).isEqualTo("criterion-judged"));

        // "Cancel" stays; "Pause it…" pauses with a reason, and the session is closed
        robot.clickOn("#back-to-sessions");
        await(() -> showing(robot, "#leave-pause"));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.sessionScreen()).isSameAs(discussion);
        robot.clickOn("#back-to-sessions");
        clickShowing(robot, "#leave-pause");
        await(() -> showing(robot, "#reason-input"));
        robot.clickOn("#reason-input").write("Apprentice comfort break");
        robot.clickOn("#reason-ok");
        await(() -> main.sessionScreen() == null && !model.savingProperty().get());
        assertThat(status(second)).isEqualTo(SessionStatus.PAUSED);
        assertThat(model.active()).isFalse();
        assertThat(runningButtons(robot)).containsExactly("running-" + first);

        // closing the app covers the session still running in the background: it is paused first
        AtomicBoolean closed = new AtomicBoolean();
        AtomicBoolean allowedAtOnce = new AtomicBoolean(true);
        Platform.runLater(() -> allowedAtOnce.set(main.confirmClose(() -> closed.set(true))));
        await(() -> showing(robot, "#confirm-ok"));
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t.contains("running")).toList()).anySatisfy(t -> assertThat(t).contains("Priya Shah"));
        clickShowing(robot, "#confirm-ok");
        await(closed::get);
        assertThat(allowedAtOnce.get()).isFalse();
        assertThat(status(first)).isEqualTo(SessionStatus.PAUSED);
        List<SessionEvent> log = workbench.sessions().events(first);
        assertThat(log.get(log.size() - 1).body().describe()).isEqualTo("Paused: EPA Workbench was closed");
        assertThat(runningButtons(robot)).isEmpty();
    }
}
