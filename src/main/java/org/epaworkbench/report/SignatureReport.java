package org.epaworkbench.report;

import java.time.Instant;
import java.util.List;

/**
 * What verifying a PDF found. {@code signatureCount} is how many signatures the file has;
 * {@code signatureValid} holds when every one of them is valid; the signer, time and coverage are
 * those of the record's own (first) signature. {@code unchangedSinceSigning} holds only when the
 * signatures are valid and the record's signature covers every byte of the file.
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
        List<String> problems) {

    public SignatureReport {
        problems = List.copyOf(problems);
    }

    public boolean unchangedSinceSigning() {
        return signatureValid && wholeDocumentCovered;
    }

    /** Verified: signed exactly once (as every record is), valid, whole document covered, nothing changed since. */
    public boolean verified() {
        return readable && signed && signatureCount == 1 && unchangedSinceSigning();
    }
}
