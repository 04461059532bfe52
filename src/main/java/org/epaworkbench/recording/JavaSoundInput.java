package org.epaworkbench.recording;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** A microphone through Java Sound: the chosen input device or the system's default. */
public final class JavaSoundInput implements AudioInput {

    /** The line's own buffer: two seconds, so a slow disk never makes the sound card drop samples. */
    static final int BUFFER_MILLIS = 2000;

    private final TargetDataLine line;
    private final String name;
    private final int sampleRate;
    private byte[] bytes = new byte[0];
    private volatile boolean running;

    private JavaSoundInput(TargetDataLine line, String name) {
        this.line = line;
        this.name = name;
        this.sampleRate = (int) line.getFormat().getSampleRate();
    }

    static AudioFormat format(int sampleRate) {
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, sampleRate, 16, 1, 2, sampleRate, false);
    }

    /** The devices that can capture mono 16-bit sound at one of the rates Opus takes. */
    public static List<InputDevice> devices() {
        List<InputDevice> found = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            for (int rate : new int[] {16_000, 48_000}) {
                if (mixer.isLineSupported(new DataLine.Info(TargetDataLine.class, format(rate)))) {
                    found.add(new InputDevice(info));
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Opens a device for capture at {@code preferredRate}, or at 48 kHz when the device cannot give that.
     *
     * @param device the chosen device, or null for the system's default microphone
     */
    public static JavaSoundInput open(InputDevice device, int preferredRate) throws RecordingException {
        String name = device == null ? "the default microphone" : "the microphone \u201c" + device.name() + "\u201d";
        if (device == null && !AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, format(48_000)))
                && !AudioSystem.isLineSupported(new DataLine.Info(TargetDataLine.class, format(preferredRate)))) {
            throw new RecordingException("No microphone was found. Connect one, or record the session on"
                    + " another device and attach the file afterwards.");
        }
        RecordingException last = null;
        for (int rate : preferredRate == 48_000 ? new int[] {48_000} : new int[] {preferredRate, 48_000}) {
            AudioFormat format = format(rate);
            try {
                TargetDataLine line = device == null ? AudioSystem.getTargetDataLine(format)
                        : AudioSystem.getTargetDataLine(format, device.mixer);
                line.open(format, rate * 2 * BUFFER_MILLIS / 1000);
                return new JavaSoundInput(line, device == null ? "Default microphone" : device.name());
            } catch (LineUnavailableException e) {
                last = new RecordingException("Cannot use " + name + ": another program may be using it, or"
                        + " the system does not allow this app to record.", e);
            } catch (IllegalArgumentException | SecurityException e) {
                last = new RecordingException("Cannot use " + name + ": it does not record in a format this app"
                        + " takes.", e);
            }
        }
        throw last;
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
        running = true;
        line.start();
    }

    @Override
    public void stop() {
        running = false;
        line.stop();
    }

    @Override
    public int read(short[] buffer, int offset, int length) throws IOException {
        if (!line.isOpen()) {
            return -1;
        }
        if (bytes.length < length * 2) {
            bytes = new byte[length * 2];
        }
        // ask only for what is there, or one 20 ms frame, so the caller gets sound at least every 20 ms
        int want = Math.min(length, Math.max(line.available() / 2, sampleRate / 50));
        int n;
        try {
            n = line.read(bytes, 0, want * 2);
        } catch (RuntimeException e) {
            throw new IOException("the sound device failed", e);
        }
        int samples = n / 2;
        for (int i = 0; i < samples; i++) {
            buffer[offset + i] = (short) ((bytes[2 * i] & 0xff) | bytes[2 * i + 1] << 8);
        }
        if (samples > 0) {
            return samples;
        }
        // nothing: stopped for a pause (0), or closed, or a running line whose device has gone (-1)
        return running || !line.isOpen() ? -1 : 0;
    }

    @Override
    public void close() {
        running = false;
        line.close();
    }
}
