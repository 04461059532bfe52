package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.epaworkbench.app.Intake;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.store.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names in a package are whatever its assessor typed: an apprentice, an employer, a certificate's name, a
 * record's file name. On the office's pages they are text, never markup or a header of their own.
 */
class OfficePagesAttackTest {

    private static final String HOSTILE = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    private IntakeDatabase db;
    private IntakeServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void namesFromAPackageAreShownAsTextNeverAsMarkup() throws Exception {
        Clock clock = Clock.systemUTC();
        OrganisationAuthority authority = OrganisationAuthority.create(dir.resolve("org"), "Highfield Assessment",
                "organisation-secret".toCharArray(), clock);
        SigningIdentity service = Identities.service(authority, "localhost");
        db = IntakeDatabase.open(null, dir.resolve("service"));
        String now = clock.instant().toString();
        String sha = "a".repeat(64);
        db.inTransaction(c -> {
            Sql.update(c, "INSERT INTO intake_package (package_id, sha256, size_bytes, device_id, assessor_key, assessor_name, "
                    + "certificate_fingerprint, created_at, received_at, sessions, records, trust) VALUES (?, ?, 1, 'd', 'k', ?, "
                    + "'f', ?, ?, 1, 1, ?)", "p1", sha, HOSTILE, now, now, HOSTILE);
            Sql.update(c, "INSERT INTO intake_apprentice (id, name, uln, created_at, updated_at, owner_fingerprint, package_id) "
                    + "VALUES ('a1', ?, ?, ?, ?, 'f', 'p1')", HOSTILE, HOSTILE, now, now);
            Sql.update(c, "INSERT INTO intake_session (id, apprentice_id, plan_id, component_id, attempt, created_at, "
                    + "owner_fingerprint, package_id, received_at) VALUES ('s1', 'a1', ?, ?, 'FIRST', ?, 'f', 'p1', ?)", HOSTILE,
                    HOSTILE, now, now);
            return Sql.update(c, "INSERT INTO intake_record (id, kind, session_id, apprentice_id, file_name, sha256, size_bytes, "
                    + "signed_at, certificate_fingerprint, package_id, received_at) VALUES ('r1', 'session', 's1', 'a1', ?, ?, 1, ?, "
                    + "'f', 'p1', ?)", "x\"\r\nSet-Cookie: a=b.pdf", sha, now, now);
        });
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        Blobs blobs = new Blobs(dir.resolve("service/blobs"));
        Path stored = blobs.folder().resolve(Blobs.place(sha, ".pdf"));
        java.nio.file.Files.createDirectories(stored.getParent());
        java.nio.file.Files.writeString(stored, "%PDF-1.7");
        var pw = OfficePages.OfficePassword.loadOrCreate(dir.resolve("service/office-password"));
        server = new IntakeServer(new Intake(db, blobs, service, clock, plans), dir.resolve("service/uploads"), service,
                new OfficePages(db, blobs, plans, pw.getKey(), ZoneOffset.UTC), clock);
        URI address = URI.create("https://localhost:" + server.start("127.0.0.1", 0));
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("office:" + pw.getValue()).getBytes());
        var ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("root", authority.root());
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        var tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(tls).build();

        for (String page : new String[] {"/", "/?apprentice=" + java.net.URLEncoder.encode(HOSTILE, "UTF-8"), "/packages",
                "/packages/p1"}) {
            String body = http.send(HttpRequest.newBuilder(address.resolve(page)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).as(page).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;");
        }
        // the record's file name cannot add a header to the download
        var pdf = http.send(HttpRequest.newBuilder(address.resolve("/records/r1/pdf")).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .doesNotContain("\r").doesNotContain("\n").doesNotContain("\"x\""));
    }
}
