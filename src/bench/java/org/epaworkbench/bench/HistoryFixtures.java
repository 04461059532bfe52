package org.epaworkbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.epaworkbench.app.Importing;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.record.RecordHtml;
import org.epaworkbench.record.RecordProducer;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.Outbox;

/**
 * The data folders of issue 17 ("years of records"), built once and cached under {@code target/bench/}:
 * <ul>
 * <li>{@link #laptop}: an assessor's laptop after years of work, {@value #LAPTOP_SESSIONS} ended and signed
 * sessions across {@value #LAPTOP_APPRENTICES} apprentices (realistic names, valid ULNs, a dozen employers, the
 * four built-in plans, every component in turn, resits after a failed first attempt), exported to the office in
 * packages of 500 as the work went on except the last 500 (waiting in the outbox), plus a few sessions paused
 * part-way and one planned. Also the package of all of them ({@code Outbox.all()}), for the import figure.
 * <li>{@link #office}: an office copy holding {@value #OFFICE_SESSIONS} sessions imported from 100 assessors'
 * packages of 500 (the intake benchmark's packages, {@link IntakeFixture}), each imported through
 * {@link Importing#importPackage} under the organisation root, as the Import screen does.
 * </ul>
 * Everything is written through the app's own stores and services (sessions event by event through
 * {@link RecordedSession}, records rendered and PAdES-signed by the record producer, packages by the outbox);
 * nothing through screens. Built on /dev/shm when there is one (fsyncs there are free; building is not
 * measured), then copied to the project's disk.
 */
final class HistoryFixtures {

    static final String LAPTOP_VERSION = "laptop-fixture-1";
    /**
     * Every how many sessions one has its record signed ({@code -Dbench.history.signEvery}, default 10: 1,000 signed
     * records, 50 of them still in the outbox). 1 signs all 10,000 (several times longer to build: rendering and signing
     * is most of the build); the figures of different settings are not comparable, so the setting is part of the cached fixture's
     * version and the README says which was measured.
     */
    static final int SIGN_EVERY = Integer.getInteger("bench.history.signEvery", 10);
    static final String OFFICE_VERSION = "office-fixture-1";
    static final int LAPTOP_SESSIONS = 10_000;
    static final int LAPTOP_APPRENTICES = 2_000;
    static final int OFFICE_ASSESSORS = 100;
    static final int OFFICE_SESSIONS_EACH = 500;
    static final int OFFICE_SESSIONS = OFFICE_ASSESSORS * OFFICE_SESSIONS_EACH;
    /** Sessions exported together while the laptop's history is written; the last batch stays in the outbox. */
    static final int EXPORT_BATCH = 500;
    /** Sessions left paused part-way on the laptop (with one more only planned). */
    static final int PAUSED = 3;

