package org.epaworkbench.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
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
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Workbench;

/**
 * Data folders for the benchmarks, made through the app's own engine and stores: apprentices, sessions
 * recorded event by event, records rendered and signed. Folders live under {@code target/bench/work}
 * (on the project's disk: a tmpfs would make every fsync free).
 */
public final class Fixtures {

    public static final String PASSWORD = "benchmark keystore password";
    /** Bump when the 500-session fixture's content changes, so a cached one is rebuilt. */
    static final String SYNC_FIXTURE_VERSION = "sync-fixture-1";
    public static final int SYNC_SESSIONS = 500;

    private Fixtures() {
    }

    public static Path benchFolder() {
        return Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    }

    /** This run's scratch folder, the run's own folder under {@code target/bench}; JMH's forks are told the run by a property. */
    public static Path workFolder() {
        return benchFolder().resolve("work").resolve(System.getProperty("bench.run", "default"));
    }

    /** A new empty folder in this run's scratch folder. */
    public static Path freshFolder(String name) throws IOException {
        Path p = workFolder().resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(p);
        return p;
    }

    private static boolean logging;

    private static synchronized void logging() {
        if (!logging) {
            org.epaworkbench.Logging.configure();
            logging = true;
        }
    }

    public static Workbench open(Path dataDir) throws Exception {
        logging();
        return Workbench.open(DataDirectory.at(dataDir), Clock.systemUTC());
    }

    public static Workbench open(Path dataDir, SessionClock sessionClock) throws Exception {
        logging();
        return Workbench.open(DataDirectory.at(dataDir), Clock.systemUTC(), sessionClock);
    }

    /** A valid ULN (10 digits, LRS check digit) derived from {@code n}. */
    public static String uln(int n) {
        for (long base = 100_000_000L + n * 7L; ; base++) {
            String nine = Long.toString(base);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = Math.floorMod(10 - sum, 11);
            if (check < 10) {
                String uln = nine + check;
                if (Uln.isValid(uln)) {
                    return uln;
                }
            }
        }
    }

    public static void assessor(Workbench wb) throws Exception {
        if (wb.people().assessor().isEmpty()) {
            wb.people().saveAssessor(new AssessorProfile("Alex Morgan", "EPA-4411", "Highfield Assessment", false));
        }
    }

