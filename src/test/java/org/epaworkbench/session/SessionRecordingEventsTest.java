package org.epaworkbench.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.junit.jupiter.api.Test;

/** Issue 16: a session's recordings as events, the plan's recording rule for its mode, and positions in the recording. */
class SessionRecordingEventsTest {

    static final String SHA = "ab".repeat(32);
    final ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-23T09:00:00Z"));

    Recorder planned(String planId, String componentId, AssessmentMode mode) throws SessionRuleException {
        AssessmentPlan plan = LiveSessionTest.plan(planId);
        LiveSession live = LiveSession.create("s-1", plan, componentId, clock, SessionSettings.DEFAULT);
        Recorder r = new Recorder(live);
        r.record(live.plan(new SessionDetails("a-1", planId, plan.version(), componentId, AttemptKind.FIRST, mode,
                "Office", "Passport")));
        return r;
    }

    Recorder started(String planId, String componentId, AssessmentMode mode) throws SessionRuleException {
        Recorder r = planned(planId, componentId, mode);
        r.record(r.live.start());
        return r;
    }

    @Test
    void palsDiscussionRequiresARecordingFaceToFaceAndRemoteAndHighfieldsDoesNot() throws Exception {
        var palDiscussion = LiveSessionTest.plan("pal-css-l3").component("professional-discussion").orElseThrow();
        SessionState faceToFace = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE).live.state();
        assertThat(faceToFace.recordingRequired(palDiscussion)).isTrue();
        assertThat(faceToFace.recordingRule(palDiscussion).source().quote()).contains("digital recording");
        assertThat(faceToFace.recordingRequirementMet(palDiscussion)).isFalse();
        SessionState remote = started("pal-css-l3", "professional-discussion", AssessmentMode.REMOTE_VIDEO).live.state();
        assertThat(remote.remote()).isTrue();
        assertThat(remote.recordingRule(palDiscussion).source().quote()).contains("The video call will be recorded");
        assertThat(remote.recordingRequirementMet(palDiscussion)).isFalse();

        var highfield = LiveSessionTest.plan("highfield-css-l3").component("professional-discussion").orElseThrow();
        SessionState hf = started("highfield-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE).live.state();
        assertThat(hf.recordingRequired(highfield)).isFalse();
        assertThat(hf.recordingRequirementMet(highfield)).isTrue();
    }

