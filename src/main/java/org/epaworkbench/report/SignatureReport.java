package org.epaworkbench.report;

import java.time.Instant;
import java.util.List;

/**
 * What verifying a PDF found. {@code unchangedSinceSigning} holds only when the signature is valid
 * and covers every byte of the file.
 */
public record SignatureReport(
        String file,
        boolean readable,
        boolean signed,
        boolean signatureValid,
        boolean wholeDocumentCovered,
        String subFilter,
        String signer,
        String signerOrganisation,
        String certificateFingerprint,
        Instant signingTime,
        List<String> problems) {

    public SignatureReport {
        problems = List.copyOf(problems);
    }

    public boolean unchangedSinceSigning() {
        return signatureValid && wholeDocumentCovered;
    }

    /** Verified: signed, valid, whole document covered, nothing changed since. */
    public boolean verified() {
        return readable && signed && unchangedSinceSigning();
    }
}
