package org.epaworkbench.record;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What verifying a PDF found. {@code signatureCount} is how many signatures the file has;
 * {@code signatureValid} holds when every one of them is valid; the signer, time and coverage are
 * those of the record's own (first) signature. {@code unchangedSinceSigning} holds only when the
 * signatures are valid and the record's signature covers every byte of the file.
 *
 * <p>{@link #verified()} says the file is intact: it does not say who is trusted. The signer's
 * certificate and the certificates the signature carries are here for that decision, which is made
 * against the organisation roots and signer register of a data folder (see {@code SignerTrust}).
 */
public record SignatureReport(
        String file,
        boolean readable,
        boolean signed,
        int signatureCount,
        boolean signatureValid,
        boolean wholeDocumentCovered,
        String subFilter,
        String signer,
        String signerOrganisation,
        String certificateFingerprint,
        Instant signingTime,
        List<String> problems,
        X509Certificate signerCertificate,
        List<X509Certificate> certificates) {

    public SignatureReport {
        problems = List.copyOf(problems);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    /** A report without the certificates (the file could not be read, or has no signature). */
    public SignatureReport(String file, boolean readable, boolean signed, int signatureCount, boolean signatureValid,
            boolean wholeDocumentCovered, String subFilter, String signer, String signerOrganisation,
            String certificateFingerprint, Instant signingTime, List<String> problems) {
        this(file, readable, signed, signatureCount, signatureValid, wholeDocumentCovered, subFilter, signer,
                signerOrganisation, certificateFingerprint, signingTime, problems, null, List.of());
    }

    public boolean unchangedSinceSigning() {
        return signatureValid && wholeDocumentCovered;
    }

    /** Verified: signed exactly once (as every record is), valid, whole document covered, nothing changed since. */
    public boolean verified() {
        return readable && signed && signatureCount == 1 && unchangedSinceSigning();
    }
}
