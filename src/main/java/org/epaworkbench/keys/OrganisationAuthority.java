package org.epaworkbench.keys;

import java.io.IOException;
import java.io.InputStream;
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
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.epaworkbench.store.OwnerOnly;

/**
 * The organisation's own certificate authority: a self-signed root certificate and its private key,
 * made once by the office ({@code org init}) in a folder the office chooses and keeps safe (ideally
 * offline), and used to issue assessors' certificates from their signing requests
 * ({@code org certify}). The key is in a password-protected {@link Pkcs12} file, owner-only; the
 * root certificate beside it is public: every office computer and every assessor installs it
 * ({@code org trust}) so that records signed with certificates it issued are trusted.
 *
 * <p>The root may issue only end-entity certificates (path length 0). An issued certificate names
 * the assessor as their request does, but always the organisation as the root names it.
 */
public final class OrganisationAuthority {

    public static final String KEYSTORE = "organisation-ca.p12";
    public static final String ROOT = "organisation-root.crt";
    static final String ALIAS = "organisation-root";
    /** How long a root lasts; an assessor's certificate lasts {@link #ASSESSOR_VALIDITY} unless asked otherwise. */
    static final Duration ROOT_VALIDITY = Duration.ofDays(10 * 365 + 2);
    public static final Duration ASSESSOR_VALIDITY = Duration.ofDays(3 * 365);

    private final Path folder;
    private final PrivateKey key;
    private final X509Certificate root;
    private final Clock clock;

    private OrganisationAuthority(Path folder, PrivateKey key, X509Certificate root, Clock clock) {
        this.folder = folder;
        this.key = key;
        this.root = root;
        this.clock = clock;
    }

    public X509Certificate root() {
        return root;
    }

    public Path folder() {
        return folder;
    }

    /** The organisation's name as its root gives it. */
    public String organisation() {
        return Certificates.attribute(root.getSubjectX500Principal(), "O");
    }