    @Test
    void anExemptionMeetsTheRequirementAndIsRefusedWhereNoneIsNeeded() throws Exception {
        Recorder pal = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        var discussion = pal.live.component();
        assertThatThrownBy(() -> pal.live.exemptFromRecording(" ")).isInstanceOf(SessionRuleException.class)
                .hasMessageContaining("reason").hasMessageContaining("003");
        pal.record(pal.live.exemptFromRecording("Agreed at the planning meeting: reasonable adjustment"));
        assertThat(pal.live.state().recordingRequirementMet(discussion)).isTrue();
        assertThat(pal.live.state().recordingExemption()).hasValueSatisfying(x ->
                assertThat(x.reason()).startsWith("Agreed at the planning meeting"));

        Recorder hf = started("highfield-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        assertThatThrownBy(() -> hf.live.exemptFromRecording("no need")).isInstanceOf(SessionRuleException.class)
                .hasMessageContaining("does not require");
    }

    @Test
    void recordingStartsOnlyAfterConsentWhileTheSessionRuns() throws Exception {
        Recorder r = planned("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        assertThatThrownBy(() -> r.live.recordingStarted("1.opus", "Opus", "Mic")).isInstanceOf(SessionRuleException.class)
                .hasMessageContaining("Start the session");
        r.record(r.live.start());
        assertThatThrownBy(() -> r.live.recordingStarted("1.opus", "Opus", "Mic")).isInstanceOf(SessionRuleException.class)
                .hasMessage("Record the apprentice's consent to recording before it starts.");
        r.record(r.live.consentToRecording("Priya Shah", "I agree to the discussion being recorded."));
        assertThatThrownBy(() -> r.live.recordingStarted("../1.opus", "Opus", "Mic")).isInstanceOf(SessionRuleException.class)
                .hasMessageContaining("not a plain file name");
        r.record(r.live.recordingStarted("1.opus", "Opus", "Mic"));
        assertThatThrownBy(() -> r.live.recordingStarted("2.opus", "Opus", "Mic")).isInstanceOf(SessionRuleException.class)
                .hasMessageContaining("already being recorded");
        assertThatThrownBy(() -> r.live.consentToRecording("Priya Shah", "again")).isInstanceOf(SessionRuleException.class)
                .hasMessageContaining("before the recording starts");
        assertThat(r.live.state().recordingRequirementMet(r.live.component())).isTrue();
    }

    /**
     * The session runs 2 min before recording starts, records 3 min, pauses 10 min (session time stands still, nothing
     * is recorded), records 4 min more and ends. Positions: session time minus 2 min, and pauses do not shift them.
     */
    @Test
    void everyJudgementNoteQuestionAndPauseHasItsPositionInTheRecording() throws Exception {
        Recorder r = started("pal-css-l3", "wbp-interview", AssessmentMode.FACE_TO_FACE);
        r.record(r.live.consentToRecording("Priya Shah", "I agree."));
        clock.advanceMinutes(1);
        r.record(r.live.note(null, "Before the recording"));
        clock.advanceMinutes(1);
        r.record(r.live.recordingStarted("1.opus", "Opus in Ogg", "Built-in microphone"));
        clock.advanceSeconds(30);
        r.record(r.live.askQuestion("Tell me about your project.", null));
        clock.advanceSeconds(150);
        r.record(r.live.pause("Fire alarm"));
        r.record(r.live.recordingPaused(180_000));
        clock.advanceMinutes(10);
        r.record(r.live.resume());
        r.record(r.live.recordingResumed(180_000));
        clock.advanceSeconds(75);
        String criterion = r.live.component().passCriteria().get(0).id();
        r.record(r.live.judge(criterion, CriterionState.MET));
        r.record(r.live.note(criterion, "Clear answer"));
        clock.advanceSeconds(165);
        r.record(r.live.end("Ended early for the test"));
        r.record(r.live.recordingEnded(420_000, 1_150_000, SHA));

        SessionState s = SessionState.fold(r.log);
        assertThat(s.recordings()).singleElement().satisfies(rec -> {
            assertThat(rec.status()).isEqualTo(Recording.Status.ENDED);
            assertThat(rec.startedAt()).isEqualTo(Duration.ofMinutes(2));
            assertThat(rec.durationMillis()).isEqualTo(420_000);
            assertThat(rec.sha256()).isEqualTo(SHA);
            assertThat(rec.segments()).hasSize(2);
        });
        assertThat(s.recordingPositionOf(s.questions().get(0))).contains(new RecordingPosition("1.opus", Duration.ofSeconds(30)));
        assertThat(s.recordingPositionOf(s.pauses().get(0))).contains(new RecordingPosition("1.opus", Duration.ofMinutes(3)));
        assertThat(s.recordingPositionOf(s.judgements().get(criterion)))
                .contains(new RecordingPosition("1.opus", Duration.ofSeconds(255)));
        List<CriterionNote> notes = s.notes();
        assertThat(s.recordingPositionOf(notes.get(0))).isEmpty(); // before the recording started
        assertThat(s.recordingPositionOf(notes.get(1))).contains(new RecordingPosition("1.opus", Duration.ofSeconds(255)));
        assertThat(s.recordingPositionAt(Duration.ofMinutes(10))).isEmpty(); // after the session (and recording) ended
        assertThat(new RecordingPosition("1.opus", Duration.ofSeconds(3)).playFrom(Duration.ofSeconds(5))).isEqualTo(Duration.ZERO);
        // the live state and the folded log agree
        assertThat(r.live.state().recordings()).isEqualTo(s.recordings());
    }

    @Test
    void aRepairedRecordingHoldsWhatWasKeptAndPositionsAfterItAreLost() throws Exception {
        Recorder r = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        r.record(r.live.consentToRecording("Priya Shah", "I agree."));
        r.record(r.live.recordingStarted("1.opus", "Opus in Ogg", "Mic"));
        clock.advanceSeconds(40);
        r.record(r.live.note(null, "Said before the crash"));
        clock.advanceSeconds(30);
        r.record(r.live.note(null, "Said in the lost second"));
        // the app stops; on the next start the file is repaired to 69.5 s
        r.record(r.live.recordingRepaired("repaired", 69_500, 480, 200_000, SHA, "It plays for 1:09."));
        SessionState s = SessionState.fold(r.log);
        Recording rec = s.recordings().get(0);
        assertThat(rec.status()).isEqualTo(Recording.Status.REPAIRED);
        assertThat(rec.repair().lostMillis()).isEqualTo(480);
        assertThat(rec.counts()).isTrue();
        assertThat(s.recordingPositionOf(s.notes().get(0))).contains(new RecordingPosition("1.opus", Duration.ofSeconds(40)));
        assertThat(s.recordingPositionOf(s.notes().get(1))).isEmpty();
        assertThat(s.openRecording()).isEmpty();
        // a new recording can start after it (consent stands)
        r.record(r.live.recordingStarted("2.opus", "Opus in Ogg", "Mic"));
        assertThat(r.live.state().openRecording().map(Recording::fileName)).contains("2.opus");
    }

    @Test
    void aRecordingThatKeptNoSoundDoesNotMeetTheRequirement() throws Exception {
        Recorder r = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        r.record(r.live.consentToRecording("Priya Shah", "I agree."));
        r.record(r.live.recordingStarted("1.opus", "Opus in Ogg", "Mic"));
        r.record(r.live.recordingRepaired("no-audio", 0, -1, 400, SHA, "Cut off before any sound was saved."));
        assertThat(r.live.state().recordingRequirementMet(r.live.component())).isFalse();
    }

    @Test
    void aRemoteCallsRecordingIsAttachedAfterTheEndAndMeetsTheRequirement() throws Exception {
        Recorder r = started("pal-css-l3", "professional-discussion", AssessmentMode.REMOTE_VIDEO);
        clock.advanceMinutes(60);
        r.record(r.live.end(null));
        r.record(r.live.attachRecording("call.mp4", "MP4 video", SHA, 3_590_000, 150_000_000));
        SessionState s = SessionState.fold(r.log);
        assertThat(s.ignoredAfterEnd()).isEmpty();
        assertThat(s.recordings()).singleElement().satisfies(rec -> {
            assertThat(rec.kind()).isEqualTo(Recording.Kind.ATTACHED);
            assertThat(rec.durationMillis()).isEqualTo(3_590_000);
        });
        assertThat(s.recordingRequirementMet(r.live.component())).isTrue();
        assertThat(s.recordingPositionAt(Duration.ofMinutes(5))).isEmpty(); // an attached file has no session clock
        assertThatThrownBy(() -> r.live.attachRecording("call.mp4", "MP4", SHA, 1, 1)).isInstanceOf(SessionRuleException.class)
                .hasMessageContaining("already has a recording named call.mp4");
    }

    @Test
    void anImportRefusesARecordingEventWithABadHashOrPath() {
        assertThat(LogRules.problem(null, new EventBody.RecordingEnded("1.opus", 1, 1, "XYZ")))
                .hasValue("has a SHA-256 that is not 64 lower-case hexadecimal digits");
        assertThat(LogRules.problem(null, new EventBody.RecordingAttached("..\\evil.exe", "x", SHA, 1, 1)))
                .hasValueSatisfying(w -> assertThat(w).contains("not a plain file name"));
        assertThat(LogRules.problem(null, new EventBody.RecordingStarted("1.opus", "Opus", "Mic"))).isEmpty();
    }
}