    static final String[] FIRST = {"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo",
        "Freya", "Oscar", "Lily", "Harry", "Grace", "Muhammad", "Sophia", "Jack", "Ella", "Charlie", "Aisha", "Jacob",
        "Poppy", "Thomas", "Evie", "Alfie", "Zara", "Henry", "Chloe", "Theo", "Priya", "Joshua", "Niamh", "Dylan",
        "Fatima", "Callum", "Megan", "Kacper", "Rhiannon", "Tomasz"};
    static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
        "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas",
        "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes",
        "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson",
        "Davis", "Parker", "James", "Bennett", "Young", "Phillips", "Kowalski", "Okafor"};
    static final String[] EMPLOYERS = {"Harbour Foods Ltd", "Northgate Housing Association", "Pennine Energy Services",
        "Brightwater Leisure", "Castle Vale Motors", "Riverside NHS Trust", "Meridian Telecom", "Oakfield Council",
        "Swift Parcel Logistics", "Greenway Supermarkets", "Atlas Insurance Group", "Kingfisher Hotels"};
    static final String[] PROVIDERS = {"Northern Skills", "Midlands Training Partnership", "Coastal College",
        "City Apprenticeships"};

    /** The laptop's data folder and the package of all its sessions. */
    record Laptop(Path data, Path pkg, String buildNote) {
    }

    private HistoryFixtures() {
    }

    static String apprenticeName(int n) {
        return FIRST[n % FIRST.length] + " " + LAST[(n / FIRST.length) % LAST.length];
    }

    static String employer(int n) {
        return EMPLOYERS[(n * 7 + n / 13) % EMPLOYERS.length];
    }

    /** The laptop's apprentice {@code n}, as the fixture stores it. */
    static Apprentice laptopApprentice(int n, List<AssessmentPlan> plans) {
        AssessmentPlan plan = plans.get(n % plans.size());
        LocalDate start = LocalDate.of(2020, 9, 1).plusDays(n % 1500);
        return new Apprentice("laptop-apprentice-" + n, apprenticeName(n), Uln.of(Fixtures.uln(200_000 + n)), employer(n),
                PROVIDERS[n % PROVIDERS.length], plan.id(), start, start.plusMonths(15), false);
    }

    static Path scratchRoot() {
        return Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Fixtures.workFolder();
    }

    static int threads() {
        return Integer.getInteger("bench.fixtureThreads", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** The laptop fixture, built when missing or of another version (tens of minutes on 2 busy cores: 10,000 records are signed). */
    static Laptop laptop(Consumer<String> progress) throws Exception {
        Path cache = Fixtures.benchFolder().resolve("fixture-" + LAPTOP_SESSIONS + "-signed-every-" + SIGN_EVERY);
        Path marker = cache.resolve("complete.txt");
        if (Files.exists(marker) && Files.readString(marker).startsWith(LAPTOP_VERSION + "\n")) {
            List<String> lines = Files.readAllLines(marker);
            return new Laptop(cache.resolve("data"), cache.resolve("package").resolve(lines.get(1)), lines.get(2));
        }
        Fixtures.deleteTree(cache);
        Files.createDirectories(cache);
        Path scratch = Files.createTempDirectory(scratchRoot(), "epa-laptop-");
        try {
            long t0 = System.nanoTime();
            Path data = scratch.resolve("data");
            buildLaptop(data, progress, t0);
            long built = System.nanoTime();
            // the package of everything, from a copy (exporting marks what it carries)
            Path copy = scratch.resolve("copy");
            Fixtures.copyTree(data, copy);
            Path pkg;
            try (Workbench wb = Fixtures.open(copy)) {
                RecordProducer producer = Fixtures.producer(wb);
                SigningIdentity id = producer.unlockOrCreate(Fixtures.PASSWORD.toCharArray()).identity();
                Outbox outbox = outbox(wb);
                Outbox.Exported e = outbox.export(outbox.all(), cache.resolve("package"), id, null);
                if (e.sessions() < LAPTOP_SESSIONS || e.records() < LAPTOP_SESSIONS / SIGN_EVERY) {
                    throw new IllegalStateException("the package holds " + e.sessions() + " sessions and " + e.records() + " records");
                }
                pkg = e.file();
            }
            long packaged = System.nanoTime();
            Fixtures.copyTree(data, cache.resolve("data"));
            String note = "history written, " + LAPTOP_SESSIONS / SIGN_EVERY + " records signed and batches exported in " + (built - t0) / 1_000_000_000
                    + " s with " + threads() + " threads; package of all sessions (" + Files.size(pkg) / (1024 * 1024)
                    + " MB) in " + (packaged - built) / 1_000_000_000 + " s; copied to disk in "
                    + (System.nanoTime() - packaged) / 1_000_000_000 + " s";
            Files.writeString(marker, LAPTOP_VERSION + "\n" + pkg.getFileName() + "\n" + note + "\n");
            progress.accept("laptop fixture: " + note);
            return new Laptop(cache.resolve("data"), pkg, note);
        } finally {
            Fixtures.deleteTree(scratch);
        }
    }

    private static Outbox outbox(Workbench wb) throws java.sql.SQLException {
        return new Outbox(new SyncStore(wb.database()), wb.signedRecords().folder(), wb.sessions().deviceId(), Clock.systemUTC());
    }

    private static void buildLaptop(Path data, Consumer<String> progress, long t0) throws Exception {
        Files.createDirectories(data);
        List<AssessmentPlan> plans = PlanLibrary.builtInPlans(new PlanPackReader());
        Path exports = data.getParent().resolve("exports");
        try (Workbench wb = Fixtures.open(data)) {
            wb.people().saveAssessor(new AssessorProfile("Alex Morgan", "EPA-4411", "Highfield Assessment", false));
            SigningIdentity id = Fixtures.producer(wb).unlockOrCreate(Fixtures.PASSWORD.toCharArray()).identity();
            for (int n = 0; n < LAPTOP_APPRENTICES; n++) {
                wb.people().save(laptopApprentice(n, plans));
            }
            progress.accept("laptop fixture: " + LAPTOP_APPRENTICES + " apprentices saved ("
                    + (System.nanoTime() - t0) / 1_000_000_000 + " s)");
            int perApprentice = LAPTOP_SESSIONS / LAPTOP_APPRENTICES;
            int threads = threads();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger done = new AtomicInteger();
            try {
                // in batches of EXPORT_BATCH sessions, oldest first; each batch but the last exported once written
                for (int from = 0; from < LAPTOP_SESSIONS; from += EXPORT_BATCH) {
                    int to = Math.min(LAPTOP_SESSIONS, from + EXPORT_BATCH);
                    List<Future<?>> work = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int first = from + t;
                        work.add(pool.submit(() -> {
                            RecordProducer producer = Fixtures.producer(wb);
                            for (int i = first; i < to; i += threads) {
                                int apprentice = i / perApprentice;
                                int k = i % perApprentice;
                                recordAndSign(wb, producer, id, laptopApprentice(apprentice, plans), plans, k, i);
                                int d = done.incrementAndGet();
                                if (d % 500 == 0) {
                                    progress.accept("laptop fixture: " + d + " of " + LAPTOP_SESSIONS
                                            + " sessions recorded and signed (" + (System.nanoTime() - t0) / 1_000_000_000 + " s)");
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : work) {
                        f.get();
                    }
                    if (to < LAPTOP_SESSIONS) {
                        Outbox outbox = outbox(wb);
                        Outbox.Exported e = outbox.export(outbox.pending(), exports, id, null);
                        Files.delete(e.file());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            // a few sessions paused part-way, and one only planned, for the newest apprentices
            for (int p = 0; p <= PAUSED; p++) {
                int n = LAPTOP_APPRENTICES - 1 - p;
                Apprentice a = laptopApprentice(n, plans);
                AssessmentPlan plan = plans.get(n % plans.size());
                Component c = plan.components().get(0);
                ManualClock clock = new ManualClock(Instant.parse("2026-11-30T09:00:00Z").plus(Duration.ofHours(p)));
                RecordedSession s = create(wb, plan, c, a, AttemptKind.RESIT, clock);
                if (p < PAUSED) {
                    s.perform(l -> l.start());
                    List<Criterion> criteria = c.criteria();
                    for (int j = 0; j < criteria.size() / 2; j++) {
                        Criterion cr = criteria.get(j);
                        s.perform(l -> l.judge(cr.id(), CriterionState.MET));
                        clock.advanceSeconds(40);
                    }
                    s.perform(l -> l.pause("The apprentice asked for a short break"));
                }
            }
        }
    }

    private static RecordedSession create(Workbench wb, AssessmentPlan plan, Component c, Apprentice a, AttemptKind attempt,
            ManualClock clock) throws Exception {
        return RecordedSession.create(wb.sessions(), plan, new SessionDetails(a.id(), plan.id(), plan.version(), c.id(),
                attempt, AssessmentMode.FACE_TO_FACE, "Training room, " + a.employer(), "Passport"), clock,
                SessionSettings.DEFAULT, false);
    }

    /**
     * Session {@code k} of an apprentice (global index {@code i}): the plan's components in turn, first attempts;
     * then resits of the first components, whose first attempt failed one criterion.
     */
    private static void recordAndSign(Workbench wb, RecordProducer producer, SigningIdentity id, Apprentice a,
            List<AssessmentPlan> plans, int k, int i) throws Exception {
        AssessmentPlan plan = wb.plans().plan(a.planId()).orElseThrow();
        List<Component> comps = plan.components();
        int perApprentice = LAPTOP_SESSIONS / LAPTOP_APPRENTICES;
        Component c = comps.get(k % comps.size());
        AttemptKind attempt = k < comps.size() ? AttemptKind.FIRST : AttemptKind.RESIT;
        boolean failsOne = k < comps.size() && k + comps.size() < perApprentice;
        // about 4 hours apart over the years: 2021 onwards
        ManualClock clock = new ManualClock(Instant.parse("2021-01-04T08:00:00Z").plus(Duration.ofMinutes(250L * i)));
        RecordedSession s = create(wb, plan, c, a, attempt, clock);
        s.perform(l -> l.start());
        if (c.questions().isPresent()) {
            for (int q = 1; q <= c.questions().get().exactly(); q++) {
                int n = q;
                s.perform(l -> l.askQuestion("Question " + n + ": tell me about a time you put a customer first", null));
                clock.advanceMinutes(2);
            }
        }
        if (c.questioningLimit().isPresent()) {
            s.perform(l -> l.toggleQuestioning());
            clock.advanceMinutes(3);
            s.perform(l -> l.toggleQuestioning());
        }
        int j = 0;
        for (Criterion cr : c.criteria()) {
            CriterionState state = failsOne && j == 0 ? CriterionState.NOT_MET : CriterionState.MET;
            s.perform(l -> l.judge(cr.id(), state));
            if (j % 3 == 0) {
                s.perform(l -> l.note(cr.id(), "Seen when " + a.name().split(" ")[0] + " handled the returned order ("
                        + cr.code() + ")."));
            }
            j++;
            clock.advanceSeconds(25);
        }
        Duration planned = c.timing().planned();
        Duration now = s.live().elapsed();
        if (planned.compareTo(now) > 0) {
            clock.advance(planned.minus(now));
        }
        s.perform(l -> l.end(null));
        String png = Base64.getEncoder().encodeToString(Fixtures.signaturePng());
        s.perform(l -> l.declare("apprentice", a.name(), RecordHtml.declarationText(plan, "apprentice"), png));
        s.perform(l -> l.declare("assessor", "Alex Morgan", RecordHtml.declarationText(plan, "assessor"), png));
        if (i % SIGN_EVERY != 0) {
            return;
        }
        RecordProducer.Produced p = producer.signSession(s.id(), id, Fixtures.signaturePng(), step -> { });
        s.perform(l -> l.recordSigned(p.record().fileName(), p.record().sha256(), p.record().certificateFingerprint()));
    }

    /**
     * The office copy: the intake benchmark's 100 packages of 500 sessions (built and cached by {@link IntakeFixture}
     * when missing), imported one by one into an empty data folder that trusts their organisation root.
     */
    static Path office(Consumer<String> progress) throws Exception {
        Path cache = Fixtures.benchFolder().resolve("fixture-office-" + OFFICE_SESSIONS);
        Path marker = cache.resolve("complete.txt");
        if (Files.exists(marker) && Files.readString(marker).startsWith(OFFICE_VERSION)) {
            return cache.resolve("data");
        }
        Fixtures.deleteTree(cache);
        Files.createDirectories(cache);
        long t0 = System.nanoTime();
        IntakeFixture.Made made = IntakeFixture.makeInParallel(OFFICE_ASSESSORS, OFFICE_SESSIONS_EACH, threads(), progress);
        long packaged = System.nanoTime();
        Path scratch = Files.createTempDirectory(scratchRoot(), "epa-office-");
        try {
            Path data = scratch.resolve("data");
            Files.createDirectories(data);
            try (Workbench wb = Fixtures.open(data)) {
                Importing importing = new Importing(wb.services());
                importing.trustRoot(made.authority().folder().resolve(org.epaworkbench.keys.OrganisationAuthority.ROOT));
                int n = 0;
                for (IntakeFixture.Delivery d : made.deliveries()) {
                    Importing.Imported i = importing.importPackage(d.pkg(), null, false, false);
                    if (i.applied().newSessions() != d.sessions()) {
                        throw new IllegalStateException("package " + d.pkg() + " brought " + i.applied().newSessions() + " sessions");
                    }
                    if (++n % 10 == 0) {
                        progress.accept("office fixture: " + n + " of " + made.deliveries().size() + " packages imported ("
                                + (System.nanoTime() - packaged) / 1_000_000_000 + " s)");
                    }
                }
            }
            long imported = System.nanoTime();
            Fixtures.copyTree(data, cache.resolve("data"));
            String note = "packages built or found in " + (packaged - t0) / 1_000_000_000 + " s; imported in "
                    + (imported - packaged) / 1_000_000_000 + " s; copied to disk in " + (System.nanoTime() - imported) / 1_000_000_000 + " s";
            Files.writeString(marker, OFFICE_VERSION + "\n" + note + "\n");
            progress.accept("office fixture: " + note);
            return cache.resolve("data");
        } finally {
            Fixtures.deleteTree(scratch);
        }
    }

    /** Builds both fixtures (and nothing else): {@code java ... HistoryFixtures [laptop|office|both]}. */
    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "both" : args[0];
        if (which.equals("500")) {
            System.out.println(Fixtures.syncFixture(System.out::println));
            System.exit(0);
        }
        if (!which.equals("office")) {
            System.out.println(laptop(System.out::println).buildNote());
        }
        if (!which.equals("laptop")) {
            office(System.out::println);
        }
        System.exit(0);
    }
}
