package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.epaworkbench.app.Intake;
import org.epaworkbench.app.Organisation;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.sync.IntakeClient;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service is killed (SIGKILL, as kill -9) twenty times while a package arrives in pieces, each time at
 * another piece, and started again: nothing partial is ever kept, the delivery resumes where the service
 * stopped, and the package is kept exactly once, with one receipt.
 */
class ServiceKilledDuringDeliveryTest {

    private static final String PASSWORD = "service-secret-12";
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void killedTwentyTimesTheServiceKeepsThePackageExactlyOnce(IntakeDatabase.Kind kind) throws Exception {
        Path pkg = SyncTestSupport.deviceWithPackage(dir.resolve("device"), dir.resolve("usb"), false);
        SigningIdentity assessor = SyncTestSupport.identityOf(dir.resolve("device"));
        OrganisationAuthority authority = OrganisationAuthority.create(dir.resolve("org"), "Highfield Assessment",
                "organisation-secret".toCharArray(), Clock.systemUTC());
        Path data = dir.resolve("service");
        Organisation.issueServiceIdentity(dir.resolve("org"), "organisation-secret".toCharArray(), List.of("localhost"),
                Duration.ofDays(30), data.resolve("service.p12"), PASSWORD.toCharArray(), Clock.systemUTC());
        String db = kind == IntakeDatabase.Kind.POSTGRESQL ? IntakeDatabases.freshPostgresUrl() : null;
        try (IntakeDatabase setup = IntakeDatabase.open(db, data)) {
            new IntakeLedger(setup).addSigner(SyncTestSupport.registration(pkg));
        }
        String sha = Intake.sha256Of(pkg);
        String id = packageIdOf(pkg);
        int piece = (int) Math.max(1024, Files.size(pkg) / 12);
        List<Long> offsetsAtKill = new ArrayList<>();

        for (int round = 0; round < KILLS; round++) {
            Process service = start(data, db);
            int port = portOf(service);
            int killAt = 1 + round % 12;
            int[] pieces = {0};
            IntakeClient client = new IntakeClient(URI.create("https://localhost:" + port), List.of(authority.root()), assessor,
                    Clock.systemUTC(), piece);
            try {
                client.deliver(pkg, id, sha, offset -> {
                    if (++pieces[0] == killAt) {
                        offsetsAtKill.add(offset);
                        service.destroyForcibly(); // SIGKILL: no shutdown hook runs
                        waitFor(service);
                    }
                });
            } catch (IntakeClient.Unreachable expected) {
                // the service died under it: tried again next round
            } finally {
                service.destroyForcibly();
                waitFor(service);
            }
            try (IntakeDatabase look = IntakeDatabase.open(db, data)) {
                long kept = count(look, "intake_package");
                assertThat(kept).as("round %d: a package is kept whole or not at all", round).isLessThanOrEqualTo(1);
                if (kept == 0) {
                    assertThat(count(look, "intake_session") + count(look, "intake_event") + count(look, "intake_record"))
                            .as("round %d: nothing partial", round).isZero();
                }
            }
        }
        // resumed each time where the service stopped, not from the start
        assertThat(offsetsAtKill.stream().filter(o -> o > 0)).isNotEmpty();

        Process service = start(data, db);
        try {
            IntakeClient client = new IntakeClient(URI.create("https://localhost:" + portOf(service)), List.of(authority.root()),
                    assessor, Clock.systemUTC(), piece);
            IntakeClient.Delivered first = client.deliver(pkg, id, sha, o -> { });
            IntakeClient.Delivered again = client.deliver(pkg, id, sha, o -> { });
            assertThat(again.again()).isTrue();
            assertThat(again.json()).isEqualTo(first.json());
            assertThat(first.receipt().sha256()).isEqualTo(sha);
        } finally {
            service.destroyForcibly();
            waitFor(service);
        }
        try (IntakeDatabase look = IntakeDatabase.open(db, data)) {
            assertThat(count(look, "intake_package")).isEqualTo(1);
            assertThat(count(look, "intake_record")).isEqualTo(3);
        }
        try (Stream<Path> left = Files.list(data.resolve("uploads"))) {
            assertThat(left.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    private Process start(Path data, String db) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.epaworkbench.Launcher", "serve", "--host", "127.0.0.1", "--port", "0",
                "--data-dir", data.toString()));
        if (db != null) {
            cmd.add("--db");
            cmd.add(db);
        }
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("EPA_SERVICE_KEY_PASSWORD", PASSWORD);
        return b.start();
    }

    /** Reads the service's output until it says where it listens. */
    private static int portOf(Process service) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null;) {
            int at = line.indexOf("listening on 127.0.0.1:");
            if (at >= 0) {
                return Integer.parseInt(line.substring(at + "listening on 127.0.0.1:".length()).replaceAll("\\D.*", ""));
            }
        }
        throw new AssertionError("the service stopped before it listened (exit " + service.waitFor() + ")");
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String packageIdOf(Path pkg) throws Exception {
        try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
            return org.epaworkbench.packs.JsonFiles.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json")))
                    .get("packageId").asText();
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
}
