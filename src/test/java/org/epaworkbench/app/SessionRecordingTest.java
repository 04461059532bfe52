package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.recording.OpusRecordingReader;
import org.epaworkbench.recording.PcmAudioInput;
import org.epaworkbench.recording.RecordingFormat;
import org.epaworkbench.recording.SpeechLikeAudio;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.Recording;
import org.epaworkbench.session.RecordingPosition;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: recording a session through the application layer, with sound from memory (generated speech-like audio)
 * instead of a microphone, the session's clock in the test's hands, and capture only when the test reads it.
 */
class SessionRecordingTest {

    static final int RATE = 16_000;
    static final long PLENTY = 10L * 1024 * 1024 * 1024;

    @TempDir
    Path dir;
    Database db;
    SessionStore store;
    PlanLibrary plans;
    Sessions sessions;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    final Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    final AtomicLong usable = new AtomicLong(PLENTY);
    final AtomicLong monotonicMillis = new AtomicLong(1_000);
    final List<PcmAudioInput> inputs = new ArrayList<>();
    final short[] speech = SpeechLikeAudio.speech(8, RATE, 16);

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        store = new SessionStore(db);
        plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
        sessions = new Sessions(store, () -> plans, wall);
        for (String plan : List.of("pal-css-l3", "highfield-css-l3")) {
            new PeopleStore(db, wall).save(new Apprentice("a-" + plan, "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co",
                    plan, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 10, 1), false));
        }
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    SessionRecording service() {
        return new SessionRecording(dir, rate -> {
            PcmAudioInput input = PcmAudioInput.of(speech, RATE).named("Test microphone");
            inputs.add(input);
            return input;
        }, RecordingFormat.SPEECH, folder -> usable.get(), monotonicMillis::get, false);
    }

    RecordedSession started(String planId, String componentId, AssessmentMode mode) throws Exception {
        AssessmentPlan plan = plans.plan(planId).orElseThrow();
        RecordedSession s = sessions.create(plan, new SessionDetails("a-" + planId, plan.id(), plan.version(), componentId,
                AttemptKind.FIRST, mode, "Office", "Passport"), clock, SessionSettings.DEFAULT, null);
        s.perform(l -> l.start());
        return s;
    }

    /** Captures sound and moves the session clock by as much, as a real minute of recording would. */
    void record(SessionRecording service, String sessionId, long millis) {
        PcmAudioInput input = inputs.get(inputs.size() - 1);
        long until = input.position() + millis * RATE / 1000;
        while (input.position() < until) {
            assertThat(service.captureOnce(sessionId)).isTrue();
        }
        clock.advance(Duration.ofMillis(millis));
        monotonicMillis.addAndGet(millis);
    }

    @Test
    void aPalDiscussionIsRecordedAfterConsentFollowingPauseAndEndWithItsHash() throws Exception {
        SessionRecording service = service();
        RecordedSession s = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        assertThatThrownBy(() -> service.start(s, SessionRecording.Watcher.NONE)).isInstanceOf(SessionRuleException.class)
                .hasMessage("Record the apprentice's consent to recording before it starts.");
        assertThat(inputs).isEmpty(); // the microphone was not even opened
        service.consent(s, "Ann Apprentice", SessionRecording.consentWording(s.live().component()));

        SessionRecording.Started started = service.start(s, SessionRecording.Watcher.NONE);
        assertThat(started.fileName()).isEqualTo("1.opus");
        assertThat(started.device()).isEqualTo("Test microphone");
        assertThat(started.format()).isEqualTo("Opus in Ogg, 16 kHz mono, 24 kbit/s");
        Path file = service.fileOf(s.id(), "1.opus");
        assertThat(file).isEqualTo(dir.resolve("recordings").resolve(s.id()).resolve("1.opus"));

        record(service, s.id(), 3000);
        s.perform(l -> l.note(null, "Said at three seconds"));
        s.perform(l -> l.pause("Fire alarm"));
        service.follow(s);
        assertThat(s.live().state().openRecording()).hasValueSatisfying(r ->
                assertThat(r.status()).isEqualTo(Recording.Status.PAUSED));
        clock.advanceMinutes(10); // paused: no session time, nothing captured
        assertThat(service.captureOnce(s.id())).isTrue(); // paused capture reads nothing
        assertThat(service.positionMillis(s.id())).isEqualTo(3000);
        s.perform(l -> l.resume());
        service.follow(s);
        record(service, s.id(), 2000);
        String criterion = s.live().component().passCriteria().get(0).id();
        s.perform(l -> l.judge(criterion, CriterionState.MET));
        s.perform(l -> l.end("Short test session"));
        SessionState ended = service.follow(s);

        assertThat(service.recording(s.id())).isFalse();
        Recording rec = ended.recordings().get(0);
        assertThat(rec.status()).isEqualTo(Recording.Status.ENDED);
        assertThat(rec.durationMillis()).isEqualTo(5000);
        assertThat(rec.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(rec.sha256()).isEqualTo(org.epaworkbench.store.RecordingFiles.sha256Of(file));
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            assertThat(reader.endsCleanly()).isTrue();
            assertThat(reader.durationMillis()).isEqualTo(5000);
            assertThat(reader.sessionId()).isEqualTo(s.id());
        }
        assertThat(ended.recordingPositionOf(ended.notes().get(0))).contains(new RecordingPosition("1.opus", Duration.ofSeconds(3)));
        assertThat(ended.recordingPositionOf(ended.pauses().get(0))).contains(new RecordingPosition("1.opus", Duration.ofSeconds(3)));
        assertThat(ended.recordingPositionOf(ended.judgements().get(criterion)))
                .contains(new RecordingPosition("1.opus", Duration.ofSeconds(5)));
        assertThat(ended.recordingRequirementMet(s.live().component())).isTrue();
        // the stored log folds to the same recordings
        assertThat(sessions.state(s.id()).orElseThrow().recordings()).isEqualTo(ended.recordings());
        assertThat(sessions.events(s.id())).extracting(e -> e.type()).containsSubsequence("recording-consented",
                "recording-started", "paused", "recording-paused", "resumed", "recording-resumed", "ended", "recording-ended");
    }

    @Test
    void recordingIsRefusedWithLessThanAnHourOfDiskSpace() throws Exception {
        SessionRecording service = service();
        RecordedSession s = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        service.consent(s, "Ann Apprentice", "I agree.");
        usable.set(RecordingFormat.SPEECH.bytesPerHourEstimate() / 2); // half an hour
        long events = s.live().state().lastSeq();
        assertThatThrownBy(() -> service.start(s, SessionRecording.Watcher.NONE))
                .isInstanceOf(SessionRecording.CannotRecord.class)
                .hasMessageContaining("Recording was not started. Disk space is low: room for about")
                .hasMessageContaining("At least an hour of room is needed");
        assertThat(s.live().state().lastSeq()).isEqualTo(events);
        assertThat(inputs).isEmpty();
        assertThat(service.folderOf(s.id())).doesNotExist();

        usable.set(RecordingFormat.SPEECH.bytesPerHourEstimate() + 1);
        assertThat(service.start(s, SessionRecording.Watcher.NONE).fileName()).isEqualTo("1.opus");
    }

    @Test
    void stoppingByTheButtonEndsTheRecordingAndANewOneGetsTheNextName() throws Exception {
        SessionRecording service = service();
        RecordedSession s = started("highfield-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        assertThat(s.live().state().recordingRequirementMet(s.live().component())).isTrue(); // Highfield: optional
        service.consent(s, "Ann Apprentice", "I agree.");
        service.start(s, SessionRecording.Watcher.NONE);
        record(service, s.id(), 1000);
        SessionState stopped = service.stop(s);
        assertThat(stopped.recordings().get(0).durationMillis()).isEqualTo(1000);
        assertThatThrownBy(() -> service.stop(s)).isInstanceOf(SessionRuleException.class).hasMessageContaining("not being recorded");
        assertThat(service.start(s, SessionRecording.Watcher.NONE).fileName()).isEqualTo("2.opus");
    }

    @Test
    void aPalSessionWithoutRecordingNeedsTheAgreedExemption() throws Exception {
        SessionRecording service = service();
        RecordedSession s = started("pal-css-l3", "wbp-interview", AssessmentMode.REMOTE_VIDEO);
        assertThat(s.live().state().recordingRequirementMet(s.live().component())).isFalse();
        service.exempt(s, "Agreed at the assessment planning meeting (reasonable adjustment)");
        assertThat(s.live().state().recordingRequirementMet(s.live().component())).isTrue();
    }

    @Test
    void aRemoteCallsRecordingIsAttachedAfterTheEndWithItsHash() throws Exception {
        SessionRecording service = service();
        RecordedSession s = started("pal-css-l3", "professional-discussion", AssessmentMode.REMOTE_VIDEO);
        clock.advanceMinutes(60);
        s.perform(l -> l.end(null));
        Path call = dir.resolve("Teams meeting (23 Nov).mp4");
        Files.write(call, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> service.attach(s, dir.resolve("nothing.mp4"), "MP4 video", Duration.ofMinutes(59)))
                .isInstanceOf(SessionRecording.CannotRecord.class).hasMessageContaining("There is no file");

        String kept = service.attach(s, call, "MP4 video", Duration.ofMinutes(59));
        assertThat(kept).isEqualTo("Teams meeting _23 Nov_.mp4");
        assertThat(service.fileOf(s.id(), kept)).hasBinaryContent(new byte[] {1, 2, 3, 4, 5});
        SessionState state = sessions.state(s.id()).orElseThrow();
        assertThat(state.recordings()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Recording.Kind.ATTACHED);
            assertThat(r.sha256()).isEqualTo("74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0");
            assertThat(r.sizeBytes()).isEqualTo(5);
            assertThat(r.durationMillis()).isEqualTo(59 * 60_000);
        });
        assertThat(state.recordingRequirementMet(s.live().component())).isTrue();
        assertThat(service.attach(s, call, "MP4 video", Duration.ofMinutes(59))).isEqualTo("2-Teams meeting _23 Nov_.mp4");
    }

    /**
     * The app dies while recording (nothing is closed, the last page is torn); on the next start the recording is found
     * through the log, repaired, and the repair recorded with what was kept, its size and SHA-256.
     */
    @Test
    void aRecordingLeftOpenByACrashIsRepairedOnTheNextStart() throws Exception {
        SessionRecording before = service();
        RecordedSession s = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        before.consent(s, "Ann Apprentice", "I agree.");
        before.start(s, SessionRecording.Watcher.NONE);
        record(before, s.id(), 4500);
        Path file = before.fileOf(s.id(), "1.opus");
        // kill -9: the writer is never closed; half a page of a torn write lands at the end
        Files.write(file, new byte[] {'O', 'g', 'g', 'S', 0, 0, 1, 2, 3}, StandardOpenOption.APPEND);

        SessionRecording after = service();
        SessionRecording.RepairRound round = after.repairLeftOpen(sessions, clock, SessionSettings.DEFAULT);
        assertThat(round.problems()).isEmpty();
        assertThat(round.repaired()).singleElement().satisfies(r -> {
            assertThat(r.sessionId()).isEqualTo(s.id());
            assertThat(r.outcome()).isEqualTo("repaired");
            assertThat(r.description()).contains("repaired");
        });
        SessionState state = sessions.state(s.id()).orElseThrow();
        Recording rec = state.recordings().get(0);
        assertThat(rec.status()).isEqualTo(Recording.Status.REPAIRED);
        assertThat(rec.durationMillis()).isBetween(4500L - 2000, 4500L); // at most the last page is lost
        assertThat(rec.sha256()).isEqualTo(org.epaworkbench.store.RecordingFiles.sha256Of(file));
        assertThat(rec.sizeBytes()).isEqualTo(Files.size(file));
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            assertThat(reader.endsCleanly()).isTrue();
            assertThat(reader.durationMillis()).isEqualTo(rec.durationMillis());
        }
        assertThat(state.openRecording()).isEmpty();
        // a second start finds nothing left open
        assertThat(after.repairLeftOpen(sessions, clock, SessionSettings.DEFAULT).repaired()).isEmpty();
    }

    @Test
    void aRecordingWhoseFileIsGoneIsRecordedAsLost() throws Exception {
        SessionRecording before = service();
        RecordedSession s = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        before.consent(s, "Ann Apprentice", "I agree.");
        before.start(s, SessionRecording.Watcher.NONE);
        record(before, s.id(), 1000);
        Files.delete(before.fileOf(s.id(), "1.opus"));

        SessionRecording.RepairRound round = service().repairLeftOpen(sessions, clock, SessionSettings.DEFAULT);
        assertThat(round.repaired()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("missing"));
        SessionState state = sessions.state(s.id()).orElseThrow();
        assertThat(state.recordings().get(0).counts()).isFalse();
        assertThat(state.recordingRequirementMet(s.live().component())).isFalse();
    }

    /** The desktop app's start does the repair before any screen opens, and says what it did. */
    @Test
    void theWorkbenchRepairsLeftOpenRecordingsWhenItOpens() throws Exception {
        SessionRecording before = service();
        RecordedSession s = started("pal-css-l3", "professional-discussion", AssessmentMode.FACE_TO_FACE);
        before.consent(s, "Ann Apprentice", "I agree.");
        before.start(s, SessionRecording.Watcher.NONE);
        record(before, s.id(), 2500);
        db.close();
        db = null;
        try (Workbench wb = Workbench.open(DataDirectory.at(dir), wall, clock)) {
            assertThat(wb.recordingsRepairedOnOpen().repaired()).extracting(SessionRecording.Repaired::sessionId)
                    .containsExactly(s.id());
            assertThat(wb.services().sessionService().state(s.id()).orElseThrow().openRecording()).isEmpty();
            assertThat(wb.sessionRecording().recording(s.id())).isFalse();
        }
    }
}
