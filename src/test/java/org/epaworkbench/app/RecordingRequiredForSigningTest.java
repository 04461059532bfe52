package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: a record whose plan requires a recording is refused without one or an agreed exemption; Highfield is not. */
class RecordingRequiredForSigningTest {

    @TempDir
    Path dir;
    Workbench wb;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));

    @AfterEach
    void close() {
        if (wb != null) {
            wb.close();
        }
    }

    RecordedSession ended(String planId, AssessmentMode mode) throws Exception {
        wb = Workbench.open(DataDirectory.at(dir), Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC), clock);
        wb.people().save(new Apprentice("a-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co", planId,
                LocalDate.of(2025, 6, 1), LocalDate.of(2026, 10, 1), false));
        AssessmentPlan plan = wb.plans().plan(planId).orElseThrow();
        RecordedSession s = wb.sessionService().create(plan, new SessionDetails("a-1", plan.id(), plan.version(),
                "professional-discussion", AttemptKind.FIRST, mode, "Office", "Passport"), clock, SessionSettings.DEFAULT, null);
        s.perform(l -> l.start());
        clock.advanceMinutes(60);
        s.perform(l -> l.end(null));
        return s;
    }

    @Test
    void aPalDiscussionWithoutRecordingOrExemptionIsRefusedInWords() throws Exception {
        RecordedSession s = ended("pal-css-l3", AssessmentMode.FACE_TO_FACE);
        assertThatThrownBy(() -> wb.records().recordingRequirementMet(s.id())).isInstanceOf(Records.CannotSign.class)
                .hasMessageStartingWith("The record was not signed: the plan (003) requires a recording of the professional "
                        + "discussion supported by portfolio evidence when it is held face to face, and this session has "
                        + "neither a recording nor an agreed exemption.")
                .hasMessageContaining("(Attach a recording\u2026 in the session screen's Recording panel)")
                .hasMessageEndingWith("then sign.");
        // signing itself refuses before asking anything of the key
        assertThatThrownBy(() -> wb.records().signSession(s.id(), null, new byte[0], step -> { }))
                .isInstanceOf(Records.CannotSign.class).hasMessageContaining("neither a recording nor an agreed exemption");

        wb.sessionRecording().exempt(s, "Agreed at the planning meeting: the apprentice's employer does not allow recording");
        assertThatCode(() -> wb.records().recordingRequirementMet(s.id())).doesNotThrowAnyException();
    }

    @Test
    void aHighfieldDiscussionNeedsNoRecording() throws Exception {
        RecordedSession s = ended("highfield-css-l3", AssessmentMode.FACE_TO_FACE);
        assertThatCode(() -> wb.records().recordingRequirementMet(s.id())).doesNotThrowAnyException();
    }
}
