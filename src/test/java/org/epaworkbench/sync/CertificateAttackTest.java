package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.epaworkbench.keys.SigningIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on whom an office trusts (issue 12, findings 1 and 3), as someone with a copy of the app, or with a
 * certificate the organisation once issued, would try them. The office has the organisation's root installed;
 * every certificate below names the real assessor (Sam Assessor, EPA-000123, Highfield Assessment). Each package
 * is refused as UNTRUSTED with the reason, nothing in the office changes and nothing is pinned; the same decision
 * is what {@code verify} prints for a record (one check, {@link SignerTrust}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateAttackTest {

    static final Instant NOW = SyncFixture.CLOCK.instant();

    @TempDir
    static Path dir;
    SyncFixture sam;
    SyncFixture office;
    Map<String, byte[]> content;
    KeyPair rootKeys;
    X509Certificate root;
    KeyPair attacker;
    String before;
    int run;

    @BeforeAll
    void setUp() throws Exception {
        sam = SyncFixture.keyedAssessorDevice(dir.resolve("sam"));
        byte[] pkg = Files.readAllBytes(sam.exportPending(dir.resolve("usb")));
        // the sessions without their PDFs (those are signed with Sam's own certificate, not the issued one)
        content = SessionClaimTest.sessionsOnly(PackageRefusalTest.entries(pkg), SessionClaimTest::withoutSignedRecords);
        rootKeys = rsa();
        root = rootCertificate("Highfield Assessment", rootKeys);
        attacker = rsa();
    }

    @BeforeEach
    void freshOffice() throws Exception {
        if (office != null) {
            office.close();
        }
        office = new SyncFixture(dir.resolve("office-" + run++));
        OrganisationRoots.trust(office.sync, root, NOW);
        before = office.snapshot();
    }

    @AfterAll
    void close() {
        sam.close();
        office.close();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, new SecureRandom());
        return g.generateKeyPair();
    }

    static X500Name assessorName(String organisation) {
        return named("Sam Assessor", organisation);
    }

    static X500Name named(String cn, String organisation) {
        X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE);
        n.addRDN(BCStyle.CN, cn);
        n.addRDN(BCStyle.SERIALNUMBER, "EPA-000123");
        n.addRDN(BCStyle.OU, "Independent end-point assessor");
        n.addRDN(BCStyle.O, organisation);
        n.addRDN(BCStyle.C, "GB");
        return n.build();
    }

    /** A root as {@code org init} makes it: self-signed, a CA that may issue end-entity certificates only (path length 0). */
    static X509Certificate rootCertificate(String organisation, KeyPair keys) throws Exception {
        X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE);
        n.addRDN(BCStyle.CN, organisation + " EPA records root");
        n.addRDN(BCStyle.O, organisation);
        n.addRDN(BCStyle.C, "GB");
        X500Name name = n.build();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(new SecureRandom().nextLong() >>> 1),
                Date.from(NOW.minus(Duration.ofDays(400))), Date.from(NOW.plus(Duration.ofDays(3650))), name, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(keys.getPrivate())));
    }

    /** A certificate for {@code subjectKey} naming Sam, issued by {@code issuer} with {@code issuerKey}. */
    static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, PublicKey subjectKey, Instant from, Instant until,
            boolean ca) throws Exception {
        return issue(issuer, issuerKey, assessorName("Highfield Assessment"), subjectKey, from, until, ca);
    }

    static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, X500Name subject, PublicKey subjectKey, Instant from,
            Instant until, boolean ca) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(new SecureRandom().nextLong() >>> 1),
                Date.from(from), Date.from(until), subject, subjectKey);
        b.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKey)));
    }

    X509Certificate issued(PublicKey key, Instant from, Instant until, boolean ca) throws Exception {
        return issue(root, rootKeys.getPrivate(), key, from, until, ca);
    }

    /** Sam's sessions in a package signed by {@code identity}, made (as its manifest says) at {@code createdAt}. */
    byte[] signedBy(SigningIdentity identity, Instant createdAt) throws Exception {
        PackageWriter w = new PackageWriter();
        content.forEach(w::add);
        return w.write(UUID.randomUUID().toString(), createdAt, sam.sessions.deviceId(), identity, null);
    }

    void untrusted(byte[] pkg, String... reason) throws Exception {
        assertThatThrownBy(() -> office.importer().importPackage(pkg, null, PackageImporter.UnknownSigners.REFUSE, false))
                .isInstanceOf(UntrustedSigner.class).hasMessageStartingWith("manifest.p7s: UNTRUSTED")
                .hasMessageContaining("Sam Assessor").hasMessageContainingAll(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\tat "));
        assertThat(office.snapshot()).as("a refused package changes nothing").isEqualTo(before);
        assertThat(office.sync.register()).as("nothing pinned").isEmpty();
    }

    /** What {@code verify} decides for a record signed with this chain at {@code at}. */
    SignerTrust.Decision recordDecision(List<X509Certificate> chain, Instant at) throws Exception {
        return SignerTrust.load(office.sync, SyncFixture.CLOCK).decide(chain.get(0), chain, at);
    }

    @Test
    void samsGenuineCertificateFromTheRootImports() throws Exception {
        X509Certificate cert = issued(sam.identity().certificate().getPublicKey(), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), false);
        SigningIdentity genuine = new SigningIdentity(sam.identity().privateKey(), List.of(cert, root));
        var outcome = office.importer().importPackage(signedBy(genuine, NOW), null, PackageImporter.UnknownSigners.REFUSE, false);
        assertThat(outcome.trust().basis()).isEqualTo(SignerTrust.Basis.ORGANISATION_ROOT);
        assertThat(outcome.applied().newSessions()).isEqualTo(3);
    }

    @Test
    void aLookAlikeWithItsOwnKeyIsUntrustedWhereTheRootIsInstalled() throws Exception {
        try (SyncFixture lookAlike = SyncFixture.keyedAssessorDevice(dir.resolve("look-alike"))) {
            byte[] pkg = Files.readAllBytes(lookAlike.exportPending(dir.resolve("usb-m")));
            untrusted(pkg, "not issued by any organisation root installed here", "not in the signer register");
            X509Certificate cert = lookAlike.identity().certificate();
            assertThat(recordDecision(List.of(cert), NOW).basis()).isEqualTo(SignerTrust.Basis.NONE);
        }
    }

    @Test
    void aLookAlikeIsUntrustedWhereTheRealAssessorIsInTheRegister() throws Exception {
        try (SyncFixture lookAlike = SyncFixture.keyedAssessorDevice(dir.resolve("look-alike-2"));
             SyncFixture registerOffice = new SyncFixture(dir.resolve("register-office"))) {
            SignerRegister.add(registerOffice.sync, sam.identity().certificate(), NOW);
            String was = registerOffice.snapshot();
            byte[] pkg = Files.readAllBytes(lookAlike.exportPending(dir.resolve("usb-m2")));
            assertThatThrownBy(() -> registerOffice.importer().importPackage(pkg, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(UntrustedSigner.class).hasMessageContaining("the register holds another certificate for "
                            + "assessor EPA-000123");
            assertThat(registerOffice.snapshot()).isEqualTo(was);
            assertThat(registerOffice.sync.register()).singleElement()
                    .satisfies(s -> assertThat(s.how()).isNotEqualTo("first-use"));
        }
    }

    @Test
    void aCertificateFromAnotherOrganisationsRootOfTheSameNameIsUntrusted() throws Exception {
        KeyPair fakeRootKeys = rsa();
        X509Certificate fakeRoot = rootCertificate("Highfield Assessment", fakeRootKeys);
        X509Certificate cert = issue(fakeRoot, fakeRootKeys.getPrivate(), attacker.getPublic(), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), false);
        SigningIdentity id = new SigningIdentity(attacker.getPrivate(), List.of(cert, fakeRoot));
        untrusted(signedBy(id, NOW), "not issued by any organisation root installed here");
        assertThat(recordDecision(id.chain(), NOW).basis()).isEqualTo(SignerTrust.Basis.NONE);
    }

    @Test
    void anExpiredCertificateIsUntrusted() throws Exception {
        X509Certificate cert = issued(attacker.getPublic(), NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(1)), false);
        SigningIdentity id = new SigningIdentity(attacker.getPrivate(), List.of(cert, root));
        untrusted(signedBy(id, NOW), "the certificate had expired");
        assertThat(recordDecision(id.chain(), NOW).reason()).contains("had expired");
    }

    @Test
    void aCertificateNotYetValidIsUntrusted() throws Exception {
        X509Certificate cert = issued(attacker.getPublic(), NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(400)), false);
        SigningIdentity id = new SigningIdentity(attacker.getPrivate(), List.of(cert, root));
        untrusted(signedBy(id, NOW), "the certificate was not yet valid");
        assertThat(recordDecision(id.chain(), NOW).reason()).contains("not yet valid");
    }

    /**
     * The signer chooses the time a certificate is checked at (the manifest's createdAt): a certificate that
     * becomes valid next month, with the package dated next month, must not be trusted today.
     */
    @Test
    void aCertificateNotYetValidIsUntrustedEvenWhenThePackageIsDatedIntoItsValidity() throws Exception {
        X509Certificate cert = issued(attacker.getPublic(), NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(400)), false);
        SigningIdentity id = new SigningIdentity(attacker.getPrivate(), List.of(cert, root));
        assertThatThrownBy(() -> office.importer().importPackage(signedBy(id, NOW.plus(Duration.ofDays(31))), null,
                PackageImporter.UnknownSigners.REFUSE, false)).isInstanceOf(PackageRefused.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("not yet valid", "in the future"));
        assertThat(office.snapshot()).isEqualTo(before);
        assertThat(office.sync.register()).isEmpty();
    }

    /** The same attacks on a record, through {@code verify} with the root given: UNTRUSTED, exit code 3, the reason in words. */
    @Test
    void verifySaysUntrustedForARecordSignedWithACaCertificateOrDatedIntoACertificatesFuture() throws Exception {
        Path rootFile = dir.resolve("root.crt");
        Files.writeString(rootFile, org.epaworkbench.keys.Certificates.toPem(root));
        java.security.PublicKey samKey = sam.identity().certificate().getPublicKey();
        String session = sam.sync.allSessions().get(0);
        record Case(String name, X509Certificate cert, Instant signedAt, String reason) {
        }
        for (Case k : List.of(
                new Case("ca", issued(samKey, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), true), NOW,
                        "certificate authority"),
                new Case("future", issued(samKey, NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(400)), false),
                        NOW.plus(Duration.ofDays(31)), "not yet valid"))) {
            SigningIdentity id = new SigningIdentity(sam.identity().privateKey(), List.of(k.cert(), root));
            java.time.Clock at = java.time.Clock.fixed(k.signedAt(), java.time.ZoneOffset.UTC);
            var produced = new org.epaworkbench.record.RecordProducer(sam.plans, sam.sessions, sam.people, sam.records,
                    new org.epaworkbench.keys.AssessorKeyStore(sam.root, at), at, java.time.ZoneId.of("UTC"))
                    .signSession(session, id, null, step -> { });
            Path pdf = dir.resolve(k.name() + ".pdf");
            Files.copy(sam.records.folder().resolve(produced.record().fileName()), pdf);
            org.epaworkbench.cli.CliRunner.Run run = new org.epaworkbench.cli.CliRunner(dir.resolve("verifier-" + k.name()),
                    SyncFixture.CLOCK).run("verify", pdf.toString(), "--root", rootFile.toString());
            assertThat(run.exitCode()).as(k.name() + ": " + run.out() + run.err()).isEqualTo(3);
            assertThat(run.out()).contains(": UNTRUSTED").contains(k.reason());
            assertThat(run.out() + run.err()).doesNotContain("Exception");
        }
    }

    @Test
    void theRootItselfSigningAsAnAssessorIsUntrusted() throws Exception {
        SigningIdentity id = new SigningIdentity(rootKeys.getPrivate(), List.of(root));
        assertThat(recordDecision(id.chain(), NOW).reason()).contains("it is an organisation's root certificate");
        // the package names the root as its assessor: refused before any trust is given
        assertThatThrownBy(() -> office.importer().importPackage(signedBy(id, NOW), null, PackageImporter.UnknownSigners.REFUSE,
                false)).isInstanceOf(PackageRefused.class);
        assertThat(office.snapshot()).isEqualTo(before);
    }

    @Test
    void aCertificateAuthorityCertificateUsedAsAnAssessorsIsUntrusted() throws Exception {
        X509Certificate ca = issued(attacker.getPublic(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), true);
        SigningIdentity id = new SigningIdentity(attacker.getPrivate(), List.of(ca, root));
        untrusted(signedBy(id, NOW), "certificate authority");
        assertThat(recordDecision(id.chain(), NOW).basis()).isEqualTo(SignerTrust.Basis.NONE);
    }

    @Test
    void anAssessorsCertificateCannotIssueAnotherOne() throws Exception {
        KeyPair real = rsa();
        // Robin, a genuine assessor certified by the root, uses their certificate to make one naming Sam
        X509Certificate realCert = issue(root, rootKeys.getPrivate(), named("Robin Real", "Highfield Assessment"), real.getPublic(),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), false);
        X509Certificate forged = issue(realCert, real.getPrivate(), attacker.getPublic(), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(300)), false);
        SigningIdentity id = new SigningIdentity(attacker.getPrivate(), List.of(forged, realCert, root));
        untrusted(signedBy(id, NOW), "not issued by any organisation root installed here");
        assertThat(recordDecision(id.chain(), NOW).basis()).isEqualTo(SignerTrust.Basis.NONE);
    }

    @Test
    void anIntermediateCertificateAuthorityBelowARootOfPathLengthZeroIsUntrusted() throws Exception {
        KeyPair middle = rsa();
        X509Certificate intermediate = issue(root, rootKeys.getPrivate(), named("Highfield sub-authority", "Highfield Assessment"),
                middle.getPublic(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), true);
        X509Certificate leaf = issue(intermediate, middle.getPrivate(), attacker.getPublic(), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(300)), false);
        SigningIdentity id = new SigningIdentity(attacker.getPrivate(), List.of(leaf, intermediate, root));
        untrusted(signedBy(id, NOW), "issued by a certificate authority below the organisation root");
        assertThat(recordDecision(id.chain(), NOW).basis()).isEqualTo(SignerTrust.Basis.NONE);
    }
}
