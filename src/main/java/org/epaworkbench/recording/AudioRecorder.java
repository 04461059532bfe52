package org.epaworkbench.recording;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Records one session's sound: reads the {@link AudioInput}, measures its level, watches for silence, a lost
 * device and disk space, and hands the samples to the {@link OpusRecordingWriter} on the writer's own thread, so
 * a slow disk (a forced page can take a while) never holds up capture.
 *
 * <p>Threads: {@link #start()} runs capture on a thread of its own; tests call {@link #captureOnce()} instead and
 * give a writer executor that runs tasks at once. Listener calls come from the capture thread (levels, silence,
 * device) or the writer thread (write failure, disk space): a screen must hand them to its own thread.
 */
public final class AudioRecorder implements Closeable {

    /** Without sound from a running device for this long (by the injected clock), the device counts as lost. */
    public static final long STALL_MILLIS = 3000;
    /** Disk space is checked again after each this much recorded audio. */
    static final long DISK_CHECK_EVERY_MILLIS = 60_000;

    /** What the recorder tells the session and the screen. Positions are in the recording, in ms. */
    public interface Listener {
        default void level(LevelMeter.Level level) {
        }

        /** The input has been silent for the silence watch's whole waiting time, since {@code sinceMillis}. */
        default void silence(long sinceMillis) {
        }

        default void soundBack(long atMillis) {
        }

        /** No more sound will come from the device; the recording is kept up to {@code atMillis}. */
        default void deviceLost(long atMillis, String message) {
        }

        /** The file could not be written; what was on disk before is kept. */
        default void writeFailed(long atMillis, String message) {
        }

        default void diskSpaceLow(DiskSpaceCheck.Space space) {
        }
    }

    private enum State { READY, RECORDING, PAUSED, ENDED }

    private final AudioInput input;
    private final OpusRecordingWriter writer;
    private final Listener listener;
    private final ExecutorService writerThread;
    private final DiskSpaceCheck disk;
    private final SilenceWatch silence;
    private final LevelMeter meter;
    private final LongSupplier clockMillis;
    private final short[] buffer;
    private final Object lock = new Object();
    private volatile State state = State.READY;
    private volatile long capturedSamples;
    private volatile long lastSoundAt;
    private volatile boolean lostReported;
    private volatile boolean writeFailed;
    private long nextDiskCheckAt;
    private boolean diskWarned;
    private Thread captureThread;

    /**
     * @param writerThread runs the writes in order: a single thread, or (tests) a direct executor
     * @param clockMillis  a monotonic clock, only for noticing a device that stops without saying so
     */
    public AudioRecorder(AudioInput input, OpusRecordingWriter writer, Listener listener, ExecutorService writerThread,
            DiskSpaceCheck disk, SilenceWatch silence, LongSupplier clockMillis) {
        if (input.sampleRate() != writer.format().sampleRate()) {
            throw new IllegalArgumentException("input at " + input.sampleRate() + " Hz, recording at "
                    + writer.format().sampleRate() + " Hz");
        }
        this.input = input;
        this.writer = writer;
        this.listener = listener;
        this.writerThread = writerThread;
        this.disk = disk;
        this.silence = silence;
        this.meter = new LevelMeter(input.sampleRate());
        this.clockMillis = clockMillis;
        this.buffer = new short[input.sampleRate() / 10];
    }

    /** A recorder of the input into a new file, with the standard watches and its own writer thread. */
    public static AudioRecorder create(AudioInput input, Path file, RecordingFormat format, String sessionId,
            Listener listener) throws IOException {
        OpusRecordingWriter writer = OpusRecordingWriter.create(file, format.withSampleRate(input.sampleRate()),
                sessionId);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "recording-writer");
            t.setDaemon(true);
            return t;
        });
        return new AudioRecorder(input, writer, listener, thread, DiskSpaceCheck.of(writer.format()),
                SilenceWatch.standard(), () -> System.nanoTime() / 1_000_000);
    }

    /** The file being written. */
    public Path file() {
        return writer.file();
    }

    /** Position in the recording of the latest sound captured, in ms: what the session stores with an event. */
    public long positionMillis() {
        return capturedSamples * 1000 / input.sampleRate();
    }

    /** Audio already safe on disk, in ms. */
    public long durableMillis() {
        return writer.durableMillis();
    }

    public boolean recording() {
        return state == State.RECORDING;
    }

    /** Starts capture (the caller checked disk space and consent first) without a thread of its own. */
    public void begin() throws IOException {
        if (state != State.READY) {
            throw new IllegalStateException("recording already started");
        }
        input.start();
        lastSoundAt = clockMillis.getAsLong();
        state = State.RECORDING;
    }

    /** Starts capture on a thread of its own. */
    public void start() throws IOException {
        begin();
        captureThread = new Thread(this::captureLoop, "recording-capture");
        captureThread.setDaemon(true);
        captureThread.start();
    }

    private void captureLoop() {
        while (state != State.ENDED) {
            if (state == State.PAUSED) {
                synchronized (lock) {
                    while (state == State.PAUSED) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                continue;
            }
            if (!captureOnce()) {
                return;
            }
        }
    }

    /**
     * Reads once from the input and passes the samples on. Returns false when capture has ended (stopped, device
     * lost or write failed).
     */
    public boolean captureOnce() {
        if (state == State.ENDED || lostReported || writeFailed) {
            return false;
        }
        if (state != State.RECORDING) {
            return state != State.READY;
        }
        int n;
        try {
            n = input.read(buffer, 0, buffer.length);
        } catch (IOException | RuntimeException e) {
            n = -1;
        }
        if (n < 0) {
            if (state == State.RECORDING) {
                deviceLost();
                return false;
            }
            return state != State.ENDED;
        }
        if (n == 0) {
            return true;
        }
        lastSoundAt = clockMillis.getAsLong();
        short[] chunk = Arrays.copyOf(buffer, n);
        capturedSamples += n;
        meter.accept(chunk, 0, n, this::onLevel);
        try {
            writerThread.execute(() -> write(chunk));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false; // stopped meanwhile: the file is closed
        }
        return true;
    }

    private void onLevel(LevelMeter.Level level) {
        listener.level(level);
        switch (silence.accept(level)) {
            case SILENT -> listener.silence(silence.silentSinceMillis());
            case SOUND_BACK -> listener.soundBack(level.atMillis() - LevelMeter.BLOCK_MILLIS);
            default -> {
            }
        }
    }

    private void write(short[] chunk) {
        if (writeFailed) {
            return;
        }
        try {
            writer.write(chunk, 0, chunk.length);
            if (writer.positionMillis() >= nextDiskCheckAt) {
                nextDiskCheckAt = writer.positionMillis() + DISK_CHECK_EVERY_MILLIS;
                checkDisk();
            }
        } catch (IOException e) {
            writeFailed(e);
        }
    }

    private void writeFailed(IOException e) {
        if (writeFailed) {
            return;
        }
        writeFailed = true;
        listener.writeFailed(positionMillis(), "The recording could not be saved to disk (is it full, or was"
                + " it removed?). It is kept up to " + RecordingRepair.duration(writer.durableMillis()) + ".");
    }

    private void checkDisk() {
        try {
            Path folder = writer.file().toAbsolutePath().getParent();
            DiskSpaceCheck.Space space = disk.check(folder);
            if (space.low() && !diskWarned) {
                diskWarned = true;
                listener.diskSpaceLow(space);
            }
        } catch (RecordingException e) {
            // cannot tell: the write itself will say if the disk fills
        }
    }

    /**
     * Called by the session's tick: a device that stops sending sound without an error (some drivers do that when
     * a USB microphone is unplugged) is reported once it has been quiet for {@link #STALL_MILLIS}.
     */
    public void checkDevice() {
        if (state == State.RECORDING && !lostReported && clockMillis.getAsLong() - lastSoundAt >= STALL_MILLIS) {
            deviceLost();
        }
    }

    private void deviceLost() {
        synchronized (lock) {
            if (lostReported) {
                return;
            }
            lostReported = true;
        }
        writerThread.execute(() -> {
            try {
                writer.flush();
            } catch (IOException e) {
                writeFailed(e);
            }
        });
        String name = input.name();
        listener.deviceLost(positionMillis(), "No sound is coming from \u201c" + name + "\u201d (unplugged or"
                + " switched off?). The recording is kept up to " + RecordingRepair.duration(positionMillis()) + ".");
    }

    /** Pauses capture; what is recorded so far is forced to disk. Paused time is not recorded. */
    public void pause() {
        synchronized (lock) {
            if (state != State.RECORDING) {
                return;
            }
            state = State.PAUSED;
        }
        input.stop();
        writerThread.execute(() -> {
            try {
                writer.flush();
            } catch (IOException e) {
                writeFailed(e);
            }
        });
    }

    public void resume() throws IOException {
        synchronized (lock) {
            if (state != State.PAUSED) {
                return;
            }
            input.start();
            lastSoundAt = clockMillis.getAsLong();
            state = State.RECORDING;
            lock.notifyAll();
        }
    }

    /** Stops capture, waits for the writer to finish, and closes the file so it ends cleanly. */
    public void stop() throws IOException {
        synchronized (lock) {
            if (state == State.ENDED) {
                return;
            }
            state = State.ENDED;
            lock.notifyAll();
        }
        input.stop();
        if (captureThread != null) {
            try {
                captureThread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        input.close();
        IOException[] failure = new IOException[1];
        writerThread.execute(() -> {
            try {
                writer.close();
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        writerThread.shutdown();
        try {
            writerThread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw new RecordingException("The end of the recording could not be saved; what was saved before is"
                    + " kept.", failure[0]);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
