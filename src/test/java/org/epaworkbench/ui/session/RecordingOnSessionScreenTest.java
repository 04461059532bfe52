package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import org.epaworkbench.app.RecordingPlayback;
import org.epaworkbench.app.SessionRecording;
import org.epaworkbench.recording.PcmAudioInput;
import org.epaworkbench.recording.RecordingFormat;
import org.epaworkbench.recording.SpeechLikeAudio;
import org.epaworkbench.session.Recording;
import org.epaworkbench.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 on the session screen: a PAL discussion offers recording at its start, takes the consent declaration, shows
 * the recording's time and level, follows the session's pause, shows each note's place in the recording and plays it.
 * Sound from memory, captured when the test says; playback into memory, run when the test says.
 */
class RecordingOnSessionScreenTest extends SessionScreenFixture {

    static final int RATE = 16_000;
    PcmAudioInput input;
    SessionRecording recording;
    final List<Runnable> playbackQueue = new ArrayList<>();
    final List<Short> played = new ArrayList<>();

    void recordFromMemory() {
        beforeScreen = wb -> {
            recording = new SessionRecording(dir, rate -> input = PcmAudioInput.of(SpeechLikeAudio.tone(300, 60, RATE, 0.3), RATE)
                    .named("Test microphone"), RecordingFormat.SPEECH, folder -> Long.MAX_VALUE,
                    () -> clock.monotonicNanos() / 1_000_000, false);
            wb.recordWith(recording, new RecordingPlayback(recording, () -> new RecordingPlayback.Output() {
                @Override
                public void open(int sampleRate) {
                }

                @Override
                public void write(short[] samples, int offset, int length) {
                    for (int i = 0; i < length; i++) {
                        played.add(samples[offset + i]);
                    }
                }

                @Override
                public void drain() {
                }

                @Override
                public void close() {
                }
            }, playbackQueue::add));
        };
    }

    /** Sound captured and the session's clock moved by as much, then the screen's tick. */
    void capture(FxRobot robot, long millis) {
        String id = model().recorded().id();
        long until = input.position() + millis * RATE / 1000;
        while (input.position() < until) {
            int before = input.position();
            assertThat(recording.captureOnce(id)).isTrue();
            // the clock moves with the sound, as it does with a microphone (a stalled one is noticed by the clock)
            clock.advance(Duration.ofMillis((input.position() - before) * 1000L / RATE));
        }
        robot.interact(() -> model().tick());
    }

