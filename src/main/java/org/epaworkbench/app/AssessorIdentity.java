package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.DrawnSignature;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.people.AssessorProfile;

/**
 * The assessor's signing identity in this data folder: create it (or import the organisation's), unlock
 * it with its password, its certificate and fingerprints (readable without the password), a request for
 * the organisation to certify it, the certificate the organisation issued, and the drawn signature.
 */
public final class AssessorIdentity {

    /**
     * The identity unlocked for one piece of work (signing, a package): the key stays inside; other
     * services of the application layer use it. {@code created}: it was made just now from the profile.
     */
    public static final class Unlocked {
        private final SigningIdentity identity;
        private final boolean created;

        Unlocked(SigningIdentity identity, boolean created) {
            this.identity = identity;
            this.created = created;
        }

        /** The identity itself, for the application layer's own services. */
        SigningIdentity identity() {
            return identity;
        }

        /** Whether it was created from the assessor profile as it was unlocked (the first signing). */
        public boolean created() {
            return created;
        }

        /** The assessor's certificate. */
        public X509Certificate certificate() {
            return identity.certificate();
        }

        /** The certificate and the organisation's above it, as records carry them. */
        public List<X509Certificate> chain() {
            return identity.chain();
        }

        /** The private key, to open packages encrypted to this assessor. */
        public PrivateKey privateKey() {
            return identity.privateKey();
        }
    }

    private final AssessorKeyStore keys;
    private final DrawnSignature drawn;

    /** The identity kept in {@code dataFolder} (its {@code keys} folder); reading it needs no database. */
    public AssessorIdentity(Path dataFolder, Clock clock) {
        this.keys = new AssessorKeyStore(dataFolder, clock);
        this.drawn = new DrawnSignature(dataFolder);
    }

    /** The key store behind this identity, for the application layer's own services. */
    AssessorKeyStore keyStore() {
        return keys;
    }

    /** Whether this data folder has a signing identity. */
    public boolean exists() {
        return keys.exists();
    }

    /** Where the password-protected keystore is. */
    public Path keystoreFile() {
        return keys.keystoreFile();
    }

    /** Where the certificate is kept beside it (PEM), readable without the password. */
    public Path certificateFile() {
        return keys.certificateFile();
    }

    /** The certificate, readable without the password; empty when there is no identity yet. */
    public Optional<X509Certificate> certificate() throws KeyStoreProblem {
        return keys.certificate();
    }

    /** The certificate in words; empty when there is no identity yet. */
    public Optional<CertificateDetails> details() throws KeyStoreProblem {
        return keys.certificate().map(CertificateDetails::of);
    }

    /**
     * The SHA-256 of this identity's public key: the owner a new session is planned under (it stays
     * when the organisation certifies the same key again); empty when there is no identity yet.
     */
    public Optional<String> ownerKey() throws KeyStoreProblem {
        return keys.certificate().map(Certificates::publicKeyFingerprint);
    }

    /** Creates a key pair and a self-signed certificate naming the assessor; an existing one is never replaced. */
    public X509Certificate create(AssessorProfile profile, char[] password) throws KeyStoreProblem {
        return keys.create(profile, password);
    }

    /** Installs the organisation's PKCS#12 for this assessor (its password then protects the installed copy). */
    public X509Certificate importFrom(Path p12, char[] password) throws KeyStoreProblem {
        return keys.importFrom(p12, password);
    }

    /** Whether {@code failure} is a wrong password: the one thing the assessor can put right by typing it again. */
    public static boolean wrongPassword(Throwable failure) {
        return failure instanceof KeyStoreProblem.WrongPassword;
    }

    /** Unlocks the identity for signing; a wrong password is a {@link KeyStoreProblem.WrongPassword}. */
    public Unlocked unlock(char[] password) throws KeyStoreProblem {
        return new Unlocked(keys.unlock(password), false);
    }

    /** Unlocks the identity; {@code ifWrong} ends the message for a wrong password (what did not happen). */
    public Unlocked unlock(char[] password, String ifWrong) throws KeyStoreProblem {
        return new Unlocked(keys.unlock(password, ifWrong), false);
    }

    /**
     * Unlocks the identity, creating it from the assessor's {@code profile} first where there is none
     * (the first signing); without a profile there is nothing to make it from, and that is said.
     */
    public Unlocked unlockOrCreate(char[] password, Optional<AssessorProfile> profile) throws KeyStoreProblem {
        boolean created = false;
        if (!keys.exists()) {
            if (profile.isEmpty()) {
                throw new KeyStoreProblem("There is no signing identity and no assessor profile to make one from. "
                        + "Set up the assessor profile first (in the app: Assessor).");
            }
            keys.create(profile.get(), password);
            created = true;
        }
        return new Unlocked(keys.unlock(password), created);
    }

    /** A certificate signing request (PEM text) for this identity's key, naming the assessor as the profile does. */
    public String certificateRequest(AssessorProfile profile, char[] password) throws KeyStoreProblem {
        return keys.certificateRequest(profile, password);
    }

    /**
     * Installs the certificate the organisation issued for this key, with its chain; returns the chain
     * installed (the assessor's certificate first).
     */
    public List<X509Certificate> installCertificate(List<X509Certificate> offered, char[] password)
            throws KeyStoreProblem, CertificateProblem {
        return keys.installCertificate(offered, password);
    }

    /** As {@link #installCertificate(List, char[])}, from the file the organisation sent (PEM or DER). */
    public List<X509Certificate> installCertificate(Path file, char[] password)
            throws KeyStoreProblem, CertificateProblem, IOException, CertificateException {
        return keys.installCertificate(Certificates.readAll(file), password);
    }

    /** The assessor's drawn signature (PNG), if one was saved. */
    public Optional<byte[]> drawnSignature() throws IOException {
        return drawn.load();
    }

    /** Keeps the drawn signature (PNG) for the next records. */
    public void saveDrawnSignature(byte[] png) throws IOException {
        drawn.save(png);
    }

    /**
     * The private key of another PKCS#12 file, such as the organisation's, to open packages encrypted
     * to it; the file is only read.
     */
    public static PrivateKey privateKeyOf(Path p12, char[] password, String ifWrong) throws KeyStoreProblem {
        return AssessorKeyStore.privateKeyOf(p12, password, ifWrong);
    }
}
