package org.epaworkbench.recording;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where captured sound comes from: mono 16-bit PCM at {@link #sampleRate()}. The Java Sound implementation reads
 * a microphone ({@link JavaSoundInput}); {@link PcmAudioInput} plays back samples or a WAV file, for tests and
 * machines without a sound card.
 */
public interface AudioInput extends Closeable {

    /** Samples per second delivered by {@link #read}. */
    int sampleRate();

    /** The device's name as the assessor knows it ("Built-in microphone", "USB headset"). */
    String name();

    /** Starts (or, after {@link #stop()}, resumes) capturing. */
    void start() throws IOException;

    /** Stops capturing; samples already captured can still be read. */
    void stop();

    /**
     * Reads captured samples, blocking until some are there. Returns how many, 0 when capture is stopped and nothing
     * is left, or -1 when the device has gone (unplugged, switched off) or the source has ended. A device that
     * fails throws an {@link IOException}; both mean no more sound will come.
     */
    int read(short[] buffer, int offset, int length) throws IOException;

    @Override
    void close();
}
