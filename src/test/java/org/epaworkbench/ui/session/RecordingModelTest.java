package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.RecordingPlayback;
import org.epaworkbench.app.SessionRecording;
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
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.Recording;
import org.epaworkbench.session.RecordingPosition;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionStatus;
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
 * The session screen's recording without a screen (issue 16): consent before the first recording, the offer at the start
 * and the question at the end where the plan requires a recording, the bar's words, warnings, attaching a call's file and
 * playing from a note. A real session log and recording service, sound from memory captured when the test says.
 */
class RecordingModelTest {

    static final int RATE = 16_000;

    @TempDir
    Path dir;
    Database db;
    SessionStore store;
    PlanLibrary plans;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    final Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    final AtomicLong monotonic = new AtomicLong(1_000);
    final List<String> problems = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    final Deque<Object> answers = new java.util.LinkedList<>();
    short[] sound = SpeechLikeAudio.speech(30, RATE, 7);
    Function<Integer, PcmAudioInput> microphone = rate -> PcmAudioInput.of(sound, RATE).named("Test microphone");
    PcmAudioInput input;
    SessionRecording service;
    final List<Short> played = new ArrayList<>();
    RecordingPlayback playback;
    RecordedSession recorded;
    RecordingModel model;

    final RecordingModel.Asker asker = new RecordingModel.Asker() {
        @Override
        public Optional<RecordingModel.Consent> consent(String apprenticeName, String words) {
            asked.add("consent: " + apprenticeName + " | " + words);
            Object a = answers.poll();
            return a == null ? Optional.empty() : Optional.of(new RecordingModel.Consent(apprenticeName, words));
        }

        @Override
        public Optional<String> reason(String title, String question, String prompt, String detail) {
            asked.add(title + ": " + question);
            return Optional.ofNullable((String) answers.poll());
        }

        @Override
        public RecordingModel.Offer offer(String title, String question, String detail, boolean recordOffered,
                String withoutLabel) {
            asked.add(title + ": " + question + " | " + (recordOffered ? "record, " : "") + "exemption, " + withoutLabel);
            return (RecordingModel.Offer) answers.poll();
        }
    };

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, wall), new ArrayList<>());
        store = new SessionStore(db);
        for (String plan : List.of("pal-css-l3", "highfield-css-l3")) {
            new PeopleStore(db, wall).save(new Apprentice("a-" + plan, "Ann Apprentice", Uln.of("9276308686"), "Acme",
                    "Train Co", plan, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 10, 1), false));
        }
        service = new SessionRecording(dir, rate -> {
            input = microphone.apply(rate);
            return input;
        }, RecordingFormat.SPEECH, folder -> Long.MAX_VALUE, monotonic::get, false);
        playback = new RecordingPlayback(service, () -> new RecordingPlayback.Output() {
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
        }, Runnable::run);
    }

    @AfterEach
    void close() {
        service.close();
        db.close();
    }

    /** A planned session and the model over it; actions run at once, as the writer would run them. */
    /** What each piece of long work run beside the session's writer had done when it finished. */
    final List<String> besideDone = new java.util.ArrayList<>();

    void planned(String planId, AssessmentMode mode) throws Exception {
        AssessmentPlan plan = plans.plan(planId).orElseThrow();
        recorded = RecordedSession.create(store, plan, new SessionDetails("a-" + planId, plan.id(), plan.version(),
                "professional-discussion", AttemptKind.FIRST, mode, "Office", "Passport"), clock, SessionSettings.DEFAULT, false);
        model = new RecordingModel(new RecordingModel.Session() {
            @Override
            public LiveSnapshot snapshot() {
                return recorded.live().snapshot();
            }

            @Override
            public void act(RecordingModel.Work work, Runnable afterCommit) {
                try {
                    work.run();
                    afterCommit.run();
                } catch (Exception e) {
                    problems.add(e.getMessage());
                }
            }

            @Override
            public void start(Runnable afterCommit) {
                act(() -> recorded.perform(l -> l.start()), afterCommit);
            }

            @Override
            public <T> void beside(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> then,
                    java.util.function.Consumer<Throwable> failed) {
                T done;
                try {
                    done = work.call();
                } catch (Exception e) {
                    failed.accept(e);
                    return;
                }
                // what the long lane did: the file is copied, nothing is in the log yet
                besideDone.add(done + " | in the log: " + recorded.live().state().recordings().size());
                then.accept(done);
            }
        }, recorded, service, playback, "Ann Apprentice");
    }

    void capture(long millis) {
        long until = input.position() + millis * RATE / 1000;
        while (input.position() < until) {
            assertThat(service.captureOnce(recorded.id())).isTrue();
        }
        clock.advance(Duration.ofMillis(millis));
        monotonic.addAndGet(millis);
    }

    @Test
    void aPalDiscussionOffersRecordingAtTheStartAndRecordsOnceConsentIsGiven() throws Exception {
        planned("pal-css-l3", AssessmentMode.FACE_TO_FACE);
        assertThat(model.status().kind()).isEqualTo(RecordingModel.Kind.MISSING);
        assertThat(model.status().text()).isEqualTo("Not recording: the plan (003) requires a recording");
        assertThat(model.canToggle()).isFalse(); // not started yet

        answers.add(RecordingModel.Offer.RECORD);
        answers.add("agreed");
        model.startSession(asker);

        assertThat(asked.get(0)).isEqualTo("Recording required: The plan (003) requires this session to be recorded. "
                + "Record it from the start? | record, exemption, Start without recording");
        assertThat(asked.get(1)).isEqualTo("consent: Ann Apprentice | " + SessionRecording.consentWording(
                recorded.live().component()));
        assertThat(problems).isEmpty();
        assertThat(recorded.live().state().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(recorded.live().state().recordingConsent()).hasValueSatisfying(c ->
                assertThat(c.apprenticeName()).isEqualTo("Ann Apprentice"));
        assertThat(model.recordingNow()).isTrue();
        assertThat(model.status()).isEqualTo(new RecordingModel.Status(RecordingModel.Kind.RECORDING, "Recording 0:00"));

        capture(3000);
        assertThat(model.status().text()).isEqualTo("Recording 0:03");
        assertThat(model.level()).isGreaterThan(0.2);
        assertThat(model.warnings()).isEmpty();
        assertThat(model.exemptionOffered()).isFalse();

        recorded.perform(l -> l.pause("Fire alarm"));
        service.follow(recorded);
        assertThat(model.status()).isEqualTo(new RecordingModel.Status(RecordingModel.Kind.PAUSED,
                "Recording paused with the session (0:03 recorded)"));
        assertThat(model.level()).isZero();

        recorded.perform(l -> l.resume());
        service.follow(recorded);
        capture(2000);
        model.toggle(asker); // stop
        assertThat(model.recordingNow()).isFalse();
        assertThat(model.status()).isEqualTo(new RecordingModel.Status(RecordingModel.Kind.DONE,
                "Not recording \u00b7 recorded so far: 1.opus 0:05"));

        // a second recording needs no second consent
        asked.clear();
        model.toggle(asker);
        assertThat(asked).isEmpty();
        assertThat(model.recordingNow()).isTrue();
        assertThat(recorded.live().state().openRecording()).hasValueSatisfying(r -> assertThat(r.fileName()).isEqualTo("2.opus"));
    }

    @Test
    void recordingCannotStartWithoutTheConsentDeclaration() throws Exception {
        planned("highfield-css-l3", AssessmentMode.FACE_TO_FACE);
        model.startSession(asker); // optional: no offer, the session just starts
        assertThat(asked).isEmpty();
        assertThat(recorded.live().state().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(model.status().text()).isEqualTo("Not recording");
        assertThat(model.exemptionOffered()).isFalse();

        answers.add(null); // the declaration is cancelled
        model.toggle(asker);
        assertThat(asked).hasSize(1);
        assertThat(model.recordingNow()).isFalse();
        assertThat(input).isNull(); // the microphone was not opened
        assertThat(recorded.live().state().recordingConsent()).isEmpty();
    }

    @Test
    void theAgreedExemptionAtTheStartIsRecordedWithItsReason() throws Exception {
        planned("pal-css-l3", AssessmentMode.FACE_TO_FACE);
        answers.add(RecordingModel.Offer.EXEMPT);
        answers.add("Agreed at the planning meeting: no recording on the employer's site");
        model.startSession(asker);
        assertThat(recorded.live().state().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(recorded.live().state().recordingExemption()).hasValueSatisfying(e ->
                assertThat(e.reason()).isEqualTo("Agreed at the planning meeting: no recording on the employer's site"));
        assertThat(model.status()).isEqualTo(new RecordingModel.Status(RecordingModel.Kind.DONE,
                "Not recorded: exemption agreed"));
        assertThat(model.exemptionReason()).contains("Reason: Agreed at the planning meeting: no recording on the employer's site");
        assertThat(model.exemptionOffered()).isFalse();
        assertThat(model.beforeEnd(asker)).isTrue(); // nothing more to ask
        assertThat(asked).hasSize(2);
    }

    @Test
    void cancellingTheOfferStartsNothing() throws Exception {
        planned("pal-css-l3", AssessmentMode.FACE_TO_FACE);
        answers.add(RecordingModel.Offer.CANCEL);
        model.startSession(asker);
        assertThat(recorded.live().state().status()).isEqualTo(SessionStatus.PLANNED);
        answers.add(RecordingModel.Offer.WITHOUT);
        model.startSession(asker);
        assertThat(recorded.live().state().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(model.exemptionOffered()).isTrue();
    }

    @Test
    void endingARequiredSessionWithoutARecordingAsksForTheExemption() throws Exception {
        planned("pal-css-l3", AssessmentMode.FACE_TO_FACE);
        answers.add(RecordingModel.Offer.WITHOUT);
        model.startSession(asker);
        asked.clear();

        answers.add(RecordingModel.Offer.CANCEL);
        assertThat(model.beforeEnd(asker)).isFalse();
        assertThat(asked.get(0)).isEqualTo("No recording: The plan (003) requires this session to be recorded, and it has no "
                + "recording and no agreed exemption. | exemption, End without; attach the recording later");

        answers.add(RecordingModel.Offer.EXEMPT);
        answers.add(null); // the reason is cancelled: not ending
        assertThat(model.beforeEnd(asker)).isFalse();

        answers.add(RecordingModel.Offer.EXEMPT);
        answers.add("Agreed with the EPA manager: recording equipment failed");
        assertThat(model.beforeEnd(asker)).isTrue();
        assertThat(recorded.live().state().recordingExemption()).isPresent();
    }

    @Test
    void aHighfieldSessionEndsWithoutAQuestion() throws Exception {
        planned("highfield-css-l3", AssessmentMode.FACE_TO_FACE);
        model.startSession(asker);
        assertThat(model.beforeEnd(asker)).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void noMicrophoneIsSaidPlainlyInTheBar() throws Exception {
        microphone = rate -> {
            throw new java.io.UncheckedIOException(new IOException("No microphone was found. Connect one, or record the "
                    + "session on another device and attach the file afterwards."));
        };
        service = new SessionRecording(dir, rate -> {
            try {
                return microphone.apply(rate);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }, RecordingFormat.SPEECH, folder -> Long.MAX_VALUE, monotonic::get, false);
        planned("highfield-css-l3", AssessmentMode.FACE_TO_FACE);
        model.startSession(asker);
        answers.add("agreed");
        model.toggle(asker);
        assertThat(problems).containsExactly("Recording was not started. No microphone was found. Connect one, or record "
                + "the session on another device and attach the file afterwards.");
        assertThat(model.recordingNow()).isFalse();
        assertThat(model.warnings()).containsExactly(problems.get(0));
    }

    @Test
    void silenceAndALostMicrophoneAreWarnedOf() throws Exception {
        sound = SpeechLikeAudio.concat(SpeechLikeAudio.speech(2, RATE, 3), SpeechLikeAudio.silence(30, RATE));
        planned("highfield-css-l3", AssessmentMode.FACE_TO_FACE);
        model.startSession(asker);
        answers.add("agreed");
        model.toggle(asker);
        capture(15_000);
        assertThat(model.warnings()).isEmpty(); // 13 s of silence: not yet
        capture(10_000);
        assertThat(model.warnings()).singleElement().asString().startsWith("No sound for 2")
                .endsWith(" s: check the microphone is switched on, not muted, and near the apprentice.");

        input.loseDeviceAfter(input.position() + RATE, true);
        while (service.captureOnce(recorded.id())) {
            // until the device goes
        }
        assertThat(model.warnings()).singleElement().asString().startsWith("The microphone stopped sending sound: ")
                .contains("The recording is kept up to 0:26.")
                .endsWith("Stop the recording, check the microphone, then Record again.");
    }

    @Test
    void aNoteShowsItsPlaceInTheRecordingAndPlaysFromFiveSecondsBefore() throws Exception {
        planned("highfield-css-l3", AssessmentMode.FACE_TO_FACE);
        model.startSession(asker);
        String criterion = recorded.live().component().passCriteria().get(0).id();
        recorded.perform(l -> l.note(criterion, "Before the recording"));
        clock.advance(Duration.ofSeconds(4));
        answers.add("agreed");
        model.toggle(asker);
        capture(12_000);
        recorded.perform(l -> l.note(criterion, "Explains the escalation route"));
        capture(3_000);

        var state = recorded.live().state();
        assertThat(RecordingModel.positionText(state.recordingPositionOf(state.notes().get(0)))).isEmpty();
        RecordingPosition at = state.recordingPositionOf(state.notes().get(1)).orElseThrow();
        assertThat(RecordingModel.positionText(Optional.of(at))).contains("\u25B6 0:12");

        model.play(at); // while still recording: what is on disk plays
        assertThat(played).isNotEmpty();
        assertThat(model.isPlaying()).isFalse(); // played to the end at once here
        assertThat(model.playingText()).isEmpty();

        played.clear();
        model.toggle(asker);
        RecordingPlayback.Playing p = playback.play(recorded.id(), at);
        assertThat(p.fromMillis()).isEqualTo(7000);
        assertThat(played.size()).isBetween(8 * 48_000 - 960, 8 * 48_000 + 960); // 7 s to the end at 15 s
    }

    @Test
    void aRemoteSessionAttachesTheCallsRecordingWithTheDurationEntered() throws Exception {
        planned("pal-css-l3", AssessmentMode.REMOTE_VIDEO);
        assertThat(model.attachOffered()).isFalse(); // not started
        answers.add(RecordingModel.Offer.WITHOUT);
        model.startSession(asker);
        assertThat(model.attachOffered()).isTrue();
        assertThat(model.status().text()).isEqualTo("Not recording: the plan (003) requires a recording (attach the call's)");
        recorded.perform(l -> l.end("Call ended"));
        assertThat(model.attachOffered()).isTrue();

        Path call = Files.write(dir.resolve("Teams meeting.mp4"), new byte[] {1, 2, 3, 4});
        answers.add("58:61");
        model.attach(call, asker);
        assertThat(model.warnings()).containsExactly("\u201c58:61\u201d is not a duration: write it as its player shows it, "
                + "for example 58:20 or 1:02:05. Nothing was attached.");
        assertThat(recorded.live().state().recordings()).isEmpty();

        answers.add("58:20");
        model.attach(call, asker);
        assertThat(problems).isEmpty();
        // the copy and its hash are long work (a call's video may be gigabytes): beside the writer, not on it
        // first the file's header is read (this one says nothing: typed), then the copy
        assertThat(besideDone).hasSize(3).startsWith("Optional.empty | in the log: 0", "Optional.empty | in the log: 0");
        assertThat(besideDone.get(2)).contains("name=Teams meeting.mp4").endsWith("| in the log: 0");
        Recording r = recorded.live().state().recordings().get(0);
        assertThat(r.kind()).isEqualTo(Recording.Kind.ATTACHED);
        assertThat(r.fileName()).isEqualTo("Teams meeting.mp4");
        assertThat(r.format()).isEqualTo("MP4 file from the call");
        assertThat(r.durationMillis()).isEqualTo(Duration.ofMinutes(58).plusSeconds(20).toMillis());
        assertThat(model.warnings()).isEmpty();
        assertThat(model.status()).isEqualTo(new RecordingModel.Status(RecordingModel.Kind.DONE,
                "Recorded: Teams meeting.mp4 58:20 (attached)"));
    }

    @Test
    void pausesInTheRecordingShowTheirPlaceInItAndTheClockSaysWhetherItRecords() throws Exception {
        planned("pal-css-l3", AssessmentMode.FACE_TO_FACE);
        answers.add(RecordingModel.Offer.WITHOUT);
        model.startSession(asker);
        assertThat(model.glance()).contains(new RecordingModel.Status(RecordingModel.Kind.MISSING, "Not recording"));
        clock.advance(Duration.ofSeconds(2));
        recorded.perform(l -> l.pause("Before any recording"));
        service.follow(recorded);
        recorded.perform(l -> l.resume());
        service.follow(recorded);
        clock.advance(Duration.ofSeconds(1));

        answers.add("agreed");
        model.toggle(asker);
        capture(5000);
        assertThat(model.glance()).contains(new RecordingModel.Status(RecordingModel.Kind.RECORDING, "Recording 0:05"));
        recorded.perform(l -> l.pause("Fire alarm"));
        service.follow(recorded);
        assertThat(model.glance()).contains(new RecordingModel.Status(RecordingModel.Kind.PAUSED, "Recording paused"));
        assertThat(model.pausesInRecording()).containsExactly(new RecordingModel.PauseMark(2, "Paused at 0:08: Fire alarm",
                new RecordingPosition("1.opus", Duration.ofSeconds(5))));
        recorded.perform(l -> l.resume());
        service.follow(recorded);
        capture(2000);
        model.toggle(asker); // stop
        assertThat(model.glance()).isEmpty(); // a recording made: nothing to say beside the clock
        // the pause before the recording has no place in it; the one in it keeps its place after the end
        recorded.perform(l -> l.end("Done"));
        assertThat(model.pausesInRecording()).extracting(RecordingModel.PauseMark::text).containsExactly(
                "Paused at 0:08: Fire alarm");
        assertThat(RecordingModel.positionText(Optional.of(model.pausesInRecording().get(0).at()))).contains("\u25B6 0:05");
    }

    @Test
    void aFaceToFaceSessionEndedWithoutARecordingCanAttachOneMadeOnAnotherDevice() throws Exception {
        // the End question says "attach the recording later", and no microphone says "attach the file afterwards":
        // face to face as well as remote, a recording made on a phone or dictaphone must be attachable
        planned("pal-css-l3", AssessmentMode.FACE_TO_FACE);
        assertThat(model.attachOffered()).isFalse(); // not started
        answers.add(RecordingModel.Offer.WITHOUT);
        model.startSession(asker);
        assertThat(model.attachOffered()).isTrue();
        answers.add(RecordingModel.Offer.WITHOUT);
        assertThat(model.beforeEnd(asker)).isTrue();
        recorded.perform(l -> l.end("Done"));
        assertThat(model.attachOffered()).isTrue();
        assertThat(model.attachLabel()).isEqualTo("Attach a recording\u2026");

        Path dictaphone = wav(dir.resolve("DICT0042.WAV"), 4.0);
        model.attach(dictaphone, asker);
        assertThat(problems).isEmpty();
        Recording r = recorded.live().state().recordings().get(0);
        assertThat(r.format()).isEqualTo("WAV file recorded on another device");
        assertThat(r.durationMillis()).isEqualTo(4000);
        assertThat(model.requirementMissing()).isFalse();
        assertThat(model.attachOffered()).isFalse(); // one is there now: no button face to face
        // a remote session says what it is: the call's own recording
        planned("pal-css-l3", AssessmentMode.REMOTE_VIDEO);
        assertThat(model.attachLabel()).isEqualTo("Attach the call's recording\u2026");
    }

    @Test
    void theDurationOfACallsRecordingIsReadFromTheFileWhereItsFormatSaysIt() throws Exception {
        planned("pal-css-l3", AssessmentMode.REMOTE_VIDEO);
        answers.add(RecordingModel.Offer.WITHOUT);
        model.startSession(asker);
        recorded.perform(l -> l.end("Call ended"));
        asked.clear();

        // a WAV the call's software saved: 90.5 s in its header, no question asked
        model.attach(wav(dir.resolve("call audio.wav"), 90.5), asker);

        assertThat(asked).isEmpty();
        assertThat(problems).isEmpty();
        assertThat(model.warnings()).isEmpty();
        Recording r = recorded.live().state().recordings().get(0);
        assertThat(r.fileName()).isEqualTo("call audio.wav");
        assertThat(r.durationMillis()).isEqualTo(90_500);

        // a format whose header is not read: the question says why it is asked
        Path webm = Files.write(dir.resolve("call.webm"), new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 0, 0, 0, 0, 0, 0, 0, 0});
        answers.add("12:00");
        model.attach(webm, asker);
        assertThat(asked).containsExactly("Attach the call's recording: Duration of call.webm, as its player shows it "
                + "(h:mm:ss or mm:ss)");
        assertThat(recorded.live().state().recordings().get(1).durationMillis()).isEqualTo(Duration.ofMinutes(12).toMillis());
    }

    /** A WAV file of speech-like sound at 8 kHz, as a phone, dictaphone or call's software saves it. */
    static Path wav(Path file, double seconds) throws IOException {
        short[] pcm = SpeechLikeAudio.speech(seconds, 8_000, 3);
        byte[] bytes = new byte[pcm.length * 2];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(pcm);
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(bytes),
                new javax.sound.sampled.AudioFormat(8_000, 16, 1, true, false), pcm.length),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    @Test
    void durationsAreReadAsAPlayerShowsThem() {
        assertThat(RecordingModel.parseDuration("58:20")).contains(Duration.ofSeconds(58 * 60 + 20));
        assertThat(RecordingModel.parseDuration(" 1:02:05 ")).contains(Duration.ofSeconds(3725));
        assertThat(RecordingModel.parseDuration("45")).contains(Duration.ofMinutes(45));
        assertThat(RecordingModel.parseDuration("1:75:00")).isEmpty();
        assertThat(RecordingModel.parseDuration("0:00")).isEmpty();
        assertThat(RecordingModel.parseDuration("an hour")).isEmpty();
        assertThat(RecordingModel.parseDuration("")).isEmpty();
    }
}
