package org.epaworkbench.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.store.OwnerOnly;

/**
 * The assessor's signing identity: a private key and X.509 certificate in a password-protected
 * PKCS#12 keystore in the data folder ({@code keys/assessor.p12}), created on first use with a
 * self-signed certificate naming the assessor, or imported from the organisation. The certificate
 * is also kept as PEM beside it so it can be shown and fingerprinted without the password. The
 * keystore is written as {@link Pkcs12} describes (PBKDF2, {@value Pkcs12#ITERATIONS} iterations),
 * owner-only.
 */
public final class AssessorKeyStore {

    static final String ALIAS = "assessor";
    /** Certificates the app makes are valid for this long. */
    static final Duration VALIDITY = Duration.ofDays(5 * 365);

    private final Path folder;
    private final Clock clock;

    public AssessorKeyStore(Path dataFolder, Clock clock) {
        this.folder = dataFolder.resolve("keys");
        this.clock = clock;
    }

    public Path keystoreFile() {
        return folder.resolve("assessor.p12");
    }

    public Path certificateFile() {
        return folder.resolve("assessor.pem");
    }

    public boolean exists() {
        return Files.isRegularFile(keystoreFile());
    }

    /** The certificate, readable without the password. */
    public Optional<X509Certificate> certificate() throws KeyStoreProblem {
        if (!Files.isRegularFile(certificateFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Certificates.fromPem(Files.readString(certificateFile(), StandardCharsets.US_ASCII)));
        } catch (IOException | CertificateException e) {
            throw new KeyStoreProblem("The certificate file " + certificateFile() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Creates a key pair and a self-signed certificate for the assessor; refuses to overwrite one. */
    public X509Certificate create(AssessorProfile profile, char[] password) throws KeyStoreProblem {
        if (exists()) {
            throw new KeyStoreProblem("A signing identity already exists in " + keystoreFile() + "; it was not replaced.");
        }
        checkPassword(password);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X509Certificate cert = selfSigned(profile, pair);
            write(pair.getPrivate(), List.of(cert), password);
            return cert;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new KeyStoreProblem("Could not create the signing identity: " + e.getMessage(), e);
        }
    }

    private X509Certificate selfSigned(AssessorProfile profile, KeyPair pair)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        Instant now = clock.instant();
        var subject = CertificateRequests.subject(profile);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_emailProtection, KeyPurposeId.id_kp_codeSigning}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    /**
     * Installs an organisation-issued PKCS#12 (opened with its own password, which then protects
     * the installed copy). It must hold exactly one private key with its certificate.
     */
    public X509Certificate importFrom(Path p12, char[] password) throws KeyStoreProblem {
        if (exists()) {
            throw new KeyStoreProblem("A signing identity already exists in " + keystoreFile() + "; it was not replaced.");
        }
        KeyStore ks = open(p12, password, "The key was not imported.");
        try {
            List<String> keys = List.of(onlyKeyAlias(ks, p12));
            PrivateKey key = (PrivateKey) ks.getKey(keys.get(0), password);
            Certificate[] chain = ks.getCertificateChain(keys.get(0));
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
                throw new KeyStoreProblem(p12 + " has no X.509 certificate for its key.");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
                certificates.add((X509Certificate) c);
            }
            write(key, certificates, password);
            return cert;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreProblem("Could not import " + p12 + ": " + e.getMessage(), e);
        }
    }

    /** Unlocks the identity for signing; a wrong password is a clear error, not a stack trace. */
    public SigningIdentity unlock(char[] password) throws KeyStoreProblem {
        return unlock(password, "Nothing was signed.");
    }

    /** Unlocks the identity; {@code ifWrong} ends the message for a wrong password (what did not happen). */
    public SigningIdentity unlock(char[] password, String ifWrong) throws KeyStoreProblem {
        if (!exists()) {
            throw new KeyStoreProblem("There is no signing identity yet in " + keystoreFile()
                    + ". Create one (keys init) or import your organisation's PKCS#12.");
        }
        KeyStore ks = open(keystoreFile(), password, ifWrong);
        try {
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(ALIAS)) {
                chain.add((X509Certificate) c);
            }
            SigningIdentity identity = new SigningIdentity(key, chain);
            upgradeIfWeak(identity, password);
            return identity;
        } catch (UnrecoverableKeyException e) {
            throw wrongPassword(keystoreFile(), ifWrong);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreProblem("The keystore " + keystoreFile() + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * A certificate signing request for this identity's key, naming the assessor as {@code profile}
     * does, to send to the organisation ({@code org certify}); PEM text. The key stays here.
     */
    public String certificateRequest(AssessorProfile profile, char[] password) throws KeyStoreProblem {
        SigningIdentity identity = unlock(password, "No request was made.");
        try {
            return CertificateRequests.create(identity, profile);
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreProblem("Could not make the request: " + e.getMessage(), e);
        }
    }

    /**
     * Installs the certificate the organisation issued for this identity's key, with its chain (as
     * {@code org certify} writes it: the assessor's certificate and the organisation's root, in any
     * order). The certificate must be for this key, each link must be signed by the next, and it
     * must be valid now. Records signed afterwards carry the whole chain. The keystore is written
     * again with the same key and password.
     */
    public List<X509Certificate> installCertificate(List<X509Certificate> offered, char[] password)
            throws KeyStoreProblem, CertificateProblem {
        SigningIdentity current = unlock(password, "Nothing was installed.");
        X509Certificate leaf = null;
        for (X509Certificate c : offered) {
            if (c.getPublicKey().equals(current.certificate().getPublicKey())) {
                leaf = c;
            }
        }
        if (leaf == null) {
            throw new CertificateProblem("None of the certificates is for this data folder's signing key (certificate SHA-256 "
                    + Certificates.fingerprint(current.certificate()) + "). Was the request made here, with keys request?");
        }
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate at = leaf;
        while (!at.getSubjectX500Principal().equals(at.getIssuerX500Principal())) {
            X509Certificate issuer = null;
            for (X509Certificate c : offered) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(at.getIssuerX500Principal())) {
                    try {
                        at.verify(c.getPublicKey());
                        issuer = c;
                    } catch (GeneralSecurityException e) {
                        // not this one
                    }
                }
            }
            if (issuer == null) {
                break; // the chain stops here; the root may be installed separately
            }
            chain.add(issuer);
            at = issuer;
        }
        if (chain.size() == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            throw new CertificateProblem("The certificate is self-signed, not issued by an organisation: nothing was installed.");
        }
        try {
            leaf.checkValidity(java.util.Date.from(clock.instant()));
        } catch (java.security.cert.CertificateException e) {
            throw new CertificateProblem("The certificate is not valid now (valid " + leaf.getNotBefore().toInstant() + " to "
                    + leaf.getNotAfter().toInstant() + "); nothing was installed.");
        }
        try {
            write(current.privateKey(), chain, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyStoreProblem("Could not install the certificate: " + e.getMessage(), e);
        }
        return chain;
    }

    /** The alias of the one private key in {@code ks}; a file holding none or several is refused, naming it. */
    private static String onlyKeyAlias(KeyStore ks, Path p12) throws java.security.KeyStoreException, KeyStoreProblem {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new KeyStoreProblem(p12 + " holds " + keys.size() + " private keys; it must hold exactly one.");
        }
        return keys.get(0);
    }

