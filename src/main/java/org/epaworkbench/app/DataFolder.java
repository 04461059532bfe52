package org.epaworkbench.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.StorageException;

/** The data folder an assessor works in: where it is, and its automatic backups (listed, described, restored). */
public final class DataFolder {

    /** The environment variable that names the data folder when {@code --data-dir} is not given. */
    public static final String ENVIRONMENT_VARIABLE = DataDirectory.ENVIRONMENT_VARIABLE;
    /** How many automatic backups are kept (the newest). */
    public static final int BACKUPS_KEPT = Backups.KEEP;

    private final DataDirectory directory;

    private DataFolder(DataDirectory directory) {
        this.directory = directory;
    }

    /** The folder chosen ({@code --data-dir}), else the one the environment variable names, else the default in the home folder. */
    public static DataFolder chosen(Path chosenOrNull) {
        return new DataFolder(DataDirectory.resolve(chosenOrNull));
    }

    /** Exactly this folder. */
    public static DataFolder at(Path root) {
        return new DataFolder(DataDirectory.at(root));
    }

    static DataFolder of(DataDirectory directory) {
        return new DataFolder(directory);
    }

    DataDirectory directory() {
        return directory;
    }

    public Path root() {
        return directory.root();
    }

    /** The database file in the folder. */
    public Path databaseFile() {
        return directory.databaseFile();
    }

    /** Where the automatic backups are kept (and a restored-over database is moved to). */
    public Path backupsFolder() {
        return backups(Clock.systemUTC()).folder();
    }

    /** The automatic backups, newest first. */
    public List<Backups.Backup> backups() {
        return backups(Clock.systemUTC()).list();
    }

    /** The backup of this name, as {@code backups list} shows it. */
    public Optional<Backups.Backup> backup(String name) {
        return backups(Clock.systemUTC()).named(name);
    }

    /** When and why a backup was taken, in local time: "on start, 1 Dec 2026, 17:55:02". */
    public static String describe(Backups.Backup backup) {
        return Backups.describe(backup);
    }

    /** Puts {@code backup} in place of the database; {@code who} names this program to any other that finds the folder taken. */
    public Restoring.Outcome restore(Backups.Backup backup, String who, Clock clock) {
        return Restoring.restore(directory, backup, who, clock);
    }

    /** The refusal for a damaged database ({@code detail} says how), pointing at the backups that can replace it. */
    public StorageException damaged(String detail) {
        return backups(Clock.systemUTC()).damaged(detail);
    }

    Backups backups(Clock clock) {
        return new Backups(directory, clock);
    }

    @Override
    public String toString() {
        return root().toString();
    }
}
