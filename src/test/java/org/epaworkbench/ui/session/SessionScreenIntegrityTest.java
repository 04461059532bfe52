package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.session.SessionStatus;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The session screen's record stays what the assessor meant: time taken when a button is pressed,
 * judgements only from the criteria list, and the screen saying plainly where things stand.
 */
class SessionScreenIntegrityTest extends SessionScreenFixture {

    void start(FxRobot robot) throws Exception {
        robot.clickOn("#start-button");
        settle();
        assertThat(model().snapshot().state().status()).isEqualTo(SessionStatus.RUNNING);
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

    /** Item 2: letters typed anywhere but the criteria list never judge; in a text box they are text. */
    @Test
    void lettersJudgeOnlyFromTheCriteriaListNeverFromATextBoxOrAButton(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "observation");
        start(robot);
        // typed into the note box: text, not judgements or questioning
        robot.clickOn("#note-input").write("man qjk");
        settle();
        assertThat(robot.lookup("#note-input").queryAs(javafx.scene.control.TextArea.class).getText()).isEqualTo("man qjk");
        assertThat(model().snapshot().state().judgements()).isEmpty();
        assertThat(model().snapshot().state().questioningActive()).isFalse();

        // a button has the keyboard (the pause button, say): letters do nothing
        robot.interact(() -> robot.lookup("#pause-button").query().requestFocus());
        robot.type(KeyCode.M, KeyCode.N, KeyCode.A, KeyCode.Q);
        settle();
        assertThat(model().snapshot().state().judgements()).isEmpty();
        assertThat(model().snapshot().state().questioningActive()).isFalse();

        // the criteria list has the keyboard: M judges the selected criterion
        focusCriteria(robot);
        robot.type(KeyCode.M);
        settle();
        assertThat(state("K3.3")).isEqualTo(CriterionState.MET);
    }