    /** Makes the organisation's root key and certificate in {@code folder}; refuses to replace one. */
    public static OrganisationAuthority create(Path folder, String organisation, char[] password, Clock clock)
            throws KeyStoreProblem {
        if (organisation == null || organisation.isBlank()) {
            throw new KeyStoreProblem("The organisation needs a name (as it should appear on every assessor's certificate).");
        }
        if (password == null || password.length < 12) {
            throw new KeyStoreProblem("The organisation's key password must be at least 12 characters.");
        }
        if (Files.exists(folder.resolve(KEYSTORE))) {
            throw new KeyStoreProblem(folder.resolve(KEYSTORE) + " already exists; the organisation's root was not replaced. "
                    + "Replacing it would make every certificate it issued untrusted.");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            name.addRDN(BCStyle.CN, organisation.strip() + " EPA records root");
            name.addRDN(BCStyle.O, organisation.strip());
            name.addRDN(BCStyle.C, "GB");
            X500Name subject = name.build();
            Instant now = clock.instant();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(ROOT_VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate root = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            OwnerOnly.folder(folder);
            write(folder.resolve(KEYSTORE), Pkcs12.encode(ALIAS, pair.getPrivate(), List.of(root), password));
            Path pem = folder.resolve(ROOT);
            Path tmp = Files.createTempFile(folder, ROOT, ".tmp");
            Files.writeString(tmp, Certificates.toPem(root), StandardCharsets.US_ASCII);
            Files.move(tmp, pem, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new OrganisationAuthority(folder, pair.getPrivate(), root, clock);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new KeyStoreProblem("Could not create the organisation's root in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            OwnerOnly.file(tmp);
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Opens the organisation's root key in {@code folder} with its password. */
    public static OrganisationAuthority open(Path folder, char[] password, Clock clock) throws KeyStoreProblem {
        Path file = folder.resolve(KEYSTORE);
        if (!Files.isRegularFile(file)) {
            throw new KeyStoreProblem("There is no organisation root in " + folder + " (no " + KEYSTORE + "). Make one with: "
                    + "org init --dir " + folder + " --name \"ORGANISATION\"");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, password);
            X509Certificate root = (X509Certificate) ks.getCertificate(ALIAS);
            if (key == null || root == null) {
                throw new KeyStoreProblem(file + " is not an organisation root made by EPA Workbench (no " + ALIAS + " key).");
            }
            return new OrganisationAuthority(folder, key, root, clock);
        } catch (UnrecoverableKeyException e) {
            throw new KeyStoreProblem("Wrong password for the organisation's key " + file + ". Nothing was issued.");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new KeyStoreProblem("Wrong password for the organisation's key " + file + ". Nothing was issued.");
            }
            throw new KeyStoreProblem("The organisation's key " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreProblem("The organisation's key " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Issues an assessor's certificate for a checked request: the request's name and assessor number,
     * the organisation as the root names it, for {@code validity} (never past the root's own end).
     * Returns the chain to give the assessor: their certificate, then the root.
     */
    public List<X509Certificate> certify(CertificateRequests.Request request, Duration validity) throws KeyStoreProblem {
        try {
            Instant now = clock.instant();
            Instant until = now.plus(validity);
            if (until.isAfter(root.getNotAfter().toInstant())) {
                until = root.getNotAfter().toInstant();
            }
            if (!until.isAfter(now)) {
                throw new KeyStoreProblem("The organisation's root expired on " + root.getNotAfter().toInstant()
                        + "; it cannot issue certificates. Make a new root (org init in a new folder) and install it everywhere.");
            }
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            name.addRDN(BCStyle.CN, request.name());
            if (!request.assessorNumber().isEmpty()) {
                name.addRDN(BCStyle.SERIALNUMBER, request.assessorNumber());
            }
            name.addRDN(BCStyle.OU, "Independent end-point assessor");
            name.addRDN(BCStyle.O, organisation());
            name.addRDN(BCStyle.C, "GB");
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, new BigInteger(127, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(until), name.build(), request.publicKey());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_emailProtection, KeyPurposeId.id_kp_codeSigning}));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(request.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(root));
            X509Certificate issued = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
            return List.of(issued, root);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new KeyStoreProblem("Could not issue the certificate: " + e.getMessage(), e);
        }
    }

    /** The organisational unit every intake-service certificate names; an assessor's certificate never does. */
    public static final String SERVICE_UNIT = "Intake service";

    /**
     * Issues the organisation's intake service its identity (ADR 13): a certificate for {@code publicKey}
     * naming the service and the host names it answers on, usable for TLS (server authentication) and
     * for signing receipts, never for signing records or packages (no code-signing or e-mail purpose).
     * Returns the chain: the service's certificate, then the root.
     */
    public List<X509Certificate> certifyService(java.security.PublicKey publicKey, List<String> hostNames, Duration validity)
            throws KeyStoreProblem {
        if (hostNames.isEmpty()) {
            throw new KeyStoreProblem("Name at least one host name or address the service answers on (for example "
                    + "intake.example.org).");
        }
        try {
            Instant now = clock.instant();
            Instant until = now.plus(validity);
            if (until.isAfter(root.getNotAfter().toInstant())) {
                until = root.getNotAfter().toInstant();
            }
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            name.addRDN(BCStyle.CN, hostNames.get(0));
            name.addRDN(BCStyle.OU, SERVICE_UNIT);
            name.addRDN(BCStyle.O, organisation());
            name.addRDN(BCStyle.C, "GB");
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, new BigInteger(127, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(until), name.build(), publicKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            org.bouncycastle.asn1.x509.GeneralName[] names = new org.bouncycastle.asn1.x509.GeneralName[hostNames.size()];
            for (int i = 0; i < names.length; i++) {
                String h = hostNames.get(i);
                names[i] = new org.bouncycastle.asn1.x509.GeneralName(h.matches("[0-9.]+|.*:.*")
                        ? org.bouncycastle.asn1.x509.GeneralName.iPAddress : org.bouncycastle.asn1.x509.GeneralName.dNSName, h);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new org.bouncycastle.asn1.x509.GeneralNames(names));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(root));
            X509Certificate issued = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
            return List.of(issued, root);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new KeyStoreProblem("Could not issue the service's certificate: " + e.getMessage(), e);
        }
    }

    /** Whether a certificate is an intake service's (server authentication), not an assessor's. */
    public static boolean isServiceCertificate(X509Certificate cert) {
        try {
            List<String> purposes = cert.getExtendedKeyUsage();
            return purposes != null && purposes.contains(KeyPurposeId.id_kp_serverAuth.getId());
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }
}
