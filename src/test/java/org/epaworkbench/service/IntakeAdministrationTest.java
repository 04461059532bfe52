package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epaworkbench.app.Intake;
import org.epaworkbench.app.IntakeService;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.keys.Certificates;
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
 * The intake service's register of assessors and its trusted roots, kept from the command line ({@code serve signers},
 * {@code serve roots}) on the same database while the service runs: a registered assessor delivers, a removed one is
 * refused on their next request, a root added lets its assessors in; files that are not what they claim are refused.
 */
class IntakeAdministrationTest {

    @TempDir
    Path dir;

    private IntakeService service;
    private IntakeServer server;
    private OrganisationAuthority authority;
    private Path pkg;
    private SigningIdentity assessor;
    private URI address;
    private String url;
    private Path data;
    private CliRunner office;

    private void start(IntakeDatabase.Kind kind) throws Exception {
        pkg = SyncTestSupport.deviceWithPackage(dir.resolve("device"), dir.resolve("usb"), false);
        assessor = SyncTestSupport.identityOf(dir.resolve("device"));
        authority = OrganisationAuthority.create(dir.resolve("authority"), "Highfield Assessment",
                "authority-password".toCharArray(), SyncTestSupport.clock());
        data = dir.resolve("service");
        url = kind == IntakeDatabase.Kind.POSTGRESQL ? IntakeDatabases.freshPostgresUrl() : null;
        service = IntakeService.open(data, url, Identities.service(authority, "localhost", "127.0.0.1"),
                SyncTestSupport.clock());
        server = IntakeServer.forService(service, data, ZoneOffset.UTC, SyncTestSupport.clock());
        address = URI.create("https://localhost:" + server.start("127.0.0.1", 0));
        office = new CliRunner(dir.resolve("office-desktop"), SyncTestSupport.clock());
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

    /** {@code serve ARGS… --data-dir DATA [--db URL]}, as the office types it beside the running service. */
    private CliRunner.Run serve(String... args) {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", data.toString()));
        if (url != null) {
            all.addAll(List.of("--db", url));
        }
        return office.run(all.toArray(String[]::new));
    }

    private Path pem(String name, java.security.cert.X509Certificate... certs) throws Exception {
        StringBuilder b = new StringBuilder();
        for (var c : certs) {
            b.append(Certificates.toPem(c));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void anAssessorRegisteredFromTheCommandLineDeliversAndOnceRemovedIsRefusedOnTheirNextRequest(IntakeDatabase.Kind kind)
            throws Exception {
        start(kind);
        byte[] bytes = Files.readAllBytes(pkg);
        int half = bytes.length / 2;
        assertThat(post(assessor, 0, bytes.length, java.util.Arrays.copyOf(bytes, half)).statusCode())
                .as("a self-signed assessor not registered").isEqualTo(403);
        Path cert = pem("sam.pem", assessor.certificate());

        CliRunner.Run added = serve("signers", "add", cert.toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Registered: number:EPA-000123")
                .contains(Certificates.fingerprint(assessor.certificate())).contains("Check this SHA-256");
        var listed = JsonFiles.mapper().readTree(serve("signers", "list", "--json").out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("sha256").asText()).isEqualTo(Certificates.fingerprint(assessor.certificate()));
        assertThat(serve("signers", "add", cert.toString()).out()).contains("Already registered");
        // the running service sees the register from its next request on
        HttpResponse<String> first = post(assessor, 0, bytes.length, java.util.Arrays.copyOf(bytes, half));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);

        CliRunner.Run removed = serve("signers", "remove", Certificates.fingerprint(assessor.certificate()));

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("Removed number:EPA-000123");
        HttpResponse<String> next = post(assessor, half, bytes.length, java.util.Arrays.copyOfRange(bytes, half, bytes.length));
        assertThat(next.statusCode()).isEqualTo(403);
        assertThat(next.body()).contains("not-registered");
        assertThat(count("intake_package")).isZero();
        assertThat(serve("signers", "remove", "number:EPA-000123").err()).contains("is not in the service's register");

        // registered again: the whole package arrives
        assertThat(serve("signers", "add", cert.toString()).exitCode()).isZero();
        IntakeClient.Delivered d = client(assessor).deliver(pkg, packageId(), Intake.sha256Of(pkg), p -> { });
        assertThat(d.receipt().sessions()).hasSize(3);
        assertThat(count("intake_package")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void aRootAddedFromTheCommandLineLetsTheAssessorsItCertifiedDeliver(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        OrganisationAuthority partner = OrganisationAuthority.create(dir.resolve("partner"), "Partner Assessment",
                "partner-password".toCharArray(), SyncTestSupport.clock());
        SigningIdentity theirs = Identities.assessor(partner, "Pat Partner", "EPA-777");
        byte[] piece = new byte[1000];
        String sha = "a".repeat(64);
        assertThat(post(theirs, sha, 0, 100_000, piece).statusCode()).as("a root the service does not trust").isEqualTo(403);

        CliRunner.Run added = serve("roots", "add", pem("partner-root.crt", partner.root()).toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Now trusted: ").contains(Certificates.fingerprint(partner.root()));
        HttpResponse<String> now = post(theirs, sha, 0, 100_000, piece);
        assertThat(now.statusCode()).as(now.body()).isEqualTo(202);
        var roots = JsonFiles.mapper().readTree(serve("roots", "list", "--json").out());
        assertThat(roots).extracting(r -> r.get("sha256").asText())
                .containsExactlyInAnyOrder(Certificates.fingerprint(authority.root()), Certificates.fingerprint(partner.root()));

        CliRunner.Run removed = serve("roots", "remove", Certificates.fingerprint(partner.root()));

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(post(theirs, sha, 1000, 100_000, piece).statusCode()).isEqualTo(403);
    }

    @Test
    void neitherAServiceCertificateNorAnAssessorsNorAnythingButARootIsTrustedAsARoot() throws Exception {
        start(IntakeDatabase.Kind.SQLITE);
        OrganisationAuthority partner = OrganisationAuthority.create(dir.resolve("partner"), "Partner Assessment",
                "partner-password".toCharArray(), SyncTestSupport.clock());
        SigningIdentity theirService = Identities.service(partner, "intake.partner.example");
        SigningIdentity theirs = Identities.assessor(partner, "Pat Partner", "EPA-777");
        Map<Path, String> refused = new java.util.LinkedHashMap<>();
        refused.put(pem("service.crt", theirService.certificate()), "is an intake service's certificate, not an organisation root");
        refused.put(pem("pat.crt", theirs.certificate()), "is not a root certificate");
        refused.put(pem("sam.pem", assessor.certificate()), "is not a certificate authority");
        refused.put(pem("chain.crt", theirs.certificate(), partner.root()), "holds 2 certificates");
        refused.put(Files.writeString(dir.resolve("notes.txt"), "not a certificate at all"), "not a certificate (PEM or DER expected)");
        refused.put(dir.resolve("missing.crt"), "no such file");

        for (Map.Entry<Path, String> e : refused.entrySet()) {
            CliRunner.Run r = serve("roots", "add", e.getKey().toString());
            assertThat(r.exitCode()).as(e.getKey().toString()).isEqualTo(2);
            assertThat(r.err()).as(e.getKey().toString()).contains(e.getValue()).doesNotContain("Exception");
        }

        assertThat(JsonFiles.mapper().readTree(serve("roots", "list", "--json").out())).hasSize(1);
        // a service's certificate or a root cannot be registered as an assessor either
        assertThat(serve("signers", "add", dir.resolve("service.crt").toString()).err())
                .contains("is an intake service's certificate").contains("not an assessor's");
        assertThat(serve("signers", "add", pem("root.crt", partner.root()).toString()).err())
                .contains("is a certificate authority's").contains("serve roots add");
        assertThat(JsonFiles.mapper().readTree(serve("signers", "list", "--json").out())).isEmpty();
        assertThat(count("intake_signer")).isZero();
    }

    @Test
    void anotherCertificateForAnAssessorAlreadyRegisteredIsRefusedUntilTheFirstIsRemoved() throws Exception {
        start(IntakeDatabase.Kind.SQLITE);
        SigningIdentity impostor = Identities.assessor(OrganisationAuthority.create(dir.resolve("elsewhere"), "Elsewhere",
                "elsewhere-password".toCharArray(), SyncTestSupport.clock()), "Sam Assessor", "EPA-000123");
        assertThat(serve("signers", "add", pem("sam.pem", assessor.certificate()).toString()).exitCode()).isZero();

        CliRunner.Run second = serve("signers", "add", pem("other-sam.pem", impostor.certificate()).toString());

        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).contains("already in the register with another certificate")
                .contains("serve signers remove number:EPA-000123");
        assertThat(serve("signers", "list").out()).contains(Certificates.fingerprint(assessor.certificate()))
                .doesNotContain(Certificates.fingerprint(impostor.certificate()));
    }

    @Test
    void theCommandsSayWhatIsWrongWithTheirDatabaseOrArguments() throws Exception {
        data = dir.resolve("nothing-yet");
        office = new CliRunner(dir.resolve("office-desktop"), SyncTestSupport.clock());
        url = "jdbc:mysql://db.example.org/intake";
        CliRunner.Run notPostgres = serve("signers", "list");
        assertThat(notPostgres.exitCode()).isEqualTo(2);
        assertThat(notPostgres.err()).contains("is not a PostgreSQL one");
        url = null;
        assertThat(serve("signers").exitCode()).isEqualTo(2);
        // the data folder given to serve before the sub-command counts too
        CliRunner.Run empty = office.run("serve", "--data-dir", data.toString(), "signers", "list");
        assertThat(empty.exitCode()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("No assessor is registered").contains(data.resolve("intake.db").toString());
        CliRunner.Run badLimit = office.run("serve", "--abandon-after", "1h", "--data-dir", data.toString());
        assertThat(badLimit.exitCode()).isEqualTo(2);
        assertThat(badLimit.err()).contains("at least 2h");
        assertThat(office.run("serve", "--abandon-after", "a week", "--data-dir", data.toString()).err())
                .contains("for example 7d, 36h or 180m");
    }

    private long count(String table) throws Exception {
        return service.database().inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private IntakeClient client(SigningIdentity who) throws Exception {
        return new IntakeClient(address, List.of(authority.root()), who, SyncTestSupport.clock());
    }

    private String packageId() throws Exception {
        try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
            return JsonFiles.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json"))).get("packageId").asText();
        }
    }

    private HttpResponse<String> post(SigningIdentity who, long offset, long length, byte[] piece) throws Exception {
        return post(who, Intake.sha256Of(pkg), offset, length, piece);
    }

    private HttpResponse<String> post(SigningIdentity who, String sha, long offset, long length, byte[] piece)
            throws Exception {
        String path = "/api/v1/packages/" + sha;
        Map<String, String> h = DeliveryRequests.sign(who, "POST", path, offset, length, SyncTestSupport.clock().instant());
        var b = HttpRequest.newBuilder(address.resolve(path)).header(IntakeServer.OFFSET, String.valueOf(offset))
                .header(IntakeServer.LENGTH, String.valueOf(length)).POST(HttpRequest.BodyPublishers.ofByteArray(piece));
        h.forEach(b::header);
        var ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("root", authority.root());
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        var tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
