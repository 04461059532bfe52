package org.epaworkbench.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.app.CommandFolder;
import org.epaworkbench.app.DataFolder;
import org.epaworkbench.app.DiskSpace;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.store.StorageException;

/** What commands share: the data folder, opened on first use through the application layer, and the plan library. */
final class CliContext implements AutoCloseable {

    private final Path dataDirOption;
    private final Clock clock;
    private CommandFolder opened;
    private final List<String> warnings = new ArrayList<>();
    private boolean writing;

    private final DiskSpace disk;
    private final java.io.PrintWriter err;

    CliContext(Path dataDirOption, Clock clock, DiskSpace disk, java.io.PrintWriter err) {
        this.dataDirOption = dataDirOption;
        this.clock = clock;
        this.disk = disk;
        this.err = err;
    }

    DiskSpace disk() {
        return disk;
    }

    /** The data folder this command works on ({@code --data-dir}, else the environment's, else the default). */
    DataFolder folder() {
        return DataFolder.chosen(dataDirOption);
    }

    /**
     * The data folder, opened on first use. The command takes it while it runs; if the desktop app (or
     * another command) has it, it is opened read-only instead: reading commands work, changing ones
     * are refused with a message saying why.
     */
    private CommandFolder opened() throws StorageException {
        if (opened == null) {
            opened = CommandFolder.open(folder(), writing, disk, clock, warning -> {
                err.println("epa-workbench: warning: " + warning);
                err.flush();
            }, warnings);
        }
        return opened;
    }

    /**
     * The command about to run writes into the database ({@link WritesData}): the database must pass
     * the full check before anything is written.
     */
    void writing(boolean writes) {
        this.writing = writes;
    }

    /** Who has the data folder, when this command could only open it read-only. */
    Optional<String> readOnlyBecause() {
        return opened == null ? Optional.empty() : opened.readOnlyBecause();
    }

    PlanLibrary library() throws StorageException {
        return opened().plans();
    }

    AssessmentPlan plan(String planId) throws StorageException, BadInputException {
        PlanLibrary library = library();
        return library.plan(planId).orElseThrow(() -> new BadInputException("unknown plan '" + planId
                + "'; installed plans: " + String.join(", ",
                library.all().stream().map(p -> p.plan().id()).toList())));
    }

    /** The application's services on this data folder, wired as the desktop app wires them. */
    org.epaworkbench.app.Services services() throws StorageException {
        return opened().services();
    }

    /** The assessor's signing identity in the data folder (reading it opens no database). */
    org.epaworkbench.app.AssessorIdentity identity() {
        return new org.epaworkbench.app.AssessorIdentity(folder().root(), clock);
    }

    /** The sessions in the data folder (the plans are loaded when a session is opened). */
    org.epaworkbench.app.Sessions sessions() throws StorageException {
        return services().sessionService();
    }

    /** The apprentices and the assessor's profile. */
    org.epaworkbench.app.Apprentices apprentices() throws StorageException {
        return services().apprentices();
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
        if (opened != null) {
            opened.close();
        }
    }
}
