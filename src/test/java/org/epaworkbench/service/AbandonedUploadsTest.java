package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.epaworkbench.app.Intake;
import org.epaworkbench.app.IntakeService;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.sync.DeliveryRequests;
import org.epaworkbench.sync.IntakeClient;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pieces of uploads an assessor's app never finished are removed once they stood still longer than the limit (7 days
 * unless {@code serve --abandon-after} says otherwise), at start and then periodically; an upload resumed inside the
 * limit is untouched and finishes. Time is moved by the test's clock (and the pieces' file times set from it), never
 * waited for.
 */
class AbandonedUploadsTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        final AtomicReference<Instant> now;

        MovingClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private IntakeService service;
    private IntakeServer server;
    private OrganisationAuthority authority;
    private Path pkg;
    private SigningIdentity assessor;
    private URI address;
    private Path uploads;

    private void open(IntakeDatabase.Kind kind) throws Exception {
        pkg = SyncTestSupport.deviceWithPackage(dir.resolve("device"), dir.resolve("usb"), false);
        assessor = SyncTestSupport.identityOf(dir.resolve("device"));
        authority = OrganisationAuthority.create(dir.resolve("authority"), "Highfield Assessment",
                "authority-password".toCharArray(), SyncTestSupport.clock());
        Path data = dir.resolve("service");
        uploads = data.resolve("uploads");
        service = IntakeService.open(data, kind == IntakeDatabase.Kind.POSTGRESQL ? IntakeDatabases.freshPostgresUrl() : null,
                Identities.service(authority, "localhost", "127.0.0.1"), clock);
        new IntakeLedger(service.database()).addSigner(SyncTestSupport.registration(pkg));
        server = IntakeServer.forService(service, data, ZoneOffset.UTC, clock);
    }

    private void start() throws Exception {
        address = URI.create("https://localhost:" + server.start("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
        }
    }

    /** Pieces of an upload whose last piece arrived at {@code when}. */
    private String piecesFrom(String sha, Instant when, int bytes) throws Exception {
        Files.createDirectories(uploads);
        Files.write(uploads.resolve(sha + ".part"), new byte[bytes]);
        Files.writeString(uploads.resolve(sha + ".who"), "f".repeat(64));
        age(sha, when);
        return sha;
    }

    private void age(String sha, Instant when) throws Exception {
        for (String ext : new String[] {".part", ".who"}) {
            Files.setLastModifiedTime(uploads.resolve(sha + ext), FileTime.from(when));
        }
    }

    private boolean held(String sha) {
        return Files.exists(uploads.resolve(sha + ".part")) || Files.exists(uploads.resolve(sha + ".who"));
    }

    @Test
    void uploadsStillLongerThanTheLimitAreRemovedAndOnlyThose() throws Exception {
        open(IntakeDatabase.Kind.SQLITE);
        Instant now = clock.instant();
        String old = piecesFrom("1".repeat(64), now.minus(Duration.ofDays(8)), 1234);
        String recent = piecesFrom("2".repeat(64), now.minus(Duration.ofDays(6)), 10);
        String justOver = piecesFrom("3".repeat(64), now.minus(Duration.ofDays(7)).minusSeconds(1), 10);
        // a piece arrived an hour ago, though the upload began long ago: the last piece counts
        String resumed = piecesFrom("4".repeat(64), now.minus(Duration.ofDays(30)), 10);
        Files.setLastModifiedTime(uploads.resolve(resumed + ".part"), FileTime.from(now.minus(Duration.ofHours(1))));
        Path notAnUpload = Files.writeString(uploads.resolve("README"), "kept");
        Files.setLastModifiedTime(notAnUpload, FileTime.from(now.minus(Duration.ofDays(100))));

        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(IntakeServer.class.getName());
        log.addHandler(capture);
        List<IntakeServer.Abandoned> removed;
        try {
            removed = server.sweepAbandoned();
        } finally {
            log.removeHandler(capture);
        }

        assertThat(removed).extracting(IntakeServer.Abandoned::sha256).containsExactly(old, justOver);
        assertThat(removed.get(0).bytes()).isEqualTo(1234);
        assertThat(removed.get(0).deliveredBy()).isEqualTo("f".repeat(64));
        assertThat(logged).hasSize(2).first().asString().startsWith("INFO Removed an upload not continued since")
                .contains(old).contains("1234 bytes").contains("f".repeat(64));
        assertThat(held(old)).isFalse();
        assertThat(held(justOver)).isFalse();
        assertThat(held(recent)).isTrue();
        assertThat(held(resumed)).isTrue();
        assertThat(notAnUpload).exists();
        assertThat(server.sweepAbandoned()).as("nothing left to remove").isEmpty();

        // a shorter limit, as serve --abandon-after 5d gives
        server.abandonAfter(Duration.ofDays(5));
        assertThat(server.sweepAbandoned()).extracting(IntakeServer.Abandoned::sha256).containsExactly(recent);
    }

    @Test
    void theServiceSweepsWhenItStarts() throws Exception {
        open(IntakeDatabase.Kind.SQLITE);
        String old = piecesFrom("5".repeat(64), clock.instant().minus(Duration.ofDays(9)), 100);
        String recent = piecesFrom("6".repeat(64), clock.instant().minus(Duration.ofDays(1)), 100);

        start();

        assertThat(held(old)).isFalse();
        assertThat(held(recent)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void anUploadAbandonedStartsAgainFromItsFirstByteAndOneResumedInsideTheLimitFinishes(IntakeDatabase.Kind kind)
            throws Exception {
        open(kind);
        start();
        byte[] bytes = Files.readAllBytes(pkg);
        int half = bytes.length / 2;
        String sha = Intake.sha256Of(pkg);
        // the first piece, then eight days of silence: removed
        assertThat(post(0, bytes.length, java.util.Arrays.copyOf(bytes, 100)).statusCode()).isEqualTo(202);
        age(sha, clock.instant());
        clock.advance(Duration.ofDays(8));

        assertThat(server.sweepAbandoned()).extracting(IntakeServer.Abandoned::sha256).containsExactly(sha);

        assertThat(held(sha)).isFalse();
        HttpResponse<String> status = get(sha);
        assertThat(JsonFiles.mapper().readTree(status.body()).get("status").asText()).isEqualTo("unknown");
        assertThat(post(100, bytes.length, java.util.Arrays.copyOfRange(bytes, 100, 200)).statusCode())
                .as("the service holds none of it now").isEqualTo(409);

        // started again from its first byte, cut off half way, resumed six days later: untouched, and it finishes
        assertThat(post(0, bytes.length, java.util.Arrays.copyOf(bytes, half)).statusCode()).isEqualTo(202);
        age(sha, clock.instant());
        clock.advance(Duration.ofDays(6));
        assertThat(server.sweepAbandoned()).isEmpty();
        List<Long> progress = new ArrayList<>();
        IntakeClient.Delivered d = client().deliver(pkg, packageId(), sha, progress::add);

        assertThat(progress.get(0)).isEqualTo(half);
        assertThat(d.receipt().sha256()).isEqualTo(sha);
        assertThat(count()).isEqualTo(1);
        assertThat(held(sha)).isFalse();
    }

    private long count() throws Exception {
        return service.database().inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM intake_package")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private IntakeClient client() throws Exception {
        return new IntakeClient(address, List.of(authority.root()), assessor, clock);
    }

    private String packageId() throws Exception {
        return packageId(pkg);
    }

    private static String packageId(Path file) throws Exception {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            return JsonFiles.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json"))).get("packageId").asText();
        }
    }

    private HttpResponse<String> get(String sha) throws Exception {
        String path = "/api/v1/packages/" + sha;
        var b = HttpRequest.newBuilder(address.resolve(path)).GET();
        DeliveryRequests.sign(assessor, "GET", path, 0, 0, clock.instant()).forEach(b::header);
        return http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(long offset, long length, byte[] piece) throws Exception {
        return post(assessor, Intake.sha256Of(pkg), offset, length, piece);
    }

    private HttpResponse<String> post(SigningIdentity who, String sha, long offset, long length, byte[] piece)
            throws Exception {
        String path = "/api/v1/packages/" + sha;
        Map<String, String> h = DeliveryRequests.sign(who, "POST", path, offset, length, clock.instant());
        var b = HttpRequest.newBuilder(address.resolve(path)).header(IntakeServer.OFFSET, String.valueOf(offset))
                .header(IntakeServer.LENGTH, String.valueOf(length)).POST(HttpRequest.BodyPublishers.ofByteArray(piece));
        h.forEach(b::header);
        return http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient http() throws Exception {
        var ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("root", authority.root());
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        var tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }
}
