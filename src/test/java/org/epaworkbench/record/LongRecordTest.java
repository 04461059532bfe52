package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SignedRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest record a component produces, every criterion with a long note, paginates without
 * losing anything; and the independent checker (poppler's pdfsig) agrees about its signature.
 */
class LongRecordTest {

    @TempDir
    Path dir;

    static String longNote(Criterion c) {
        String base = "Observed " + c.code() + " in full: the apprentice dealt with a returning customer whose order "
                + "arrived damaged, explained the options, checked the account history and agreed a replacement with a "
                + "delivery slot that suited the customer, then recorded the outcome and briefed a colleague. ";
        StringBuilder s = new StringBuilder(base);
        while (s.length() < 500) {
            s.append(base);
        }
        return s.substring(0, 500).strip() + " [end " + c.code() + "]";
    }

    RecordProducer.Produced largestRecord(Path data) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        Database db = Database.open(DataDirectory.at(data));
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, clock), new ArrayList<>());
        PeopleStore people = new PeopleStore(db, clock);
        SessionStore sessions = new SessionStore(db);
        people.saveAssessor(new AssessorProfile("Alex Morgan", "EPA-4411", "Highfield Assessment", false));
        Apprentice a = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);
        people.save(a);
        AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
        ManualClock sc = new ManualClock(Instant.parse("2026-11-20T09:00:00Z"));
        RecordedSession s = RecordedSession.create(sessions, plan, new SessionDetails(a.id(), plan.id(), plan.version(),
                "wbp-interview", AttemptKind.FIRST, AssessmentMode.REMOTE_VIDEO, "Video call", "Passport"), sc,
                SessionSettings.DEFAULT, false);
        s.perform(l -> l.start());
        for (int i = 1; i <= 10; i++) {
            int n = i;
            s.perform(l -> l.askQuestion("Competency question " + n + " about the project's recommendations", null));
            sc.advanceMinutes(5);
        }
        for (Criterion c : s.live().component().criteria()) {
            s.perform(l -> l.judge(c.id(), CriterionState.MET));
            s.perform(l -> l.note(c.id(), longNote(c)));
            s.perform(l -> l.evidence(c.id(), "Project annex " + c.code()));
        }
        sc.advanceMinutes(8);
        s.perform(l -> l.end(null));
        RecordProducer producer = new RecordProducer(plans, sessions, people, new SignedRecords(db),
                new AssessorKeyStore(data, clock), clock, ZoneId.of("Europe/London"));
        var identity = producer.unlockOrCreate("long-record-password".toCharArray()).identity();
        RecordProducer.Produced p = producer.signSession(s.id(), identity, null, step -> { });
        db.close();
        return p;
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void everyCriterionAndEveryLongNoteIsInTheRecord() throws Exception {
        RecordProducer.Produced p = largestRecord(dir);
        AssessmentPlan plan = PlanLibrary.builtInPlans(new PlanPackReader()).get(0);
        try (PDDocument doc = Loader.loadPDF(p.pdf())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(4);
            String text = collapse(new PDFTextStripper().getText(doc));
            for (Criterion c : plan.component("wbp-interview").orElseThrow().criteria()) {
                assertThat(text).contains(collapse(c.text()).substring(0, 60));
                assertThat(text).contains("[end " + c.code() + "]");
                assertThat(text).contains("Project annex " + c.code());
            }
            for (int i = 1; i <= 10; i++) {
                assertThat(text).contains("Competency question " + i + " about");
            }
            assertThat(text).contains("Page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages());
        }
        assertThat(p.pdf().length).isLessThan(300 * 1024);
        assertThat(new PadesVerifier().verify("long.pdf", p.pdf()).verified()).isTrue();
    }

    @Test
    void popplersPdfsigAgreesAndCatchesAChangedByte() throws Exception {
        assumeTrue(pdfsigAvailable(), "pdfsig (poppler-utils) is not installed here; .ci/run installs it");
        RecordProducer.Produced p = largestRecord(dir);
        Path good = dir.resolve("good.pdf");
        Files.write(good, p.pdf());
        String report = pdfsig(good);
        assertThat(report).contains("Signature is Valid.").contains("Total document signed");

        byte[] tampered = p.pdf().clone();
        int at = tampered.length / 4;
        tampered[at] = (byte) (tampered[at] ^ 0x20);
        Path bad = dir.resolve("bad.pdf");
        Files.write(bad, tampered);
        assertThat(pdfsig(bad)).doesNotContain("Signature is Valid.");
        assertThat(new PadesVerifier().verify("bad.pdf", tampered).verified()).isFalse();
    }

    static boolean pdfsigAvailable() {
        try {
            Process p = new ProcessBuilder("pdfsig", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String pdfsig(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
