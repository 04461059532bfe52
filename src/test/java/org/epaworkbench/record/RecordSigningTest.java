package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SignedRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Sample sessions rendered and signed; the signature verifies, and any change is caught. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordSigningTest {

    static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    static Path dir;
    Database db;
    RecordProducer producer;
    SampleDataMaker.Made made;
    AssessorKeyStore keys;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    void setUp() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, clock), new ArrayList<>());
        PeopleStore people = new PeopleStore(db, clock);
        SessionStore sessions = new SessionStore(db);
        made = new SampleDataMaker(plans, people, sessions, clock).make();
        keys = new AssessorKeyStore(dir, clock);
        producer = new RecordProducer(plans, sessions, people, new SignedRecords(db), keys, clock, ZoneId.of("Europe/London"));
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    RecordProducer.Produced signObservation() throws Exception {
        var identity = producer.unlockOrCreate(PASSWORD).identity();
        return producer.signSession(made.sessionIds().get(2), identity, null, step -> { });
    }

    @Test
    void aSignedRecordVerifiesAndCoversTheWholeDocument() throws Exception {
        RecordProducer.Produced p = signObservation();
        SignatureReport report = new PadesVerifier().verify("record.pdf", p.pdf());
        assertThat(report.problems()).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(report.wholeDocumentCovered()).isTrue();
        assertThat(report.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(report.signer()).isEqualTo("Sam Assessor (sample)");
        assertThat(report.signingTime()).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(Files.readAllBytes(p.file())).isEqualTo(p.pdf());
        assertThat(new String(Files.readAllBytes(keys.keystoreFile()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("BEGIN PRIVATE KEY");
    }

    @Test
    void oneChangedByteIsCaught() throws Exception {
        byte[] pdf = signObservation().pdf().clone();
        // change one byte inside the signed range, in the page content rather than the structure
        int at = pdf.length / 3;
        pdf[at] = (byte) (pdf[at] ^ 0x01);
        SignatureReport report = new PadesVerifier().verify("tampered.pdf", pdf);
        assertThat(report.verified()).isFalse();
    }

    @Test
    void bytesAddedAfterSigningAreCaught() throws Exception {
        byte[] pdf = signObservation().pdf();
        byte[] longer = java.util.Arrays.copyOf(pdf, pdf.length + 12);
        System.arraycopy("%%added-EOF\n".getBytes(), 0, longer, pdf.length, 12);
        SignatureReport report = new PadesVerifier().verify("appended.pdf", longer);
        assertThat(report.wholeDocumentCovered()).isFalse();
        assertThat(report.verified()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("does not cover the whole file"));
    }

    @Test
    void aWrongPasswordIsAClearError() throws Exception {
        producer.unlockOrCreate(PASSWORD);
        assertThatThrownBy(() -> keys.unlock("wrong password".toCharArray()))
                .isInstanceOf(KeyStoreProblem.class)
                .hasMessageContaining("Wrong keystore password");
    }

    @Test
    void theRecordHoldsWhatTheIssueAsksForAsSelectableText() throws Exception {
        byte[] pdf = signObservation().pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Highfield Assessment", "ST0071", "highfield-css-l3", "Jordan Taylor (sample)",
                    "9182736455", "Sam Assessor (sample)", "Face to face", "Employee ID card", "Questioning time",
                    "8:50 used of a limit of 9:00", "Pauses", "card details", "S2.3", "Demonstrates through advanced",
                    "Not arisen", "Component grade", "Pass", "Amendments", "Declarations", "SAMPLE DATA",
                    "Page 1 of", RecordHtml.SIGNATURE_ANCHOR);
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void theOverallResultNeedsEveryComponentAndSaysTheGrade() throws Exception {
        var identity = producer.unlockOrCreate(PASSWORD).identity();
        RecordProducer.Produced p = producer.signOverall(made.apprenticeId(), identity, null, s -> { });
        assertThat(new PadesVerifier().verify("overall.pdf", p.pdf()).verified()).isTrue();
        try (PDDocument doc = Loader.loadPDF(p.pdf())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Overall grade", "Pass", "Work-based project");
        }
    }

    @Test
    void anUnfinishedEpaHasNoOverallResult() {
        assertThatThrownBy(() -> producer.overall("no-such-apprentice")).hasMessageContaining("There is no apprentice");
    }

    List<String> unused() {
        return List.of();
    }
}
