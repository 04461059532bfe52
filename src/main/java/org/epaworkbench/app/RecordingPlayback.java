package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.epaworkbench.recording.OpusRecordingReader;
import org.epaworkbench.session.RecordingPosition;

/**
 * Plays a session's recording from a moment of the session (issue 16): a note, a judgement, a question or a pause gives
 * its {@link RecordingPosition}; playback starts a few seconds before it ({@link RecordingPosition#playFrom}), decoded in
 * the app (JavaFX Media plays no Ogg or Opus) and written to the laptop's speakers through Java Sound. One recording
 * plays at a time: playing another stops the first. A recording still being made plays up to what is on disk.
 *
 * <p>Decoding and writing run on the executor given (a thread of its own in the app; the caller's thread in tests, with an
 * {@link Output} that keeps the sound in memory).
 */
public final class RecordingPlayback implements AutoCloseable {

    /** How much earlier than the moment playback starts: enough to hear what led to the note or judgement. */
    public static final Duration BEFORE = Duration.ofSeconds(5);

    /** Decoded sound is played at this rate, the one every output device takes. */
    public static final int RATE = 48_000;

    /** Where decoded sound goes: mono 16-bit PCM at {@link #RATE}. */
    public interface Output {
        void open(int sampleRate) throws IOException;

        /** Writes samples, waiting as a sound card does until there is room for them. */
        void write(short[] samples, int offset, int length) throws IOException;

        /** Lets what is written play to its end. */
        void drain();

        /** Stops at once; what was not played yet is dropped. */
        void close();

        /** The laptop's speakers or headphones, through Java Sound. */
        static Output javaSound() {
            return new JavaSoundOutput();
        }

        /**
         * A WAV file written at the pace of real time, as if it were the speakers: the demonstration hook for machines
         * without a sound card ({@value #DEMO_SPEAKERS}), so that what a click on "▶" plays can be listened to or
         * checked afterwards. Each playback replaces the file.
         */
        static Output wavFile(Path file) {
            return new WavFileOutput(file);
        }
    }

    /** The system property naming a WAV file to play into instead of the speakers (demonstrations, checks). */
    public static final String DEMO_SPEAKERS = "epaworkbench.demoSpeakers";

    /** A playback under way or ended: where it started, where it is, and what stopped it. Read from any thread. */
    public static final class Playing {
        private final String sessionId;
        private final String fileName;
        private final long fromMillis;
        private volatile long positionMillis;
        private volatile boolean stopRequested;
        private volatile boolean finished;
        private volatile String problem;

        Playing(String sessionId, String fileName, long fromMillis) {
            this.sessionId = sessionId;
            this.fileName = fileName;
            this.fromMillis = fromMillis;
            this.positionMillis = fromMillis;
        }

        public String sessionId() {
            return sessionId;
        }

        public String fileName() {
            return fileName;
        }

        /** Where in the recording playback started, in ms. */
        public long fromMillis() {
            return fromMillis;
        }

        /** Where in the recording the sound being written now comes from, in ms. */
        public long positionMillis() {
            return positionMillis;
        }

        /** Whether it has ended: played to the end, stopped, or failed ({@link #problem()}). */
        public boolean finished() {
            return finished;
        }

        /** Why it could not play, in the assessor's words; empty when it played or was stopped. */
        public Optional<String> problem() {
            return Optional.ofNullable(problem);
        }

        /** Stops playing (soon: after the sound already handed to the speakers). */
        public void stop() {
            stopRequested = true;
        }
    }

    private final SessionRecording recordings;
    private final Supplier<Output> outputs;
    private final Executor executor;
    private Playing current;

    public RecordingPlayback(SessionRecording recordings, Supplier<Output> outputs, Executor executor) {
        this.recordings = recordings;
        this.outputs = outputs;
        this.executor = executor;
    }

    /** For the app: the speakers, on a thread of its own. */
    public static RecordingPlayback standard(SessionRecording recordings) {
        return standard(recordings, Output::javaSound);
    }

