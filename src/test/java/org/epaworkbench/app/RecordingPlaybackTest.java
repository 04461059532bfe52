package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.recording.PcmAudioInput;
import org.epaworkbench.recording.RecordingFormat;
import org.epaworkbench.recording.SpeechLikeAudio;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.RecordingPosition;
import org.epaworkbench.session.SessionDetails;
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
 * Issue 16: playing a session's recording from a note, a few seconds before it, into memory instead of speakers. The
 * recording is 6 s of silence then a tone: the played sound must be silent for exactly the seconds before the tone.
 */
class RecordingPlaybackTest {

    static final int RATE = 16_000;

    @TempDir
    Path dir;
    Database db;
    Sessions sessions;
    PlanLibrary plans;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    final Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    PcmAudioInput input;
    final short[] sound = SpeechLikeAudio.concat(SpeechLikeAudio.silence(6, RATE), SpeechLikeAudio.tone(440, 6, RATE, 0.5));

    /** Keeps what would have gone to the speakers. */
    static final class Collected implements RecordingPlayback.Output {
        final List<Short> samples = new ArrayList<>();
        int openedAt;
        boolean drained;
        boolean closed;
        Runnable afterWrite = () -> { };

        @Override
        public void open(int sampleRate) {
            openedAt = sampleRate;
        }

        @Override
        public void write(short[] s, int offset, int length) {
            for (int i = 0; i < length; i++) {
                samples.add(s[offset + i]);
            }
            afterWrite.run();
        }

