package org.epaworkbench.ui.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.RecordingPlayback;
import org.epaworkbench.app.SessionRecording;
import org.epaworkbench.plan.RecordingRule;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.Recording;
import org.epaworkbench.session.RecordingPosition;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.session.SessionStatus;

/**
 * The session's recording as the session screen shows it and what the assessor decides about it (issue 16, ADR 14):
 * the consent declaration before the first recording, recording and stopping, the agreed exemption where the plan
 * requires a recording, the offer to record at the start and the question at the end when none is there yet, a remote
 * call's file attached, the bar's words (state, level, warnings), and playing the recording from a moment of the session.
 * No JavaFX: the screen hands it its dialogs and the session's writer; tests answer the dialogs themselves.
 */
public final class RecordingModel {

    /** The dialogs the decisions may need. */
    public interface Asker {
        /** The consent declaration, the apprentice's name and the words prefilled; empty when cancelled. */
        Optional<Consent> consent(String apprenticeName, String words);

        /** A reason typed by the assessor (the exemption, a duration); empty when cancelled. */
        Optional<String> reason(String title, String question, String prompt, String detail);

        /**
         * What to do where the plan requires a recording and there is none: record (when {@code recordOffered}), record
         * the agreed exemption, go on without ({@code withoutLabel}), or cancel.
         */
        Offer offer(String title, String question, String detail, boolean recordOffered, String withoutLabel);
    }

    /** The apprentice's consent as agreed: the name and the words. */
    public record Consent(String apprenticeName, String words) {
    }

    /** The assessor's answer where a required recording is missing. */
    public enum Offer { RECORD, EXEMPT, WITHOUT, CANCEL }

    /** Work on the session's one ordered writer (ADR 11). */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** The running session as the recording sees it. */
    public interface Session {
        LiveSnapshot snapshot();

        /** Runs {@code work} on the session's writer, then shows the session as saved; a failure is shown in words. */
        void act(Work work, Runnable afterCommit);

        /** Starts the planned session; {@code afterCommit} runs once the start is saved. */
        void start(Runnable afterCommit);

        /**
         * Runs long work (copying a call's file in) beside the session, off its writer so its clock goes on; then
         * {@code then} on the FX thread, or {@code failed} with what went wrong.
         */
        <T> void beside(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> then,
                java.util.function.Consumer<Throwable> failed);
    }

    /** How the bar looks: what it says and in which colour (always with words). */
    public enum Kind { NOT_USED, OFF, MISSING, RECORDING, PAUSED, DONE }

    /** The bar's state line. */
    public record Status(Kind kind, String text) {
    }

    private final Session session;
    private final RecordedSession recorded;
    private final SessionRecording recording;
    private final RecordingPlayback playback;
    private final String apprenticeName;
    private final Watch watch = new Watch();
    private volatile String lastProblem;
    private RecordingPlayback.Playing playing;

    public RecordingModel(Session session, RecordedSession recorded, SessionRecording recording, RecordingPlayback playback,
            String apprenticeName) {
        this.session = session;
        this.recorded = recorded;
        this.recording = recording;
        this.playback = playback;
        this.apprenticeName = apprenticeName;
    }

    // ---- what the plan asks ----

    private SessionState state() {
        return session.snapshot().state();
    }

    public RecordingRule.ModeRule rule() {
        return state().recordingRule(session.snapshot().component());
    }

    /** Whether the plan lets this session be recorded at all. */
    public boolean recordingUsed() {
        return rule().requirement() != RecordingRule.Requirement.NOT_USED;
    }

    /** Where the plan requires a recording and the session has none that counts, nor an agreed exemption. */
    public boolean requirementMissing() {
        return !state().recordingRequirementMet(session.snapshot().component());
    }

    private String source() {
        return rule().citation().map(c -> " (" + c.ref() + ")").orElse("");
    }

    /** Whether this run of the app is recording the session now (recording or paused with it). */
    public boolean recordingNow() {
        return recording.recording(recorded.id());
    }

    /** The Record button: only while the session runs (or to stop a recording). */
    public boolean canToggle() {
        return recordingUsed() && (recordingNow() || state().status() == SessionStatus.RUNNING);
    }

