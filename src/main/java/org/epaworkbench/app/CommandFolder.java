package org.epaworkbench.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.InstanceLock;
import org.epaworkbench.store.StorageException;

/**
 * The data folder as one command has it open: taken while the command runs, or read only when another
 * program has it (or the folder cannot be written), checked as the app checks it on opening, with the
 * application's services on it (the same composition root the desktop app uses).
 */
public final class CommandFolder implements AutoCloseable {

    private final DataFolder folder;
    private final Database database;
    private final InstanceLock lock;
    private final String heldBy;
    private final Clock clock;
    private final List<String> warnings;
    private PlanLibrary plans;
    private Services services;

    private CommandFolder(DataFolder folder, Database database, InstanceLock lock, String heldBy, Clock clock,
            List<String> warnings) {
        this.folder = folder;
        this.database = database;
        this.lock = lock;
        this.heldBy = heldBy;
        this.clock = clock;
        this.warnings = warnings;
    }

    /**
     * Opens {@code folder} for a command. The command takes the folder while it runs; if the desktop app
     * (or another command) has it, the database is opened read-only instead: reading commands work,
     * changing ones are refused saying why. A folder that cannot be written is read only, said through
     * {@code warning}, and refused to a command that {@code writes}. The quick check runs as on the app's
     * start; a command that writes needs the full check too.
     *
     * @param warnings where problems found while loading the plans are added, to print as warnings
     */
    public static CommandFolder open(DataFolder folder, boolean writes, DiskSpace disk, Clock clock, Consumer<String> warning,
            List<String> warnings) throws StorageException {
        DataDirectory directory = folder.directory();
        InstanceLock.Result taken;
        try {
            taken = disk.canWrite(directory.root()) ? InstanceLock.acquire(directory, "the command line") : null;
        } catch (InstanceLock.FolderReadOnly e) {
            taken = null;
        }
        Database database;
        InstanceLock lock = null;
        String heldBy = null;
        if (taken == null) {
            // a write-protected stick, a read-only share: read what is there, change nothing
            if (writes) {
                throw new StorageException("The data folder " + directory.root() + " cannot be written to (it is "
                        + "read-only), and this command changes data, so nothing was changed. Make the folder "
                        + "writable, or copy it somewhere that is and use --data-dir.");
            }
            database = Database.openReadOnlyFolder(directory);
            warning.accept("the data folder " + directory.root()
                    + " cannot be written to (it is read-only); reading it only, nothing will be changed.");
        } else if (taken.acquired()) {
            lock = taken.lock();
            try {
                database = Database.open(directory);
            } catch (StorageException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } else {
            heldBy = taken.heldBy().description();
            database = Database.openReadOnly(directory);
        }
        CommandFolder opened = new CommandFolder(folder, database, lock, heldBy, clock, warnings);
        try {
            // as the app does on opening: the quick check, a damaged database is refused naming the backups
            Backups backups = folder.backups(clock);
            backups.check(database);
            if (writes) {
                try {
                    backups.fullCheck(database);
                } catch (Backups.DatabaseDamaged damaged) {
                    throw new StorageException("This command writes into the database, so nothing was written: "
                            + damaged.getMessage(), damaged);
                }
            }
        } catch (StorageException | RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    public DataFolder folder() {
        return folder;
    }

    /** Who has the data folder, when this command could only open it read-only. */
    public Optional<String> readOnlyBecause() {
        return Optional.ofNullable(heldBy);
    }

    /** The plans installed, loaded on first use (a command that reads sessions only does not load them). */
    public PlanLibrary plans() throws StorageException {
        if (plans == null) {
            try {
                plans = Plans.load(database, clock, warnings);
            } catch (SQLException e) {
                throw new StorageException("Cannot read imported plan packs: " + e.getMessage(), e);
            }
        }
        return plans;
    }

    /** The application's services on this data folder, wired as the desktop app wires them. */
    public Services services() {
        if (services == null) {
            services = new Services(folder.directory(), database, () -> {
                try {
                    return plans();
                } catch (StorageException e) {
                    throw new IllegalStateException(e); // not reached: commands load the plans first, to say a failure in words
                }
            }, clock, ZoneId.systemDefault());
            try {
                services.summariesCurrent();
            } catch (java.sql.SQLException e) {
                warnings.add("the session list's grades could not be brought up to date: " + e.getMessage());
            }
        }
        return services;
    }

    @Override
    public void close() {
        database.close();
        if (lock != null) {
            lock.close();
        }
    }
}
