package org.epaworkbench.record;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSException;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.Cms;

/**
 * Checks a signed PDF independently of how it was made. Every signature in the file is checked:
 * its byte range is well formed, the gap it leaves is exactly the hex string of its /Contents, the
 * CMS inside is followed by nothing but zero padding, the signed bytes are re-digested and the
 * signature checked against the signer's certificate.
 *
 * <p>An EPA Workbench record has exactly one signature, covering the whole file. A file with more
 * than one (a second signature is how a changed document gets signed again, by anyone), or whose
 * signature does not reach the end of the file (bytes added later), is not verified, and says why.
 */
public final class PadesVerifier {

    /** Problem texts quote exception messages at most this long. */
    static final int MAX_DETAIL = 120;

    /** What checking one signature found. */
    private record Checked(boolean valid, boolean whole, String subFilter, String signer, String organisation,
            String fingerprint, Instant signedAt, X509Certificate certificate, List<X509Certificate> certificates) {
        Checked(boolean valid, boolean whole, String subFilter, String signer, String organisation, String fingerprint,
                Instant signedAt) {
            this(valid, whole, subFilter, signer, organisation, fingerprint, signedAt, null, List.of());
        }
    }

    public SignatureReport verify(String name, byte[] pdf) {
        List<String> problems = new ArrayList<>();
        List<PDSignature> signatures;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            signatures = new ArrayList<>(doc.getSignatureDictionaries());
        } catch (IOException | RuntimeException e) {
            problems.add("Not a readable PDF: " + printable(e.getMessage()));
            return new SignatureReport(name, false, false, 0, false, false, null, null, null, null, null, problems);
        }
        if (signatures.isEmpty()) {
            problems.add("The file has no digital signature.");
            return new SignatureReport(name, true, false, 0, false, false, null, null, null, null, null, problems);
        }
        // the record's own signature is the one covering the least of the file: later ones sign later revisions
        signatures.sort(Comparator.comparingLong(PadesVerifier::coveredEnd));
        int count = signatures.size();
        if (count > 1) {
            problems.add("The file has " + count + " signatures. An EPA Workbench record has exactly one: another "
                    + "signature means the document was changed and signed again after the record was signed.");
        }
        Checked record = null;
        boolean allValid = true;
        for (int i = 0; i < count; i++) {
            String prefix = count == 1 ? "" : "Signature " + (i + 1) + " of " + count + ": ";
            Checked c = check(signatures.get(i), pdf, prefix, problems);
            allValid &= c.valid();
            if (i == 0) {
                record = c;
            }
        }
        return new SignatureReport(name, true, true, count, allValid, record.whole(), record.subFilter(), record.signer(),
                record.organisation(), record.fingerprint(), record.signedAt(), problems, record.certificate(),
                record.certificates());
    }

    private static long coveredEnd(PDSignature s) {
        int[] r = s.getByteRange();
        return r == null || r.length != 4 ? Long.MAX_VALUE : (long) r[2] + r[3];
    }

    private static Checked check(PDSignature signature, byte[] pdf, String prefix, List<String> problems) {
        String subFilter = signature.getSubFilter();
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter)) {
            problems.add(prefix + "Signature format is " + printable(subFilter) + ", not ETSI.CAdES.detached (PAdES).");
        }
        Instant signedAt = null;
        try {
            signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        } catch (RuntimeException e) {
            problems.add(prefix + "The signing time cannot be read.");
        }
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0
                || (long) range[2] + range[3] > pdf.length) {
            problems.add(prefix + (range == null ? "The signature has no byte range."
                    : "The signature's byte range " + Arrays.toString(range) + " does not fit the file (" + pdf.length
                    + " bytes)."));
            return new Checked(false, false, subFilter, null, null, null, signedAt);
        }
        boolean whole = (long) range[2] + range[3] == pdf.length;
        if (!whole) {
            problems.add(prefix + "The signature does not cover the whole file (byte range " + Arrays.toString(range)
                    + ", file " + pdf.length + " bytes): bytes were added or changed after signing.");
        }
        byte[] contents = hexGap(pdf, range[1], range[2]);
        if (contents == null) {
            problems.add(prefix + "The signature's contents are not a plain hex string in upper case, as the app writes it: "
                    + "the file was changed after signing.");
            return new Checked(false, whole, subFilter, null, null, null, signedAt);
        }
        byte[] stored = null;
        try {
            stored = signature.getContents();
        } catch (RuntimeException e) {
            // handled below: no contents to compare
        }
        if (stored == null || !Arrays.equals(stored, contents)) {
            problems.add(prefix + "The signature's byte range does not point at its contents.");
            return new Checked(false, whole, subFilter, null, null, null, signedAt);
        }
        byte[] signedContent = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signedContent, 0, range[1]);
        System.arraycopy(pdf, range[2], signedContent, range[1], range[3]);

        String signer = null;
        String organisation = null;
        String fingerprint = null;
        boolean valid = false;
        X509Certificate certificate = null;
        List<X509Certificate> certificates = List.of();
        try {
            int length = Cms.objectLength(contents);
            for (int i = length; i < contents.length; i++) {
                if (contents[i] != 0) {
                    problems.add(prefix + "The padding after the signature holds other bytes than zeros (at byte " + i
                            + " of " + contents.length + "): the file was changed after signing.");
                    return new Checked(false, whole, subFilter, null, null, null, signedAt);
                }
            }
            Cms.Verified v = Cms.verifyDetached(Arrays.copyOf(contents, length), signedContent);
            signer = Certificates.commonName(v.signer());
            organisation = Certificates.attribute(v.signer().getSubjectX500Principal(), "O");
            fingerprint = Certificates.fingerprint(v.signer());
            valid = v.ok();
            certificate = v.signer();
            certificates = v.certificates();
            if (!v.valid()) {
                problems.add(prefix + "The signature does not match the document: it was changed after signing.");
            }
            if (!v.signingCertificateMatches()) {
                problems.add(prefix + "The signing-certificate-v2 attribute is missing or names another certificate.");
            }
        } catch (CMSException e) {
            problems.add(prefix + "The signature does not match the document: " + printable(e.getMessage()));
        } catch (IOException | GeneralSecurityException e) {
            problems.add(prefix + "The signature cannot be read: " + printable(e.getMessage()));
        } catch (RuntimeException e) {
            problems.add(prefix + "The signature is malformed: " + printable(e.getMessage()));
        }
        return new Checked(valid, whole, subFilter, signer, organisation, fingerprint, signedAt, certificate, certificates);
    }

    /**
     * The bytes of the hex string that fills the gap between the signed ranges, {@code <...>} and
     * nothing else (no spaces, no other characters, its letters in upper case as the app writes
     * them), or null. The gap is the one part of the file the signature cannot cover, so it must hold
     * exactly one way of writing the signature: a letter whose case was changed is a changed byte too,
     * and so is every letter written in lower case.
     */
    static byte[] hexGap(byte[] pdf, int from, int to) {
        int digits = to - from - 2;
        if (digits < 2 || digits % 2 != 0 || pdf[from] != '<' || pdf[to - 1] != '>') {
            return null;
        }
        boolean lower = false;
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < digits; i++) {
            byte b = pdf[from + 1 + i];
            int v;
            if (b >= '0' && b <= '9') {
                v = b - '0';
            } else if (b >= 'A' && b <= 'F') {
                v = b - 'A' + 10;
            } else if (b >= 'a' && b <= 'f') {
                v = b - 'a' + 10;
                lower = true;
            } else {
                return null;
            }
            out[i / 2] |= (byte) (i % 2 == 0 ? v << 4 : v);
        }
        return lower ? null : out;
    }

    /**
     * An exception's message made fit to show: libraries sometimes quote the bytes they choked on,
     * so anything but printable ASCII becomes a space, runs of spaces one, and the text is cut short.
     */
    static String printable(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                s.append(c);
            } else if (s.length() > 0 && s.charAt(s.length() - 1) != ' ') {
                s.append(' ');
            }
        }
        String text = s.toString().strip();
        if (text.isEmpty()) {
            return "no details";
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL).strip() + "...";
    }
}