    /** The Exemption button: where the plan requires a recording and none is there yet. */
    public boolean exemptionOffered() {
        return rule().required() && requirementMissing() && !recordingNow();
    }

    /** Whether the session has ended (its record locked). */
    public boolean ended() {
        return state().ended();
    }

    /**
     * Attaching a recording made elsewhere, once the session has started: the video call's own for a session held
     * remotely; face to face, one made on a phone or dictaphone (no microphone here, or the app's recording failed), as
     * the End question and the "no microphone" warning tell the assessor to do. Not where the plan records nothing.
     */
    public boolean attachOffered() {
        if (state().status() == SessionStatus.PLANNED) {
            return false;
        }
        if (state().remote()) {
            return true;
        }
        // face to face only where the app's own recording is missing: required and absent, or it could not record
        return recordingUsed() && !recordingNow() && (requirementMissing() || lastProblem != null);
    }

    /** The Attach button's words: the call's recording (remote), or a recording (face to face: a phone's, a dictaphone's). */
    public String attachLabel() {
        return state().remote() ? "Attach the call's recording\u2026" : "Attach a recording\u2026";
    }

    // ---- decisions ----

    /** Record (after the consent declaration, the first time) or stop recording. */
    public void toggle(Asker asker) {
        if (recordingNow()) {
            session.act(() -> recording.stop(recorded), () -> { });
            return;
        }
        if (!recordingUsed()) {
            return;
        }
        Optional<Consent> consent = consentIfNeeded(asker);
        if (consent == null) {
            return;
        }
        session.act(() -> startRecording(consent.orElse(null)), () -> { });
    }

    /** Empty when consent is already recorded; null when the assessor cancelled the declaration. */
    private Optional<Consent> consentIfNeeded(Asker asker) {
        if (state().recordingConsent().isPresent()) {
            return Optional.empty();
        }
        Optional<Consent> given = asker.consent(apprenticeName, SessionRecording.consentWording(session.snapshot().component()));
        return given.isPresent() ? given : null;
    }

    /** On the writer: the consent (when given now), then the recording. */
    private void startRecording(Consent consent) throws Exception {
        lastProblem = null;
        watch.reset();
        if (consent != null) {
            recording.consent(recorded, consent.apprenticeName(), consent.words());
        }
        try {
            recording.start(recorded, watch);
        } catch (SessionRecording.CannotRecord e) {
            lastProblem = e.getMessage();
            throw e;
        }
    }

    /** Records the exemption agreed in advance, with its reason. */
    public void exempt(Asker asker) {
        askExemption(asker).ifPresent(reason -> session.act(() -> recording.exempt(recorded, reason), () -> { }));
    }

    private Optional<String> askExemption(Asker asker) {
        return asker.reason("Exemption from recording", "The plan" + source() + " requires this session to be recorded. "
                        + "Record the exemption agreed in advance and its reason; a written record is still required.",
                "e.g. agreed at the planning meeting: the employer does not allow recording on site", null)
                .map(String::strip).filter(r -> !r.isEmpty());
    }

    /**
     * Starts the planned session. Where the plan requires a recording and there is none, asks first: record (the consent
     * declaration, then the recording starts with the session), the agreed exemption, or start without (record later).
     */
    public void startSession(Asker asker) {
        if (state().status() != SessionStatus.PLANNED || !rule().required() || !requirementMissing()) {
            session.start(() -> { });
            return;
        }
        Offer choice = asker.offer("Recording required", "The plan" + source() + " requires this session to be recorded. "
                + "Record it from the start?", "Before recording, the apprentice agrees to it: their consent is recorded "
                + "with the session.", true, "Start without recording");
        switch (choice) {
            case RECORD -> {
                Optional<Consent> consent = consentIfNeeded(asker);
                if (consent == null) {
                    return;
                }
                session.start(() -> session.act(() -> startRecording(consent.orElse(null)), () -> { }));
            }
            case EXEMPT -> askExemption(asker).ifPresent(reason ->
                    session.start(() -> session.act(() -> recording.exempt(recorded, reason), () -> { })));
            case WITHOUT -> session.start(() -> { });
            case CANCEL -> { }
        }
    }

