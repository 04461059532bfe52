package org.epaworkbench.store;

import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A failed save that is the machine's fault, not the assessor's, and that can pass: the disk is
 * full, the data folder became read-only (a write-protected stick, a remount), a disk error, or
 * another program holding the database. Work that meets one of these is kept in memory and saved
 * when the problem has gone.
 */
public enum StorageProblem {
    DISK_FULL("The disk is full"),
    READ_ONLY("The data folder cannot be written to (it is read-only)"),
    DISK_ERROR("The disk reported an error while saving"),
    BUSY("Another program is holding the database");

    private final String plainWords;

    StorageProblem(String plainWords) {
        this.plainWords = plainWords;
    }

    /** What happened, in words an assessor can act on. */
    public String plainWords() {
        return plainWords;
    }

    /** The passing storage problem behind a failure, if that is what it is. */
    public static Optional<StorageProblem> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return of(sqlite.getResultCode());
            }
        }
        return Optional.empty();
    }

    static Optional<StorageProblem> of(SQLiteErrorCode code) {
        if (code == null) {
            return Optional.empty();
        }
        String name = code.name();
        if (name.startsWith("SQLITE_FULL")) {
            return Optional.of(DISK_FULL);
        }
        if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_PERM")) {
            return Optional.of(READ_ONLY);
        }
        if (name.startsWith("SQLITE_IOERR")) {
            return Optional.of(DISK_ERROR);
        }
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return Optional.of(BUSY);
        }
        return Optional.empty();
    }
}
