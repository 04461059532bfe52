package org.epaworkbench.intake;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.epaworkbench.store.Database.SqlWork;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The intake service's database (ADR 13): PostgreSQL when the organisation gives one, otherwise an
 * SQLite file in the service's data folder. One Flyway history for both. PostgreSQL is reached through
 * a connection pool and runs transactions side by side; SQLite has one writer, so its transactions
 * take turns on one connection.
 */
public final class IntakeDatabase implements AutoCloseable {

    static final String MIGRATIONS = "classpath:org/epaworkbench/intake/migration";
    /** The SQLite file a service with no {@code --db} keeps in its data folder. */
    public static final String SQLITE_FILE = "intake.db";

    /** Which database this is. */
    public enum Kind {
        POSTGRESQL, SQLITE
    }

    private final Kind kind;
    private final String where;
    private final HikariDataSource pool;
    private final Connection single;
    private final ReentrantLock singleLock = new ReentrantLock();

    private IntakeDatabase(Kind kind, String where, HikariDataSource pool, Connection single) {
        this.kind = kind;
        this.where = where;
        this.pool = pool;
        this.single = single;
    }

    /**
     * Opens the database and brings its structure up to date.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://…} address (user and password in it or as its parameters), or
     *     null for the SQLite file in {@code dataFolder}
     */
    public static IntakeDatabase open(String jdbcUrl, Path dataFolder) throws IntakeProblem {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return openSqlite(dataFolder.resolve(SQLITE_FILE));
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IntakeProblem("The database address “" + jdbcUrl + "” is not a PostgreSQL one: it must start with "
                    + "jdbc:postgresql:// (or leave --db out to use the SQLite file in the data folder).");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("intake");
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(10_000);
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IntakeProblem("Cannot reach the PostgreSQL database at " + withoutPassword(jdbcUrl) + ": "
                    + rootMessage(e) + ". Check that it is running, the address, the user and the password.", e);
        }
        try {
            migrate(pool, withoutPassword(jdbcUrl));
        } catch (IntakeProblem e) {
            pool.close();
            throw e;
        }
        return new IntakeDatabase(Kind.POSTGRESQL, withoutPassword(jdbcUrl), pool, null);
    }

    private static IntakeDatabase openSqlite(Path file) throws IntakeProblem {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IntakeProblem("Cannot create the data folder " + file.toAbsolutePath().getParent() + ": "
                    + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        migrate(ds, file.toString());
        try {
            return new IntakeDatabase(Kind.SQLITE, file.toString(), null, ds.getConnection());
        } catch (SQLException e) {
            throw new IntakeProblem("Cannot open the intake database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DataSource ds, String where) throws IntakeProblem {
        Flyway flyway = Flyway.configure().dataSource(ds).locations(MIGRATIONS).failOnMissingLocations(true).load();
        try {
            MigrationInfo[] newer = Arrays.stream(flyway.info().all())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (newer.length > 0) {
                throw new IntakeProblem("The intake database at " + where + " was set up by a newer version of EPA "
                        + "Workbench (structure version " + newer[newer.length - 1].getVersion() + "). Run that version.");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new IntakeProblem("Cannot set up the intake database at " + where + ": " + rootMessage(e), e);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** Where the data is, without any password. */
    public String where() {
        return where;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        if (single != null) {
            singleLock.lock();
            try {
                return transaction(single, work);
            } finally {
                singleLock.unlock();
            }
        }
        try (Connection c = pool.getConnection()) {
            return transaction(c, work);
        }
    }

    private static <T> T transaction(Connection c, SqlWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        if (single != null) {
            try {
                single.close();
            } catch (SQLException e) {
                // closing at shutdown: nothing left to lose
            }
        }
    }
}
