package org.epaworkbench.ui.apprentice;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.store.DataDirectory;

/**
 * Real apprentice files for the view-model tests: the sample apprentice (every component passed, on
 * Highfield CSS L3), the same after a failed retake of the project interview, and a new apprentice with
 * nothing recorded. Made in a data folder through the app's own services, on 27 Feb 2026.
 */
final class SampleFiles implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-02-27T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 2, 27);

    final Workbench workbench;
    final String sampleId;
    final AssessmentPlan plan;

    SampleFiles(Path dir) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), new ManualClock(NOW));
        sampleId = new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), workbench.epa(),
                workbench.clock()).make().apprenticeId();
        plan = workbench.plans().plan(SampleDataMaker.PLAN_ID).orElseThrow();
    }

    ApprenticeFile sample() throws Exception {
        return workbench.apprenticeFiles().load(sampleId);
    }

    /** The sample apprentice after a retake of the project interview that ended without a pass. */
    ApprenticeFile afterFailedInterview() throws Exception {
        ManualClock later = new ManualClock(NOW);
        RecordedSession failed = RecordedSession.create(workbench.sessions(), plan, new SessionDetails(sampleId, plan.id(),
                plan.version(), "wbp-interview", AttemptKind.RETAKE, AssessmentMode.REMOTE_VIDEO, "Video call", "Passport"),
                later, workbench.settings().sessionSettings(), true);
        failed.perform(l -> l.start());
        later.advanceMinutes(50);
        failed.perform(l -> l.end("Apprentice could not continue"));
        return sample();
    }

    /** An apprentice on the same plan with no gateway, dates or sessions yet. */
    ApprenticeFile newApprentice() throws Exception {
        workbench.people().save(new Apprentice("ann-1", "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co", plan.id(),
                LocalDate.of(2025, 1, 6), null, false));
        return workbench.apprenticeFiles().load("ann-1");
    }

    @Override
    public void close() {
        workbench.close();
    }
}
