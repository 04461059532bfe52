package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.epaworkbench.keys.Certificates;

/** Certificate files as assessors and offices send them to each other: PEM (one or a chain) or DER. */
public final class CertificateFiles {

    private CertificateFiles() {
    }

    /** The (first) certificate in a PEM or DER file. */
    public static X509Certificate read(Path file) throws IOException, CertificateException {
        return Certificates.read(file);
    }

    /** Every certificate in a file: one or more PEM blocks (a chain), or one DER certificate. */
    public static List<X509Certificate> readAll(Path file) throws IOException, CertificateException {
        return Certificates.readAll(file);
    }

    /** A certificate from PEM text. */
    public static X509Certificate fromPem(String pem) throws CertificateException {
        return Certificates.fromPem(pem);
    }

    /** A certificate as PEM text. */
    public static String toPem(X509Certificate certificate) {
        return Certificates.toPem(certificate);
    }

    /** The SHA-256 of a certificate (lower-case hex): how packages and the signer register name it. */
    public static String fingerprint(X509Certificate certificate) {
        return Certificates.fingerprint(certificate);
    }
}
