package org.epaworkbench.session;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recording of the session as its events make it (ADR 0014). A recording the app captured ({@link Kind#CAPTURED})
 * follows the session clock: it starts at a session time, pauses with the session (paused time is not recorded, so
 * the file simply continues after it) and ends; its {@link #segments} map session time to the file's offset. A
 * recording attached afterwards ({@link Kind#ATTACHED}: a remote call's own) has no such map.
 *
 * @param startedAt   session time of the recording's 0; null for an attached recording
 * @param durationMillis what the file plays: known once ended, repaired or attached; -1 while it is open
 * @param sizeBytes   the file's size once ended, repaired or attached; -1 while it is open
 * @param sha256      the file's SHA-256 once ended, repaired or attached; null while it is open
 * @param repair      present when the app stopped while recording and repaired the file on its next start
 */
public record Recording(String fileName, Kind kind, String format, String device, Duration startedAt,
        List<Segment> segments, Status status, long durationMillis, long sizeBytes, String sha256,
        EventBody.RecordingRepaired repair) {

    /** Captured by the app on the session clock, or attached afterwards. */
    public enum Kind { CAPTURED, ATTACHED }

    /** Where the recording stands. */
    public enum Status {
        RECORDING("Recording"), PAUSED("Paused"), ENDED("Ended"), REPAIRED("Repaired after the app stopped"),
        ATTACHED("Attached");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A stretch of session time the recording captured without a break: from {@code sessionFrom} (at
     * {@code offsetFrom} into the file) to {@code sessionUntil} (null while it runs, or when the app stopped during
     * it). {@code offsetUntil} is where it ends in the file when known (-1 otherwise): a position past it is not in the
     * file (after a crash, lost).
     */
    public record Segment(Duration sessionFrom, Duration sessionUntil, long offsetFrom, long offsetUntil) {
        public Segment {
            Objects.requireNonNull(sessionFrom, "sessionFrom");
        }

        /** The file's offset of a session time inside this segment; empty when it is outside, or past what was saved. */
        Optional<Long> offsetAt(Duration sessionTime) {
            if (sessionTime.compareTo(sessionFrom) < 0 || (sessionUntil != null && sessionTime.compareTo(sessionUntil) > 0)) {
                return Optional.empty();
            }
            long offset = offsetFrom + sessionTime.minus(sessionFrom).toMillis();
            if (offsetUntil >= 0 && offset > offsetUntil) {
                // the clock ran a little ahead of the captured sound, or (open segment) the end was lost in a crash
                return sessionUntil == null ? Optional.empty() : Optional.of(offsetUntil);
            }
            return Optional.of(offset);
        }
    }

    public Recording {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        segments = List.copyOf(segments);
    }

    /** Still capturing or paused: not yet ended, repaired or attached. */
    public boolean open() {
        return status == Status.RECORDING || status == Status.PAUSED;
    }

    /**
     * Whether it counts as the session's recording for a plan that requires one: attached, or captured and holding
     * sound (open, ended, or repaired with some audio kept).
     */
    public boolean counts() {
        return switch (status) {
            case RECORDING, PAUSED, ATTACHED -> true;
            case ENDED -> durationMillis > 0;
            case REPAIRED -> durationMillis > 0;
        };
    }

    /**
     * The offset in this recording of a moment of the session given by its session time (pauses excluded), or empty
     * when the recording does not hold that moment: before it started, while it was paused on its own, after it ended,
     * or in the part a crash lost. A pure function of the recording's events.
     */
    public Optional<Duration> offsetAt(Duration sessionTime) {
        for (Segment s : segments) {
            Optional<Long> offset = s.offsetAt(sessionTime);
            if (offset.isPresent()) {
                return Optional.of(Duration.ofMillis(offset.get()));
            }
        }
        return Optional.empty();
    }
}
