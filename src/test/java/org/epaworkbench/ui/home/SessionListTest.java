package org.epaworkbench.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.SessionStore.SessionSummary;
import org.epaworkbench.store.SignedRecords.SignedRecord;
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
 * The Sessions list as an assessor uses it between sessions: the Sessions item in the sidebar shows the list
 * (a running session stays open, one click away in the top bar); a running session's Elapsed goes on counting
 * in the list; an ended session shows its grade, and "Signed" once its record is signed; and the New session
 * form drops its "Choose the apprentice." once one is chosen.
 */
@ExtendWith(ApplicationExtension.class)
class SessionListTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(NOW);
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
    void close() throws Exception {
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

    /** The text the list shows in a column (named by its heading) for a session. */
    static Optional<String> cell(FxRobot robot, String column, String sessionId) {
        javafx.scene.control.TableView<SessionSummary> table = robot.lookup("#session-table").queryTableView();
        robot.interact(() -> table.getItems().stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .ifPresent(table::scrollTo));
        return robot.lookup("#session-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof SessionSummary s
                        && s.id().equals(sessionId))
                .map(c -> c.getText()).findFirst();
    }

    RecordedSession running;
    SessionSummary ended;

    /** Sample data (ended sessions, one signed), Priya's observation running, and the main window with it on screen. */
    void openWithARunningSession(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), clock);
        background = new Background();
        workbench.people().saveAssessor(new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
        new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), workbench.epa(), workbench.clock()).make();
        workbench.people().save(new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false));
        AssessmentPlan plan = workbench.plans().plan("highfield-css-l3").orElseThrow();
        running = RecordedSession.create(workbench.sessions(), plan, new SessionDetails("a-1", plan.id(),
                plan.version(), "observation", AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Customer service desk", "Passport"),
                clock, SessionSettings.DEFAULT, false);
        running.perform(l -> l.start());
        clock.advance(Duration.ofSeconds(3));
        running.perform(l -> l.note(null, "Apprentice at the desk")); // the list's stored time: 0:03
        // one ended sample session's record is signed
        ended = workbench.sessions().list().stream().filter(s -> s.status() == SessionStatus.ENDED).findFirst().orElseThrow();
        workbench.signedRecords().add(new SignedRecord("r-1", "session", ended.id(), ended.apprenticeId(), "record.pdf", "00",
                1, NOW, "ff", true, null, null, null, null));

        robot.interact(() -> {
            main = new MainWindow(workbench, background, Theme.LIGHT);
            root.getChildren().setAll(main);
            main.openSession(running.id());
        });
        await(() -> main.sessionScreen() != null);
        // it was left running by an app that is no longer open: it asks about the gap first
        await(() -> robot.lookup("#gap-counted").tryQuery().isPresent());
        robot.clickOn("#gap-counted");
        await(() -> main.sessionScreen().model().snapshot().gap().isEmpty() && !main.sessionScreen().model().savingProperty().get());
    }

    /** Back to the list with the session kept running, as the session screen's own Sessions button offers. */
    void backKeepingItRunning(FxRobot robot) throws Exception {
        robot.clickOn("#back-to-sessions");
        await(() -> robot.lookup("#leave-keep-running").tryQuery().isPresent());
        robot.clickOn("#leave-keep-running");
        await(() -> main.sessionScreen() == null && cell(robot, "Elapsed", running.id()).isPresent());
    }

    @Test
    void theSessionsItemInTheSidebarShowsTheListAndARunningSessionStaysOpen(FxRobot robot) throws Exception {
        openWithARunningSession(robot);
        robot.clickOn("#nav-sessions");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.sessionScreen()).isNull();
        assertThat(main.getCenter().getId()).isEqualTo("home-view");
        await(() -> cell(robot, "Elapsed", running.id()).isPresent());
        assertThat(robot.lookup("#running-" + running.id()).tryQuery()).isPresent();
        assertThat(main.openSessions()).singleElement().satisfies(s -> assertThat(s.model().active()).isTrue());
    }

    @Test
    void aRunningSessionsElapsedTimeGoesOnInTheList(FxRobot robot) throws Exception {
        openWithARunningSession(robot);
        backKeepingItRunning(robot);
        clock.advance(Duration.ofSeconds(36));
        robot.interact(() -> main.openSessions().forEach(s -> s.model().tick()));
        assertThat(robot.lookup("#running-" + running.id()).queryButton().getText()).endsWith("running 0:39");
        assertThat(cell(robot, "Elapsed", running.id())).contains("0:39");
        assertThat(cell(robot, "Status", running.id())).contains("Running");
    }

    @Test
    void anEndedSessionShowsItsGradeAndASignedOneSaysSo(FxRobot robot) throws Exception {
        openWithARunningSession(robot);
        backKeepingItRunning(robot);
        assertThat(cell(robot, "Status", ended.id())).contains("Signed");
        assertThat(cell(robot, "Grade", ended.id())).hasValueSatisfying(g ->
                assertThat(g).isIn("Pass", "Distinction", "Fail"));
        assertThat(cell(robot, "Grade", running.id())).contains("");
    }

    @Test
    void theNewSessionFormDropsChooseTheApprenticeOnceOneIsChosen(FxRobot robot) throws Exception {
        openWithARunningSession(robot);
        backKeepingItRunning(robot);
        robot.interact(() -> robot.lookup("#apprentice-table").queryTableView().getSelectionModel().clearSelection());
        robot.clickOn("#new-session");
        await(() -> robot.lookup("#session-create").tryQuery().isPresent());
        robot.clickOn("#session-create");
        WaitForAsyncUtils.waitForFxEvents();
        Label problems = robot.lookup(".dialog-pane .inline-problem").queryAs(Label.class);
        assertThat(problems.getText()).isEqualTo("Choose the apprentice.");
        @SuppressWarnings("unchecked")
        ComboBox<Apprentice> who = robot.lookup("#session-apprentice").queryAs(ComboBox.class);
        robot.interact(() -> who.getSelectionModel().select(who.getItems().stream()
                .filter(a -> a.id().equals("a-1")).findFirst().orElseThrow()));
        assertThat(problems.getText()).isEmpty();
        robot.interact(() -> robot.lookup("#session-create").queryButton().getScene().getWindow().hide());
    }
}
