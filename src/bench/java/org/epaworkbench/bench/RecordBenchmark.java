package org.epaworkbench.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.record.RecordProducer;
import org.epaworkbench.session.ManualClock;
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

/**
 * Rendering and signing a session's record, warm, through {@code RecordProducer.signSession} as the
 * Sign record button does (read the log, lay out the XHTML, PDF, PAdES signature with the drawn
 * signature, write the file with a sync, list it for the outbox): the largest record a built-in plan
 * makes (the component with the most criteria, every criterion judged with a 500-character note and an
 * evidence reference, questions asked, both declarations) against the smallest (the component with the
 * fewest criteria, each judged, a short note on every third).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx1g", "-Djava.awt.headless=true"})
@State(Scope.Benchmark)
public class RecordBenchmark {

    private Workbench workbench;
    private RecordProducer producer;
    private SigningIdentity identity;
    private String largest;
    private String smallest;
    private byte[] png;

    /** A data folder holding the largest and the smallest record's sessions, ended. */
    public record Made(Workbench workbench, RecordProducer producer, SigningIdentity identity, String largest,
            String smallest) {
    }

    public static Made make(Path dataDir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-20T09:00:00Z"));
        Workbench wb = Fixtures.open(dataDir, clock);
        Fixtures.assessor(wb);
        Fixtures.PlanComponent big = Fixtures.largestComponent();
        Fixtures.PlanComponent small = Fixtures.smallestComponent();
        Apprentice a = Fixtures.apprentice(wb, 1, big.plan().id());
        RecordedSession l = Fixtures.plan(wb, a, big, clock);
        Fixtures.recordCompleteSession(l, clock, true);
        Apprentice b = Fixtures.apprentice(wb, 2, small.plan().id());
        RecordedSession s = Fixtures.plan(wb, b, small, clock);
        Fixtures.recordCompleteSession(s, clock, false);
        RecordProducer producer = Fixtures.producer(wb);
        SigningIdentity id = producer.unlockOrCreate(Fixtures.PASSWORD.toCharArray()).identity();
        return new Made(wb, producer, id, l.id(), s.id());
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Made m = make(Fixtures.freshFolder("record").resolve("data"));
        workbench = m.workbench();
        producer = m.producer();
        identity = m.identity();
        largest = m.largest();
        smallest = m.smallest();
        png = Fixtures.signaturePng();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workbench.close();
    }

    @Benchmark
    public RecordProducer.Produced largestRecord() throws Exception {
        return producer.signSession(largest, identity, png, step -> { });
    }

    @Benchmark
    public RecordProducer.Produced smallestRecord() throws Exception {
        return producer.signSession(smallest, identity, png, step -> { });
    }
}
