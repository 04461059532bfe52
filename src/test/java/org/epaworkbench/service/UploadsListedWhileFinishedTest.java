package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.app.Intake;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.sync.IntakeClient;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the intake benchmark (50 clients at once): while the service counts an assessor's part-delivered
 * packages, another connection finishes a package and removes its upload files; the file listed a moment
 * before is gone when read. That must not fail the delivery being counted (it answered 500 "failed").
 * A listed file that cannot be found when read (here a link to nothing) stands for it, without timing.
 */
class UploadsListedWhileFinishedTest {

    @TempDir
    Path dir;

    @Test
    void anUploadFinishedOnAnotherConnectionWhileCountedDoesNotFailADelivery() throws Exception {
        Path pkg = SyncTestSupport.deviceWithPackage(dir.resolve("device"), dir.resolve("usb"), false);
        SigningIdentity assessor = SyncTestSupport.identityOf(dir.resolve("device"));
        OrganisationAuthority authority = OrganisationAuthority.create(dir.resolve("authority"), "Highfield Assessment",
                "authority-password".toCharArray(), SyncTestSupport.clock());
        try (IntakeDatabase db = IntakeDatabases.fresh(IntakeDatabase.Kind.SQLITE, dir.resolve("service"))) {
            new IntakeLedger(db).addSigner(SyncTestSupport.registration(pkg));
            PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
            SigningIdentity service = IntakeServerTest.serviceIdentity(authority);
            Blobs blobs = new Blobs(dir.resolve("service/blobs"));
            Path uploads = dir.resolve("service/uploads");
            var pw = OfficePages.OfficePassword.loadOrCreate(dir.resolve("service/office-password"));
            try (IntakeServer server = new IntakeServer(new Intake(db, blobs, service, SyncTestSupport.clock(), plans), uploads,
                    service, new OfficePages(db, blobs, plans, pw.getKey(), ZoneOffset.UTC), SyncTestSupport.clock())) {
                int port = server.start("127.0.0.1", 0);
                Files.createDirectories(uploads);
                Files.createSymbolicLink(uploads.resolve("0".repeat(64) + ".who"), uploads.resolve("gone"));
                String sha = Intake.sha256Of(pkg);
                String id;
                try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
                    id = org.epaworkbench.packs.JsonFiles.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json")))
                            .get("packageId").asText();
                }
                IntakeClient client = new IntakeClient(URI.create("https://localhost:" + port), List.of(authority.root()),
                        assessor, SyncTestSupport.clock(), (int) (Files.size(pkg) / 3) + 1);

                IntakeClient.Delivered d = client.deliver(pkg, id, sha, o -> { });

                assertThat(d.receipt().sha256()).isEqualTo(sha);
            }
        }
    }
}
