package org.epaworkbench.keys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reading, writing and describing X.509 certificates. */
public final class Certificates {

    private Certificates() {
    }

    /** SHA-256 of the DER encoding, as lower-case hex: how packages and the register name a certificate. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /**
     * SHA-256 of the certificate's public key (its DER SubjectPublicKeyInfo), as lower-case hex: how a
     * session's first event names the key that owns it. It stays the same when the organisation
     * certifies the same key again, so a session keeps its owner across a new certificate.
     */
    public static String publicKeyFingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a public key", e);
        }
    }

    public static String toPem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate fromPem(String pem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A certificate file as assessors send it: PEM, or DER. */
    public static X509Certificate read(java.nio.file.Path file) throws java.io.IOException, CertificateException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        return text.contains("-----BEGIN CERTIFICATE-----") ? fromPem(text.substring(text.indexOf("-----BEGIN CERTIFICATE-----")))
                : fromBytes(bytes);
    }

    /** Every certificate in a file: one or more PEM blocks (a chain), or one DER certificate. */
    public static java.util.List<X509Certificate> readAll(java.nio.file.Path file) throws java.io.IOException, CertificateException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.util.List<X509Certificate> all = new java.util.ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
            all.add((X509Certificate) c);
        }
        if (all.isEmpty()) {
            throw new CertificateException("no certificate in the file");
        }
        return all;
    }

    public static X509Certificate fromBytes(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** "Sam Assessor, Highfield Assessment, assessor number EPA-000123": the subject in words. */
    public static String describe(X509Certificate cert) {
        X500Principal p = cert.getSubjectX500Principal();
        StringBuilder s = new StringBuilder(commonName(cert));
        String o = attribute(p, "O");
        if (!o.isEmpty()) {
            s.append(", ").append(o);
        }
        String number = attribute(p, "SERIALNUMBER");
        if (!number.isEmpty()) {
            s.append(", assessor number ").append(number);
        }
        return s.toString();
    }

    /** The certificate holder's common name, e.g. "Sam Assessor". */
    public static String commonName(X509Certificate cert) {
        return attribute(cert.getSubjectX500Principal(), "CN");
    }

    public static String attribute(X500Principal principal, String name) {
        X500Name x500 = X500Name.getInstance(principal.getEncoded());
        RDN[] rdns = x500.getRDNs(BCStyle.INSTANCE.attrNameToOID(name));
        return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
