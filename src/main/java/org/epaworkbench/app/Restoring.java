package org.epaworkbench.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.InstanceLock;
import org.epaworkbench.store.StorageException;

/**
 * Putting an automatic backup in place of the database (the restore screen the app shows for a damaged
 * database, and {@code backups restore}), as one flow with explicit outcomes: restored (the replaced
 * database moved aside, never deleted), refused because another program has the folder, or failed with
 * the reason in the assessor's words. The data folder is taken for the whole flow, so nothing opens it
 * meanwhile.
 */
public final class Restoring {

    /** How a restore ended. */
    public sealed interface Outcome permits Restored, FolderInUse, Failed {
    }

    /** The backup is in place; {@code movedAside} is where the database it replaced now is. */
    public record Restored(Backups.Backup backup, Optional<Path> movedAside) implements Outcome {
    }

    /** Another program (named) has the data folder open: nothing was changed. */
    public record FolderInUse(String heldBy) implements Outcome {
    }

    /** Nothing was restored, for the reason given (a damaged backup, a disk problem). */
    public record Failed(String reason) implements Outcome {
    }

    private Restoring() {
    }

    /** Restores {@code backup} into {@code directory}; {@code who} names this program to any other that finds the folder taken. */
    public static Outcome restore(DataDirectory directory, Backups.Backup backup, String who, Clock clock) {
        try {
            InstanceLock.Result taken = InstanceLock.acquire(directory, who);
            if (!taken.acquired()) {
                return new FolderInUse(taken.heldBy().description());
            }
            try (InstanceLock lock = taken.lock()) {
                return new Restored(backup, new Backups(directory, clock).restore(backup));
            }
        } catch (StorageException e) {
            return new Failed(e.getMessage());
        }
    }
}
