package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.GradePreview;
import org.epaworkbench.session.LiveSession;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.junit.jupiter.api.Test;

/**
 * A criterion code is never split across lines in the record ("B3." at the end of one line and "3" on the
 * next): in "Missing for a pass", "Missing for a distinction" and the criteria table, for every built-in
 * component with nothing judged, so that every code is listed as missing.
 */
class CriterionCodesUnbrokenTest {

    static final PdfRenderer RENDERER = new PdfRenderer();

    @Test
    void everyCodeInTheRecordStaysOnOneLine() throws Exception {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (AssessmentPlan plan : PlanLibrary.builtInPlans(new PlanPackReader())) {
            for (Component component : plan.components()) {
                String text = pdfText(plan, component);
                for (Criterion c : component.criteria()) {
                    String code = c.code();
                    for (int cut = 1; cut < code.length(); cut++) {
                        String head = code.substring(0, cut);
                        String tail = code.substring(cut);
                        // a line that ends in the code's head, and the next line starts with the rest of it
                        if (text.matches("(?s).*(^|[\\s,(])" + java.util.regex.Pattern.quote(head) + "\\s*\\R\\s*"
                                + java.util.regex.Pattern.quote(tail) + "([\\s,)].*|$)")) {
                            broken.add(plan.id() + " " + component.id() + ": " + head + " / " + tail);
                        }
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(broken).isEmpty();
    }

    /** The record of a session of the component that started and ended with nothing judged, as text line by line. */
    static String pdfText(AssessmentPlan plan, Component component) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
        LiveSession live = LiveSession.create("s-1", plan, component.id(), clock, SessionSettings.DEFAULT);
        live.commit(live.plan(new SessionDetails("a-1", plan.id(), plan.version(), component.id(),
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Store", "Passport")));
        live.commit(live.start());
        clock.advanceMinutes(component.timing().planned().toMinutes());
        live.commit(live.end("Ended for the test"));
        String html = RecordHtml.sessionRecord(new SessionRecord(plan, component, live.state(),
                new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "", plan.id(),
                        LocalDate.of(2025, 1, 6), LocalDate.of(2026, 3, 2), false),
                new AssessorProfile("Sam Assessor", "EPA-1", "Highfield Assessment", false),
                GradePreview.of(plan, component, live.state()), false, clock.now(), ZoneId.of("Europe/London")));
        byte[] pdf = RENDERER.render(html);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // in reading order, as a person sees the page (not the order the text was drawn in)
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }
}