    /**
     * The private key of a PKCS#12 file such as an organisation's, to open packages encrypted to it;
     * the file is only read. It must hold exactly one private key.
     */
    public static PrivateKey privateKeyOf(Path p12, char[] password, String ifWrong) throws KeyStoreProblem {
        if (!Files.isRegularFile(p12)) {
            throw new KeyStoreProblem(p12 + ": no such file.");
        }
        KeyStore ks = open(p12, password, ifWrong);
        try {
            List<String> keys = List.of(onlyKeyAlias(ks, p12));
            return (PrivateKey) ks.getKey(keys.get(0), password);
        } catch (UnrecoverableKeyException e) {
            throw wrongPassword(p12, ifWrong);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreProblem("The keystore " + p12 + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The one key of a PKCS#12 file with its certificate chain, such as the intake service's identity; the file is only read. */
    public static SigningIdentity identityOf(Path p12, char[] password, String ifWrong) throws KeyStoreProblem {
        if (!Files.isRegularFile(p12)) {
            throw new KeyStoreProblem(p12 + ": no such file.");
        }
        KeyStore ks = open(p12, password, ifWrong);
        try {
            String alias = onlyKeyAlias(ks, p12);
            List<X509Certificate> chain = new java.util.ArrayList<>();
            for (java.security.cert.Certificate c : ks.getCertificateChain(alias)) {
                chain.add((X509Certificate) c);
            }
            return new SigningIdentity((PrivateKey) ks.getKey(alias, password), chain);
        } catch (UnrecoverableKeyException e) {
            throw wrongPassword(p12, ifWrong);
        } catch (GeneralSecurityException | NullPointerException e) {
            throw new KeyStoreProblem("The keystore " + p12 + " cannot be used: it holds no certificate chain for its key.", e);
        }
    }

    private static KeyStore open(Path file, char[] password, String ifWrong) throws KeyStoreProblem {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw wrongPassword(file, ifWrong);
            }
            throw new KeyStoreProblem("The keystore " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreProblem("The keystore " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static KeyStoreProblem wrongPassword(Path file, String ifWrong) {
        return new KeyStoreProblem.WrongPassword("Wrong keystore password for " + file + ". " + ifWrong);
    }

    private static void checkPassword(char[] password) throws KeyStoreProblem {
        if (password == null || password.length < 8) {
            throw new KeyStoreProblem("The keystore password must be at least 8 characters.");
        }
    }

    /**
     * A keystore written before keys were protected with {@value Pkcs12#ITERATIONS} PBKDF2 iterations
     * (Java's default was 10,000) is written again, with the same key, certificates and password, the
     * first time it is unlocked. If that fails (a full disk, a read-only folder) the old file is kept
     * as it was and still works.
     */
    private void upgradeIfWeak(SigningIdentity identity, char[] password) {
        try {
            if (!Pkcs12.protection(Files.readAllBytes(keystoreFile())).modern()) {
                write(identity.privateKey(), identity.chain(), password);
            }
        } catch (IOException | GeneralSecurityException e) {
            // kept as it was; the next unlock tries again
        }
    }

    /**
     * Writes the keystore (see {@link Pkcs12}) and the certificate beside it, each through a temporary
     * file moved into place, owner-only in an owner-only folder.
     */
    private void write(PrivateKey key, List<X509Certificate> chain, char[] password) throws IOException, GeneralSecurityException {
        byte[] p12 = Pkcs12.encode(ALIAS, key, chain, password);
        OwnerOnly.folder(folder);
        replace(keystoreFile(), p12);
        replace(certificateFile(), Certificates.toPem(chain.get(0)).getBytes(StandardCharsets.US_ASCII));
    }

    private void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            OwnerOnly.file(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