    @Test
    void aPalDiscussionIsRecordedFromItsStartAndANotePlaysBack(FxRobot robot) throws Exception {
        recordFromMemory();
        openSession("pal-css-l3", "professional-discussion");
        assertThat(text(robot, "#recording-status")).isEqualTo("Not recording: the plan (003) requires a recording");
        assertThat(robot.lookup("#recording-toggle").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(showing(robot, "#recording-exempt")).isTrue();

        robot.clickOn("#start-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#offer-record").tryQuery().isPresent());
        robot.clickOn("#offer-record");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#consent-name").tryQuery().isPresent());
        assertThat(robot.lookup("#consent-name").queryAs(TextField.class).getText()).isEqualTo("Priya Shah");
        robot.clickOn("#consent-given");
        settle();
        settle();

        assertThat(model().snapshot().state().recordingConsent()).hasValueSatisfying(c ->
                assertThat(c.apprenticeName()).isEqualTo("Priya Shah"));
        assertThat(text(robot, "#recording-status")).isEqualTo("Recording 0:00");
        assertThat(robot.lookup("#recording-toggle").queryAs(Button.class).getText()).isEqualTo("Stop recording");
        assertThat(showing(robot, "#recording-exempt")).isFalse();

        capture(robot, 4000);
        assertThat(text(robot, "#recording-status")).isEqualTo("Recording 0:04");
        // beside the clock too: the Recording panel may be scrolled out of view
        assertThat(text(robot, "#recording-glance")).isEqualTo("Recording 0:04");
        assertThat(showing(robot, "#recording-attach")).isFalse(); // recording here: nothing to attach
        assertThat(showing(robot, "#recording-glance")).isTrue();
        // a judgement at 1366 px: folded under its row, the lone "▶" says it is the judgement's place
        focusCriteria(robot);
        robot.type(javafx.scene.input.KeyCode.M);
        settle();
        // the judgement is saved in the writer's lane first: under a full test run that can take more than a pulse
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#play-judgement").tryQuery().isPresent());
        // in the full run this screen has come up in its wide arrangement (three columns), where the judgement's words
        // stand beside its ▶ and no label is needed; folded, the label says what the lone ▶ is
        if (robot.lookup("#play-judgement-label").tryQuery().isPresent()) {
            assertThat(text(robot, "#play-judgement-label")).isEqualTo("Judgement (met) in the recording");
        }
        assertThat(robot.lookup("#play-judgement").queryAs(Button.class).getText()).isEqualTo("\u25B6 0:04");
        assertThat(robot.lookup("#recording-level").queryAs(ProgressBar.class).getProgress()).isGreaterThan(0.2);

        robot.clickOn("#note-input").write("Describes the complaints log and who reads it");
        robot.clickOn("#add-note");
        settle();
        capture(robot, 8000);
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-recording"));
        Button play = robot.lookup("#play-note-1").queryAs(Button.class);
        assertThat(play.getText()).isEqualTo("\u25B6 0:04");

        robot.clickOn(play);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#playback-status")).isEqualTo("Playing 1.opus at 0:00 (from 0:00)");
        assertThat(showing(robot, "#playback-stop")).isTrue();
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-playback"));
        playbackQueue.remove(0).run(); // the player's thread: plays what is on disk, to its end
        assertThat(played.size()).isGreaterThan(11 * 48_000);
        // the bar follows the playback by itself (the session's time may stand still, as in the review)
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#playback-status").isEmpty());
        assertThat(robot.lookup("#playback-status").query().getParent().isVisible()).isFalse();

        // the recording follows the session's pause
        robot.clickOn("#pause-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#reason-input").tryQuery().isPresent());
        robot.clickOn("#reason-input").write("Fire alarm");
        robot.clickOn("#reason-ok");
        settle();
        assertThat(model().snapshot().state().openRecording()).hasValueSatisfying(r ->
                assertThat(r.status()).isEqualTo(Recording.Status.PAUSED));
        assertThat(text(robot, "#recording-status")).isEqualTo("Recording paused with the session (0:12 recorded)");
        assertThat(text(robot, "#recording-glance")).isEqualTo("Recording paused");
        // the pause shows its place in the recording, as notes and judgements do
        assertThat(robot.lookup("#play-pause-1").queryAs(Button.class).getText()).isEqualTo("\u25B6 0:12");
        assertThat(robot.lookup("#recording-pauses .label").queryAs(Label.class).getText()).isEqualTo("Paused at 0:12: Fire alarm");

        robot.clickOn("#recording-toggle");
        settle();
        assertThat(text(robot, "#recording-status")).isEqualTo("Not recording \u00b7 recorded so far: 1.opus 0:12");
        assertThat(showing(robot, "#recording-glance")).isFalse();
        assertThat(showing(robot, "#play-pause-1")).isTrue();
        assertThat(model().snapshot().state().recordings()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Recording.Status.ENDED);
            assertThat(r.sha256()).hasSize(64);
        });
    }

    @Test
    void withoutAMicrophoneTheBarSaysSo(FxRobot robot) throws Exception {
        beforeScreen = wb -> {
            recording = new SessionRecording(dir, rate -> {
                throw new org.epaworkbench.recording.RecordingException("No microphone was found. Connect one, or record "
                        + "the session on another device and attach the file afterwards.");
            }, RecordingFormat.SPEECH, folder -> Long.MAX_VALUE, () -> 0L, false);
            wb.recordWith(recording, RecordingPlayback.standard(recording));
        };
        openSession("highfield-css-l3", "professional-discussion");
        robot.clickOn("#start-button");
        settle();
        robot.clickOn("#recording-toggle");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#consent-given").tryQuery().isPresent());
        robot.clickOn("#consent-given");
        settle();
        assertThat(text(robot, "#recording-warning")).isEqualTo("Recording was not started. No microphone was found. "
                + "Connect one, or record the session on another device and attach the file afterwards.");
        assertThat(showing(robot, "#recording-warning")).isTrue();
        assertThat(text(robot, "#recording-status")).isEqualTo("Not recording");
    }
}
