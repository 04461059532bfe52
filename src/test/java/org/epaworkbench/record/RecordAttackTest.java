package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.people.AssessorProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on a signed record beyond {@link SignatureTamperingTest} and {@link CanonicalSignatureTest}: an incremental
 * update after signing that draws "DISTINCTION" over the page (no second signature), bytes appended after the end, a
 * changed /ByteRange, and the same attack seen through {@code verify}: NOT VERIFIED, exit code not 0, the reason in
 * words, no stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordAttackTest {

    @TempDir
    static Path dir;
    SigningIdentity assessor;
    byte[] record;

    @BeforeAll
    void sign() throws Exception {
        assessor = SignatureTamperingTest.identity(dir.resolve("assessor"),
                new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
        record = SignatureTamperingTest.smallRecord(new PadesSigner(), assessor);
        assertThat(new PadesVerifier().verify("record.pdf", record).verified()).isTrue();
    }

    /** The record with "DISTINCTION" drawn over its first page in an incremental update: the signed bytes untouched. */
    byte[] overdrawn() throws Exception {
        try (PDDocument doc = Loader.loadPDF(record)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 36);
                s.newLineAtOffset(100, 400);
                s.showText("DISTINCTION");
                s.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    @Test
    void anIncrementalUpdateAfterSigningIsNotVerified() throws Exception {
        byte[] changed = overdrawn();
        assertThat(changed.length).isGreaterThan(record.length);
        assertThat(java.util.Arrays.copyOf(changed, record.length)).as("the signed revision is untouched").isEqualTo(record);
        SignatureReport r = new PadesVerifier().verify("changed.pdf", changed);
        assertThat(r.signatureValid()).as("the signature itself still checks").isTrue();
        assertThat(r.verified()).isFalse();
        assertThat(r.wholeDocumentCovered()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("does not cover the whole file"));
    }

    @Test
    void bytesAppendedAfterTheEndAreNotVerified() throws Exception {
        byte[] tail = "\n% DISTINCTION\n".getBytes(StandardCharsets.US_ASCII);
        byte[] appended = new byte[record.length + tail.length];
        System.arraycopy(record, 0, appended, 0, record.length);
        System.arraycopy(tail, 0, appended, record.length, tail.length);
        SignatureReport r = new PadesVerifier().verify("appended.pdf", appended);
        assertThat(r.verified()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("does not cover the whole file"));
    }

    @Test
    void aChangedByteRangeIsNotVerified() throws Exception {
        String s = new String(record, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("/ByteRange [0 ") + "/ByteRange [0 ".length();
        assertThat(at).isGreaterThan(20);
        byte[] changed = record.clone();
        // one fewer signed byte before the signature: the digit before the space changes
        int end = s.indexOf(' ', at);
        changed[end - 1] = (byte) (changed[end - 1] == '0' ? '1' : changed[end - 1] - 1);
        SignatureReport r = new PadesVerifier().verify("byterange.pdf", changed);
        assertThat(r.verified()).isFalse();
        assertThat(r.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotContain("Exception").doesNotContain("\tat "));
    }

    @Test
    void verifySaysNotVerifiedForTheOverdrawnRecordInWords() throws Exception {
        Path file = dir.resolve("overdrawn.pdf");
        Files.write(file, overdrawn());
        CliRunner.Run run = new CliRunner(dir.resolve("office")).run("verify", file.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).contains("NOT VERIFIED").contains("does not cover the whole file");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
