package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epaworkbench.app.Intake;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.DeliveryRequests;
import org.epaworkbench.sync.IntakeClient;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Delivery over HTTPS to the intake service, as an assessor's app does it and as someone with bad intent tries. */
class IntakeServerTest {

    @TempDir
    Path dir;

    private IntakeDatabase db;
    private IntakeServer server;
    private OrganisationAuthority authority;
    private Path pkg;
    private SigningIdentity assessor;
    private URI address;
    private String officePassword;

    private void start(IntakeDatabase.Kind kind) throws Exception {
        pkg = SyncTestSupport.deviceWithPackage(dir.resolve("device"), dir.resolve("usb"), false);
        assessor = SyncTestSupport.identityOf(dir.resolve("device"));
        authority = OrganisationAuthority.create(dir.resolve("authority"), "Highfield Assessment",
                "authority-password".toCharArray(), SyncTestSupport.clock());
        db = IntakeDatabases.fresh(kind, dir.resolve("service"));
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        SigningIdentity service = serviceIdentity(authority);
        Blobs blobs = new Blobs(dir.resolve("service/blobs"));
        Intake intake = new Intake(db, blobs, service, SyncTestSupport.clock(), plans);
        var pw = OfficePages.OfficePassword.loadOrCreate(dir.resolve("service/office-password"));
        officePassword = pw.getValue();
        server = new IntakeServer(intake, dir.resolve("service/uploads"), service,
                new OfficePages(db, blobs, plans, pw.getKey(), ZoneOffset.UTC), SyncTestSupport.clock());
        int port = server.start("127.0.0.1", 0);
        address = URI.create("https://localhost:" + port);
    }

