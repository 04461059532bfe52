package org.epaworkbench.recording;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Sound from memory or a WAV file instead of a microphone: for tests, benchmarks and machines without a sound
 * card. Gives at most {@code chunk} samples a read, as a sound card gives a few milliseconds at a time, and can be
 * told to lose its "device" after a number of samples.
 */
public final class PcmAudioInput implements AudioInput {
    private final short[] samples;
    private final int sampleRate;
    private final String name;
    private final int chunk;
    private int at;
    private boolean started;
    private boolean closed;
    private long loseAfter = Long.MAX_VALUE;
    private boolean loseWithException;

    public PcmAudioInput(short[] samples, int sampleRate, String name, int chunk) {
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.name = name;
        this.chunk = chunk;
    }

    /** Samples as a sound card would give them: 20 ms a read. */
    public static PcmAudioInput of(short[] samples, int sampleRate) {
        return new PcmAudioInput(samples, sampleRate, "Test sound", sampleRate / 50);
    }

    /** A 16-bit PCM WAV file (stereo is mixed down to mono). */
    public static PcmAudioInput fromWav(Path wav) throws RecordingException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16
                    || f.getChannels() > 2) {
                throw new RecordingException("The sound file " + wav.getFileName()
                        + " is not 16-bit PCM, mono or stereo.");
            }
            byte[] b = in.readAllBytes();
            int channels = f.getChannels();
            short[] pcm = new short[b.length / 2 / channels];
            for (int i = 0; i < pcm.length; i++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    int j = 2 * (i * channels + c);
                    sum += f.isBigEndian() ? (short) (b[j] << 8 | (b[j + 1] & 0xff))
                            : (short) ((b[j] & 0xff) | b[j + 1] << 8);
                }
                pcm[i] = (short) (sum / channels);
            }
            return of(pcm, (int) f.getSampleRate()).named(wav.getFileName().toString());
        } catch (UnsupportedAudioFileException e) {
            throw new RecordingException("The sound file " + wav.getFileName() + " is not a WAV file.", e);
        } catch (IOException e) {
            throw new RecordingException("The sound file " + wav.getFileName() + " cannot be read.", e);
        }
    }

    public PcmAudioInput named(String newName) {
        return new PcmAudioInput(samples, sampleRate, newName, chunk);
    }

    /** After this many samples the device disappears: reads return -1, or throw when {@code withException}. */
    public PcmAudioInput loseDeviceAfter(long sampleCount, boolean withException) {
        this.loseAfter = sampleCount;
        this.loseWithException = withException;
        return this;
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
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    /** Samples delivered so far. */
    public int position() {
        return at;
    }

    @Override
    public int read(short[] buffer, int offset, int length) throws IOException {
        if (closed) {
            return -1;
        }
        if (at >= loseAfter) {
            if (loseWithException) {
                throw new IOException("device unplugged");
            }
            return -1;
        }
        if (!started) {
            return 0;
        }
        if (at >= samples.length) {
            return -1;
        }
        int n = (int) Math.min(Math.min(length, chunk), Math.min(samples.length - at, loseAfter - at));
        System.arraycopy(samples, at, buffer, offset, n);
        at += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
