package org.epaworkbench.recording;

import java.util.function.Consumer;

/**
 * The input's level, block by block of 100 ms of samples: peak and RMS in dBFS (0 dBFS is full scale; a full-scale
 * sine reads 0 peak and -3 RMS). Time is counted in samples, so it is the position in the recording.
 */
public final class LevelMeter {

    /** The level of digital silence; real microphones sit far above it. */
    public static final double FLOOR_DBFS = -100;
    public static final int BLOCK_MILLIS = 100;

    /**
     * @param atMillis where the block ends, in the recording
     * @param peakDbfs the loudest sample
     * @param rmsDbfs  the block's RMS level
     */
    public record Level(long atMillis, double peakDbfs, double rmsDbfs) {
        /** The input reached full scale: too loud, it distorts. */
        public boolean clipping() {
            return peakDbfs >= -0.1;
        }
    }

    private final int sampleRate;
    private final int blockSamples;
    private long samples;
    private int inBlock;
    private int peak;
    private double sumSquares;

    public LevelMeter(int sampleRate) {
        this.sampleRate = sampleRate;
        this.blockSamples = sampleRate * BLOCK_MILLIS / 1000;
    }

    /** Measures samples; gives a {@link Level} each time a block of 100 ms is complete. */
    public void accept(short[] pcm, int offset, int length, Consumer<Level> out) {
        for (int i = offset; i < offset + length; i++) {
            int v = pcm[i];
            int a = v < 0 ? -v : v;
            if (a > peak) {
                peak = a;
            }
            sumSquares += (double) v * v;
            inBlock++;
            samples++;
            if (inBlock == blockSamples) {
                double rms = Math.sqrt(sumSquares / blockSamples);
                out.accept(new Level(samples * 1000 / sampleRate, dbfs(peak), dbfs(rms)));
                inBlock = 0;
                peak = 0;
                sumSquares = 0;
            }
        }
    }

    static double dbfs(double amplitude) {
        if (amplitude <= 0) {
            return FLOOR_DBFS;
        }
        return Math.max(FLOOR_DBFS, 20 * Math.log10(amplitude / 32768.0));
    }
}
