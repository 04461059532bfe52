package org.epaworkbench.store;

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

    private Database(DataDirectory directory, SQLiteDataSource dataSource, Connection connection, boolean readOnly) {
        this.directory = directory;
        this.dataSource = dataSource;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Opens (creating and migrating if needed) the database in the given data folder. */
    public static Database open(DataDirectory directory) throws StorageException {
        directory.ensureExists();
        SQLiteDataSource ds = dataSource(directory, false);
        Flyway flyway = flyway(ds);
        try {
            refuseNewerSchema(directory, flyway);
            flyway.migrate();
            Connection connection = ds.getConnection();
            return new Database(directory, ds, connection, false);
        } catch (FlywayException e) {
            throw explain(directory, e);
        } catch (SQLException e) {
            throw explain(directory, e);
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
            refuseNewerSchema(directory, flyway);
            if (flyway.info().pending().length > 0) {
                throw new StorageException("The database " + directory.databaseFile() + " needs updating to this version "
                        + "of EPA Workbench, but another program has the data folder open. Close it and try again.");
            }
            return new Database(directory, ds, ds.getConnection(), true);
        } catch (FlywayException e) {
            throw explain(directory, e);
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

    private static StorageException explain(DataDirectory directory, Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
                    return new Backups(directory, java.time.Clock.systemUTC())
                            .damaged("it is not a readable EPA Workbench database: " + Backups.plain(sqlite));
                }
                if (code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_CANTOPEN
                        || code == SQLiteErrorCode.SQLITE_PERM) {
                    return new StorageException("Cannot write to the database " + directory.databaseFile()
                            + ": " + sqlite.getMessage() + ". Check the folder's permissions or use another with --data-dir.", e);
                }
            }
            cause = cause.getCause();
        }
        return new StorageException("Cannot open the database " + directory.databaseFile() + ": " + e.getMessage(), e);
    }

    public DataDirectory directory() {
        return directory;
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
