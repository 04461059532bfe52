package org.epaworkbench.recording;

import java.nio.file.Path;

/**
 * A WAV file given as a microphone would give it: in a loop, no faster than real time (20 ms a read). For
 * demonstrations and screenshots on machines without a sound card (the app's {@code -Depaworkbench.demoMicrophone}
 * hook); tests use {@link PcmAudioInput}, which they drive by hand.
 */
public final class PacedAudioInput implements AudioInput {
    private final short[] samples;
    private final int sampleRate;
    private final String name;
    private final int chunk;
    private int at;
    private volatile boolean started;
    private volatile boolean closed;
    private long startedNanos;
    private long delivered;

    private PacedAudioInput(short[] samples, int sampleRate, String name) {
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.name = name;
        this.chunk = sampleRate / 50;
    }

    /** The WAV file (16-bit PCM, mono or stereo) played in a loop. */
    public static PacedAudioInput looping(Path wav) throws RecordingException {
        PcmAudioInput all = PcmAudioInput.fromWav(wav);
        short[] buffer = new short[all.sampleRate()];
        all.start();
        java.util.List<short[]> parts = new java.util.ArrayList<>();
        int total = 0;
        try {
            for (int n; (n = all.read(buffer, 0, buffer.length)) > 0; ) {
                parts.add(java.util.Arrays.copyOf(buffer, n));
                total += n;
            }
        } catch (java.io.IOException e) {
            throw new RecordingException("The sound file " + wav.getFileName() + " cannot be read.", e);
        }
        short[] samples = new short[total];
        int pos = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, samples, pos, p.length);
            pos += p.length;
        }
        if (samples.length == 0) {
            throw new RecordingException("The sound file " + wav.getFileName() + " holds no sound.");
        }
        return new PacedAudioInput(samples, all.sampleRate(), "Demonstration sound (" + wav.getFileName() + ")");
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        started = true;
        startedNanos = System.nanoTime();
        delivered = 0;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public int read(short[] buffer, int offset, int length) throws java.io.IOException {
        if (closed) {
            return -1;
        }
        if (!started) {
            return 0;
        }
        // no faster than real time: wait until the next chunk would have been captured
        long due = startedNanos + (delivered + chunk) * 1_000_000_000L / sampleRate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        int n = Math.min(Math.min(length, chunk), samples.length - at);
        System.arraycopy(samples, at, buffer, offset, n);
        at = (at + n) % samples.length;
        delivered += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
