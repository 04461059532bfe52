package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.app.Intake;
import org.epaworkbench.app.IntakeService;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.CertificateRequests;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.service.IntakeServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A whole package from an assessor another organisation root certified: refused by the intake service until the
 * office trusts that root with {@code serve roots add} (while the service runs), then delivered with its receipt.
 */
class AnotherRootDeliversTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void theAssessorsOfARootAddedFromTheCommandLineDeliverTheirPackages(IntakeDatabase.Kind kind) throws Exception {
        OrganisationAuthority partner = OrganisationAuthority.create(dir.resolve("partner-ca"), "Partner Assessment",
                "partner-password".toCharArray(), SyncFixture.CLOCK);
        Path pkg;
        SigningIdentity pat;
        try (SyncFixture laptop = new SyncFixture(dir.resolve("pat"))) {
            AssessorProfile profile = new AssessorProfile("Pat Partner", "EPA-000777", "Partner Assessment", false);
            laptop.people.saveAssessor(profile);
            var made = new SampleDataMaker(laptop.plans, laptop.people, laptop.sessions, SyncFixture.CLOCK).make(false);
            AssessorKeyStore keys = new AssessorKeyStore(laptop.root, SyncFixture.CLOCK);
            keys.create(profile, SyncFixture.PASSWORD);
            var issued = partner.certify(new CertificateRequests.Request("Pat Partner", "EPA-000777", "Partner Assessment",
                    keys.certificate().orElseThrow().getPublicKey(), null), Duration.ofDays(365));
            keys.installCertificate(issued, SyncFixture.PASSWORD);
            pat = keys.unlock(SyncFixture.PASSWORD);
            assertThat(pat.chain()).hasSize(2);
            pkg = laptop.outbox().export(new Outbox.Selection(made.sessionIds(), List.of()), dir.resolve("usb"), pat, null)
                    .file();
        }
        OrganisationAuthority highfield = OrganisationAuthority.create(dir.resolve("highfield-ca"), "Highfield Assessment",
                "authority-password".toCharArray(), SyncFixture.CLOCK);
        Path data = dir.resolve("service");
        String url = kind == IntakeDatabase.Kind.POSTGRESQL ? IntakeDatabases.freshPostgresUrl() : null;
        try (IntakeService service = IntakeService.open(data, url, Identities.service(highfield, "localhost", "127.0.0.1"),
                SyncFixture.CLOCK);
                IntakeServer server = IntakeServer.forService(service, data, ZoneOffset.UTC, SyncFixture.CLOCK)) {
            URI address = URI.create("https://localhost:" + server.start("127.0.0.1", 0));
            IntakeClient client = new IntakeClient(address, List.of(highfield.root()), pat, SyncFixture.CLOCK);
            String sha = Intake.sha256Of(pkg);
            String id = packageId(pkg);
            assertThatThrownBy(() -> client.deliver(pkg, id, sha, p -> { })).isInstanceOf(IntakeClient.Refused.class)
                    .hasMessageContaining("not a registered assessor");

            List<String> args = new ArrayList<>(List.of("serve", "roots", "add",
                    Files.writeString(dir.resolve("partner-root.crt"), Certificates.toPem(partner.root())).toString(),
                    "--data-dir", data.toString()));
            if (url != null) {
                args.addAll(List.of("--db", url));
            }
            CliRunner.Run added = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK).run(args.toArray(String[]::new));
            assertThat(added.exitCode()).as(added.err()).isZero();

            IntakeClient.Delivered d = client.deliver(pkg, id, sha, p -> { });

            assertThat(d.receipt().sha256()).isEqualTo(sha);
            assertThat(d.receipt().sessions()).hasSize(3);
            assertThat(d.receipt().assessorKey()).isEqualTo("number:EPA-000777");
        }
    }

    private static String packageId(Path file) throws Exception {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            return JsonFiles.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json"))).get("packageId").asText();
        }
    }
}
