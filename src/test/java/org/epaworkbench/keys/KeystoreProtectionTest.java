package org.epaworkbench.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.epaworkbench.people.AssessorProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 9 of issue 12: keystores were protected with PBKDF2 at 10,000 iterations (Java 17's
 * PKCS#12 defaults, MAC included, so the MAC was a cheap way to test a guessed password). New and
 * re-saved keystores now use {@value Pkcs12#ITERATIONS} iterations for the key and the MAC, and an
 * old keystore is written again the first time it is unlocked.
 */
class KeystoreProtectionTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    final AssessorProfile profile = new AssessorProfile("Alex Morgan", "EPA-4411", "PAL", false);
    static final char[] PASSWORD = "password-one".toCharArray();

    @Test
    void aNewKeystoreUsesPbkdf2At600000IterationsForTheKeyAndTheMac() throws Exception {
        AssessorKeyStore store = new AssessorKeyStore(dir.resolve("a"), clock);
        store.create(profile, PASSWORD);
        Pkcs12.Protection p = Pkcs12.protection(Files.readAllBytes(store.keystoreFile()));
        assertThat(p.macIterations()).isGreaterThanOrEqualTo(600_000);
        assertThat(p.macDigest()).isEqualTo("SHA-256");
        assertThat(p.weakestKeyIterations()).isGreaterThanOrEqualTo(600_000);
        assertThat(p.everyKeyPbkdf2()).isTrue();
        // the Java runtime reads it as an ordinary PKCS#12 keystore
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store.keystoreFile())) {
            ks.load(in, PASSWORD);
        }
        assertThat(ks.getKey(AssessorKeyStore.ALIAS, PASSWORD)).isInstanceOf(PrivateKey.class);
        assertThat(ks.getCertificateChain(AssessorKeyStore.ALIAS)).hasSize(1);
    }

    @Test
    void anImportedOrganisationKeystoreIsSavedWithTheModernProtection() throws Exception {
        Path weak = weakKeystore(dir.resolve("org"), "organisation");
        assertThat(Pkcs12.protection(Files.readAllBytes(weak)).modern()).as("Java's default protection").isFalse();
        AssessorKeyStore mine = new AssessorKeyStore(dir.resolve("mine"), clock);
        mine.importFrom(weak, PASSWORD);
        assertThat(Pkcs12.protection(Files.readAllBytes(mine.keystoreFile())).modern()).isTrue();
    }

    @Test
    void anOldKeystoreIsReSavedWithTheModernProtectionWhenUnlockedAndKeepsItsKey() throws Exception {
        Path data = dir.resolve("old");
        Files.createDirectories(data.resolve("keys"));
        Path weak = weakKeystore(dir.resolve("made-by-an-earlier-version"), AssessorKeyStore.ALIAS);
        Files.copy(weak, data.resolve("keys").resolve("assessor.p12"));
        AssessorKeyStore store = new AssessorKeyStore(data, clock);
        assertThat(Pkcs12.protection(Files.readAllBytes(store.keystoreFile())).macIterations()).isLessThan(600_000);

        SigningIdentity first = store.unlock(PASSWORD);
        assertThat(Pkcs12.protection(Files.readAllBytes(store.keystoreFile())).modern()).isTrue();
        SigningIdentity again = store.unlock(PASSWORD);
        assertThat(again.certificate()).isEqualTo(first.certificate());
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(again.privateKey());
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(first.certificate());
        s.update(new byte[] {1, 2, 3});
        assertThat(s.verify(sig)).as("the same key").isTrue();
    }

    /** A keystore as Java 17 writes it by default (and as earlier versions of the app did). */
    private Path weakKeystore(Path folder, String alias) throws Exception {
        AssessorKeyStore maker = new AssessorKeyStore(folder.resolve("maker"), clock);
        X509Certificate cert = maker.create(profile, PASSWORD);
        PrivateKey key = maker.unlock(PASSWORD).privateKey();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, PASSWORD, new Certificate[] {cert});
        Path file = folder.resolve("weak.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
        return file;
    }
}