    /** For the app: {@code outputs} (the speakers, or the demonstration file), on a thread of its own. */
    public static RecordingPlayback standard(SessionRecording recordings, Supplier<Output> outputs) {
        return new RecordingPlayback(recordings, outputs, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "recording-playback");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Plays the session's recording from {@link #BEFORE} before {@code position} (never before its start), stopping
     * whatever was playing. Problems (the file gone, no speakers) are reported by the returned {@link Playing}.
     */
    public Playing play(String sessionId, RecordingPosition position) {
        return play(sessionId, position.fileName(), position.playFrom(BEFORE));
    }

    /** Plays the session's recording {@code fileName} from {@code from}. */
    public synchronized Playing play(String sessionId, String fileName, Duration from) {
        stop();
        Playing p = new Playing(sessionId, fileName, from.toMillis());
        current = p;
        Path file = recordings.fileOf(sessionId, fileName);
        executor.execute(() -> run(p, file));
        return p;
    }

    /** The playback under way, if any. */
    public synchronized Optional<Playing> current() {
        return Optional.ofNullable(current).filter(p -> !p.finished());
    }

    /** Stops what is playing, if anything. */
    public synchronized void stop() {
        if (current != null) {
            current.stop();
        }
    }

    private void run(Playing p, Path file) {
        if (p.stopRequested) {
            p.finished = true;
            return;
        }
        if (!Files.isRegularFile(file)) {
            fail(p, "The recording " + p.fileName + " is not in " + file.getParent() + " any more, so it cannot be played.");
            return;
        }
        Output out = outputs.get();
        try (OpusRecordingReader reader = OpusRecordingReader.open(file);
                OpusRecordingReader.PcmStream pcm = reader.decodeFrom(p.fromMillis, RATE)) {
            out.open(RATE);
            try {
                short[] buffer = new short[RATE / 50];
                while (!p.stopRequested) {
                    p.positionMillis = pcm.positionMillis();
                    int n = pcm.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                }
                if (!p.stopRequested) {
                    out.drain();
                }
            } finally {
                out.close();
            }
            p.finished = true;
        } catch (IOException e) {
            fail(p, e.getMessage() == null ? "The recording " + p.fileName + " cannot be played." : e.getMessage());
        } catch (RuntimeException e) {
            fail(p, "The recording " + p.fileName + " cannot be played (" + e.getMessage() + ").");
        }
    }

    private static void fail(Playing p, String message) {
        p.problem = message;
        p.finished = true;
    }

    @Override
    public void close() {
        stop();
    }

    /** Played sound kept in a WAV file, written no faster than real time (see {@link Output#wavFile}). */
    private static final class WavFileOutput implements Output {
        private final Path file;
        private final java.io.ByteArrayOutputStream pcm = new java.io.ByteArrayOutputStream();
        private int rate;
        private long written;
        private long startedNanos;

        WavFileOutput(Path file) {
            this.file = file;
        }

        @Override
        public void open(int sampleRate) {
            rate = sampleRate;
            startedNanos = System.nanoTime();
        }

        @Override
        public void write(short[] samples, int offset, int length) throws IOException {
            for (int i = 0; i < length; i++) {
                short v = samples[offset + i];
                pcm.write(v);
                pcm.write(v >> 8);
            }
            written += length;
            // as a sound card does: the write returns once there is room, that is, at the pace of real time
            long dueNanos = startedNanos + written * 1_000_000_000L / rate - 200_000_000L;
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Playback was interrupted.", e);
                }
            }
        }

        @Override
        public void drain() {
            save();
        }

        @Override
        public void close() {
            save();
        }

        private void save() {
            byte[] bytes = pcm.toByteArray();
            AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
            try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
                    new java.io.ByteArrayInputStream(bytes), format, bytes.length / 2)) {
                AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
            } catch (IOException e) {
                // a demonstration file that cannot be written: nothing plays, as without speakers
            }
        }
    }

    /** The speakers through Java Sound: a {@code SourceDataLine} for mono 16-bit little-endian PCM. */
    private static final class JavaSoundOutput implements Output {
        private SourceDataLine line;
        private byte[] bytes = new byte[0];

        @Override
        public void open(int sampleRate) throws IOException {
            AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
            try {
                line = AudioSystem.getSourceDataLine(format);
                line.open(format, sampleRate / 5 * 2); // 200 ms: stops soon after the button
                line.start();
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                throw new IOException("No speakers or headphones were found to play the recording. Connect some, or "
                        + "export the recording and play it in another player.", e);
            }
        }

        @Override
        public void write(short[] samples, int offset, int length) {
            if (bytes.length < length * 2) {
                bytes = new byte[length * 2];
            }
            for (int i = 0; i < length; i++) {
                short s = samples[offset + i];
                bytes[2 * i] = (byte) s;
                bytes[2 * i + 1] = (byte) (s >> 8);
            }
            line.write(bytes, 0, length * 2);
        }

        @Override
        public void drain() {
            line.drain();
        }

        @Override
        public void close() {
            if (line != null) {
                line.stop();
                line.flush();
                line.close();
            }
        }
    }
}