    /** Item 2: a question typed while its dialog is still opening does not fall through to the criteria. */
    @Test
    void lettersTypedWhileADialogIsOpeningAreNotJudgements(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "wbp-interview");
        start(robot);
        focusCriteria(robot);
        String first = model().snapshot().component().criteria().get(0).id();
        // the question bank is slow to read: the dialog opens only when the latch opens
        java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> model().background().run(() -> slow.await(10, TimeUnit.SECONDS), ok -> { }, failed -> { }));
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        robot.write("Tell me about a time you managed a customer").type(KeyCode.M, KeyCode.N, KeyCode.A, KeyCode.J, KeyCode.Q);
        slow.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#question-bank"));
        robot.type(KeyCode.ESCAPE);
        settle();
        assertThat(model().snapshot().state().judgements()).isEmpty();
        assertThat(screen.selectedCriterion().id()).isEqualTo(first);
        assertThat(model().snapshot().state().questions()).isEmpty();
    }

    /** Item 2: more than 3 judgements of one criterion within a second wait for the assessor's confirmation. */
    @Test
    void aBurstOfJudgementsFasterThanAPersonJudgesIsHeldForConfirmation(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "observation");
        start(robot);
        focusCriteria(robot);
        // M, N, M within the same second: three judgements, applied
        for (KeyCode k : new KeyCode[] {KeyCode.M, KeyCode.N, KeyCode.M}) {
            robot.type(k);
            settle();
        }
        assertThat(state("K3.3")).isEqualTo(CriterionState.MET);
        // a fourth in that second is held, and the screen asks
        robot.type(KeyCode.N);
        settle();
        assertThat(state("K3.3")).isEqualTo(CriterionState.MET);
        assertThat(robot.lookup("#judgement-burst-bar").query().isVisible()).isTrue();
        assertThat(text(robot, "#judgement-burst")).contains("K3.3").contains("not applied");
        robot.type(KeyCode.A);
        settle();
        assertThat(state("K3.3")).isEqualTo(CriterionState.MET);
        // confirmed: the last one asked for is applied
        robot.clickOn("#judgement-burst-apply");
        settle();
        assertThat(state("K3.3")).isEqualTo(CriterionState.NOT_ARISEN);
        assertThat(robot.lookup("#judgement-burst-bar").query().isVisible()).isFalse();

        // at a person's pace, judgements apply at once
        advance(robot, Duration.ofSeconds(2));
        focusCriteria(robot);
        robot.type(KeyCode.N);
        settle();
        assertThat(state("K3.3")).isEqualTo(CriterionState.NOT_MET);
        // another criterion is not held by this one's burst
        robot.type(KeyCode.DOWN, KeyCode.M);
        settle();
        assertThat(state("K3.4")).isEqualTo(CriterionState.MET);
    }

    /** Item 12: after the tenth question Ask is disabled and one calm line says so; no red banner. */
    @Test
    void afterTheLastQuestionAskIsDisabledAndALineSaysWhy(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "wbp-interview");
        start(robot);
        assertThat(robot.lookup("#question-limit-status").queryAs(Label.class).isVisible()).isFalse();
        for (int i = 1; i <= 10; i++) {
            int n = i;
            robot.interact(() -> model().perform(l -> l.askQuestion("Question " + n, null)));
            settle();
            advance(robot, Duration.ofMinutes(3));
        }
        assertThat(text(robot, "#question-counter")).isEqualTo("Question 10 of 10");
        assertThat(robot.lookup("#ask-question").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#follow-up").queryButton().isDisabled()).as("follow-ups go on").isFalse();
        Label status = robot.lookup("#question-limit-status").queryAs(Label.class);
        assertThat(status.isVisible()).isTrue();
        assertThat(status.getText()).isEqualTo("All 10 questions asked");
        // one line, shown whole
        robot.interact(() -> status.applyCss());
        assertThat(status.prefWidth(-1)).isLessThanOrEqualTo(status.getWidth() + 0.5);
        assertThat(status.getTooltip().getText()).contains("10 competency questions");

        // Ctrl+K now: the same calm line, no red banner
        focusCriteria(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        settle();
        assertThat(model().problemProperty().get()).isEmpty();
        assertThat(robot.lookup("#session-problem").query().isVisible()).isFalse();
        assertThat(model().snapshot().state().questions()).hasSize(10);
    }

    /** Friction: before anything is judged the grade is "Not judged yet", not a red "Fail". */
    @Test
    void theGradeSaysNotJudgedYetUntilTheFirstJudgement(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "observation");
        start(robot);
        assertThat(text(robot, "#grade-now")).isEqualTo("Not judged yet");
        assertThat(robot.lookup("#grade-preview").query().getPseudoClassStates().toString()).doesNotContain("fail");
        robot.interact(() -> model().perform(l -> l.judge("K3.3", CriterionState.MET)));
        settle();
        assertThat(text(robot, "#grade-now")).isEqualTo("Fail");
        assertThat(robot.lookup("#grade-preview").query().getPseudoClassStates().toString()).contains("fail");
    }

    /** Friction: the end dialog names the criteria never judged. */
    @Test
    void endingNamesTheCriteriaNeverJudged(FxRobot robot) throws Exception {
        openSession("pal-css-l3", "observation");
        start(robot);
        for (String c : new String[] {"P1", "P2", "P3"}) {
            robot.interact(() -> model().perform(l -> l.judge(c, CriterionState.MET)));
            settle();
        }
        advance(robot, Duration.ofMinutes(58));
        focusCriteria(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#end-not-judged"));
        String listed = text(robot, "#end-not-judged");
        int total = model().snapshot().component().criteria().size();
        assertThat(listed).startsWith("Never judged: " + (total - 3) + " of " + total).contains("P4").doesNotContain("P1,");
        robot.clickOn("#confirm-ok");
        settle();
        assertThat(model().snapshot().state().ended()).isTrue();
    }

    /** Friction: a reason box records on Ctrl+Enter and says so beside it; Enter is a new line. */
    @Test
    void reasonBoxesRecordOnCtrlEnterAndSaySo(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "professional-discussion");
        start(robot);
        advance(robot, Duration.ofMinutes(3));
        focusCriteria(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#reason-input"));
        assertThat(text(robot, "#reason-hint")).contains("Ctrl+Enter").contains("Enter starts a new line");
        robot.clickOn("#reason-input").write("Fire alarm").type(KeyCode.ENTER).write("everyone out");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        settle();
        assertThat(model().snapshot().state().pauses()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("Fire alarm\neveryone out"));
        robot.interact(() -> model().perform(l -> l.resume()));
        settle();
        advance(robot, Duration.ofMinutes(58));
        robot.interact(() -> model().perform(l -> l.end(null)));
        settle();

        // the session details' amendment reason, after the end
        robot.clickOn("#edit-details");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#details-reason"));
        assertThat(text(robot, "#details-reason-hint")).contains("Ctrl+Enter");
        robot.interact(() -> robot.lookup("#details-location").queryAs(javafx.scene.control.TextField.class)
                .setText("Training room 2"));
        robot.clickOn("#details-reason").write("Moved rooms");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        settle();
        assertThat(model().snapshot().state().details().location()).isEqualTo("Training room 2");
    }

    /** Friction: Tab in a note box moves on, as everywhere else, instead of typing a tab. */
    @Test
    void tabInANoteBoxMovesTheFocus(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "observation");
        start(robot);
        robot.clickOn("#note-input").write("Calm");
        robot.type(KeyCode.TAB);
        javafx.scene.control.TextArea note = robot.lookup("#note-input").queryAs(javafx.scene.control.TextArea.class);
        assertThat(note.getText()).isEqualTo("Calm");
        assertThat(note.isFocused()).isFalse();
        robot.clickOn("#note-input");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(note.getText()).isEqualTo("Calm");
        assertThat(note.isFocused()).isFalse();

        // the session note's box too
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.N).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, "#reason-input"));
        robot.clickOn("#reason-input").write("Moved desks");
        robot.type(KeyCode.TAB);
        javafx.scene.control.TextArea reason = robot.lookup("#reason-input").queryAs(javafx.scene.control.TextArea.class);
        assertThat(reason.getText()).isEqualTo("Moved desks");
        assertThat(reason.isFocused()).isFalse();
        robot.type(KeyCode.ESCAPE);
    }

    /** Friction: Ctrl+Enter in the note box before the start says what to do rather than nothing. */
    @Test
    void ctrlEnterInAnEmptyNoteBoxBeforeTheStartSaysWhatToDo(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "observation");
        robot.clickOn("#note-input");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Label feedback = robot.lookup("#note-feedback").queryAs(Label.class);
        assertThat(feedback.isVisible()).isTrue();
        assertThat(feedback.getText()).contains("not started").contains("Start");
        assertThat(model().snapshot().state().status()).isEqualTo(SessionStatus.PLANNED);
        robot.clickOn("#start-button");
        settle();
        assertThat(feedback.isVisible()).isFalse();
    }

    /** Friction: a discussion says it has no questioning limit, with the plan's source, instead of nothing. */
    @Test
    void aDiscussionSaysItHasNoQuestioningLimit(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "professional-discussion");
        assertThat(robot.lookup("#questioning-panel").tryQuery()).isEmpty();
        assertThat(robot.lookup("#interview-panel").tryQuery()).isEmpty();
        assertThat(text(robot, "#no-questioning-limit")).startsWith("No questioning limit in this component (")
                .contains("002");
        assertThat(robot.lookup("#no-questioning-limit").query().isVisible()).isTrue();
        robot.interact(() -> org.epaworkbench.ui.Screenshots.save(stage.getScene(), "session-discussion-light"));
    }
}