    /**
     * Before the session ends: where the plan requires a recording and there is none, asks for the exemption, or to end
     * anyway (the call's recording may be attached afterwards; the record cannot be signed until one is there). Returns
     * whether to go on ending.
     */
    public boolean beforeEnd(Asker asker) {
        SessionStatus st = state().status();
        if ((st != SessionStatus.RUNNING && st != SessionStatus.PAUSED) || !rule().required() || !requirementMissing()) {
            return true;
        }
        Offer choice = asker.offer("No recording", "The plan" + source() + " requires this session to be recorded, and it has "
                + "no recording and no agreed exemption.", "The record cannot be signed until the session has a recording "
                + "(one made elsewhere, the call's own or a phone's, can be attached after the end) or the exemption agreed in advance.", false,
                "End without; attach the recording later");
        switch (choice) {
            case EXEMPT -> {
                Optional<String> reason = askExemption(asker);
                if (reason.isEmpty()) {
                    return false;
                }
                session.act(() -> recording.exempt(recorded, reason.get()), () -> { });
                return true;
            }
            case WITHOUT -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Attaches a recording made elsewhere (the remote call's own file). Its duration is read from the file where its
     * format says it (Ogg/Opus, WAV, AIFF, MP4, M4A, MOV: {@link SessionRecording#durationOf}); for any other format the
     * assessor types it as the call's player shows it, and is told why. A duration that cannot be read is said, nothing
     * is copied.
     */
    public void attach(Path file, Asker asker) {
        lastProblem = null;
        // reading the header is quick, but the file may be on a slow drive: beside the session's writer too
        session.beside(() -> SessionRecording.durationOf(file), read -> {
            if (read.isPresent()) {
                copyAndAttach(file, read.get());
                return;
            }
            Optional<String> entered = asker.reason(attachLabel().replace("\u2026", ""), "Duration of " + file.getFileName()
                    + ", as its player shows it (h:mm:ss or mm:ss)", "e.g. 58:20", "The app reads the duration of Ogg/Opus, "
                    + "WAV, AIFF, MP4, M4A and MOV files itself; this file's format does not say it, so type it here.");
            if (entered.isEmpty()) {
                return;
            }
            Optional<Duration> duration = parseDuration(entered.get());
            if (duration.isEmpty()) {
                lastProblem = "\u201c" + entered.get().strip() + "\u201d is not a duration: write it as its player shows it, "
                        + "for example 58:20 or 1:02:05. Nothing was attached.";
                return;
            }
            copyAndAttach(file, duration.get());
        }, failure -> lastProblem = failure.getMessage());
    }

    private void copyAndAttach(Path file, Duration duration) {
        String format = formatOf(file, state().remote());
        // the copy (a call's video may be gigabytes) off the session's writer; only the log entry on it
        session.beside(() -> recording.copyIn(recorded, file),
                copied -> session.act(() -> recording.attach(recorded, copied, format, duration), () -> { }),
                failure -> lastProblem = failure.getMessage());
    }

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+):)?(\\d{1,3}):(\\d{2})");

    /** "58:20", "1:02:05" or a number of minutes ("45"): the duration of a recording as a player shows it. */
    public static Optional<Duration> parseDuration(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long min = Long.parseLong(m.group(2));
            long s = Long.parseLong(m.group(3));
            if (s >= 60 || (m.group(1) != null && min >= 60)) {
                return Optional.empty();
            }
            Duration d = Duration.ofHours(h).plusMinutes(min).plusSeconds(s);
            return d.isZero() ? Optional.empty() : Optional.of(d);
        }
        if (t.matches("\\d{1,4}")) {
            long min = Long.parseLong(t);
            return min == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(min));
        }
        return Optional.empty();
    }

    /** What the record says of an attached file's format: its kind by its extension, and where it was made. */
    static String formatOf(Path file, boolean remote) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
        String where = remote ? "from the call" : "recorded on another device";
        return ext.isEmpty() ? "Recording " + where : ext + " file " + where;
    }

    // ---- the bar ----

    /** Called with the session's tick: notices a microphone that went quiet without an error. */
    public void tick() {
        recording.checkDevice(recorded.id());
    }

    /** Where the recording is now, in ms of audio. */
    public long positionMillis() {
        return recording.positionMillis(recorded.id());
    }

