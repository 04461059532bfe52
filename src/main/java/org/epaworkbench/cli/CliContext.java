package org.epaworkbench.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.InstanceLock;
import org.epaworkbench.store.StorageException;

/** What commands share: the data folder, opened on first use, and the plan library. */
final class CliContext implements AutoCloseable {

    private final Path dataDirOption;
    private final Clock clock;
    private Database database;
    private InstanceLock lock;
    private InstanceLock.Holder heldBy;
    private PlanLibrary library;
    private PlanPackReader reader;
    private final List<String> warnings = new ArrayList<>();
    private boolean writing;
    private org.epaworkbench.app.Services services;

    private final org.epaworkbench.store.Disk disk;
    private final java.io.PrintWriter err;
    private boolean folderReadOnly;

    CliContext(Path dataDirOption, Clock clock, org.epaworkbench.store.Disk disk, java.io.PrintWriter err) {
        this.dataDirOption = dataDirOption;
        this.clock = clock;
        this.disk = disk;
        this.err = err;
    }

    org.epaworkbench.store.Disk disk() {
        return disk;
    }

    /** The data folder this command works on ({@code --data-dir}, else the environment's, else the default). */
    org.epaworkbench.app.DataFolder folder() {
        return org.epaworkbench.app.DataFolder.chosen(dataDirOption);
    }

    DataDirectory dataDirectory() {
        return DataDirectory.resolve(dataDirOption);
    }

    /**
     * The database, opened on first use. The command takes the data folder while it runs; if the
     * desktop app (or another command) has it, the database is opened read-only instead: reading
     * commands work, changing ones are refused with a message saying why.
     */
    Database database() throws StorageException {
        if (database == null) {
            DataDirectory directory = dataDirectory();
            InstanceLock.Result taken;
            try {
                taken = disk.canWrite(directory.root()) ? InstanceLock.acquire(directory, "the command line") : null;
            } catch (InstanceLock.FolderReadOnly e) {
                taken = null;
            }
            if (taken == null) {
                // a write-protected stick, a read-only share: read what is there, change nothing
                if (writing) {
                    throw new StorageException("The data folder " + directory.root() + " cannot be written to (it is "
                            + "read-only), and this command changes data, so nothing was changed. Make the folder "
                            + "writable, or copy it somewhere that is and use --data-dir.");
                }
                database = Database.openReadOnlyFolder(directory);
                folderReadOnly = true;
                err.println("epa-workbench: warning: the data folder " + directory.root()
                        + " cannot be written to (it is read-only); reading it only, nothing will be changed.");
                err.flush();
            } else if (taken.acquired()) {
                lock = taken.lock();
                database = Database.open(directory);
            } else {
                heldBy = taken.heldBy();
                database = Database.openReadOnly(directory);
            }
            // as the app does on opening: the quick check, a damaged database is refused naming the backups
            Backups backups = new Backups(directory, clock);
            backups.check(database);
            if (writing) {
                try {
                    backups.fullCheck(database);
                } catch (Backups.DatabaseDamaged damaged) {
                    throw new StorageException("This command writes into the database, so nothing was written: "
                            + damaged.getMessage(), damaged);
                }
            }
        }
        return database;
    }

    /**
     * The command about to run writes into the database ({@link WritesData}): the database must pass
     * the full check before anything is written.
     */
    void writing(boolean writes) {
        this.writing = writes;
    }

    /** Who has the data folder, when this command could only open it read-only. */
    Optional<InstanceLock.Holder> readOnlyBecause() {
        return Optional.ofNullable(heldBy);
    }

    PlanPackReader reader() {
        if (reader == null) {
            reader = new PlanPackReader();
        }
        return reader;
    }

    PlanLibrary library() throws StorageException {
        if (library == null) {
            try {
                library = PlanLibrary.load(reader(), new ImportedPlanPacks(database(), clock), warnings);
            } catch (SQLException e) {
                throw new StorageException("Cannot read imported plan packs: " + e.getMessage(), e);
            }
        }
        return library;
    }

    AssessmentPlan plan(String planId) throws StorageException, BadInputException {
        return library().plan(planId).orElseThrow(() -> new BadInputException("unknown plan '" + planId
                + "'; installed plans: " + String.join(", ",
                library.all().stream().map(p -> p.plan().id()).toList())));
    }

    /** The application's services on this data folder, wired as the desktop app wires them. */
    org.epaworkbench.app.Services services() throws StorageException {
        if (services == null) {
            services = new org.epaworkbench.app.Services(dataDirectory(), database(), () -> {
                try {
                    return library();
                } catch (StorageException e) {
                    throw new IllegalStateException(e); // not reached: apprenticeFiles() loads the plans first
                }
            }, clock, java.time.ZoneId.systemDefault());
        }
        return services;
    }

    /** The assessor's signing identity in the data folder (reading it opens no database). */
    org.epaworkbench.app.AssessorIdentity identity() {
        return new org.epaworkbench.app.AssessorIdentity(dataDirectory().root(), clock);
    }

    org.epaworkbench.store.SessionStore sessions() throws StorageException {
        return services().sessions();
    }

    org.epaworkbench.store.PeopleStore people() throws StorageException {
        return services().people();
    }

    org.epaworkbench.store.EpaStore epa() throws StorageException {
        return services().epa();
    }

    org.epaworkbench.app.ApprenticeFiles apprenticeFiles() throws StorageException {
        library(); // loaded here, so a failure to read the plans is said in words
        return services().apprenticeFiles();
    }

    org.epaworkbench.session.SessionSettings sessionSettings() throws StorageException {
        try {
            return services().settings().sessionSettings();
        } catch (SQLException e) {
            throw new StorageException("Cannot read settings: " + e.getMessage(), e);
        }
    }

    /** Problems found while loading (e.g. a stored pack that no longer validates), to print as warnings. */
    List<String> warnings() {
        return warnings;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
