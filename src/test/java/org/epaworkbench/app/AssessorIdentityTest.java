package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.people.AssessorProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessorIdentityTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    final AssessorProfile profile = new AssessorProfile("Alex Morgan", "EPA-4411", "PAL", false);

    @Test
    void noIdentityYetMeansNothingToShowAndNoOwnerKey() throws Exception {
        AssessorIdentity identity = new AssessorIdentity(dir, clock);
        assertThat(identity.exists()).isFalse();
        assertThat(identity.details()).isEmpty();
        assertThat(identity.ownerKey()).isEmpty();
        assertThat(identity.drawnSignature()).isEmpty();
    }

    @Test
    void theFirstSigningCreatesTheIdentityFromTheProfileAndSaysSo() throws Exception {
        AssessorIdentity identity = new AssessorIdentity(dir, clock);
        assertThatThrownBy(() -> identity.unlockOrCreate("password-one".toCharArray(), Optional.empty()))
                .isInstanceOf(KeyStoreProblem.class).hasMessageContaining("no assessor profile");

        AssessorIdentity.Unlocked first = identity.unlockOrCreate("password-one".toCharArray(), Optional.of(profile));
        assertThat(first.created()).isTrue();
        AssessorIdentity.Unlocked again = identity.unlockOrCreate("password-one".toCharArray(), Optional.of(profile));
        assertThat(again.created()).isFalse();
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThatThrownBy(() -> identity.unlock("wrong-password".toCharArray()))
                .isInstanceOf(KeyStoreProblem.WrongPassword.class);
    }

    @Test
    void theCertificateInWordsAndTheOwnerKeyOfItsPublicKey() throws Exception {
        AssessorIdentity identity = new AssessorIdentity(dir, clock);
        identity.create(profile, "password-one".toCharArray());
        CertificateDetails details = identity.details().orElseThrow();
        assertThat(details.holder()).isEqualTo("Alex Morgan, PAL, assessor number EPA-4411");
        assertThat(details.commonName()).isEqualTo("Alex Morgan");
        assertThat(details.organisation()).isEqualTo("PAL");
        assertThat(details.selfSigned()).isTrue();
        assertThat(details.issuer()).isEqualTo("Alex Morgan");
        assertThat(details.fingerprint()).hasSize(64).isEqualTo(CertificateFiles.fingerprint(identity.certificate().orElseThrow()));
        assertThat(identity.ownerKey()).contains(details.publicKeyFingerprint());
        assertThat(details.publicKeyFingerprint()).isNotEqualTo(details.fingerprint());
    }

    @Test
    void theDrawnSignatureIsKeptForTheNextRecords() throws Exception {
        AssessorIdentity identity = new AssessorIdentity(dir, clock);
        identity.saveDrawnSignature(new byte[] {1, 2, 3});
        assertThat(new AssessorIdentity(dir, clock).drawnSignature()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    }
}
