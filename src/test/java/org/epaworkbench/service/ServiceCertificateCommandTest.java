package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.epaworkbench.app.IntakeService;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.keys.OrganisationAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** org service-certificate: the service's identity, as docs/intake-service.md step 1 makes it. */
class ServiceCertificateCommandTest {

    @TempDir
    Path dir;

    @Test
    void theServiceGetsAKeyAndCertificateIssuedByTheOrganisationRootInAFolderNotMadeYet() throws Exception {
        CliRunner office = new CliRunner(dir.resolve("office")).withKeystorePassword("organisation-secret-1");
        assertThat(office.run("org", "init", "--dir", dir.resolve("org").toString(), "--name", "Highfield Assessment")
                .exitCode()).isZero();
        Path out = dir.resolve("service-data/service.p12");

        CliRunner.Run issued = office.run("org", "service-certificate", "--dir", dir.resolve("org").toString(), "--host",
                "localhost", "--host", "127.0.0.1", "--out", out.toString());

        assertThat(issued.exitCode()).as(issued.err()).isZero();
        assertThat(issued.out()).contains("Issued the intake service's certificate for localhost, 127.0.0.1");
        try (IntakeService service = IntakeService.open(dir.resolve("service-data"), null, out,
                "organisation-secret-1".toCharArray(), java.time.Clock.systemUTC())) {
            assertThat(service.certificate().commonName()).isEqualTo("localhost");
            assertThat(OrganisationAuthority.isServiceCertificate(service.identity().certificate())).isTrue();
            assertThat(service.root()).isEqualTo(OrganisationAuthority.open(dir.resolve("org"),
                    "organisation-secret-1".toCharArray(), java.time.Clock.systemUTC()).root());
        }
        // never over an existing file, and never for a host that is not a host name
        assertThat(office.run("org", "service-certificate", "--dir", dir.resolve("org").toString(), "--host", "localhost",
                "--out", out.toString()).err()).contains("already exists");
        assertThat(office.run("org", "service-certificate", "--dir", dir.resolve("org").toString(), "--host",
                "https://intake.example.org:8443", "--out", dir.resolve("other.p12").toString()).err())
                .contains("without https:// or a port");
        assertThat(Files.exists(dir.resolve("other.p12"))).isFalse();
    }
}
