package org.epaworkbench.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.store.EventCodec;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Workbench;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A judgement from the assessor to a committed event, through the real path
 * ({@code RecordedSession.perform(l -> l.judge(...))} → {@code SessionStore.append}: checked, encoded,
 * inserted and committed with a full sync), against the floor: one bare single-row insert into SQLite
 * with the same pragmas (WAL, synchronous FULL), autocommitted. SampleTime gives the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx512m"})
@State(Scope.Benchmark)
public class AppendBenchmark {

    private Workbench workbench;
    private RecordedSession session;
    private List<Criterion> criteria;
    private int next;

    private Connection bare;
    private PreparedStatement bareInsert;
    private String payload;

    private static final CriterionState[] STATES = {CriterionState.MET, CriterionState.NOT_MET, CriterionState.NOT_ARISEN};

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Fixtures.freshFolder("append");
        workbench = Fixtures.open(dir.resolve("data"), SessionClock.system());
        Fixtures.assessor(workbench);
        Fixtures.PlanComponent pc = Fixtures.largestComponent();
        Apprentice a = Fixtures.apprentice(workbench, 1, pc.plan().id());
        session = Fixtures.plan(workbench, a, pc, SessionClock.system());
        session.perform(l -> l.start());
        criteria = pc.component().criteria();

        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + dir.resolve("bare.db"));
        bare = ds.getConnection();
        try (Statement st = bare.createStatement()) {
            st.execute("CREATE TABLE row (id TEXT PRIMARY KEY, payload TEXT NOT NULL)");
        }
        bareInsert = bare.prepareStatement("INSERT INTO row (id, payload) VALUES (?, ?)");
        // a payload the size of a stored judgement
        payload = EventCodec.encode(new org.epaworkbench.session.EventBody.CriterionJudged(criteria.get(0).id(),
                CriterionState.MET));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        bareInsert.close();
        bare.close();
        workbench.close();
    }

    @Benchmark
    public SessionState judgement() throws Exception {
        int n = next++;
        Criterion c = criteria.get(n % criteria.size());
        CriterionState state = STATES[(n / criteria.size()) % STATES.length];
        return session.perform(l -> l.judge(c.id(), state));
    }

    @Benchmark
    public int bareInsert() throws Exception {
        bareInsert.setString(1, UUID.randomUUID().toString());
        bareInsert.setString(2, payload);
        return bareInsert.executeUpdate();
    }
}
