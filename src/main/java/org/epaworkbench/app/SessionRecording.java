package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.epaworkbench.plan.Component;
import org.epaworkbench.recording.AudioInput;
import org.epaworkbench.recording.AudioRecorder;
import org.epaworkbench.recording.DiskSpaceCheck;
import org.epaworkbench.recording.JavaSoundInput;
import org.epaworkbench.recording.LevelMeter;
import org.epaworkbench.recording.OpusRecordingWriter;
import org.epaworkbench.recording.RecordingFormat;
import org.epaworkbench.recording.RecordingRepair;
import org.epaworkbench.recording.SilenceWatch;
import org.epaworkbench.session.Recording;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.RecordingFiles;

/**
 * Recording a session (issue 16, ADR 14): the apprentice's consent and an agreed exemption; starting to record a running
 * session from the microphone into the data folder ({@code recordings/<sessionId>/<n>.opus}) after checking there is room
 * for at least an hour; following the session's pause, resume and end ({@link #follow}, called after each action); and,
 * when the app starts, repairing a recording the log shows open because the app stopped while it ran.
 *
 * <p>Every change is a session event written through the session's {@link RecordedSession} (its one ordered writer):
 * call these methods on that writer's thread, as for any other action. Capture and encoding run on threads of their own
 * (or, in tests, only when {@link #captureOnce} is called) and never wait on the writer.
 */
public final class SessionRecording implements AutoCloseable {

    /** The folder of the data folder that holds recordings, one folder per session. */
    /** Recording does not start with less room than this on the disk. */
    public static final long MINIMUM_MINUTES = DiskSpaceCheck.WARN_BELOW_MINUTES;

    /** Opens the sound input: the laptop's microphone, or (tests, machines without a sound card) a file. */
    @FunctionalInterface
    public interface Microphone {
        AudioInput open(int preferredRate) throws IOException;

        /** The system's default microphone through Java Sound. */
        static Microphone defaultDevice() {
            return rate -> JavaSoundInput.open(null, rate);
        }

        /**
         * The microphone the system lists under {@code name} (as chosen in Settings), or the default one when
         * {@code name} is null or blank. A chosen microphone that is not connected is said plainly, not replaced.
         */
        static Microphone named(String name) {
            if (name == null || name.isBlank()) {
                return defaultDevice();
            }
            return rate -> {
                for (org.epaworkbench.recording.InputDevice d : JavaSoundInput.devices()) {
                    if (d.name().equals(name)) {
                        return JavaSoundInput.open(d, rate);
                    }
                }
                throw new IOException("The microphone \u201c" + name + "\u201d chosen in Settings is not connected. "
                        + "Connect it, or choose another microphone (or the default one) in Settings, Recording.");
            };
        }

        /**
         * A WAV file played in a loop at the pace of real time, as if it were a microphone: a demonstration and
         * screenshot hook for machines without a sound card ({@code -Depaworkbench.demoMicrophone=FILE.wav}); never
         * used unless that property is set.
         */
        static Microphone demoFile(Path wav) {
            return rate -> org.epaworkbench.recording.PacedAudioInput.looping(wav);
        }
    }

    /** The system property naming a WAV file to record from instead of a microphone (demonstrations, screenshots). */
    public static final String DEMO_MICROPHONE = "epaworkbench.demoMicrophone";

