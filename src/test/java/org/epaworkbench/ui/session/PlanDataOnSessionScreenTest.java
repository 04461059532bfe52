package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The plan's rules shown on the session screen where the assessor acts (issue 13, items 8 and 9). */
@ExtendWith(ApplicationExtension.class)
class PlanDataOnSessionScreenTest {

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    Workbench workbench;
    Background background;
    StackPane root;
    volatile SessionScreen screen;

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

    void open(String planId, String componentId, AttemptKind attempt) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC), clock);
        background = new Background();
        Apprentice a = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                planId, LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);
        workbench.people().save(a);
        AssessmentPlan plan = workbench.plans().plan(planId).orElseThrow();
        String id = RecordedSession.create(workbench.sessions(), plan, new SessionDetails(a.id(), plan.id(), plan.version(),
                componentId, attempt, AssessmentMode.FACE_TO_FACE, "Shop floor", "Passport"), clock, SessionSettings.DEFAULT, false).id();
        Platform.runLater(() -> LiveSessionModel.open(workbench, background, id, model -> {
            screen = new SessionScreen(model, () -> { });
            root.getChildren().setAll(screen);
        }, Throwable::printStackTrace));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String texts(FxRobot robot, String selector) {
        StringBuilder b = new StringBuilder();
        for (Node n : robot.lookup(selector).queryAll()) {
            n.lookupAll(".label").forEach(l -> b.append(((Label) l).getText()).append('\n'));
        }
        return b.toString();
    }

    /** 001: a resit of the observation comes with a 30-minute discussion follow-up, and the observation is one session. */
    @Test
    void aPractitionerObservationResitShowsItsFollowUpAndTheOneSessionRule(FxRobot robot) throws Exception {
        open("highfield-csp-l2", "observation", AttemptKind.RESIT);
        assertThat(robot.lookup("#plan-rules-panel").tryQuery()).isPresent();
        String shown = texts(robot, "#plan-rules-panel");
        assertThat(shown).contains("With this resit")
                .contains("An additional professional discussion follow-up of 30 minutes, if a suitable situation to evidence the "
                        + "criteria did not occur.")
                .contains("The observation must be carried out in one session, except in exceptional circumstances")
                .contains("001 §Retake and Resit information");
    }

    /** 003: "Further development must be provided prior to a resit." — shown on a PAL resit, not on a first attempt. */
    @Test
    void aPalResitShowsFurtherDevelopment(FxRobot robot) throws Exception {
        open("pal-css-l3", "wbp-interview", AttemptKind.RESIT);
        assertThat(texts(robot, "#plan-rules-panel")).contains("Before a resit").contains("Further development must be provided prior to a resit.");
    }

    @Test
    void aFirstAttemptWithoutSuchRulesHasNoPanel(FxRobot robot) throws Exception {
        open("pal-css-l3", "observation", AttemptKind.FIRST);
        assertThat(robot.lookup("#plan-rules-panel").tryQuery()).isEmpty();
    }

    /** 004: the KSB statements of P2's standard area are shown beside it, and the KSB requirement is a criterion to judge. */
    @Test
    void theSelectedVtctDescriptorShowsItsKsbStatements(FxRobot robot) throws Exception {
        open("vtct-css-l3", "observation", AttemptKind.FIRST);
        robot.interact(() -> robot.lookup("#criteria-list").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.SLASH).write("p2").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#criterion-ksb").query().isVisible()).isTrue();
        assertThat(texts(robot, "#criterion-ksb")).contains("Skills · Providing a positive customer experience")
                .contains("Through advanced questioning, listening and summarising negotiate mutually beneficial outcomes.")
                .doesNotContain("Ownership/responsibility");
        robot.type(javafx.scene.input.KeyCode.SLASH).write("ksb").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(robot, "#criterion-ksb")).contains("Knowledge · Knowing your customers and their needs/customer insight")
                .contains("Behaviours · Presentation");
        assertThat(texts(robot, "#criterion-detail")).contains("provide evidence to meet all the Knowledge, Skills and Behaviour "
                + "requirements set out for the practical observation with questions and answers");
    }

    /** Highfield states no KSB statements per method: nothing is shown. */
    @Test
    void aPlanWithoutKsbStatementsShowsNone(FxRobot robot) throws Exception {
        open("highfield-css-l3", "observation", AttemptKind.FIRST);
        assertThat(robot.lookup("#criterion-ksb").query().isVisible()).isFalse();
    }

    /** A session entered from paper says so in the header, with the reason in the tooltip. */
    @Test
    void aSessionEnteredFromPaperIsMarkedOnTheScreen(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC), clock);
        background = new Background();
        Apprentice a = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                "highfield-csp-l2", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);
        workbench.people().save(a);
        AssessmentPlan plan = workbench.plans().plan("highfield-csp-l2").orElseThrow();
        Instant start = Instant.parse("2026-11-20T09:30:00Z");
        var record = new org.epaworkbench.session.PaperRecord(new SessionDetails(a.id(), plan.id(), plan.version(), "showcase",
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Office", "Passport"), "Laptop would not start", start,
                java.util.List.of(), java.util.List.of(), start.plusSeconds(25 * 60), null, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), ZoneOffset.UTC);
        String id = org.epaworkbench.store.PaperSessions.enter(workbench.sessions(), plan, record, clock.now(), SessionSettings.DEFAULT,
                null);
        Platform.runLater(() -> LiveSessionModel.open(workbench, background, id, model -> {
            screen = new SessionScreen(model, () -> { });
            root.getChildren().setAll(screen);
        }, Throwable::printStackTrace));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label badge = robot.lookup("#entered-from-paper-badge").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("Entered from paper");
    }
}
