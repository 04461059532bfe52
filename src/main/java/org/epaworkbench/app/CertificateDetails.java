package org.epaworkbench.app;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.epaworkbench.keys.Certificates;

/**
 * A certificate in words, as screens and commands show it: who holds it ("Sam Assessor, Highfield
 * Assessment, assessor number EPA-000123"), who issued it, whether it is self-signed, when it is valid,
 * and its SHA-256 fingerprints (of the certificate, and of its public key: how a session names its owner).
 */
public record CertificateDetails(String holder, String commonName, String organisation, String issuer, boolean selfSigned,
        Instant validFrom, Instant validUntil, String fingerprint, String publicKeyFingerprint) {

    /** The details of {@code certificate}. */
    public static CertificateDetails of(X509Certificate certificate) {
        return new CertificateDetails(Certificates.describe(certificate), Certificates.commonName(certificate),
                Certificates.attribute(certificate.getSubjectX500Principal(), "O"),
                Certificates.attribute(certificate.getIssuerX500Principal(), "CN"),
                certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                Certificates.fingerprint(certificate), Certificates.publicKeyFingerprint(certificate));
    }
}