        @Override
        public void drain() {
            drained = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        /** The first sample louder than a whisper, in ms from the start of playback. */
        long firstSoundMillis() {
            for (int i = 0; i < samples.size(); i++) {
                if (Math.abs(samples.get(i)) > 2000) {
                    return i * 1000L / RecordingPlayback.RATE;
                }
            }
            return -1;
        }
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
        sessions = new Sessions(new SessionStore(db), () -> plans, wall);
        new PeopleStore(db, wall).save(new Apprentice("a-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co",
                "pal-css-l3", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 10, 1), false));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A PAL discussion recorded for 12 s with a note written at 8 s (2 s into the tone). */
    SessionState recorded(SessionRecording service) throws Exception {
        AssessmentPlan plan = plans.plan("pal-css-l3").orElseThrow();
        RecordedSession s = sessions.create(plan, new SessionDetails("a-1", plan.id(), plan.version(), "professional-discussion",
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Office", "Passport"), clock, SessionSettings.DEFAULT, null);
        s.perform(l -> l.start());
        service.consent(s, "Ann Apprentice", "I agree.");
        service.start(s, SessionRecording.Watcher.NONE);
        capture(service, s.id(), 8000);
        s.perform(l -> l.note(null, "Explains the escalation route"));
        capture(service, s.id(), 4000);
        s.perform(l -> l.end("Test"));
        service.follow(s);
        sessionId = s.id();
        return s.live().state();
    }

    String sessionId;

    void capture(SessionRecording service, String id, long millis) {
        long until = input.position() + millis * RATE / 1000;
        while (input.position() < until) {
            assertThat(service.captureOnce(id)).isTrue();
        }
        clock.advance(Duration.ofMillis(millis));
    }

    SessionRecording service() {
        return new SessionRecording(dir, rate -> input = PcmAudioInput.of(sound, RATE).named("Test microphone"),
                RecordingFormat.SPEECH, folder -> Long.MAX_VALUE, () -> 0L, false);
    }

    @Test
    void aNotePlaysFromFiveSecondsBeforeIt() throws Exception {
        SessionRecording service = service();
        SessionState state = recorded(service);
        RecordingPosition at = state.recordingPositionOf(state.notes().get(0)).orElseThrow();
        assertThat(at).isEqualTo(new RecordingPosition("1.opus", Duration.ofSeconds(8)));

        Collected out = new Collected();
        RecordingPlayback playback = new RecordingPlayback(service, () -> out, Runnable::run);
        RecordingPlayback.Playing p = playback.play(sessionId, at);

        assertThat(p.finished()).isTrue();
        assertThat(p.problem()).isEmpty();
        assertThat(p.fromMillis()).isEqualTo(3000);
        assertThat(out.openedAt).isEqualTo(48_000);
        // from 3 s: the tone (at 6 s in the recording) is heard 3 s into playback, and it plays to the end (12 s)
        assertThat(out.firstSoundMillis()).isBetween(2970L, 3030L);
        assertThat(out.samples.size()).isBetween(9 * 48_000 - 480, 9 * 48_000 + 480);
        assertThat(out.drained).isTrue();
        assertThat(out.closed).isTrue();
        assertThat(p.positionMillis()).isBetween(11_900L, 12_000L);
    }

    @Test
    void theDemonstrationSpeakersKeepWhatPlayedInAWavFile() throws Exception {
        // -Depaworkbench.demoSpeakers=FILE.wav: on a machine without a sound card, what "▶" plays can be checked
        SessionRecording service = service();
        recorded(service);
        Path wav = dir.resolve("played.wav");
        RecordingPlayback playback = new RecordingPlayback(service, () -> RecordingPlayback.Output.wavFile(wav), Runnable::run);
        RecordingPlayback.Playing p = playback.play(sessionId, "1.opus", Duration.ofMillis(11_000));

        assertThat(p.problem()).isEmpty();
        javax.sound.sampled.AudioFileFormat f = javax.sound.sampled.AudioSystem.getAudioFileFormat(wav.toFile());
        assertThat(f.getFormat().getSampleRate()).isEqualTo(48_000f);
        assertThat(f.getFrameLength()).isBetween(48_000 - 480, 48_000 + 480); // the last second: 11 s to 12 s
        byte[] pcm = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile()).readAllBytes();
        int loud = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            loud = Math.max(loud, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        assertThat(loud).isGreaterThan(8000); // the tone, not silence
    }

    @Test
    void aMomentNearTheStartPlaysFromTheStartAndStopStopsIt() throws Exception {
        SessionRecording service = service();
        recorded(service);
        Collected out = new Collected();
        RecordingPlayback playback = new RecordingPlayback(service, () -> out, Runnable::run);
        RecordingPlayback.Playing[] playing = new RecordingPlayback.Playing[1];
        out.afterWrite = () -> {
            if (out.samples.size() >= 48_000) {
                playing[0].stop();
            }
        };
        java.util.concurrent.atomic.AtomicReference<Runnable> queued = new java.util.concurrent.atomic.AtomicReference<>();
        RecordingPlayback later = new RecordingPlayback(service, () -> out, queued::set);
        playing[0] = later.play(sessionId, new RecordingPosition("1.opus", Duration.ofSeconds(2)));
        assertThat(playing[0].fromMillis()).isZero();
        queued.get().run();
        assertThat(playing[0].finished()).isTrue();
        assertThat(out.samples.size()).isBetween(48_000, 48_000 + 960); // stopped after a second, not played to the end
        assertThat(out.drained).isFalse();
        assertThat(out.closed).isTrue();
        assertThat(out.firstSoundMillis()).isEqualTo(-1); // the first 6 s are silent
        assertThat(playback.current()).isEmpty();
    }

    @Test
    void aRecordingThatIsGoneSaysSo() throws Exception {
        SessionRecording service = service();
        recorded(service);
        Files.delete(service.fileOf(sessionId, "1.opus"));
        Collected out = new Collected();
        RecordingPlayback.Playing p = new RecordingPlayback(service, () -> out, Runnable::run)
                .play(sessionId, new RecordingPosition("1.opus", Duration.ofSeconds(8)));
        assertThat(p.finished()).isTrue();
        assertThat(p.problem()).hasValueSatisfying(m -> assertThat(m).startsWith("The recording 1.opus is not in ")
                .endsWith("any more, so it cannot be played."));
        assertThat(out.samples).isEmpty();
    }
}
