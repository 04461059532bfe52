package org.epaworkbench.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.LiveSession;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.PendingEvent;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.plan.AttemptKind;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Folding a 10,000-event log into session state ({@code SessionState.fold}), against a trivial pass over
 * the same events (reading each event's position and type, what any fold must at least do).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class FoldBenchmark {

    public static final int EVENTS = 10_000;

    private List<SessionEvent> events;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        events = log(EVENTS);
    }

    @Benchmark
    public SessionState fold() {
        return SessionState.fold(events);
    }

    /** The same log stored in a data folder, for reading it back as opening a session does. */
    @State(Scope.Benchmark)
    public static class Stored {
        org.epaworkbench.app.Workbench workbench;
        String sessionId;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            List<SessionEvent> log = log(EVENTS);
            workbench = Fixtures.open(Fixtures.freshFolder("fold").resolve("data"));
            Fixtures.apprentice(workbench, 1, log.get(0).body() instanceof org.epaworkbench.session.EventBody.SessionPlanned p
                    ? p.details().planId() : null);
            // the log belongs to apprentice "a-1": store it under the benchmark apprentice instead
            List<SessionEvent> renamed = new ArrayList<>();
            for (SessionEvent e : log) {
                var body = e.body() instanceof org.epaworkbench.session.EventBody.SessionPlanned p
                        ? new org.epaworkbench.session.EventBody.SessionPlanned(new SessionDetails("bench-apprentice-1",
                                p.details().planId(), p.details().planVersion(), p.details().componentId(), p.details().attempt(),
                                p.details().mode(), p.details().location(), p.details().idDocumentSeen()))
                        : e.body();
                renamed.add(new SessionEvent(e.id(), e.sessionId(), e.seq(), e.at(), e.sessionTime(), body));
            }
            workbench.sessions().create(renamed.get(0), false);
            workbench.sessions().appendAll(renamed.subList(1, renamed.size()));
            sessionId = renamed.get(0).sessionId();
        }

        @org.openjdk.jmh.annotations.TearDown(Level.Trial)
        public void tearDown() {
            workbench.close();
        }
    }

    /** Reading the stored log back (SQL, JSON decoding) and folding it: what opening a long session costs. */
    @Benchmark
    public SessionState loadAndFold(Stored stored) throws Exception {
        return stored.workbench.sessions().state(stored.sessionId).orElseThrow();
    }

    @Benchmark
    public long trivialPass() {
        long h = 0;
        for (SessionEvent e : events) {
            h = 31 * h + e.seq() + e.type().length();
        }
        return h;
    }

    /**
     * A valid log of {@code size} events recorded through the live session with a manual clock: a
     * long observation of the largest criteria list, mostly judgements, notes and evidence, with
     * questioning time started and stopped and the odd pause.
     */
    public static List<SessionEvent> log(int size) throws SessionRuleException {
        Fixtures.PlanComponent pc = withQuestioning();
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
        LiveSession live = LiveSession.create("fold-session", pc.plan(), pc.component().id(), clock, SessionSettings.DEFAULT);
        List<SessionEvent> log = new ArrayList<>(size);
        add(live, log, live.plan(new SessionDetails("a-1", pc.plan().id(), pc.plan().version(), pc.component().id(),
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Customer service desk", "Passport")));
        add(live, log, live.start());
        List<Criterion> criteria = pc.component().criteria();
        CriterionState[] states = CriterionState.values();
        int i = 0;
        while (log.size() < size) {
            clock.advanceSeconds(2);
            Criterion c = criteria.get(i % criteria.size());
            SessionStatus status = live.state().status();
            if (status == SessionStatus.PAUSED) {
                add(live, log, live.resume());
            } else if (i % 97 == 96) {
                add(live, log, live.pause("Apprentice comfort break"));
            } else if (i % 20 == 10) {
                add(live, log, live.toggleQuestioning());
            } else if (i % 10 < 5) {
                add(live, log, live.judge(c.id(), states[(i / 7) % states.length]));
            } else if (i % 10 < 8) {
                add(live, log, live.note(c.id(), "Note " + i + " on " + c.code() + ": handled the customer's complaint calmly."));
            } else {
                add(live, log, live.evidence(c.id(), "Portfolio piece " + (i % 15 + 1)));
            }
            i++;
        }
        return List.copyOf(log);
    }

    private static void add(LiveSession live, List<SessionEvent> log, PendingEvent p) {
        live.commit(p);
        log.add(p.event());
    }

    /** The component with the most criteria among those with a questioning limit. */
    static Fixtures.PlanComponent withQuestioning() {
        Fixtures.PlanComponent best = null;
        for (var p : org.epaworkbench.packs.PlanLibrary.builtInPlans(new org.epaworkbench.packs.PlanPackReader())) {
            for (var c : p.components()) {
                if (c.questioningLimit().isPresent()
                        && (best == null || c.criteria().size() > best.component().criteria().size())) {
                    best = new Fixtures.PlanComponent(p, c);
                }
            }
        }
        return best;
    }
}