    /** The bar's state line. */
    public Status status() {
        SessionState s = state();
        if (!recordingUsed() && s.recordings().isEmpty()) {
            return new Status(Kind.NOT_USED, "Not recorded: the plan" + source() + " does not record this component");
        }
        Optional<Recording> open = s.openRecording();
        if (recordingNow() && open.isPresent()) {
            String at = ElapsedText.format(Duration.ofMillis(positionMillis()));
            return open.get().status() == Recording.Status.PAUSED
                    ? new Status(Kind.PAUSED, "Recording paused with the session (" + at + " recorded)")
                    : new Status(Kind.RECORDING, "Recording " + at);
        }
        List<Recording> kept = s.recordings().stream().filter(r -> !r.open()).toList();
        String recorded = kept.isEmpty() ? "" : kept.size() == 1 ? describe(kept.get(0))
                : kept.size() + " recordings, " + ElapsedText.format(Duration.ofMillis(
                        kept.stream().mapToLong(r -> Math.max(0, r.durationMillis())).sum()));
        if (s.recordingExemption().isPresent() && kept.isEmpty()) {
            return new Status(Kind.DONE, "Not recorded: exemption agreed"); // its reason under it: exemptionReason()
        }
        if (requirementMissing()) {
            return new Status(Kind.MISSING, (s.ended() ? "No recording" : "Not recording") + ": the plan" + source()
                    + " requires a recording" + (s.remote() ? " (attach the call's)" : ""));
        }
        if (!kept.isEmpty()) {
            return new Status(Kind.DONE, (s.ended() ? "Recorded: " : "Not recording · recorded so far: ") + recorded);
        }
        if (s.status() == SessionStatus.PLANNED) {
            return new Status(Kind.OFF, "Not recording · " + rule().requirement().label().toLowerCase(Locale.ROOT)
                    + "; record once the session has started");
        }
        return new Status(Kind.OFF, s.ended() ? "Not recorded" : "Not recording");
    }

    /**
     * The recording's state in a few words beside the session's clock, where it stays in view when the Recording panel
     * is scrolled out of it (an interview's questions at 1280 × 720): recording (and its time), paused, a warning to
     * look at, or a required recording not being made while the session runs. Empty otherwise.
     */
    public Optional<Status> glance() {
        SessionState s = state();
        Optional<Recording> open = s.openRecording();
        if (recordingNow() && open.isPresent()) {
            if (!warnings().isEmpty()) {
                return Optional.of(new Status(Kind.MISSING, "Recording: see the warning"));
            }
            return Optional.of(open.get().status() == Recording.Status.PAUSED ? new Status(Kind.PAUSED, "Recording paused")
                    : new Status(Kind.RECORDING, "Recording " + ElapsedText.format(Duration.ofMillis(positionMillis()))));
        }
        if (s.status() == SessionStatus.RUNNING && rule().required() && requirementMissing()) {
            return Optional.of(new Status(Kind.MISSING, "Not recording"));
        }
        return Optional.empty();
    }

    /** A pause the recording holds: "Paused at 12:34: reason" (session time) and where it is in the recording. */
    public record PauseMark(int number, String text, RecordingPosition at) {
    }

    /**
     * The session's pauses that fall in a recording, in order, each with its place in it (issue 16: every judgement,
     * note, question and pause shows its position in the recording); pauses outside any recording are left out.
     */
    public List<PauseMark> pausesInRecording() {
        SessionState s = state();
        List<PauseMark> marks = new ArrayList<>();
        int n = 0;
        for (org.epaworkbench.session.Pause p : s.pauses()) {
            n++;
            Optional<RecordingPosition> at = s.recordingPositionOf(p);
            if (at.isPresent()) {
                marks.add(new PauseMark(n, "Paused at " + ElapsedText.format(p.sessionTime()) + ": " + p.reason(), at.get()));
            }
        }
        return marks;
    }

    private static String describe(Recording r) {
        String length = r.durationMillis() >= 0 ? " " + ElapsedText.format(Duration.ofMillis(r.durationMillis())) : "";
        return r.fileName() + length + (r.kind() == Recording.Kind.ATTACHED ? " (attached)" : "")
                + (r.status() == Recording.Status.REPAIRED ? " (repaired after the app stopped)" : "");
    }

