package org.epaworkbench.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.Outbox;

/**
 * The intake benchmark's packages: one organisation root, and for each assessor a key and certificate the
 * root issued (as {@code org certify} does) and one package of their own sessions, each for its own apprentice
 * on the smallest component of the built-in plans, recorded event by event through the app's own stores
 * (planned, started, every criterion judged, a note on every third, ended, both declarations: 12 events) and
 * exported by the real outbox, signed with the assessor's key. Sessions have no signed
 * record PDFs (signing 50,000 PDFs would take hours here). Each assessor's package is cached on its own under
 * {@code target/bench/fixture-intake-S} (S sessions a package), so a smaller run reuses the first packages and
 * a larger one adds to them; the devices they were recorded on are scratch folders (on /dev/shm when there
 * is one: building the fixture is not measured, and fsyncs there are free).
 */
final class IntakeFixture {

    static final String VERSION = "intake-fixture-2";
    static final char[] PASSWORD = "benchmark organisation password".toCharArray();

    /** One assessor's package and identity. */
    record Delivery(int assessor, Path pkg, String packageId, String sha256, SigningIdentity identity, int sessions,
            long bytes) {
    }

    /** The organisation root and the packages. */
    record Made(Path folder, OrganisationAuthority authority, List<Delivery> deliveries) {
    }

    private IntakeFixture() {
    }

    static Made make(int assessors, int sessionsEach, Consumer<String> progress) throws Exception {
        Path folder = Fixtures.benchFolder().resolve("fixture-intake-" + sessionsEach);
        Path org = folder.resolve("org");
        OrganisationAuthority authority;
        if (Files.isRegularFile(org.resolve(OrganisationAuthority.KEYSTORE)) && Files.exists(folder.resolve("version.txt"))
                && Files.readString(folder.resolve("version.txt")).strip().equals(VERSION)) {
            authority = OrganisationAuthority.open(org, PASSWORD, Clock.systemUTC());
        } else {
            Fixtures.deleteTree(folder);
            Files.createDirectories(folder);
            authority = OrganisationAuthority.create(org, "Highfield Assessment", PASSWORD, Clock.systemUTC());
            Files.writeString(folder.resolve("version.txt"), VERSION);
        }
        java.util.ArrayList<Delivery> out = new java.util.ArrayList<>();
        long t0 = System.nanoTime();
        int built = 0;
        for (int a = 0; a < assessors; a++) {
            Path mine = folder.resolve(String.format("assessor-%03d", a));
            Path done = mine.resolve("complete.txt");
            if (!Files.exists(done)) {
                Fixtures.deleteTree(mine);
                Files.createDirectories(mine);
                build(authority, a, sessionsEach, mine);
                built++;
                progress.accept("intake fixture: assessor " + (a + 1) + " of " + assessors + " recorded and exported ("
                        + (System.nanoTime() - t0) / 1_000_000_000 + " s)");
            }
            List<String> lines = Files.readAllLines(done);
            Path pkg = mine.resolve(lines.get(0));
            SigningIdentity id = AssessorKeyStore.identityOf(mine.resolve("assessor.p12"), PASSWORD, "");
            out.add(new Delivery(a, pkg, lines.get(1), lines.get(2), id, sessionsEach, Files.size(pkg)));
        }
        if (built > 0) {
            progress.accept("intake fixture: " + built + " packages built in " + (System.nanoTime() - t0) / 1_000_000_000 + " s");
        }
        return new Made(folder, authority, out);
    }

    /**
     * Builds the missing packages of the first {@code assessors} in {@code threads} threads at once (each assessor's
     * own device folder), then returns them as {@link #make} does.
     */
    static Made makeInParallel(int assessors, int sessionsEach, int threads, Consumer<String> progress) throws Exception {
        Made none = make(0, sessionsEach, progress); // the organisation root, made once
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        try {
            java.util.List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int a = 0; a < assessors; a++) {
                Path mine = none.folder().resolve(String.format("assessor-%03d", a));
                if (Files.exists(mine.resolve("complete.txt"))) {
                    continue;
                }
                int assessor = a;
                work.add(pool.submit(() -> {
                    Fixtures.deleteTree(mine);
                    Files.createDirectories(mine);
                    build(none.authority(), assessor, sessionsEach, mine);
                    progress.accept("intake fixture: " + built.incrementAndGet() + " packages built (assessor " + (assessor + 1)
                            + ", " + (System.nanoTime() - t0) / 1_000_000_000 + " s)");
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return make(assessors, sessionsEach, progress);
    }

    private static void build(OrganisationAuthority authority, int a, int sessions, Path mine) throws Exception {
        SigningIdentity id = Identities.assessor(authority, "Assessor " + a + " Morgan", String.format("EPA-%05d", a));
        Path scratchRoot = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Fixtures.workFolder();
        Path device = Files.createTempDirectory(scratchRoot, "epa-intake-device-");
        try {
            // sessions in the last months, before the certificate's own start is fine: the package is signed now
            ManualClock clock = new ManualClock(Instant.now().minus(120, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
            Outbox.Exported exported;
            try (Workbench wb = Fixtures.open(device, clock)) {
                wb.people().saveAssessor(new AssessorProfile("Assessor " + a + " Morgan", String.format("EPA-%05d", a),
                        "Highfield Assessment", false));
                Fixtures.PlanComponent pc = Fixtures.smallestComponent();
                AssessmentPlan plan = pc.plan();
                for (int n = 0; n < sessions; n++) {
                    Apprentice apprentice = new Apprentice("bench-a" + a + "-apprentice-" + n, "Apprentice " + n + " of " + a,
                            Uln.of(Fixtures.uln(a * 1000 + n)), "Harbour Foods " + (n % 7), "Northern Skills", plan.id(),
                            LocalDate.of(2025, 6, 2), LocalDate.of(2026, 6, 5), false);
                    wb.people().save(apprentice);
                    RecordedSession s = Fixtures.plan(wb, apprentice, pc, clock);
                    Fixtures.recordCompleteSession(s, clock, false);
                    clock.advanceMinutes(10);
                }
                Outbox outbox = new Outbox(new SyncStore(wb.database()), wb.signedRecords().folder(), wb.sessions().deviceId(),
                        Clock.systemUTC());
                exported = outbox.export(outbox.pending(), mine, id, null);
                if (exported.sessions() != sessions) {
                    throw new IllegalStateException("exported " + exported.sessions() + " sessions, not " + sessions);
                }
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("assessor", id.privateKey(), PASSWORD, id.chain().toArray(new Certificate[0]));
            try (OutputStream o = Files.newOutputStream(mine.resolve("assessor.p12"))) {
                ks.store(o, PASSWORD);
            }
            String sha = org.epaworkbench.app.Intake.sha256Of(exported.file());
            Files.writeString(mine.resolve("complete.txt"), exported.file().getFileName() + "\n" + exported.packageId() + "\n"
                    + sha + "\n");
        } finally {
            Fixtures.deleteTree(device);
        }
    }
}
