package org.epaworkbench.recording;

/**
 * Warns when the input has been silent too long: a muted or disconnected microphone, or a recording that is not
 * picking the room up. Counts time in the level blocks it is given (samples), never by the clock.
 */
public final class SilenceWatch {

    /** Below this RMS level a block counts as silent: under a quiet room's noise through a laptop microphone. */
    public static final double DEFAULT_THRESHOLD_DBFS = -55;
    public static final long DEFAULT_AFTER_MILLIS = 20_000;

    /** What changed with a block. */
    public enum Change {
        NONE,
        /** Silent for the whole of the waiting time: warn the assessor. */
        SILENT,
        /** Sound again after a warned silence. */
        SOUND_BACK
    }

    private final double thresholdDbfs;
    private final long afterMillis;
    private long silentMillis;
    private long silentSince = -1;
    private boolean warned;

    public SilenceWatch(double thresholdDbfs, long afterMillis) {
        this.thresholdDbfs = thresholdDbfs;
        this.afterMillis = afterMillis;
    }

    public static SilenceWatch standard() {
        return new SilenceWatch(DEFAULT_THRESHOLD_DBFS, DEFAULT_AFTER_MILLIS);
    }

    public Change accept(LevelMeter.Level level) {
        if (level.rmsDbfs() < thresholdDbfs) {
            if (silentSince < 0) {
                silentSince = level.atMillis() - LevelMeter.BLOCK_MILLIS;
            }
            silentMillis += LevelMeter.BLOCK_MILLIS;
            if (!warned && silentMillis >= afterMillis) {
                warned = true;
                return Change.SILENT;
            }
            return Change.NONE;
        }
        silentMillis = 0;
        silentSince = -1;
        if (warned) {
            warned = false;
            return Change.SOUND_BACK;
        }
        return Change.NONE;
    }

    /** Where the current silence began in the recording, or -1 while there is sound. */
    public long silentSinceMillis() {
        return silentSince;
    }

    public double thresholdDbfs() {
        return thresholdDbfs;
    }
}
