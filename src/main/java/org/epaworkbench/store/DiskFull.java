package org.epaworkbench.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.sqlite.SQLiteException;

/**
 * The disk holding a folder has no room for what is to be written: "the disk holding DIR is full:
 * N MB free, about M MB needed". Checked before writing, and recognised in the failures of a write
 * that ran out of room part-way (Java's "No space left on device", SQLite's {@code SQLITE_FULL}, or an
 * I/O error of SQLite's when the disk has no room left).
 */
public final class DiskFull extends StorageException {
    private static final long serialVersionUID = 1L;

    /** Below this much free space an I/O error of SQLite's is taken to be the disk being full. */
    static final long NEARLY_FULL = 4L * 1024 * 1024;

    private DiskFull(String message, Throwable cause) {
        super(message, cause);
    }

    /** The words: "the disk holding DIR is full: N MB free, about M MB needed". */
    public static String words(Path folder, long freeBytes, long neededBytes) {
        return "the disk holding " + folder.toAbsolutePath().normalize() + " is full: " + megabytes(freeBytes) + " MB free, about "
                + megabytes(Math.max(neededBytes, 1)) + " MB needed";
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        if (mb >= 10 || bytes <= 0) {
            return String.valueOf(Math.round(mb));
        }
        return String.format(Locale.UK, mb < 1 ? "%.2f" : "%.1f", Math.max(mb, 0.01));
    }

    /**
     * Refuses to start writing {@code neededBytes} into {@code folder} when its disk has less room,
     * before anything is written.
     */
    public static void require(Disk disk, Path folder, long neededBytes, String afterwards) throws DiskFull {
        long free;
        try {
            free = disk.usableBytes(folder);
        } catch (IOException e) {
            return; // the size cannot be read; the write itself will say if there is no room
        }
        if (free < neededBytes) {
            throw new DiskFull(words(folder, free, neededBytes) + ". " + afterwards, null);
        }
    }

    /**
     * The failure of a write as a full disk, if it was one: it says so, or it was an I/O error of
     * SQLite's while the disk has (almost) no room left.
     */
    public static java.util.Optional<DiskFull> of(Throwable failure, Disk disk, Path folder, long neededBytes, String afterwards) {
        if (!ranOutOfRoom(failure, disk, folder)) {
            return java.util.Optional.empty();
        }
        long free;
        try {
            free = disk.usableBytes(folder);
        } catch (IOException e) {
            free = 0;
        }
        return java.util.Optional.of(new DiskFull(words(folder, free, neededBytes) + ". " + afterwards, failure));
    }

    static boolean ranOutOfRoom(Throwable failure, Disk disk, Path folder) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof IOException && (m.contains("No space left on device") || m.contains("not enough space on the disk")
                    || m.contains("Disk quota exceeded"))) {
                return true;
            }
            if (t instanceof SQLiteException s && s.getResultCode() != null) {
                String code = s.getResultCode().name();
                if (code.startsWith("SQLITE_FULL")) {
                    return true;
                }
                if (code.startsWith("SQLITE_IOERR")) {
                    try {
                        return disk.usableBytes(folder) < NEARLY_FULL;
                    } catch (IOException e) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    /** SQLite's I/O error codes in plain words, never the code itself. */
    public static boolean isSqliteIoError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && s.getResultCode() != null && s.getResultCode().name().startsWith("SQLITE_IOERR")) {
                return true;
            }
        }
        return false;
    }
}
