package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
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
 * The visible signature sits under the record's closing heading ("Digital signature of the assessor")
 * on the page that has it, also in a record of several pages whose first note quotes those words.
 */
class SignaturePlacementTest {

    @TempDir
    Path dir;

    @Test
    void theSignatureBoxIsUnderTheClosingHeadingEvenWhenANoteQuotesIt() throws Exception {
        byte[] pdf = recordWithQuotingNote();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            List<float[]> anchors = anchors(doc);
            assertThat(anchors).hasSizeGreaterThanOrEqualTo(2); // the note's quote, and the heading
            float[] heading = anchors.get(anchors.size() - 1);
            assertThat((int) anchors.get(0)[0]).isLessThan((int) heading[0]); // the quote is on an earlier page

            PDAnnotationWidget widget = doc.getSignatureFields().get(0).getWidgets().get(0);
            int page = pageOf(doc, widget);
            assertThat(page).isEqualTo((int) heading[0]);
            PDRectangle r = widget.getRectangle();
            float headingBaselineFromBottom = doc.getPage(page).getMediaBox().getHeight() - heading[2];
            assertThat(r.getUpperRightY()).isBetween(headingBaselineFromBottom - 20, headingBaselineFromBottom);
            assertThat(r.getLowerLeftX()).isCloseTo(heading[1], org.assertj.core.data.Offset.offset(1f));
        }
        assertThat(new PadesVerifier().verify("placed.pdf", pdf).verified()).isTrue();
    }

    static int pageOf(PDDocument doc, PDAnnotationWidget widget) throws IOException {
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            for (var annotation : doc.getPage(i).getAnnotations()) {
                if (annotation.getCOSObject() == widget.getCOSObject()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Every occurrence of the anchor in the document, in order: {page index, x, y from the top}. */
    static List<float[]> anchors(PDDocument doc) throws IOException {
        List<float[]> found = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                int at = text.indexOf(RecordHtml.SIGNATURE_ANCHOR);
                while (at >= 0) {
                    TextPosition p = positions.get(Math.min(at, positions.size() - 1));
                    found.add(new float[] {getCurrentPageNo() - 1, p.getXDirAdj(), p.getYDirAdj()});
                    at = text.indexOf(RecordHtml.SIGNATURE_ANCHOR, at + 1);
                }
                super.writeString(text, positions);
            }
        };
        stripper.setSortByPosition(true);
        stripper.getText(doc);
        return found;
    }

    byte[] recordWithQuotingNote() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open(DataDirectory.at(dir))) {
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
            List<Criterion> criteria = s.live().component().criteria();
            for (Criterion c : criteria) {
                s.perform(l -> l.judge(c.id(), CriterionState.MET));
                String note = c == criteria.get(0)
                        ? RecordHtml.SIGNATURE_ANCHOR + ": the apprentice asked where it goes on a report. "
                        : "";
                s.perform(l -> l.note(c.id(), note + LongRecordTest.longNote(c)));
            }
            sc.advanceMinutes(60);
            s.perform(l -> l.end("placement test"));
            RecordProducer producer = new RecordProducer(plans, sessions, people, new SignedRecords(db),
                    new AssessorKeyStore(dir, clock), clock, ZoneId.of("Europe/London"));
            var identity = producer.unlockOrCreate("placement-password".toCharArray()).identity();
            return producer.signSession(s.id(), identity, null, step -> { }).pdf();
        }
    }
}