    private void register() throws Exception {
        new IntakeLedger(db).addSigner(SyncTestSupport.registration(pkg));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    static SigningIdentity serviceIdentity(OrganisationAuthority authority) throws Exception {
        return Identities.service(authority, "localhost", "127.0.0.1");
    }

    private IntakeClient client(SigningIdentity who) throws Exception {
        return new IntakeClient(address, List.of(authority.root()), who, SyncTestSupport.clock());
    }

    private String sha() throws Exception {
        return Intake.sha256Of(pkg);
    }

    private String packageId() throws Exception {
        try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
            var manifest = org.epaworkbench.packs.JsonFiles.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            return manifest.get("packageId").asText();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void aRegisteredAssessorDeliversAndGetsAReceiptForTheExactBytes(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        register();
        List<Long> progress = new ArrayList<>();

        IntakeClient.Delivered d = client(assessor).deliver(pkg, packageId(), sha(), progress::add);

        assertThat(d.receipt().sha256()).isEqualTo(sha());
        assertThat(d.receipt().sessions()).hasSize(3);
        assertThat(d.again()).isFalse();
        assertThat(progress).last().isEqualTo(Files.size(pkg));
        // delivered again: the same receipt, nothing new
        IntakeClient.Delivered again = client(assessor).deliver(pkg, packageId(), sha(), p -> { });
        assertThat(again.again()).isTrue();
        assertThat(again.json()).isEqualTo(d.json());
        assertThat(count("intake_package")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void aDeliveryCutOffResumesWhereTheServiceStopped(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        register();
        byte[] bytes = Files.readAllBytes(pkg);
        int half = bytes.length / 2;
        // the first half arrives, then the connection drops
        HttpResponse<String> first = post(assessor, 0, bytes.length, java.util.Arrays.copyOf(bytes, half));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue(IntakeServer.OFFSET)).contains(String.valueOf(half));

        List<Long> progress = new ArrayList<>();
        IntakeClient.Delivered d = client(assessor).deliver(pkg, packageId(), sha(), progress::add);

        assertThat(progress.get(0)).isEqualTo(half);
        assertThat(d.receipt().sha256()).isEqualTo(sha());
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void onlyRegisteredAssessorsMayDeliverAndOnlyTheirOwnPackages(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        // not registered
        assertThatThrownBy(() -> client(assessor).deliver(pkg, packageId(), sha(), p -> { }))
                .isInstanceOf(IntakeClient.Refused.class).hasMessageContaining("not a registered assessor");
        // someone else, registered, delivers this assessor's package
        SigningIdentity other = otherAssessor();
        new IntakeLedger(db).addSigner(new SyncStore.PinnedSigner("number:EPA-9", Certificates.fingerprint(other.certificate()),
                "Eve", Certificates.toPem(other.certificate()), SyncTestSupport.clock().instant(), "added"));
        assertThatThrownBy(() -> client(other).deliver(pkg, packageId(), sha(), p -> { }))
                .isInstanceOf(IntakeClient.Refused.class).hasMessageContaining("delivers only their own packages");
        assertThat(count("intake_package")).isZero();
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void unsignedForgedOrStaleRequestsAreRefused(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        register();
        byte[] bytes = Files.readAllBytes(pkg);
        HttpClient http = trustingClient();
        String path = "/api/v1/packages/" + sha();
        // no signature
        var unsigned = http.send(HttpRequest.newBuilder(address.resolve(path)).header(IntakeServer.OFFSET, "0")
                .header(IntakeServer.LENGTH, String.valueOf(bytes.length)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        // signed for another length (a captured signature replayed on other bytes)
        Map<String, String> h = DeliveryRequests.sign(assessor, "POST", path, 0, 10, SyncTestSupport.clock().instant());
        var b = HttpRequest.newBuilder(address.resolve(path)).header(IntakeServer.OFFSET, "0")
                .header(IntakeServer.LENGTH, String.valueOf(bytes.length)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        h.forEach(b::header);
        assertThat(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        // signed an hour ago
        Map<String, String> old = DeliveryRequests.sign(assessor, "POST", path, 0, bytes.length,
                SyncTestSupport.clock().instant().minus(Duration.ofHours(1)));
        var b2 = HttpRequest.newBuilder(address.resolve(path)).header(IntakeServer.OFFSET, "0")
                .header(IntakeServer.LENGTH, String.valueOf(bytes.length)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        old.forEach(b2::header);
        var stale = http.send(b2.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("clock");
        assertThat(count("intake_package")).isZero();
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void bytesChangedOnTheWayAreRefusedAndNothingIsKept(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        register();
        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 3] ^= 1;

        HttpResponse<String> r = post(assessor, 0, bytes.length, bytes);

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("hash-mismatch");
        assertThat(count("intake_package") + count("intake_event")).isZero();
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void theAppRefusesAServiceWhoseCertificateTheOrganisationDidNotIssue(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        OrganisationAuthority other = OrganisationAuthority.create(dir.resolve("other"), "Highfield Assessment",
                "other-organisation".toCharArray(), SyncTestSupport.clock());
        IntakeClient pinnedElsewhere = new IntakeClient(address, List.of(other.root()), assessor, SyncTestSupport.clock());

        assertThatThrownBy(() -> pinnedElsewhere.deliver(pkg, packageId(), sha(), p -> { }))
                .isInstanceOf(IntakeClient.Refused.class).hasMessageContaining("did not show a certificate issued");
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void theOfficeSeesTheRecordsReceivedOnlyWithItsPassword(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        register();
        client(assessor).deliver(pkg, packageId(), sha(), p -> { });
        HttpClient http = trustingClient();

        var anonymous = http.send(HttpRequest.newBuilder(address.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("office:" + officePassword).getBytes());
        var page = http.send(HttpRequest.newBuilder(address.resolve("/")).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("3 records").contains("Verified").contains("/pdf");
        String recordId = page.body().replaceAll("(?s).*href=\"/records/([^/\"]+)/pdf\".*", "$1");
        var pdf = http.send(HttpRequest.newBuilder(address.resolve("/records/" + recordId + "/pdf")).header("Authorization", auth)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var wrong = http.send(HttpRequest.newBuilder(address.resolve("/")).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("office:guess".getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @org.junit.jupiter.api.Test
    void theOfficePagesRenderInABrowser() throws Exception {
        java.util.Optional<Path> chromium = java.util.stream.Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(n -> java.util.stream.Stream.of(System.getenv("PATH").split(":")).map(d -> Path.of(d, n)))
                .filter(Files::isExecutable).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(), "headless Chromium is installed (.ci/run installs it)");
        start(IntakeDatabase.Kind.SQLITE);
        register();
        IntakeClient.Delivered d = client(assessor).deliver(pkg, packageId(), sha(), p -> { });
        HttpClient http = trustingClient();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("office:" + officePassword).getBytes());
        Path out = Files.createDirectories(Path.of("target", "office-pages"));
        Files.writeString(out.resolve("office.css"), http.send(HttpRequest.newBuilder(address.resolve("/office.css")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (String[] page : new String[][] {{"/", "records"}, {"/packages/" + d.receipt().packageId(), "package"}}) {
            String html = http.send(HttpRequest.newBuilder(address.resolve(page[0])).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString()).body().replace("href=\"/office.css\"", "href=\"office.css\"");
            Path file = Files.writeString(out.resolve(page[1] + ".html"), html);
            Process dump = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--dump-dom", file.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String dom = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(dump.waitFor()).isZero();
            Process shot = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--window-size=1366,768", "--screenshot=" + out.resolve(page[1] + ".png").toAbsolutePath(),
                    file.toUri().toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(shot.waitFor()).isZero();
            assertThat(javax.imageio.ImageIO.read(out.resolve(page[1] + ".png").toFile()).getWidth()).isEqualTo(1366);
            if (page[1].equals("records")) {
                assertThat(dom.split("<tr>", -1)).hasSize(1 + 1 + 3); // before, the heading row, three records
                assertThat(dom).contains("Customer Service Specialist").contains("Verified").contains("Sam Assessor");
            } else {
                assertThat(dom).contains(d.receipt().sha256()).contains("receipt.p7s");
            }
        }
    }

    private long count(String table) throws Exception {
        return db.inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private SigningIdentity otherAssessor() throws Exception {
        return Identities.assessor(authority, "Eve Other", "EPA-9");
    }

    @org.junit.jupiter.api.Test
    void anAssessorCannotFillTheServiceWithPackagesNeverFinished() throws Exception {
        start(IntakeDatabase.Kind.SQLITE);
        register();
        for (int i = 0; i < IntakeServer.MAX_UNFINISHED; i++) {
            HttpResponse<String> r = post(assessor, String.valueOf(i).repeat(64), 0, 1_000_000, new byte[1000]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
        HttpResponse<String> refused = post(assessor, "f".repeat(64), 0, 1_000_000, new byte[1000]);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("finish those first");
        // the ones started go on, and the real package still goes once one is finished or abandoned by the office
        assertThat(post(assessor, "0".repeat(64), 1000, 1_000_000, new byte[1000]).statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> post(SigningIdentity who, long offset, long length, byte[] piece) throws Exception {
        return post(who, sha(), offset, length, piece);
    }

    private HttpResponse<String> post(SigningIdentity who, String sha, long offset, long length, byte[] piece)
            throws Exception {
        String path = "/api/v1/packages/" + sha;
        Map<String, String> h = DeliveryRequests.sign(who, "POST", path, offset, length, SyncTestSupport.clock().instant());
        var b = HttpRequest.newBuilder(address.resolve(path)).header(IntakeServer.OFFSET, String.valueOf(offset))
                .header(IntakeServer.LENGTH, String.valueOf(length)).POST(HttpRequest.BodyPublishers.ofByteArray(piece));
        h.forEach(b::header);
        return trustingClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A plain HTTP client that trusts the organisation root (as a browser in the office would, once installed). */
    private HttpClient trustingClient() throws Exception {
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
