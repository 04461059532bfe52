package org.epaworkbench.ui;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.StorageException;

/** What the desktop app works with once its data folder is open. Opened off the FX thread. */
public final class Workbench implements AutoCloseable {

    private final DataDirectory directory;
    private final Database database;
    private final PlanLibrary plans;
    private final List<String> warnings;
    private final Clock clock;

    private Workbench(DataDirectory directory, Database database, PlanLibrary plans, List<String> warnings, Clock clock) {
        this.directory = directory;
        this.database = database;
        this.plans = plans;
        this.warnings = List.copyOf(warnings);
        this.clock = clock;
    }

    public static Workbench open(DataDirectory directory, Clock clock) throws StorageException {
        Database database = Database.open(directory);
        try {
            List<String> warnings = new ArrayList<>();
            PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(database, clock), warnings);
            return new Workbench(directory, database, plans, warnings, clock);
        } catch (SQLException e) {
            database.close();
            throw new StorageException("Cannot read the plans stored in " + directory.databaseFile() + ": " + e.getMessage(), e);
        }
    }

    public DataDirectory directory() {
        return directory;
    }

    public Database database() {
        return database;
    }

    public PlanLibrary plans() {
        return plans;
    }

    public List<String> warnings() {
        return warnings;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        database.close();
    }
}
