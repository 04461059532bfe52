package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.GradePreview;
import org.epaworkbench.session.LiveSession;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.junit.jupiter.api.Test;

/** What the record's HTML says for criteria whose wording the source does not give. */
class RecordHtmlTest {

    @Test
    void aPractitionerRecordSaysWhatThePassCriterionStandsForAndNotesTheDistinctionCriteriaOnce() throws Exception {
        AssessmentPlan plan = PlanLibrary.builtInPlans(new PlanPackReader()).stream()
                .filter(p -> p.id().equals("highfield-csp-l2")).findFirst().orElseThrow();
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
        LiveSession live = LiveSession.create("s-1", plan, "showcase", clock, SessionSettings.DEFAULT);
        live.commit(live.plan(new SessionDetails("a-1", plan.id(), plan.version(), "showcase",
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Store", "Passport")));
        live.commit(live.start());
        clock.advanceMinutes(5);
        live.commit(live.judge("pass-all", CriterionState.MET));
        clock.advanceMinutes(20);
        live.commit(live.end(null));
        var component = plan.component("showcase").orElseThrow();
        String html = RecordHtml.sessionRecord(new SessionRecord(plan, component, live.state(),
                new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "", plan.id(),
                        LocalDate.of(2025, 1, 6), LocalDate.of(2026, 3, 2), false),
                new AssessorProfile("Sam Assessor", "EPA-1", "Highfield Assessment", false),
                GradePreview.of(plan, component, live.state()), false, clock.now(), ZoneId.of("Europe/London")));
        assertThat(html).contains("Criteria (1 pass, 10 distinction)");
        assertThat(occurrences(html, "stands for all the showcase's pass criteria")).isEqualTo(1);
        assertThat(occurrences(html, "this component has 10 distinction criteria")).as("once for D1–D10").isEqualTo(1);
        assertThat(occurrences(html, "wording not provided in source")).isEqualTo(11);
        assertThat(html).contains("Pass: the pass criterion is met.");
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
