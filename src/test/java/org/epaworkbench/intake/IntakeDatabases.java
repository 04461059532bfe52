package org.epaworkbench.intake;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The two databases the intake service runs on, for tests that must hold on both: an SQLite file, and
 * a real PostgreSQL (started once per test run from Maven's binaries, a fresh database per test).
 */
public final class IntakeDatabases {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private IntakeDatabases() {
    }

    /** The kinds, as a parameter source: {@code @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")}. */
    public static Stream<IntakeDatabase.Kind> kinds() {
        return Stream.of(IntakeDatabase.Kind.SQLITE, IntakeDatabase.Kind.POSTGRESQL);
    }

    /** A new, empty intake database of {@code kind}; SQLite's file in {@code folder}. */
    public static IntakeDatabase fresh(IntakeDatabase.Kind kind, Path folder) throws Exception {
        if (kind == IntakeDatabase.Kind.SQLITE) {
            return IntakeDatabase.open(null, folder);
        }
        return IntakeDatabase.open(freshPostgresUrl(), folder);
    }

    /** The address of a new, empty PostgreSQL database (user and password in it). */
    public static synchronized String freshPostgresUrl() throws Exception {
        String given = System.getenv("EPA_TEST_POSTGRES_URL");
        String name = "intake_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        if (given != null && !given.isBlank()) {
            // CI may give a PostgreSQL of its own (.ci/run): a database per test on it
            try (Connection c = java.sql.DriverManager.getConnection(given); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return given.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        }
        if (postgres == null) {
            postgres = start();
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                // the test run is ending anyway
            }
        }));
        return pg;
    }
}
