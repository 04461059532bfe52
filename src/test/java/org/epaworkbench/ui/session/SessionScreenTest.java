package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.ui.Screenshots;
import org.epaworkbench.ui.Theme;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the live session screen as an assessor would, by keyboard and mouse, with time moved by a
 * fake clock; checks what the screen shows and what the database holds.
 */
class SessionScreenTest extends SessionScreenFixture {

    void reason(FxRobot robot, String why) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#reason-input").tryQuery().isPresent());
        robot.clickOn("#reason-input").write(why);
        robot.clickOn("#reason-ok");
        settle();
    }

    @Test
    void aFullObservationByKeyboardAndMouse(FxRobot robot) throws Exception {
        String id = openSession("highfield-css-l3", "observation");
        assertThat(text(robot, "#elapsed-timer")).isEqualTo("0:00");
        assertThat(text(robot, "#questioning-used")).isEqualTo("0:00 of 9:00");

        robot.clickOn("#start-button");
        settle();
        assertThat(model().snapshot().state().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(text(robot, "#duration-state")).startsWith("Before minimum");

        // keyboard: the first criterion (K3.3) is selected; M marks it met, ↓ then N marks K3.4 not met
        advance(robot, Duration.ofMinutes(3));
        focusCriteria(robot);
        robot.type(KeyCode.M);
        settle();
        assertThat(state("K3.3")).isEqualTo(CriterionState.MET);
        robot.type(KeyCode.DOWN).type(KeyCode.N);
        settle();
        assertThat(state("K3.4")).isEqualTo(CriterionState.NOT_MET);

        // type a code to jump to it, then A for not arisen
        robot.type(KeyCode.SLASH).write("s2.8").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.A);
        settle();
        assertThat(state("S2.8")).isEqualTo(CriterionState.NOT_ARISEN);

        // mouse: the Met button on S2.3's row (scrolled into view, as a person would); clicking the chosen state again clears it
        robot.interact(() -> screen.jumpTo("S2.3"));
        WaitForAsyncUtils.waitForFxEvents();
        Node s23 = robot.lookup("#criterion-S2_3").query();
        robot.clickOn(robot.from(s23).lookup(".state-met").queryAs(Button.class));
        settle();
        assertThat(state("S2.3")).isEqualTo(CriterionState.MET);
        robot.clickOn(robot.from(s23).lookup(".state-met").queryAs(Button.class));
        settle();
        assertThat(state("S2.3")).isNull();
        robot.clickOn(robot.from(s23).lookup(".state-met").queryAs(Button.class));
        settle();

        // a note with its session time
        robot.clickOn("#note-input").write("Summarised the refund options and agreed a voucher");
        robot.clickOn("#add-note");
        settle();
        assertThat(model().snapshot().state().notesOn("S2.3")).singleElement()
                .satisfies(n -> assertThat(n.sessionTime()).isEqualTo(Duration.ofMinutes(3)));

        // the questioning rule's source text is one click away
        robot.clickOn("#questioning-rule");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#questioning-rule-text").tryQuery().isPresent());
        assertThat(text(robot, "#questioning-rule-text")).contains("should not exceed 9 minutes").contains("002 §");
        robot.type(KeyCode.ESCAPE);

        // questioning: F8 starts it; a warning one minute before the 9-minute limit; an alert past it
        focusCriteria(robot);
        robot.type(KeyCode.F8);
        settle();
        assertThat(model().snapshot().state().questioningActive()).isTrue();
        advance(robot, Duration.ofMinutes(8).plusSeconds(10));
        assertThat(text(robot, "#questioning-level")).startsWith("Nearly at the limit: 0:50 left");
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-observation-questioning-light"));
        advance(robot, Duration.ofMinutes(1));
        assertThat(text(robot, "#questioning-level")).isEqualTo("QUESTIONING LIMIT EXCEEDED: 0:10 over");
        assertThat(robot.lookup("#questioning-panel").query().getPseudoClassStates().toString()).contains("exceeded");
        robot.type(KeyCode.F8);
        settle();
        assertThat(model().snapshot().state().questioningActive()).isFalse();

        // pause with a reason; paused time is not session time
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        // by keyboard alone: the reason, then Ctrl+Enter records it
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#reason-input").tryQuery().isPresent());
        robot.clickOn("#reason-input").write("Fire alarm test");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        settle();
        assertThat(model().snapshot().state().pauses()).last().satisfies(p -> assertThat(p.reason()).isEqualTo("Fire alarm test"));
        assertThat(model().snapshot().state().status()).isEqualTo(SessionStatus.PAUSED);
        String pausedAt = text(robot, "#elapsed-timer");
        advance(robot, Duration.ofMinutes(6));
        assertThat(text(robot, "#elapsed-timer")).isEqualTo(pausedAt).isEqualTo("12:10");
        focusCriteria(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        settle();
        assertThat(model().snapshot().state().status()).isEqualTo(SessionStatus.RUNNING);

        // ending before the 54-minute minimum asks for a reason, which is recorded
        advance(robot, Duration.ofMinutes(30));
        assertThat(text(robot, "#elapsed-timer")).isEqualTo("42:10");
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        reason(robot, "Store closed early for a delivery");
        assertThat(model().snapshot().state().ended()).isTrue();
        assertThat(model().snapshot().state().ending().orElseThrow().reason()).isEqualTo("Store closed early for a delivery");

        // the grade preview says what is missing
        assertThat(text(robot, "#grade-now")).isEqualTo("Fail");
        assertThat(text(robot, "#missing-for-pass")).contains("Still needed");

        // everything is in the log, in order
        assertThat(workbench.sessions().events(id)).extracting(SessionEvent::type).containsSubsequence(
                "session-planned", "started", "criterion-judged", "criterion-judged", "criterion-judged",
                "judgement-cleared", "note-added", "questioning-started", "questioning-stopped", "paused", "resumed", "ended");
    }

    @Test
    void anEndedSessionIsCorrectedOnlyByAReasonedAmendment(FxRobot robot) throws Exception {
        String id = openSession("highfield-css-l3", "professional-discussion");
        robot.clickOn("#start-button");
        settle();
        advance(robot, Duration.ofMinutes(58));
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        settle();
        assertThat(model().snapshot().state().ended()).isTrue();

        focusCriteria(robot);
        robot.type(KeyCode.M);
        reason(robot, "Evidence confirmed from portfolio item 4 after the session");
        assertThat(model().problemProperty().get()).isEmpty();
        assertThat(model().snapshot().state().judgements().get("K1.5").amended()).isTrue();
        assertThat(workbench.sessions().events(id)).last().satisfies(e -> assertThat(e.type()).isEqualTo("amended"));
    }

    /** "ID check not recorded" can be put right on the session screen; after the end only as a reasoned amendment. */
    @Test
    void theIdCheckIsRecordedLaterAndAmendedAfterTheEnd(FxRobot robot) throws Exception {
        String id = openSession("highfield-css-l3", "professional-discussion", "");
        assertThat(text(robot, "#id-check-badge")).isEqualTo("ID check not recorded");
        robot.clickOn("#start-button");
        settle();

        focusCriteria(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#details-id-check").tryQuery().isPresent());
        assertThat(robot.lookup("#details-save").queryButton().isDisabled()).as("nothing changed yet").isTrue();
        robot.clickOn("#details-id-check").write("Passport");
        robot.clickOn("#details-save");
        settle();
        assertThat(text(robot, "#id-check-badge")).isEqualTo("ID seen: Passport");
        assertThat(model().snapshot().state().details().idDocumentSeen()).isEqualTo("Passport");
        assertThat(workbench.sessions().events(id)).last().satisfies(e -> assertThat(e.type()).isEqualTo("details-recorded"));

        advance(robot, Duration.ofMinutes(58));
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirm-ok").tryQuery().isPresent());
        robot.clickOn("#confirm-ok");
        settle();
        assertThat(model().snapshot().state().ended()).isTrue();

        // after the end: a reason is needed, and the change is an amendment
        robot.clickOn("#edit-details");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#details-reason").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#details-location").queryAs(javafx.scene.control.TextField.class).setText("Training room 2"));
        assertThat(robot.lookup("#details-save").queryButton().isDisabled()).as("a reason is needed").isTrue();
        robot.clickOn("#details-reason").write("Moved rooms before starting; typed the old room");
        robot.clickOn("#details-save");
        settle();
        assertThat(model().problemProperty().get()).isEmpty();
        assertThat(model().snapshot().state().details().location()).isEqualTo("Training room 2");
        assertThat(model().snapshot().state().amendments()).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("Moved rooms before starting; typed the old room"));
        assertThat(workbench.sessions().events(id)).last().satisfies(e -> assertThat(e.type()).isEqualTo("amended"));
        assertThat(robot.lookup("#session-details").queryAs(javafx.scene.layout.FlowPane.class).getChildren().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList()).contains("Training room 2");
    }

    /** After the end a note or evidence needs a reason; cancelling the reason keeps what was typed. */
    @Test
    void aNoteOrEvidenceTypedAfterTheEndIsKeptIfTheReasonIsCancelled(FxRobot robot) throws Exception {
        String id = openSession("highfield-css-l3", "professional-discussion");
        robot.clickOn("#start-button");
        settle();
        advance(robot, Duration.ofMinutes(58));
        robot.interact(() -> model().perform(l -> l.end(null)));
        settle();
        int events = workbench.sessions().events(id).size();

        robot.clickOn("#note-input").write("Confirmed with the manager afterwards");
        robot.clickOn("#add-note");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#reason-input").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        var note = robot.lookup("#note-input").queryAs(javafx.scene.control.TextArea.class);
        assertThat(note.getText()).isEqualTo("Confirmed with the manager afterwards");

        robot.clickOn("#evidence-input").write("Portfolio item 9");
        robot.clickOn("#add-evidence");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#reason-input").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        var evidence = robot.lookup("#evidence-input").queryAs(javafx.scene.control.TextField.class);
        assertThat(evidence.getText()).isEqualTo("Portfolio item 9");
        assertThat(workbench.sessions().events(id)).hasSize(events);

        // given a reason, the amendment is saved and only then is the box cleared
        robot.clickOn("#add-note");
        reason(robot, "Evidence confirmed after the session");
        assertThat(note.getText()).isEmpty();
        assertThat(model().snapshot().state().notesOn("K1.5")).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("Confirmed with the manager afterwards");
            assertThat(n.amendment()).isTrue();
        });
        assertThat(evidence.getText()).isEqualTo("Portfolio item 9");
    }

    @Test
    void theInterviewCountsQuestionsAndRefusesAnEleventh(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "wbp-interview");
        assertThat(text(robot, "#question-counter")).isEqualTo("Question 0 of 10");
        robot.clickOn("#start-button");
        settle();
        for (int i = 1; i <= 10; i++) {
            focusCriteria(robot);
            robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#question-bank").tryQuery().isPresent());
            if (i == 1) {
                // the bank ships the seeds' example questions
                robot.clickOn(robot.lookup("What is the impact of the organisation’s mission statement?").queryLabeled());
            } else {
                robot.clickOn("#question-text").write("Typed question " + i);
            }
            robot.clickOn("#ask-ok");
            settle();
            advance(robot, Duration.ofMinutes(5));
        }
        assertThat(text(robot, "#question-counter")).isEqualTo("Question 10 of 10");
        assertThat(model().snapshot().state().questions().get(0).bankId()).startsWith("plan:highfield-css-l3:wbp-interview:");
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        settle();
        assertThat(text(robot, "#question-limit-status")).isEqualTo("All 10 questions asked");
        assertThat(robot.lookup("#question-limit-status").queryAs(Label.class).getTooltip().getText()).contains("Explain further");
        assertThat(model().problemProperty().get()).isEmpty();
        assertThat(model().snapshot().state().questions()).hasSize(10);

        // the tenth question is closed by key: its time stops there (5:00), not at the end of the session
        assertThat(robot.lookup("#close-question").queryButton().getText()).isEqualTo("Close question 10");
        focusCriteria(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT, KeyCode.CONTROL);
        settle();
        assertThat(model().snapshot().state().currentQuestion()).isEmpty();
        advance(robot, Duration.ofMinutes(4));
        assertThat(model().snapshot().state().questions().get(9).timeSpent(model().elapsedNow())).isEqualTo(Duration.ofMinutes(5));
        assertThat(robot.lookup("#close-question").queryButton().isDisabled()).isTrue();
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-interview-light"));
    }

    @Test
    void reopeningAfterACrashAsksWhetherTheGapWasSessionTime(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC),
                clock);
        background = new Background();
        Apprentice a = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "", "vtct-css-l3",
                null, null, false);
        workbench.people().save(a);
        AssessmentPlan plan = workbench.plans().plan("vtct-css-l3").orElseThrow();
        RecordedSession before = RecordedSession.create(workbench.sessions(), plan, new SessionDetails(a.id(), plan.id(),
                plan.version(), "observation", AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "", ""), clock,
                SessionSettings.DEFAULT, false);
        before.perform(l -> l.start());
        clock.advance(Duration.ofMinutes(12));
        before.perform(l -> l.judge("P1", CriterionState.MET));
        // the app is killed here; it starts again three minutes later
        clock.advance(Duration.ofMinutes(3));
        clock.restartMonotonic();
        Platform.runLater(() -> LiveSessionModel.open(workbench, background, before.id(), model -> {
            screen = new SessionScreen(model, () -> { });
            root.getChildren().setAll(screen);
        }, Throwable::printStackTrace));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#gap-counted").tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#gap-counted").queryButton().getText()).contains("3:00");
        robot.clickOn("#gap-counted");
        settle();
        assertThat(model().snapshot().state().judgements()).containsKey("P1");
        assertThat(model().snapshot().state().gaps()).singleElement().satisfies(g -> assertThat(g.counted()).isTrue());
        assertThat(text(robot, "#elapsed-timer")).isEqualTo("15:00");
        assertThat(workbench.sessions().events(before.id())).last()
                .satisfies(e -> assertThat(e.type()).isEqualTo("gap-resolved"));
    }

    /** As if the data folder turned read-only (a write-protected stick): SQLite refuses every write. */
    void folderWritable(boolean writable) throws Exception {
        synchronized (workbench.database()) {
            try (var st = workbench.database().connection().createStatement()) {
                st.execute("PRAGMA query_only = " + (writable ? "OFF" : "ON"));
            }
        }
    }

    @Test
    void whenTheFolderCannotBeWrittenTheScreenSaysSoKeepsTheWorkAndSavesItLater(FxRobot robot) throws Exception {
        String id = openSession("highfield-css-l3", "observation");
        robot.clickOn("#start-button");
        settle();
        folderWritable(false);
        robot.interact(() -> model().perform(l -> l.judge("S2.3", CriterionState.MET)));
        settle();
        robot.interact(() -> model().perform(l -> l.note("S2.3", "Calmed the customer and agreed next steps")));
        settle();

        assertThat(robot.lookup("#unsaved-banner").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#unsaved-banner")).contains("read-only").contains("2 actions are kept in memory, not yet saved")
                .contains("Do not close");
        assertThat(state("S2.3")).isEqualTo(CriterionState.MET);
        assertThat(robot.lookup(".live-criterion").queryAll().stream()
                .flatMap(n -> ((javafx.scene.Parent) n).lookupAll(".criterion-status").stream())
                .map(n -> ((Label) n).getText()).filter(t -> t.contains("NOT SAVED YET")).toList()).hasSize(1);
        assertThat(workbench.sessions().events(id)).hasSize(2); // planned, started
        robot.interact(() -> screen.jumpTo("S2.3"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-unsaved"));

        folderWritable(true);
        robot.clickOn("#unsaved-retry");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().unsavedProperty().get().actions() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#unsaved-banner").queryAs(Label.class).getText()).isEmpty();
        assertThat(workbench.sessions().events(id)).hasSize(4)
                .extracting(e -> e.type()).endsWith("criterion-judged", "note-added");
    }

    /** The Practitioner's pass criterion reads as what it stands for, beside "wording not provided in source". */
    @Test
    void thePractitionerPassCriterionSaysWhatItStandsFor(FxRobot robot) throws Exception {
        openSession("highfield-csp-l2", "showcase");
        Node p = robot.lookup("#criterion-pass-all").query();
        assertThat(robot.from(p).lookup(".wording-missing").queryAs(Label.class).getText())
                .isEqualTo("wording not provided in source");
        assertThat(robot.from(p).lookup(".criterion-note").queryAs(Label.class).getText())
                .contains("stands for all the showcase's pass criteria");
        assertThat(text(robot, "#criterion-detail-note")).contains("mark it met only when every one of them is covered");
        assertThat(text(robot, "#grade-pass-line")).isEqualTo("Pass: 0 of 1 met.");
        robot.clickOn("#start-button");
        settle();
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-practitioner-showcase-light"));
    }

    @Test
    void screenshotsInLightAndDarkAt1366x768(FxRobot robot) throws Exception {
        openSession("pal-css-l3", "observation");
        robot.clickOn("#start-button");
        settle();
        advance(robot, Duration.ofMinutes(4));
        for (String c : new String[] {"P1", "P2", "P3", "P5"}) {
            robot.interact(() -> model().perform(l -> l.judge(c, CriterionState.MET)));
            settle();
        }
        robot.interact(() -> model().perform(l -> l.judge("P4", CriterionState.NOT_ARISEN)));
        settle();
        robot.interact(() -> model().perform(l -> l.note("P2", "Used open questions and summarised the customer's three concerns.")));
        settle();
        focusCriteria(robot);
        robot.type(KeyCode.F8);
        settle();
        advance(robot, Duration.ofMinutes(3).plusSeconds(20));
        robot.interact(() -> screen.jumpTo("P2"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-observation-light"));
        robot.interact(() -> Theme.DARK.apply(stage.getScene()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-observation-dark"));
        assertThat(Screenshots.FOLDER.resolve("session-observation-dark.png")).exists();
        robot.interact(() -> Theme.LIGHT.apply(stage.getScene()));
    }
}
