package org.epaworkbench.recording;

import java.util.Random;

/**
 * Generated audio that behaves like speech for a speech codec: voiced "syllables" (a glottal-like harmonic series
 * with a gliding pitch and a syllable envelope) separated by short gaps and longer pauses, over a faint noise floor.
 * Deterministic for a seed, so tests need no microphone, no WAV file and nothing installed.
 */
public final class SpeechLikeAudio {
    private SpeechLikeAudio() {
    }

    public static short[] speech(double seconds, int rate, long seed) {
        Random random = new Random(seed);
        short[] out = new short[(int) Math.round(seconds * rate)];
        int at = 0;
        double phase = 0;
        while (at < out.length) {
            int syllable = (int) (rate * (0.12 + random.nextDouble() * 0.23));
            double pitch = 95 + random.nextDouble() * 120;
            double glide = (random.nextDouble() - 0.5) * 40;
            double loudness = 0.15 + random.nextDouble() * 0.35;
            double formant = 500 + random.nextDouble() * 1800;
            for (int i = 0; i < syllable && at < out.length; i++, at++) {
                double t = (double) i / syllable;
                double f0 = pitch + glide * t;
                phase += 2 * Math.PI * f0 / rate;
                double v = 0;
                for (int h = 1; h * f0 < Math.min(rate / 2.0, 4000); h++) {
                    double weight = 1.0 / h * (1 + 2 * Math.exp(-Math.pow((h * f0 - formant) / 300, 2)));
                    v += weight * Math.sin(h * phase);
                }
                double envelope = Math.sin(Math.PI * t);
                out[at] = clip(v * envelope * loudness * 8000 + noise(random));
            }
            int gap = random.nextInt(8) == 0 ? (int) (rate * (0.4 + random.nextDouble() * 0.5))
                    : (int) (rate * (0.03 + random.nextDouble() * 0.12));
            for (int i = 0; i < gap && at < out.length; i++, at++) {
                out[at] = clip(noise(random));
            }
        }
        return out;
    }

    public static short[] silence(double seconds, int rate) {
        return new short[(int) Math.round(seconds * rate)];
    }

    public static short[] tone(double hz, double seconds, int rate, double amplitude) {
        short[] out = new short[(int) Math.round(seconds * rate)];
        for (int i = 0; i < out.length; i++) {
            out[i] = clip(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    public static short[] concat(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Writes mono 16-bit PCM as a WAV file, as the demonstration microphone and {@link PcmAudioInput#fromWav} read it. */
    public static java.nio.file.Path writeWav(short[] pcm, int rate, java.nio.file.Path wav) throws java.io.IOException {
        byte[] bytes = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            bytes[2 * i] = (byte) pcm[i];
            bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(bytes), JavaSoundInput.format(rate), pcm.length),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, wav.toFile());
        return wav;
    }

    private static double noise(Random random) {
        return random.nextGaussian() * 20; // about -64 dBFS
    }

    private static short clip(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