    public static Apprentice apprentice(Workbench wb, int n, String planId) throws Exception {
        Apprentice a = new Apprentice("bench-apprentice-" + n, "Apprentice " + n + " Shah", Uln.of(uln(n)),
                "Harbour Foods " + (n % 7), "Northern Skills", planId, LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5),
                false);
        wb.people().save(a);
        return a;
    }

    /** A plan component from the built-in plans. */
    public record PlanComponent(AssessmentPlan plan, Component component) {
    }

    /** The component with the most criteria across the built-in plans (the first such, in library order). */
    public static PlanComponent largestComponent() {
        PlanComponent best = null;
        for (AssessmentPlan p : PlanLibrary.builtInPlans(new PlanPackReader())) {
            for (Component c : p.components()) {
                if (best == null || c.criteria().size() > best.component().criteria().size()) {
                    best = new PlanComponent(p, c);
                }
            }
        }
        return best;
    }

    /** The component with the fewest criteria across the built-in plans. */
    public static PlanComponent smallestComponent() {
        PlanComponent best = null;
        for (AssessmentPlan p : PlanLibrary.builtInPlans(new PlanPackReader())) {
            for (Component c : p.components()) {
                if (best == null || c.criteria().size() < best.component().criteria().size()) {
                    best = new PlanComponent(p, c);
                }
            }
        }
        return best;
    }

    /** A 500-character note naming its criterion. */
    public static String longNote(Criterion c) {
        String base = "Observed " + c.code() + " in full: the apprentice dealt with a returning customer whose order "
                + "arrived damaged, explained the options, checked the account history and agreed a replacement with a "
                + "delivery slot that suited the customer, then recorded the outcome and briefed a colleague. ";
        StringBuilder s = new StringBuilder();
        while (s.length() < 500) {
            s.append(base);
        }
        return s.substring(0, 500);
    }

    private static byte[] signaturePng;

    /** A drawn signature as the signature pad makes one (PNG). */
    public static synchronized byte[] signaturePng() {
        if (signaturePng == null) {
            BufferedImage img = new BufferedImage(420, 110, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(20, 30, 60));
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D path = new Path2D.Double();
            path.moveTo(30, 70);
            for (int x = 30; x < 390; x += 6) {
                path.lineTo(x, 60 + 25 * Math.sin(x / 17.0) * Math.cos(x / 53.0));
            }
            g.draw(path);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(img, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            signaturePng = out.toByteArray();
        }
        return signaturePng.clone();
    }

    /** A stored planned session for the apprentice on the component, timed by {@code clock}. */
    public static RecordedSession plan(Workbench wb, Apprentice a, PlanComponent pc, SessionClock clock) throws Exception {
        return RecordedSession.create(wb.sessions(), pc.plan(), new SessionDetails(a.id(), pc.plan().id(),
                pc.plan().version(), pc.component().id(), AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE,
                "Customer service desk", "Passport"), clock, SessionSettings.DEFAULT, false);
    }

    /**
     * Records a whole session the way an assessor does: started, interview questions where the plan
     * counts them, questioning time where it limits it, every criterion judged; with {@code fullNotes}
     * every criterion also gets a 500-character note and an evidence reference, otherwise a short note on
     * every third. Ended at the planned duration, then both declarations with drawn signatures.
     */
    public static void recordCompleteSession(RecordedSession s, ManualClock clock, boolean fullNotes) throws Exception {
        Component c = s.live().component();
        s.perform(l -> l.start());
        if (c.questions().isPresent()) {
            for (int i = 1; i <= c.questions().get().exactly(); i++) {
                int n = i;
                s.perform(l -> l.askQuestion("Competency question " + n + " about the project's recommendations", null));
                clock.advanceMinutes(2);
            }
        }
        if (c.questioningLimit().isPresent()) {
            s.perform(l -> l.toggleQuestioning());
            clock.advanceMinutes(3);
            s.perform(l -> l.toggleQuestioning());
        }
        int i = 0;
        for (Criterion cr : c.criteria()) {
            s.perform(l -> l.judge(cr.id(), CriterionState.MET));
            if (fullNotes) {
                s.perform(l -> l.note(cr.id(), longNote(cr)));
                s.perform(l -> l.evidence(cr.id(), "Project annex " + cr.code()));
            } else if (i % 3 == 0) {
                s.perform(l -> l.note(cr.id(), "Seen clearly when handling the returned order (" + cr.code() + ")."));
            }
            i++;
            clock.advanceSeconds(20);
        }
        Duration planned = c.timing().planned();
        Duration now = s.live().elapsed();
        if (planned.compareTo(now) > 0) {
            clock.advance(planned.minus(now));
        }
        s.perform(l -> l.end(null));
        AssessmentPlan plan = s.live().plan();
        String png = Base64.getEncoder().encodeToString(signaturePng());
        s.perform(l -> l.declare("apprentice", "Apprentice", RecordHtml.declarationText(plan, "apprentice"), png));
        s.perform(l -> l.declare("assessor", "Alex Morgan", RecordHtml.declarationText(plan, "assessor"), png));
    }

    /** Signs an ended session's record as the app does and notes it in the session's log. */
    public static RecordProducer.Produced sign(Workbench wb, RecordProducer producer, SigningIdentity id, String sessionId)
            throws Exception {
        RecordProducer.Produced p = producer.signSession(sessionId, id, signaturePng(), step -> { });
        RecordedSession.open(wb.sessions(), wb.plans(), sessionId, SessionClock.system(), SessionSettings.DEFAULT)
                .perform(l -> l.recordSigned(p.record().fileName(), p.record().sha256(), p.record().certificateFingerprint()));
        return p;
    }

    /**
     * A data folder with {@value #SYNC_SESSIONS} ended sessions (the three components of a CSS L3 plan in
     * turn, for apprentices of three sessions each), each with its signed record, nothing exported yet.
     * Built once (several minutes: 500 records are signed) and cached in {@code target/bench/fixture-500};
     * callers copy it before changing anything.
     */
    public static Path syncFixture(java.util.function.Consumer<String> progress) throws Exception {
        Path cache = benchFolder().resolve("fixture-" + SYNC_SESSIONS);
        Path marker = cache.resolve("complete.txt");
        Path data = cache.resolve("data");
        if (Files.exists(marker) && Files.readString(marker).startsWith(SYNC_FIXTURE_VERSION)) {
            return data;
        }
        deleteTree(cache);
        Files.createDirectories(cache);
        // built on /dev/shm when there is one (fsyncs there are free; building is not measured), then copied
        Path scratch = Files.createTempDirectory(HistoryFixtures.scratchRoot(), "epa-fixture-500-");
        Path built = scratch.resolve("data");
        Files.createDirectories(built);
        long t0 = System.nanoTime();
        ManualClock clock = new ManualClock(Instant.parse("2026-09-01T09:00:00Z"));
        try (Workbench wb = open(built, clock)) {
            assessor(wb);
            AssessmentPlan plan = wb.plans().plan("highfield-css-l3").orElseThrow();
            RecordProducer producer = producer(wb);
            SigningIdentity id = producer.unlockOrCreate(PASSWORD.toCharArray()).identity();
            Apprentice a = null;
            for (int n = 0; n < SYNC_SESSIONS; n++) {
                Component c = plan.components().get(n % plan.components().size());
                if (n % plan.components().size() == 0) {
                    a = apprentice(wb, n / plan.components().size(), plan.id());
                }
                RecordedSession s = plan(wb, a, new PlanComponent(plan, c), clock);
                recordCompleteSession(s, clock, false);
                sign(wb, producer, id, s.id());
                clock.advanceMinutes(30);
                if ((n + 1) % 50 == 0) {
                    progress.accept("fixture: " + (n + 1) + " of " + SYNC_SESSIONS + " sessions recorded and signed ("
                            + (System.nanoTime() - t0) / 1_000_000_000 + " s)");
                }
            }
        }
        copyTree(built, data);
        deleteTree(scratch);
        Files.writeString(marker, SYNC_FIXTURE_VERSION + "\nbuilt in " + (System.nanoTime() - t0) / 1_000_000 + " ms\n");
        return data;
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Sorted file sizes, for a quick look at a folder. */
    static List<Long> sizes(Path folder) throws IOException {
        try (var list = Files.list(folder)) {
            return list.map(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted(Comparator.naturalOrder()).toList();
        }
    }

    /** The record producer over a workbench's stores, as app.Records uses it (benchmarks measure it directly). */
    static RecordProducer producer(Workbench wb) {
        return new RecordProducer(wb.plans(), wb.sessions(), wb.people(), wb.signedRecords(),
                new org.epaworkbench.keys.AssessorKeyStore(wb.directory().root(), wb.clock()), wb.clock(), wb.zone());
    }
}
