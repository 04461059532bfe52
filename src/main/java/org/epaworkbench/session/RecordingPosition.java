package org.epaworkbench.session;

import java.time.Duration;
import java.util.Objects;

/** Where a moment of the session is in a recording of it: the file and the offset from the recording's start. */
public record RecordingPosition(String fileName, Duration offset) {
    public RecordingPosition {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(offset, "offset");
    }

    /** The offset a few seconds earlier (never before the start): where playback from a note or a judgement begins. */
    public Duration playFrom(Duration before) {
        Duration from = offset.minus(before);
        return from.isNegative() ? Duration.ZERO : from;
    }
}
