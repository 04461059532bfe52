package org.epaworkbench.recording;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.RecordingFiles;
import org.epaworkbench.store.SessionStore;

/**
 * Test helper for other packages: a PAL professional discussion (the plan requires a recording) recorded through the
 * real session store, with a real recording file written where the app keeps it and its {@code recording-*} events.
 */
public final class RecordedSessions {

    public static final String PLAN = "pal-css-l3";
    public static final String COMPONENT = "professional-discussion";
    public static final String APPRENTICE = "a-pal-rec";

    /** A session and its recording. */
    public record Made(String sessionId, RecordedSession session, RecordedAudio.Written audio) {
    }

    private RecordedSessions() {
    }

    /** The apprentice the sessions are for (saved once). */
    public static void apprentice(PeopleStore people) throws Exception {
        if (people.apprentice(APPRENTICE).isEmpty()) {
            people.save(new Apprentice(APPRENTICE, "Jordan Ellis", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                    PLAN, LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false));
        }
    }

    /** A planned and started session of the PAL discussion, face to face, not yet recorded. */
    public static RecordedSession started(SessionStore sessions, PlanLibrary plans, PeopleStore people, ManualClock clock,
            String ownerKey) throws Exception {
        apprentice(people);
        AssessmentPlan plan = plans.plan(PLAN).orElseThrow();
        RecordedSession s = RecordedSession.create(sessions, plan, new SessionDetails(APPRENTICE, plan.id(), plan.version(),
                COMPONENT, AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Harbour Foods, meeting room 2", "Passport"),
                clock, SessionSettings.DEFAULT, false, ownerKey);
        s.perform(l -> l.start());
        return s;
    }

    /**
     * A PAL discussion recorded from start to end: consent, {@code 1.opus} started, {@code seconds} of speech written
     * into {@code <dataRoot>/recordings/<id>/1.opus}, the session ended and the recording ended with its duration,
     * size and SHA-256.
     */
    public static Made recordedDiscussion(SessionStore sessions, PlanLibrary plans, PeopleStore people, Path dataRoot,
            ManualClock clock, String ownerKey, double seconds) throws Exception {
        RecordedSession s = started(sessions, plans, people, clock, ownerKey);
        String id = s.live().state().sessionId();
        s.perform(l -> l.consentToRecording("Jordan Ellis", "I agree to the discussion being recorded for quality assurance."));
        s.perform(l -> l.recordingStarted("1.opus", "Opus in Ogg, 16 kHz mono, 24 kbit/s", "Built-in microphone"));
        RecordedAudio.Written audio = RecordedAudio.speech(RecordingFiles.file(RecordingFiles.folder(dataRoot), id, "1.opus"),
                seconds, 7, id);
        clock.advance(java.time.Duration.ofMillis(audio.durationMillis()));
        s.perform(l -> l.end("Ended early: a short test discussion."));
        s.perform(l -> l.recordingEnded(audio.durationMillis(), audio.sizeBytes(), audio.sha256()));
        return new Made(id, s, audio);
    }

    public static ManualClock clockAt(String instant) {
        return new ManualClock(Instant.parse(instant));
    }
}
