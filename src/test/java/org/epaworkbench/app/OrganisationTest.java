package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation's office through the application layer (issue 14): its authority made and trusted
 * here, an assessor's request certified and installed, and whether the root is still to be trusted.
 */
class OrganisationTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    final AssessorProfile profile = new AssessorProfile("Alex Morgan", "EPA-4411", "PAL", false);
    Workbench office;
    Workbench assessor;

    @BeforeEach
    void open() throws Exception {
        office = Workbench.open(DataDirectory.at(dir.resolve("office-data")), clock, new ManualClock(clock.instant()));
        assessor = Workbench.open(DataDirectory.at(dir.resolve("assessor-data")), clock, new ManualClock(clock.instant()));
    }

    @AfterEach
    void close() {
        office.close();
        assessor.close();
    }

    @Test
    void theAuthorityCertifiesARequestAndTheAssessorsFolderLearnsItStillNeedsTheRoot() throws Exception {
        Path ca = dir.resolve("ca");
        Organisation.Authority authority = office.services().organisation().createAuthority(ca, "PAL",
                "the office's long password".toCharArray());
        assertThat(authority.organisation()).isEqualTo("PAL");
        assertThat(office.services().organisation().trustRoot(ca.resolve(Organisation.ROOT)).alreadyThere())
                .as("made here, so trusted here already").isTrue();

        AssessorIdentity identity = assessor.assessorIdentity();
        identity.create(profile, "password-one".toCharArray());
        byte[] request = identity.certificateRequest(profile, "password-one".toCharArray()).getBytes(StandardCharsets.US_ASCII);
        Organisation.Request checked = Organisation.readRequest("alex.csr", request);
        assertThat(checked.describe()).isEqualTo("Alex Morgan, assessor number EPA-4411 (says: PAL)");
        var chain = Organisation.certify(ca, "the office's long password".toCharArray(), checked, Duration.ofDays(365), clock);
        assertThat(CertificateDetails.of(chain.get(0)).issuer()).isEqualTo("PAL EPA records root");

        var installed = identity.installCertificate(chain, "password-one".toCharArray());
        assertThat(assessor.services().organisation().rootStillToTrust(installed)).isTrue();
        assessor.services().organisation().trustRoot(ca.resolve(Organisation.ROOT));
        assertThat(assessor.services().organisation().rootStillToTrust(installed)).isFalse();
    }

    @Test
    void anAssessorsCertificateIsNotARootAndAWrongOfficePasswordIssuesNothing() throws Exception {
        Path ca = dir.resolve("ca");
        office.services().organisation().createAuthority(ca, "PAL", "the office's long password".toCharArray());
        AssessorIdentity identity = assessor.assessorIdentity();
        identity.create(profile, "password-one".toCharArray());
        assertThatThrownBy(() -> Organisation.readRoot(identity.certificateFile(), clock))
                .isInstanceOf(CertificateProblem.class).hasMessageContaining("is not a certificate authority");

        byte[] request = identity.certificateRequest(profile, "password-one".toCharArray()).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Organisation.certify(ca, "not the office's password".toCharArray(),
                Organisation.readRequest("alex.csr", request), Duration.ofDays(365), clock))
                .hasMessageContaining("Wrong password for the organisation's key").hasMessageEndingWith("Nothing was issued.");
        assertThat(Files.list(ca)).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder(Organisation.KEYSTORE, Organisation.ROOT);
    }
}