    /**
     * The agreed exemption's reason, said under the state line in plain type (in the bold state line a long reason took
     * seven lines of the panel at 1280 px); empty without an exemption.
     */
    public Optional<String> exemptionReason() {
        boolean alsoRecorded = state().recordings().stream().anyMatch(r -> !r.open());
        // beside "Not recorded: exemption agreed" the reason; beside a recording, what it is the reason of
        return state().recordingExemption().map(e -> (alsoRecorded ? "Exemption agreed: " : "Reason: ") + e.reason());
    }

    /** The input's loudness now, 0 (silent, or not recording) to 1 (full scale), from the last 100 ms. */
    public double level() {
        if (!recordingNow() || state().openRecording().map(r -> r.status() != Recording.Status.RECORDING).orElse(true)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (watch.rmsDbfs + 60) / 60));
    }

    /** What the assessor must know now, in plain words: silence, a lost microphone, a full disk, why recording failed. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        String problem = lastProblem;
        if (problem != null && !recordingNow()) {
            w.add(problem);
        }
        if (recordingNow()) {
            if (watch.deviceLost != null) {
                w.add("The microphone stopped sending sound: " + watch.deviceLost + " The recording is kept up to "
                        + ElapsedText.format(Duration.ofMillis(watch.deviceLostAt)) + ". Stop the recording, check the "
                        + "microphone, then Record again.");
            } else if (watch.silentSince >= 0) {
                long silent = Math.max(SILENCE_MILLIS, positionMillis() - watch.silentSince) / 1000;
                w.add("No sound for " + silent + " s: check the microphone is switched on, not muted, and near the "
                        + "apprentice.");
            }
            if (watch.writeFailed != null) {
                w.add("The recording could not be written: " + watch.writeFailed);
            }
            if (watch.diskLow != null) {
                w.add(watch.diskLow + " Free some space on the disk soon: the recording stops when the disk is full.");
            }
        }
        return w;
    }

    static final long SILENCE_MILLIS = 20_000;

    /** What the screen hears from the recorder, on the capture and writer threads. */
    static final class Watch implements SessionRecording.Watcher {
        volatile double rmsDbfs = -120;
        volatile long silentSince = -1;
        volatile String deviceLost;
        volatile long deviceLostAt;
        volatile String writeFailed;
        volatile String diskLow;

        void reset() {
            rmsDbfs = -120;
            silentSince = -1;
            deviceLost = null;
            writeFailed = null;
            diskLow = null;
        }

        @Override
        public void level(long atMillis, double peakDbfs, double rms) {
            rmsDbfs = rms;
        }

        @Override
        public void silence(long sinceMillis) {
            silentSince = sinceMillis;
        }

        @Override
        public void soundBack(long atMillis) {
            silentSince = -1;
        }

        @Override
        public void deviceLost(long atMillis, String message) {
            deviceLostAt = atMillis;
            deviceLost = message;
        }

        @Override
        public void writeFailed(long atMillis, String message) {
            writeFailed = message;
        }

        @Override
        public void diskSpaceLow(String message) {
            diskLow = message;
        }
    }

    // ---- positions and playback ----

    /** "▶ 12:34": where a moment of the session is in its recording; empty when the recording does not hold it. */
    public static Optional<String> positionText(Optional<RecordingPosition> at) {
        return at.map(p -> "\u25B6 " + ElapsedText.format(p.offset()));
    }

    /** Plays the recording from a few seconds before the moment ({@link RecordingPlayback#BEFORE}). */
    public void play(RecordingPosition at) {
        playing = playback.play(recorded.id(), at);
    }

    /** Stops playing. */
    public void stopPlaying() {
        if (playing != null) {
            playing.stop();
        }
    }

    /** Whether a recording of this session is playing now. */
    public boolean isPlaying() {
        return playing != null && !playing.finished();
    }

    /** The playback line: what plays and where it is; a problem in words; empty when nothing plays. */
    public String playingText() {
        RecordingPlayback.Playing p = playing;
        if (p == null) {
            return "";
        }
        if (p.problem().isPresent()) {
            return p.problem().get();
        }
        if (p.finished()) {
            return "";
        }
        return "Playing " + p.fileName() + " at " + ElapsedText.format(Duration.ofMillis(p.positionMillis()))
                + " (from " + ElapsedText.format(Duration.ofMillis(p.fromMillis())) + ")";
    }
}