    /** The names of the microphones the system lists now (Java Sound), for the assessor to choose from in Settings. */
    public static List<String> microphones() {
        List<String> names = new ArrayList<>();
        try {
            for (org.epaworkbench.recording.InputDevice d : JavaSoundInput.devices()) {
                if (!names.contains(d.name())) {
                    names.add(d.name());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // no sound system at all: no microphone to list
        }
        return names;
    }

    /** What a screen hears while a session records; called on the capture or writer thread. Plain values only. */
    public interface Watcher {
        Watcher NONE = new Watcher() {
        };

        /** The level of the last 100 ms, at {@code atMillis} into the recording. */
        default void level(long atMillis, double peakDbfs, double rmsDbfs) {
        }

        /** The input has been silent since {@code sinceMillis} (20 s and more). */
        default void silence(long sinceMillis) {
        }

        default void soundBack(long atMillis) {
        }

        /** The microphone stopped sending sound; the recording is kept up to {@code atMillis}. */
        default void deviceLost(long atMillis, String message) {
        }

        default void writeFailed(long atMillis, String message) {
        }

        /** Less than an hour of room left on the disk while recording. */
        default void diskSpaceLow(String message) {
        }
    }

    /** Recording could not start or go on, for a reason outside the session's rules (disk, microphone, file). */
    public static final class CannotRecord extends Exception {
        private static final long serialVersionUID = 1L;

        public CannotRecord(String message) {
            super(message);
        }

        public CannotRecord(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A recording that started: its file name in the session's folder, format and device, and the room left. */
    public record Started(String sessionId, String fileName, String format, String device, String diskSpace) {
    }

    /** What a repair at start found and recorded in a session's log. */
    public record Repaired(String sessionId, String fileName, String outcome, String description) {
    }

    /** What the start could not do (a session that cannot be opened, a file that cannot be read), in words. */
    public record RepairProblem(String sessionId, String message) {
    }

    /** What {@link #repairLeftOpen(Sessions, SessionClock, SessionSettings)} did. */
    public record RepairRound(List<Repaired> repaired, List<RepairProblem> problems) {
    }

    private record Running(String fileName, Path file, AudioRecorder recorder) {
    }

    private final Path root;
    private final Microphone microphone;
    private final RecordingFormat format;
    private final DiskSpaceCheck.UsableSpace space;
    private final LongSupplier clockMillis;
    private final boolean ownThreads;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /**
     * @param dataRoot    the data folder
     * @param space       free space on a folder's disk (the real disk, or a test's number)
     * @param clockMillis a monotonic clock in ms, for noticing a microphone that stops without saying so
     * @param ownThreads  capture and write on threads of their own (the app); false: capture only in {@link #captureOnce}
     *                    and write at once on the caller's thread (tests, with no sleeping)
     */
    public SessionRecording(Path dataRoot, Microphone microphone, RecordingFormat format, DiskSpaceCheck.UsableSpace space,
            LongSupplier clockMillis, boolean ownThreads) {
        this.root = dataRoot;
        this.microphone = microphone;
        this.format = format;
        this.space = space;
        this.clockMillis = clockMillis;
        this.ownThreads = ownThreads;
    }

    /** For the app: speech format, the real disk, the system's monotonic clock, capture on its own threads. */
    public static SessionRecording standard(Path dataRoot, Microphone microphone) {
        return new SessionRecording(dataRoot, microphone, RecordingFormat.SPEECH,
                folder -> Files.getFileStore(existing(folder)).getUsableSpace(), () -> System.nanoTime() / 1_000_000, true);
    }

    /** The folder a session's recordings are kept in. */
    public Path folderOf(String sessionId) {
        return RecordingFiles.folder(root).resolve(sessionId);
    }

    /** A recording's file, by the name its events give. */
    public Path fileOf(String sessionId, String fileName) {
        return folderOf(sessionId).resolve(fileName);
    }

    /** Words the apprentice consents to, for the consent screen to show and record (the assessor may change them). */
    public static String consentWording(Component component) {
        return "I agree to this " + component.title().toLowerCase() + " being recorded (sound) and the recording being "
                + "kept with the assessment record for quality assurance.";
    }

    // ---- consent and exemption ----

    /** Records the apprentice's consent to recording; before a recording starts. */
    public SessionState consent(RecordedSession session, String apprenticeName, String statement)
            throws SessionRuleException, SQLException {
        return session.perform(l -> l.consentToRecording(apprenticeName, statement));
    }

    /** Records the agreed exemption from a recording the plan requires, with its reason. */
    public SessionState exempt(RecordedSession session, String reason) throws SessionRuleException, SQLException {
        return session.perform(l -> l.exemptFromRecording(reason));
    }

    // ---- recording ----

    /**
     * Starts recording a running session: the session's rules first (running, consent given, the plan records it, no
     * other recording open), then the disk (at least {@link #MINIMUM_MINUTES} of room), then the microphone. The
     * started event is saved before capture begins, so the recording's 0 is the event's session time.
     */
    public Started start(RecordedSession session, Watcher watcher) throws SessionRuleException, SQLException, CannotRecord {
        String sessionId = session.id();
        if (running.containsKey(sessionId)) {
            throw new SessionRuleException("The session is already being recorded.");
        }
        SessionState state = session.live().state();
        String fileName = nextFileName(sessionId, state);
        String formatText = describe(format);
        session.live().recordingStarted(fileName, formatText, "microphone"); // the session's rules, nothing recorded yet
        Path folder = folderOf(sessionId);
        DiskSpaceCheck.Space room;
        try {
            room = new DiskSpaceCheck(space, format).check(folder);
        } catch (IOException e) {
            throw new CannotRecord(e.getMessage(), e);
        }
        if (room.minutesLeft() < MINIMUM_MINUTES) {
            throw new CannotRecord("Recording was not started. " + room.describe() + " At least an hour of room is needed "
                    + "before a session is recorded: free some space on the disk of " + root + ", then start again.");
        }
        AudioInput input;
        try {
            input = microphone.open(format.sampleRate());
        } catch (IOException e) {
            throw new CannotRecord("Recording was not started. " + e.getMessage(), e);
        }
        Path file = folder.resolve(fileName);
        AudioRecorder recorder;
        RecordingFormat used = format.withSampleRate(input.sampleRate());
        try {
            Files.createDirectories(folder);
            OpusRecordingWriter writer = OpusRecordingWriter.create(file, used, sessionId);
            recorder = new AudioRecorder(input, writer, listener(watcher), writerThread(), new DiskSpaceCheck(space, used),
                    SilenceWatch.standard(), clockMillis);
        } catch (IOException e) {
            closeQuietly(input);
            throw new CannotRecord("Recording was not started: the file " + file + " cannot be written (" + e.getMessage()
                    + ").", e);
        }
        String device = input.name();
        String usedText = describe(used);
        try {
            session.perform(l -> l.recordingStarted(fileName, usedText, device));
        } catch (SessionRuleException | SQLException | RuntimeException e) {
            try {
                recorder.stop();
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing was recorded; the event was not saved
            }
            throw e;
        }
        running.put(sessionId, new Running(fileName, file, recorder));
        try {
            if (ownThreads) {
                recorder.start();
            } else {
                recorder.begin();
            }
        } catch (IOException | RuntimeException e) {
            finish(session, running.remove(sessionId));
            throw new CannotRecord("The microphone \u201c" + device + "\u201d could not start recording (" + e.getMessage()
                    + "). The empty recording has been closed.", e);
        }
        return new Started(sessionId, fileName, usedText, device, room.describe());
    }

    /**
     * Brings the recording in line with the session after an action: paused with it (what was captured is forced to disk,
     * and the log marks the gap with the file position), resumed with it, stopped and closed at its end (the ended event
     * carries the duration, size and SHA-256). Does nothing for a session not being recorded in this run.
     */
    public SessionState follow(RecordedSession session) throws SessionRuleException, SQLException {
        Running r = running.get(session.id());
        SessionState state = session.live().state();
        if (r == null) {
            return state;
        }
        Optional<Recording> open = state.openRecording();
        if (state.ended() || open.isEmpty()) {
            return finish(session, running.remove(session.id()));
        }
        if (state.status() == SessionStatus.PAUSED && open.get().status() == Recording.Status.RECORDING) {
            r.recorder().pause();
            long at = r.recorder().positionMillis();
            return session.perform(l -> l.recordingPaused(at));
        }
        if (state.status() == SessionStatus.RUNNING && open.get().status() == Recording.Status.PAUSED) {
            long at = r.recorder().positionMillis();
            SessionState resumed = session.perform(l -> l.recordingResumed(at));
            try {
                r.recorder().resume();
            } catch (IOException e) {
                throw new SessionRuleException("The microphone could not start again (" + e.getMessage() + "). Stop the "
                        + "recording and start a new one.");
            }
            return resumed;
        }
        return state;
    }

    /** Stops recording the session (the assessor's button): the file is closed and the ended event saved. */
    public SessionState stop(RecordedSession session) throws SessionRuleException, SQLException {
        Running r = running.remove(session.id());
        if (r == null) {
            throw new SessionRuleException("The session is not being recorded.");
        }
        return finish(session, r);
    }

    /** Whether this run of the app is recording the session now (recording or paused). */
    public boolean recording(String sessionId) {
        return running.containsKey(sessionId);
    }

    /** Where the recording of the session is now, in ms of audio; 0 when it is not being recorded. */
    public long positionMillis(String sessionId) {
        Running r = running.get(sessionId);
        return r == null ? 0 : r.recorder().positionMillis();
    }

    /**
     * Reads the microphone once and passes the sound on, for a recorder without threads of its own (tests); false when
     * the session is not being recorded or capture has ended (device lost, write failed).
     */
    public boolean captureOnce(String sessionId) {
        Running r = running.get(sessionId);
        return r != null && r.recorder().captureOnce();
    }

    /** A microphone that stops sending sound without an error is noticed here: call it with the session's tick. */
    public void checkDevice(String sessionId) {
        Running r = running.get(sessionId);
        if (r != null) {
            r.recorder().checkDevice();
        }
    }

    private SessionState finish(RecordedSession session, Running r) throws SessionRuleException, SQLException {
        try {
            r.recorder().stop();
        } catch (IOException e) {
            // the end could not be written: end the file at its last whole page and say what was kept
            return recordRepair(session, r.fileName(), r.file());
        }
        long duration = r.recorder().positionMillis();
        long size;
        String sha;
        try {
            size = Files.size(r.file());
            sha = RecordingFiles.sha256Of(r.file());
        } catch (IOException e) {
            throw new SessionRuleException("The recording " + r.file() + " was closed but cannot be read to record its "
                    + "size and SHA-256 (" + e.getMessage() + ").");
        }
        return session.perform(l -> l.recordingEnded(duration, size, sha));
    }

    // ---- a recording made elsewhere ----

    /**
     * Attaches a recording made elsewhere (a remote session's video call recording, in any format) to the session, during
     * it or after its end: the file is copied into the session's recordings folder (under its own name, numbered when
     * that is taken) and its SHA-256 and size recorded with its duration (read from the file by
     * {@link #durationOf}, or given by the assessor). Returns the name it is kept under.
     */
    public String attach(RecordedSession session, Path source, String format, java.time.Duration duration)
            throws SessionRuleException, SQLException, CannotRecord {
        if (duration == null || duration.isNegative()) {
            throw new SessionRuleException("Give the recording's duration, as its player shows it.");
        }
        return attach(session, copyIn(session, source), format, duration);
    }

    /**
     * The duration of a call's recording read from its file: Ogg/Opus, WAV, AIFF, MP4, M4A and MOV say it in their
     * headers; empty for other formats (the assessor types what their player shows). Reads headers only, never decodes.
     */
    public static Optional<java.time.Duration> durationOf(Path file) {
        return org.epaworkbench.recording.MediaDuration.of(file);
    }

    /** A call's recording copied into a session's recordings folder, not yet in its log. */
    public record CopiedIn(String name, Path file, String sha256, long sizeBytes) {
    }

    /**
     * The long half of {@link #attach(RecordedSession, Path, String, java.time.Duration)}: copies the file into the
     * session's recordings folder and reads its SHA-256 (a video call's file may take minutes), off the session's
     * writer so its clock and heartbeats go on meanwhile. Nothing is in the log until {@link #attach(RecordedSession,
     * CopiedIn, String, java.time.Duration)}.
     */
    public CopiedIn copyIn(RecordedSession session, Path source) throws CannotRecord {
        if (!Files.isRegularFile(source)) {
            throw new CannotRecord("There is no file " + source + " to attach.");
        }
        Path folder = folderOf(session.id());
        String name = plainName(source.getFileName().toString());
        SessionState state = session.live().state();
        for (int n = 2; taken(state, session.id(), name); n++) {
            name = n + "-" + plainName(source.getFileName().toString());
        }
        String kept = name;
        Path target = folder.resolve(kept);
        long size;
        String sha;
        try {
            size = Files.size(source);
            Files.createDirectories(folder);
            if (space.usableBytes(folder) < size) {
                throw new CannotRecord("The recording was not attached: it takes " + size + " bytes and the disk of " + root
                        + " has less room than that. Free some space first.");
            }
            Path part = folder.resolve(kept + ".part");
            Files.copy(source, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            sha = RecordingFiles.sha256Of(target);
        } catch (IOException e) {
            throw new CannotRecord("The recording " + source + " could not be copied into " + folder + " (" + e.getMessage()
                    + ").", e);
        }
        return new CopiedIn(kept, target, sha, size);
    }

    /**
     * The short half: records the copied file in the session's log (on the session's writer) with the duration the
     * assessor gives; when the log refuses it, the copy is removed. Returns the name it is kept under.
     */
    public String attach(RecordedSession session, CopiedIn copied, String format, java.time.Duration duration)
            throws SessionRuleException, SQLException {
        if (duration == null || duration.isNegative()) {
            throw new SessionRuleException("Give the recording's duration, as its player shows it.");
        }
        String kept = copied.name();
        Path target = copied.file();
        try {
            session.perform(l -> l.attachRecording(kept, format, copied.sha256(), duration.toMillis(), copied.sizeBytes()));
        } catch (SessionRuleException | SQLException | RuntimeException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // the event was not saved; the copy is left for the assessor to remove
            }
            throw e;
        }
        return kept;
    }

    private boolean taken(SessionState state, String sessionId, String name) {
        return state.recordings().stream().anyMatch(r -> r.fileName().equals(name)) || Files.exists(fileOf(sessionId, name));
    }

    /** A file name safe to keep and to carry in a package: letters, digits, dot, dash, underscore and space. */
    private static String plainName(String name) {
        String plain = name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (plain.isEmpty() || plain.chars().allMatch(c -> c == '.')) {
            plain = "recording";
        }
        return plain.length() > 200 ? plain.substring(plain.length() - 200) : plain;
    }

    // ---- after a crash ----

    /**
     * Repairs the session's recording if its log shows one open that this run is not recording (the app stopped while it
     * ran), and records what was kept and lost; empty when there is none.
     */
    public Optional<Repaired> repairLeftOpen(RecordedSession session) throws SessionRuleException, SQLException {
        if (running.containsKey(session.id())) {
            return Optional.empty();
        }
        Optional<Recording> open = session.live().state().openRecording();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String fileName = open.get().fileName();
        recordRepair(session, fileName, fileOf(session.id(), fileName));
        var repaired = session.live().state().recordings().stream().filter(x -> x.fileName().equals(fileName)).findFirst()
                .orElseThrow().repair();
        return Optional.of(new Repaired(session.id(), fileName, repaired.outcome(), repaired.description()));
    }

    /**
     * At start: every session with a recordings folder here whose log shows a recording left open is opened, its file
     * repaired and the repair recorded. Sessions recorded on no other device have a folder here, so nothing else is read.
     */
    public RepairRound repairLeftOpen(Sessions sessions, SessionClock clock, SessionSettings settings) {
        List<Repaired> repaired = new ArrayList<>();
        List<RepairProblem> problems = new ArrayList<>();
        Path folder = RecordingFiles.folder(root);
        if (!Files.isDirectory(folder)) {
            return new RepairRound(repaired, problems);
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path dir : dirs) {
                String sessionId = dir.getFileName().toString();
                try {
                    Optional<SessionState> state = sessions.state(sessionId);
                    if (state.isEmpty() || state.get().openRecording().isEmpty() || running.containsKey(sessionId)) {
                        continue;
                    }
                    RecordedSession session = sessions.open(sessionId, clock, settings);
                    repairLeftOpen(session).ifPresent(repaired::add);
                } catch (SQLException | SessionRuleException | RecordedSession.SessionNotOpenable | RuntimeException e) {
                    problems.add(new RepairProblem(sessionId, "The recording of session " + sessionId + " left open when "
                            + "the app stopped could not be repaired: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new RepairProblem(null, "The recordings folder " + folder + " cannot be read: " + e.getMessage()));
        }
        return new RepairRound(repaired, problems);
    }

    private SessionState recordRepair(RecordedSession session, String fileName, Path file)
            throws SessionRuleException, SQLException {
        if (!Files.exists(file)) {
            String none = sha256(new byte[0]);
            return session.perform(l -> l.recordingRepaired("missing", 0, -1, 0, none, "The recording file " + fileName
                    + " was not found in " + file.getParent() + ": nothing of it is kept."));
        }
        RecordingRepair.Result result;
        long size;
        String sha;
        try {
            result = RecordingRepair.repair(file);
            size = Files.size(file);
            sha = RecordingFiles.sha256Of(file);
        } catch (IOException e) {
            throw new SessionRuleException("The recording " + file + " cannot be read to repair it (" + e.getMessage()
                    + "). It has been left as it was.");
        }
        String outcome = result.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        long kept = Math.max(0, result.keptMillis());
        return session.perform(l -> l.recordingRepaired(outcome, kept, result.lostMillis(), size, sha, result.describe()));
    }

    // ---- helpers ----

    /** The next free name: 1.opus, 2.opus, … not used by the session's log nor present in its folder. */
    private String nextFileName(String sessionId, SessionState state) {
        for (int n = 1; ; n++) {
            String name = n + ".opus";
            boolean used = state.recordings().stream().anyMatch(r -> r.fileName().equals(name));
            if (!used && !Files.exists(fileOf(sessionId, name))) {
                return name;
            }
        }
    }

    /** "Opus in Ogg, 16 kHz mono, 24 kbit/s": what the record and the log say of the file. */
    static String describe(RecordingFormat f) {
        return "Opus in Ogg, " + f.sampleRate() / 1000 + " kHz mono, " + f.bitrate() / 1000 + " kbit/s";
    }

    private AudioRecorder.Listener listener(Watcher w) {
        return new AudioRecorder.Listener() {
            @Override
            public void level(LevelMeter.Level level) {
                w.level(level.atMillis(), level.peakDbfs(), level.rmsDbfs());
            }

            @Override
            public void silence(long sinceMillis) {
                w.silence(sinceMillis);
            }

            @Override
            public void soundBack(long atMillis) {
                w.soundBack(atMillis);
            }

            @Override
            public void deviceLost(long atMillis, String message) {
                w.deviceLost(atMillis, message);
            }

            @Override
            public void writeFailed(long atMillis, String message) {
                w.writeFailed(atMillis, message);
            }

            @Override
            public void diskSpaceLow(DiskSpaceCheck.Space s) {
                w.diskSpaceLow(s.describe());
            }
        };
    }

    private ExecutorService writerThread() {
        if (ownThreads) {
            return Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "recording-writer");
                t.setDaemon(true);
                return t;
            });
        }
        return new AtOnce();
    }

    /** Runs each write at once on the caller's thread: capture driven by {@link #captureOnce}, no threads to wait for. */
    private static final class AtOnce extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("the recording has ended");
            }
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Path existing(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? folder.toAbsolutePath().getRoot() : p;
    }

    private static void closeQuietly(AudioInput input) {
        try {
            input.close();
        } catch (RuntimeException ignored) {
            // the microphone was not used
        }
    }

    /**
     * Closes every recording still open (the app is closing): each file ends cleanly, but no event is written (the
     * session's writer may be gone). On the next start the log still shows it open and the repair finds it intact.
     */
    @Override
    public void close() {
        for (String id : List.copyOf(running.keySet())) {
            Running r = running.remove(id);
            try {
                r.recorder().stop();
            } catch (IOException ignored) {
                // the next start repairs it
            }
        }
    }
}
