package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
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
 * The criteria table keeps its columns on the page whatever the notes hold (a long unbroken file
 * name wraps inside its column), and a theme's heading row is never left alone at the foot of a page.
 */
class RecordLayoutTest {

    /** An 80-character file name with no hyphen or space to break at: one unbroken word. */
    static final String LONG_NAME = "CustomerComplaintCallRecording_20261120_HarbourFoods_EscalationToTeamLeader.wav";

    @TempDir
    Path dir;

    /** An observation where one criterion's note cites a long file name and every criterion is judged. */
    byte[] observationWithLongToken(int notesPerCriterion) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open(DataDirectory.at(dir.resolve("data-" + notesPerCriterion)))) {
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
                    "observation", AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Harbour Foods contact centre", "Passport"),
                    sc, SessionSettings.DEFAULT, false);
            s.perform(l -> l.start());
            List<Criterion> criteria = s.live().component().criteria();
            for (int i = 0; i < criteria.size(); i++) {
                Criterion c = criteria.get(i);
                s.perform(l -> l.judge(c.id(), CriterionState.MET));
                for (int n = 0; n < (i == 1 ? notesPerCriterion * 8 : notesPerCriterion); n++) {
                    String text = i == 0 && n == 0 ? "Evidence in " + LONG_NAME + " and the call log."
                            : "Observed " + c.code() + " dealing with a customer calmly and accurately, note " + (n + 1) + ".";
                    s.perform(l -> l.note(c.id(), text));
                }
            }
            sc.advanceMinutes(60);
            s.perform(l -> l.end(null));
            RecordProducer producer = new RecordProducer(plans, sessions, people, new SignedRecords(db),
                    new AssessorKeyStore(dir, clock), clock, ZoneId.of("Europe/London"));
            return producer.renderSession(s.id());
        }
    }

    /** Every glyph of every page, with its page. */
    record Glyph(int page, String text, float x, float right, float y, float pageWidth, float pageHeight) {
    }

    static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        out.add(new Glyph(getCurrentPageNo(), p.getUnicode(), p.getXDirAdj(), p.getXDirAdj() + p.getWidthDirAdj(),
                                p.getYDirAdj(), p.getPageWidth(), p.getPageHeight()));
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.setSortByPosition(false);
            stripper.getText(doc);
        }
        return out;
    }

    static void keep(String name, byte[] pdf) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name), pdf);
    }

    @Test
    void aLongUnbrokenWordInANoteStaysInsideItsColumnAndThePage() throws Exception {
        byte[] pdf = observationWithLongToken(1);
        keep("record-long-token.pdf", pdf);
        List<Glyph> glyphs = glyphs(pdf);
        float rightMargin = 15 / 25.4f * 72; // the page's 15 mm margin
        List<Glyph> outside = glyphs.stream().filter(g -> g.right() > g.pageWidth() - rightMargin + 1).toList();
        assertThat(outside).as("text beyond the right margin").isEmpty();
        // the criteria table's headings and the first criterion's judgement are on its page
        String all = java.text.Normalizer.normalize(String.join("", glyphs.stream().map(Glyph::text).toList()),
                java.text.Normalizer.Form.NFKC);
        assertThat(all).contains("Code", "Criterion, notes and evidence", "Level", "Judgement");
        int pages = glyphs.stream().mapToInt(Glyph::page).max().orElse(0);
        String pageOfNote = null;
        for (int p = 1; p <= pages; p++) {
            int page = p;
            String text = String.join("", glyphs.stream().filter(g -> g.page() == page).map(Glyph::text).toList());
            if (text.contains("Evidence in")) {
                pageOfNote = text;
                break;
            }
        }
        assertThat(pageOfNote).as("the page with the note").isNotNull().contains("Judgement").contains("Met");
        // the name itself is all there, broken across lines but not lost
        assertThat(java.text.Normalizer.normalize(all, java.text.Normalizer.Form.NFKC)).contains(LONG_NAME);
    }

    @Test
    void aThemeHeadingIsNeverTheLastRowOnAPage() throws Exception {
        for (int notes : new int[] {1, 2, 3, 4, 5, 6}) {
            byte[] pdf = observationWithLongToken(notes);
            keep("record-themes-" + notes + ".pdf", pdf);
            List<Glyph> glyphs = glyphs(pdf);
            AssessmentPlan plan = PlanLibrary.builtInPlans(new PlanPackReader()).stream()
                    .filter(p -> p.id().equals("highfield-css-l3")).findFirst().orElseThrow();
            List<String> themes = new ArrayList<>(plan.component("observation").orElseThrow().criteriaByTheme().keySet());
            int pages = glyphs.stream().mapToInt(Glyph::page).max().orElse(0);
            for (int p = 1; p <= pages; p++) {
                int page = p;
                // the last line of body text on the page (above the footer)
                List<Glyph> body = glyphs.stream().filter(g -> g.page() == page && g.y() < g.pageHeight() - 18 / 25.4f * 72)
                        .toList();
                float lastY = (float) body.stream().mapToDouble(Glyph::y).max().orElse(0);
                String lastLine = String.join("", body.stream().filter(g -> Math.abs(g.y() - lastY) < 1).map(Glyph::text)
                        .toList()).strip();
                assertThat(themes).as("%d notes each: page %d ends with a theme heading", notes, page).doesNotContain(lastLine);
            }
            // the component grade, its table and its explanation share a page
            List<String> pageTexts = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                int page = p;
                pageTexts.add(String.join("", glyphs.stream().filter(g -> g.page() == page).map(Glyph::text).toList()));
            }
            assertThat(pageTexts).as("%d notes each: the grade section on one page", notes).anySatisfy(t -> assertThat(t)
                    .contains("Component grade", "Pass criteria met", "Missing for a distinction", "Distinction needs"));
        }
    }
}
