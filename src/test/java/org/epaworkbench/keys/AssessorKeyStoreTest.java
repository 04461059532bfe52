package org.epaworkbench.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.epaworkbench.people.AssessorProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessorKeyStoreTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    final AssessorProfile profile = new AssessorProfile("Alex Morgan", "EPA-4411", "PAL", false);

    @Test
    void createsASelfSignedCertificateNamingTheAssessor() throws Exception {
        AssessorKeyStore store = new AssessorKeyStore(dir.resolve("a"), clock);
        X509Certificate cert = store.create(profile, "password-one".toCharArray());
        assertThat(Certificates.commonName(cert)).isEqualTo("Alex Morgan");
        assertThat(Certificates.attribute(cert.getSubjectX500Principal(), "O")).isEqualTo("PAL");
        assertThat(Certificates.attribute(cert.getSubjectX500Principal(), "SERIALNUMBER")).isEqualTo("EPA-4411");
        assertThat(store.certificate()).contains(cert);
        assertThat(store.unlock("password-one".toCharArray()).certificate()).isEqualTo(cert);
        assertThatThrownBy(() -> store.create(profile, "password-one".toCharArray())).hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.unlock("nope-nope".toCharArray())).hasMessageContaining("Wrong keystore password");
    }

    @Test
    void shortPasswordsAreRefused() {
        AssessorKeyStore store = new AssessorKeyStore(dir, clock);
        assertThatThrownBy(() -> store.create(profile, "short".toCharArray())).hasMessageContaining("at least 8 characters");
        assertThat(store.exists()).isFalse();
    }

    @Test
    void importsAnOrganisationsPkcs12() throws Exception {
        AssessorKeyStore organisation = new AssessorKeyStore(dir.resolve("org"), clock);
        X509Certificate issued = organisation.create(profile, "org-password".toCharArray());
        AssessorKeyStore mine = new AssessorKeyStore(dir.resolve("mine"), clock);
        assertThatThrownBy(() -> mine.importFrom(organisation.keystoreFile(), "bad-password".toCharArray()))
                .hasMessageContaining("Wrong keystore password");
        assertThat(mine.importFrom(organisation.keystoreFile(), "org-password".toCharArray())).isEqualTo(issued);
        assertThat(mine.unlock("org-password".toCharArray()).certificate()).isEqualTo(issued);
        Path notP12 = dir.resolve("junk.p12");
        Files.writeString(notP12, "junk");
        assertThatThrownBy(() -> new AssessorKeyStore(dir.resolve("third"), clock).importFrom(notP12, "whatever1".toCharArray()))
                .isInstanceOf(KeyStoreProblem.class);
    }
}
