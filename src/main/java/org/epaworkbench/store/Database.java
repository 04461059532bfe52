package org.epaworkbench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded SQLite database in the data folder: write-ahead logging, full synchronous commits (a
 * committed transaction survives the app being killed or the power failing), schema kept by Flyway
 * migrations. A database written by a newer version of the app is refused untouched.
 */
public final class Database implements AutoCloseable {

    static final String MIGRATIONS = "classpath:org/epaworkbench/db/migration";

    private final DataDirectory directory;
    private final SQLiteDataSource dataSource;
    private final Connection connection;
    private final boolean readOnly;
    private final SessionSummaries summaries = new SessionSummaries(this);

    private Database(DataDirectory directory, SQLiteDataSource dataSource, Connection connection, boolean readOnly) {
        this.directory = directory;
        this.dataSource = dataSource;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Opens (creating and migrating if needed) the database in the given data folder. */
    public static Database open(DataDirectory directory) throws StorageException {
        directory.ensureExists();
        ownerOnly(directory);
        SQLiteDataSource ds = dataSource(directory, false);
        Flyway flyway = flyway(ds);
        try {
            checkHistory(directory, ds);
            refuseNewerSchema(directory, flyway);
            flyway.migrate();
            Connection connection = ds.getConnection();
            return new Database(directory, ds, connection, false);
        } catch (FlywayException e) {
            throw explainFlyway(directory, e);
        } catch (SQLException e) {
            throw explain(directory, e);
        }
    }

    /** A Flyway failure: SQLite's own problem (damage, permissions, disk) if it is one, else the history's. */
    private static StorageException explainFlyway(DataDirectory directory, FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite && sqlite.getResultCode() != SQLiteErrorCode.SQLITE_ERROR) {
                return explain(directory, e);
            }
        }
        return explainHistory(directory, e);
    }

    /**
     * The database and its write-ahead log hold names, ULNs and judgements: owner-only (0600). A new
     * database file is created empty with those permissions before SQLite opens it, and SQLite gives
     * its {@code -wal} and {@code -shm} files the database file's permissions; files an earlier version
     * left readable by others are tightened.
     */
    private static void ownerOnly(DataDirectory directory) throws StorageException {
        Path db = directory.databaseFile();
        try {
            if (!java.nio.file.Files.exists(db)) {
                OwnerOnly.createFile(db);
            }
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                OwnerOnly.file(db.resolveSibling(db.getFileName() + suffix));
            }
        } catch (java.io.IOException e) {
            // a data folder someone else owns: SQLite reports anything that stops it opening
        }
    }

    /**
     * Opens an existing database for reading only, while another program has the data folder: no
     * migration, no writes (SQLite refuses them with {@code SQLITE_READONLY}).
     */
    public static Database openReadOnly(DataDirectory directory) throws StorageException {
        if (!java.nio.file.Files.exists(directory.databaseFile())) {
            throw new StorageException("There is no database in " + directory.root() + " yet.");
        }
        SQLiteDataSource ds = dataSource(directory, true);
        Flyway flyway = flyway(ds);
        try {
            checkHistory(directory, ds);
            refuseNewerSchema(directory, flyway);
            if (flyway.info().pending().length > 0) {
                throw new StorageException("The database " + directory.databaseFile() + " needs updating to this version "
                        + "of EPA Workbench, but another program has the data folder open. Close it and try again.");
            }
            return new Database(directory, ds, ds.getConnection(), true);
        } catch (FlywayException e) {
            throw explainFlyway(directory, e);
        } catch (SQLException e) {
            throw explain(directory, e);
        }
    }

    /**
     * Opens the database of a data folder that cannot be written (a write-protected stick, a read-only
     * share) for reading: SQLite is told the file cannot change ({@code immutable}), so it creates no
     * lock, {@code -wal} or {@code -shm} file beside it.
     */
    public static Database openReadOnlyFolder(DataDirectory directory) throws StorageException {
        if (!java.nio.file.Files.exists(directory.databaseFile())) {
            throw new StorageException("The data folder " + directory.root() + " cannot be written to (it is read-only) "
                    + "and has no database yet, so there is nothing to read.");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + directory.databaseFile().toUri() + "?immutable=1");
        Flyway flyway = flyway(ds);
        try {
            checkHistory(directory, ds);
            refuseNewerSchema(directory, flyway);
            if (flyway.info().pending().length > 0) {
                throw new StorageException("The database " + directory.databaseFile() + " needs updating to this version "
                        + "of EPA Workbench, but its data folder cannot be written to (it is read-only). Make the folder "
                        + "writable, or copy it somewhere that is and use --data-dir.");
            }
            return new Database(directory, ds, ds.getConnection(), true);
        } catch (FlywayException e) {
            throw explainFlyway(directory, e);
        } catch (SQLException e) {
            throw explain(directory, e);
        }
    }

    private static SQLiteDataSource dataSource(DataDirectory directory, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        config.setReadOnly(readOnly);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + directory.databaseFile());
        return ds;
    }

    private static Flyway flyway(SQLiteDataSource ds) {
        return Flyway.configure()
                .dataSource(ds)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
    }

    private static void refuseNewerSchema(DataDirectory directory, Flyway flyway) throws StorageException {
        MigrationInfo[] all = flyway.info().all();
        List<MigrationInfo> future = Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (!future.isEmpty()) {
            String newest = future.get(future.size() - 1).getVersion().toString();
            String known = Arrays.stream(all).filter(m -> m.getState() == MigrationState.SUCCESS)
                    .reduce((a, b) -> b).map(m -> m.getVersion().toString()).orElse("none");
            throw new StorageException("The database " + directory.databaseFile()
                    + " was written by a newer version of EPA Workbench (database schema " + newest
                    + "; this version knows schema " + known + "). It has not been changed. "
                    + "Open it with that newer version, or use another data folder with --data-dir.");
        }
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d+(\\.\\d+)*");

    /**
     * Reads the database's record of its own structure (Flyway's history table) before Flyway does,
     * so that a missing or unreadable one is refused: Flyway would take a database without history
     * for a new one and try to build it again over the data, or stop with advice ("baseline",
     * "repair") that could lose data.
     */
    private static void checkHistory(DataDirectory directory, SQLiteDataSource ds) throws SQLException, StorageException {
        try (Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            boolean anyTable = false;
            boolean history = false;
            try (java.sql.ResultSet rs = st.executeQuery(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
                while (rs.next()) {
                    anyTable = true;
                    history |= HISTORY_TABLE.equals(rs.getString(1));
                }
            }
            if (!anyTable) {
                return; // a new database: Flyway builds it
            }
            if (!history) {
                throw historyDamaged(directory, "it has no record of which version of EPA Workbench made its structure");
            }
            java.util.Set<String> columns = new java.util.HashSet<>();
            try (java.sql.ResultSet rs = st.executeQuery("PRAGMA table_info(" + HISTORY_TABLE + ")")) {
                while (rs.next()) {
                    columns.add(rs.getString("name").toLowerCase(java.util.Locale.ROOT));
                }
            }
            if (!columns.containsAll(List.of("installed_rank", "version", "script", "checksum", "success"))) {
                throw historyDamaged(directory, "its record of which version of EPA Workbench made its structure cannot be read");
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT version, script FROM " + HISTORY_TABLE + " ORDER BY installed_rank")) {
                while (rs.next()) {
                    String version = rs.getString(1);
                    if (version == null || !VERSION.matcher(version).matches()) {
                        throw historyDamaged(directory, "its record of which version of EPA Workbench made its structure holds a step "
                                + (version == null ? "without a version" : "with the version '" + version + "'")
                                + ", which no version of EPA Workbench writes");
                    }
                }
            }
        }
    }

    private static final String HISTORY_TABLE = "flyway_schema_history";

    private static StorageException historyDamaged(DataDirectory directory, String detail) {
        return new Backups(directory, java.time.Clock.systemUTC()).damaged(detail);
    }

    private static final java.util.regex.Pattern FAILED_STEP = java.util.regex.Pattern.compile(
            "failed migration to version ([\\d.]+)");
    private static final java.util.regex.Pattern CHANGED_STEP = java.util.regex.Pattern.compile(
            "checksum mismatch for migration version ([\\d.]+)");
    private static final java.util.regex.Pattern MISSING_STEP = java.util.regex.Pattern.compile(
            "resolved migration not applied to database: ([\\d.]+)");
    private static final java.util.regex.Pattern UNKNOWN_STEP = java.util.regex.Pattern.compile(
            "applied migration not resolved locally: ([^\\s]+?)\\.?(\\s|$)");

    /** Flyway's refusal of the history, in plain words (never its advice to repair or baseline). */
    private static StorageException explainHistory(DataDirectory directory, FlywayException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher found;
        if ((found = FAILED_STEP.matcher(m)).find()) {
            return historyDamaged(directory, "an update of its structure to schema " + found.group(1)
                    + " failed part-way, so parts of it may be missing");
        }
        if ((found = CHANGED_STEP.matcher(m)).find()) {
            return historyDamaged(directory, "its record says schema " + found.group(1)
                    + " was made differently from the way this version of EPA Workbench makes it");
        }
        if ((found = MISSING_STEP.matcher(m)).find()) {
            return historyDamaged(directory, "its record of its structure skips schema " + found.group(1));
        }
        if ((found = UNKNOWN_STEP.matcher(m)).find()) {
            return historyDamaged(directory, "its record of its structure names schema " + found.group(1)
                    + ", which this version of EPA Workbench does not know");
        }
        return historyDamaged(directory, "its record of which version of EPA Workbench made its structure does not match "
                + "this version's");
    }

    private static StorageException explain(DataDirectory directory, Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
                    return new Backups(directory, java.time.Clock.systemUTC())
                            .damaged("it is not a readable EPA Workbench database: " + Backups.plain(sqlite));
                }
                if (code != null && (code.name().startsWith("SQLITE_IOERR") || code.name().startsWith("SQLITE_FULL"))) {
                    var full = DiskFull.of(e, Disk.SYSTEM, directory.root(), DiskFull.NEARLY_FULL,
                            "The database was not opened and nothing was changed. Free some space, or use another data folder with --data-dir.");
                    if (full.isPresent()) {
                        return full.get();
                    }
                    return new StorageException("The disk holding " + directory.root() + " reported an error while opening the "
                            + "database, so it was not opened and nothing was changed. Check the disk (a removed stick, a "
                            + "failing drive), or copy the data folder somewhere else and use --data-dir.", e);
                }
                if (code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_CANTOPEN
                        || code == SQLiteErrorCode.SQLITE_PERM) {
                    return new StorageException("Cannot write to the database " + directory.databaseFile()
                            + ": " + Backups.plain(sqlite) + ". Check the folder's permissions or use another with --data-dir.", e);
                }
            }
            cause = cause.getCause();
        }
        return new StorageException("Cannot open the database " + directory.databaseFile() + ": " + e.getMessage(), e);
    }

    public DataDirectory directory() {
        return directory;
    }

    /** The session summaries kept beside the logs, and how they find the plans to grade with. */
    public SessionSummaries summaries() {
        return summaries;
    }

    /** Opened with {@link #openReadOnly}: every write is refused. */
    public boolean readOnly() {
        return readOnly;
    }

    /** The connection all reads and writes of this process go through; callers serialise on this object. */
    public Connection connection() {
        return connection;
    }

    /**
     * Runs work in one transaction: all of it is committed, or none of it. The connection stays in
     * auto-commit mode and the transaction is opened and closed with plain BEGIN and COMMIT, one round
     * each (switching auto-commit off and on again costs the driver extra statements). Work that runs
     * inside another transaction of this process joins it.
     */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        synchronized (this) {
            if (depth > 0) {
                return work.run(connection);
            }
            execute("BEGIN");
            depth++;
            try {
                T result = work.run(connection);
                execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackAfter(e);
                throw e;
            } finally {
                depth--;
            }
        }
    }

    private int depth;

    private void execute(String sql) throws SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Rolls back after a failure without hiding it: after a full disk or an I/O error SQLite may
     * already have rolled back, and the rollback's own complaint must not replace the real cause.
     */
    private void rollbackAfter(Exception failure) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Work against the database inside {@link #inTransaction}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    SQLiteDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a SQLite connection fails only if statements are still open; nothing to save
        }
    }
}
