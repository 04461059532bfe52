package org.epaworkbench.recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many hours of recording the disk of a folder still takes, at the recording's bitrate. Checked before
 * recording starts and while it runs; warns under an hour.
 */
public final class DiskSpaceCheck {

    public static final long WARN_BELOW_MINUTES = 60;

    /** Free space usable by this app in a folder's file store; replaceable in tests. */
    @FunctionalInterface
    public interface UsableSpace {
        long usableBytes(Path folder) throws IOException;
    }

    /**
     * @param usableBytes space left for this app
     * @param minutesLeft recording that fits in it
     */
    public record Space(long usableBytes, long minutesLeft) {
        public boolean low() {
            return minutesLeft < WARN_BELOW_MINUTES;
        }

        /** Less than a minute: recording cannot start. */
        public boolean full() {
            return minutesLeft < 1;
        }

        public String describe() {
            String left = minutesLeft >= 600 ? "more than 10 hours"
                    : minutesLeft >= 60 ? minutesLeft / 60 + " h " + minutesLeft % 60 + " min"
                    : minutesLeft + " min";
            if (full()) {
                return "The disk is full: there is no room to record. Free some space first.";
            }
            return low() ? "Disk space is low: room for about " + left + " of recording."
                    : "Room for " + left + " of recording.";
        }
    }

    private final UsableSpace space;
    private final RecordingFormat format;

    public DiskSpaceCheck(UsableSpace space, RecordingFormat format) {
        this.space = space;
        this.format = format;
    }

    /** Measures the real disk. */
    public static DiskSpaceCheck of(RecordingFormat format) {
        return new DiskSpaceCheck(folder -> Files.getFileStore(existing(folder)).getUsableSpace(), format);
    }

    private static Path existing(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? folder.toAbsolutePath().getRoot() : p;
    }

    public Space check(Path folder) throws RecordingException {
        long bytes;
        try {
            bytes = space.usableBytes(folder);
        } catch (IOException e) {
            throw new RecordingException("Cannot tell how much space is left on the disk of " + folder + ".", e);
        }
        return new Space(bytes, (long) (bytes / (format.bytesPerHourEstimate() / 60.0)));
    }
}
