package org.epaworkbench.report;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSException;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.Cms;
/**
 * Checks a signed PDF independently of how it was made: the signature's CMS is parsed, the signed
 * byte ranges re-digested, the signature checked against the signer's certificate, and the byte
 * ranges compared with the file's length (a signature that does not reach the end of the file
 * leaves later changes uncovered).
 */
public final class PadesVerifier {

    public SignatureReport verify(String name, byte[] pdf) {
        List<String> problems = new ArrayList<>();
        PDSignature signature;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                problems.add("The file has no digital signature.");
                return new SignatureReport(name, true, false, false, false, null, null, null, null, null, problems);
            }
            if (signatures.size() > 1) {
                problems.add("The file has " + signatures.size() + " signatures; the last one is checked.");
            }
            signature = signatures.get(signatures.size() - 1);
        } catch (IOException e) {
            problems.add("Not a readable PDF: " + e.getMessage());
            return new SignatureReport(name, false, false, false, false, null, null, null, null, null, problems);
        }

        int[] range = signature.getByteRange();
        boolean whole = range != null && range.length == 4 && range[0] == 0
                && (long) range[2] + range[3] == pdf.length && range[1] < range[2];
        if (!whole) {
            problems.add(range == null ? "The signature has no byte range."
                    : "The signature does not cover the whole file (byte range " + Arrays.toString(range) + ", file "
                    + pdf.length + " bytes): bytes were added or changed after signing.");
        }
        String subFilter = signature.getSubFilter();
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter)) {
            problems.add("Signature format is " + subFilter + ", not ETSI.CAdES.detached (PAdES).");
        }
        Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();

        String signer = null;
        String organisation = null;
        String fingerprint = null;
        boolean valid = false;
        try {
            Cms.Verified v = Cms.verifyDetached(signature.getContents(pdf), signature.getSignedContent(pdf));
            signer = Certificates.commonName(v.signer());
            organisation = Certificates.attribute(v.signer().getSubjectX500Principal(), "O");
            fingerprint = Certificates.fingerprint(v.signer());
            valid = v.ok();
            if (!v.valid()) {
                problems.add("The signature does not match the document: it was changed after signing.");
            }
            if (!v.signingCertificateMatches()) {
                problems.add("The signing-certificate-v2 attribute is missing or names another certificate.");
            }
        } catch (CMSException e) {
            problems.add("The signature does not match the document: " + e.getMessage());
        } catch (IOException | GeneralSecurityException e) {
            problems.add("The signature cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            problems.add("The signature is malformed: " + e.getMessage());
        }
        return new SignatureReport(name, true, true, valid, whole, subFilter, signer, organisation, fingerprint, signedAt,
                problems);
    }

}
