package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.people.AssessorProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed record refuses every changed byte: in the signed ranges (the digest), in the signature
 * itself (its structure, every field the signature does not protect, the case of its hex digits),
 * and in any padding after it. A record signed again after a change, by any key, is not verified.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureTamperingTest {

    @TempDir
    static Path dir;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    SigningIdentity assessor;
    SigningIdentity other;
    byte[] record;

    @BeforeAll
    void sign() throws Exception {
        assessor = identity(dir.resolve("assessor"), new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
        other = identity(dir.resolve("other"), new AssessorProfile("Robin Other", "EPA-000999", "Elsewhere Assessment", false));
        record = smallRecord(new PadesSigner(), assessor);
    }

    static SigningIdentity identity(Path folder, AssessorProfile profile) throws Exception {
        AssessorKeyStore keys = new AssessorKeyStore(folder, CLOCK);
        keys.create(profile, "tamper-test-password".toCharArray());
        return keys.unlock("tamper-test-password".toCharArray());
    }

    static byte[] smallRecord(PadesSigner signer, SigningIdentity identity) throws Exception {
        byte[] pdf = new PdfRenderer().render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>"
                + "body { font-family: 'DejaVu Sans'; }</style></head><body><h1>Record</h1><p>Observation: pass.</p>"
                + "<h3>" + RecordHtml.SIGNATURE_ANCHOR + "</h3></body></html>");
        return signer.sign(pdf, identity, new SignatureLook(null, "Record", "Test", RecordHtml.SIGNATURE_ANCHOR),
                CLOCK.instant(), ZoneId.of("UTC"));
    }

    /** Where the signature's hex string is: the index of its '<' and of its '>'. */
    static int[] contents(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int lt = s.indexOf("/Contents <") + "/Contents ".length();
        return new int[] {lt, s.indexOf('>', lt)};
    }

    @Test
    void theRecordVerifiesAndItsSignatureFillsItsRoomExactly() throws Exception {
        SignatureReport r = new PadesVerifier().verify("record.pdf", record);
        assertThat(r.problems()).isEmpty();
        assertThat(r.verified()).isTrue();
        assertThat(r.signatureCount()).isEqualTo(1);
        int[] c = contents(record);
        byte[] cms = PadesVerifier.hexGap(record, c[0], c[1] + 1);
        assertThat(cms).isNotNull();
        assertThat(Cms.objectLength(cms)).as("no padding after the signature").isEqualTo(cms.length);
        assertThat(cms.length).isLessThan(4_000);
    }

    @Test
    void everyByteOfTheSignatureChangedIsRefused() {
        int[] c = contents(record);
        List<String> accepted = new ArrayList<>();
        PadesVerifier verifier = new PadesVerifier();
        for (int at = c[0]; at <= c[1]; at++) {
            // every bit position gets used across the hex string, including 0x20 (a hex letter's case)
            int mask = 1 << (at % 8);
            byte[] changed = record.clone();
            changed[at] ^= (byte) mask;
            if (verifier.verify("changed.pdf", changed).verified()) {
                accepted.add(at + "^" + mask);
            }
        }
        assertThat(accepted).as("changed bytes in the signature that still verified").isEmpty();
    }

    @Test
    void aSampleOfOtherChangedBytesIsRefused() {
        int[] c = contents(record);
        Random random = new Random(20261123L);
        List<String> accepted = new ArrayList<>();
        PadesVerifier verifier = new PadesVerifier();
        for (int i = 0; i < 2_000; i++) {
            int at = random.nextInt(record.length);
            if (at >= c[0] && at <= c[1]) {
                continue;
            }
            int mask = 1 + random.nextInt(255);
            byte[] changed = record.clone();
            changed[at] ^= (byte) mask;
            if (verifier.verify("changed.pdf", changed).verified()) {
                accepted.add(at + "^" + mask);
            }
        }
        assertThat(accepted).as("changed bytes that still verified").isEmpty();
    }

    @Test
    void aChangedByteInThePaddingIsRefused() throws Exception {
        // records have no padding now; one signed with room to spare shows the padding is checked
        byte[] padded = smallRecord(new PadesSigner(64), assessor);
        assertThat(new PadesVerifier().verify("padded.pdf", padded).verified()).isTrue();
        int[] c = contents(padded);
        for (int at = c[1] - 128; at < c[1]; at++) {
            byte[] changed = padded.clone();
            changed[at] = '1';
            SignatureReport r = new PadesVerifier().verify("changed.pdf", changed);
            assertThat(r.verified()).as("padding changed at %d", at).isFalse();
            assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("padding"));
        }
    }

    @Test
    void aRecordChangedAndSignedAgainByAnotherKeyIsNotVerified() throws Exception {
        byte[] changed;
        try (PDDocument doc = Loader.loadPDF(record)) {
            doc.getDocumentInformation().setTitle("Observation: distinction");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            changed = out.toByteArray();
        }
        byte[] resigned = new PadesSigner().sign(changed, other, new SignatureLook(null, "Re-signed", "Elsewhere",
                RecordHtml.SIGNATURE_ANCHOR), CLOCK.instant(), ZoneId.of("UTC"));
        SignatureReport r = new PadesVerifier().verify("resigned.pdf", resigned);
        assertThat(r.signatureCount()).isEqualTo(2);
        assertThat(r.signatureValid()).as("each signature is valid in itself").isTrue();
        assertThat(r.verified()).isFalse();
        assertThat(r.wholeDocumentCovered()).isFalse();
        assertThat(r.signer()).as("the record's own signer is reported").isEqualTo("Sam Assessor");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("2 signatures").contains("exactly one"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("does not cover the whole file"));
    }

    @Test
    void aSignatureThatCannotBeParsedIsExplainedInOneShortPrintableLine() {
        int[] c = contents(record);
        String raw = "30ZZ\u0001\u0002 stream\nendstream \u00ff\u00fe obj <</Type /Sig>>";
        List<byte[]> garbage = List.of(
                // raw bytes in place of hex digits: PDFBox's hex parser quotes the whole string in its message
                raw.getBytes(StandardCharsets.ISO_8859_1),
                // hex, but of something that is not a signature
                java.util.HexFormat.of().withUpperCase().formatHex(raw.getBytes(StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.US_ASCII),
                "3082FFFF".getBytes(StandardCharsets.US_ASCII));
        for (byte[] g : garbage) {
            byte[] changed = record.clone();
            System.arraycopy(g, 0, changed, c[0] + 1, g.length);
            SignatureReport r = new PadesVerifier().verify("garbage.pdf", changed);
            assertThat(r.verified()).isFalse();
            assertThat(r.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.length()).isLessThan(220);
                assertThat(p.chars().allMatch(ch -> ch >= 0x20 && ch != 0x7f && ch < 0xfffd)).as(p).isTrue();
                assertThat(p).doesNotContain("\n").doesNotContain("endstream");
            });
        }
        assertThat(PadesVerifier.printable("bad \u0000\u0001 bytes\n\u00ffhere " + "x".repeat(500)))
                .startsWith("bad bytes here x").endsWith("...").hasSizeLessThanOrEqualTo(PadesVerifier.MAX_DETAIL + 3);
    }
}
