package org.epaworkbench.recording;

/**
 * How a recording is captured and encoded: mono 16-bit PCM at {@code sampleRate}, Opus at {@code bitrate} bit/s
 * (variable, tuned for speech), 20 ms frames, and an Ogg page forced to disk every {@code pageMillis} of audio.
 *
 * @param sampleRate capture rate in Hz, one Opus supports: 8000, 12000, 16000, 24000 or 48000
 * @param bitrate    target Opus bitrate in bit/s (VBR, so speech pauses cost less)
 * @param complexity Opus encoder complexity 0..10 (CPU against quality)
 * @param pageMillis audio per Ogg page, at most {@link #MAX_PAGE_MILLIS}: what a crash can lose at most
 */
public record RecordingFormat(int sampleRate, int bitrate, int complexity, int pageMillis) {

    /** A crash may lose at most this much audio: pages are forced to disk at least this often (by samples). */
    public static final int MAX_PAGE_MILLIS = 2000;
    /** Opus frame length used throughout. */
    public static final int FRAME_MILLIS = 20;
    /** Ogg Opus granule positions always count 48 kHz samples (RFC 7845). */
    public static final int GRANULE_RATE = 48_000;

    /**
     * Speech at 16 kHz (SILK wideband, everything a voice carries up to 8 kHz), 24 kbit/s VBR, complexity 5,
     * a page every second. About 10 MB an hour of speech; ADR 0006 gives the measurements.
     */
    public static final RecordingFormat SPEECH = new RecordingFormat(16_000, 24_000, 5, 1000);

    public RecordingFormat {
        if (sampleRate != 8000 && sampleRate != 12000 && sampleRate != 16000 && sampleRate != 24000
                && sampleRate != 48000) {
            throw new IllegalArgumentException("Opus cannot encode at " + sampleRate + " Hz");
        }
        if (bitrate < 6000 || bitrate > 128_000) {
            throw new IllegalArgumentException("bitrate " + bitrate + " is outside 6-128 kbit/s");
        }
        if (complexity < 0 || complexity > 10) {
            throw new IllegalArgumentException("complexity " + complexity + " is outside 0-10");
        }
        if (pageMillis < FRAME_MILLIS || pageMillis > MAX_PAGE_MILLIS || pageMillis % FRAME_MILLIS != 0) {
            throw new IllegalArgumentException("a page must hold 20 ms frames, at most " + MAX_PAGE_MILLIS + " ms");
        }
    }

    public RecordingFormat withSampleRate(int rate) {
        return new RecordingFormat(rate, bitrate, complexity, pageMillis);
    }

    public RecordingFormat withPageMillis(int millis) {
        return new RecordingFormat(sampleRate, bitrate, complexity, millis);
    }

    /** PCM samples in one 20 ms frame. */
    public int frameSamples() {
        return sampleRate / 1000 * FRAME_MILLIS;
    }

    /** PCM samples in one page. */
    public int pageSamples() {
        return sampleRate / 1000 * pageMillis;
    }

    /** 48 kHz granule units per PCM sample at this rate. */
    public int granulesPerSample() {
        return GRANULE_RATE / sampleRate;
    }

    /**
     * A cautious size of one hour on disk: the target bitrate with a quarter more for loud, busy speech (VBR goes
     * above its target then) and the Ogg page overhead. Used for the disk-space check, not for the record.
     */
    public long bytesPerHourEstimate() {
        long audio = (long) bitrate / 8 * 3600;
        long pages = 3600_000L / pageMillis * (27 + 255);
        return audio + audio / 4 + pages;
    }
}
