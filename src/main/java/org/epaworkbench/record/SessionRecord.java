package org.epaworkbench.record;

import java.time.Instant;
import java.time.ZoneId;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.session.SessionState;

/**
 * Everything a session's PDF record shows; {@code log} is the session log it signs (its chain head),
 * null only for previews made without a store.
 */
public record SessionRecord(
        AssessmentPlan plan,
        Component component,
        SessionState state,
        Apprentice apprentice,
        AssessorProfile assessor,
        ComponentResult grade,
        boolean sample,
        Instant producedAt,
        ZoneId zone,
        ChainStamp log) {

    public SessionRecord(AssessmentPlan plan, Component component, SessionState state, Apprentice apprentice,
            AssessorProfile assessor, ComponentResult grade, boolean sample, Instant producedAt, ZoneId zone) {
        this(plan, component, state, apprentice, assessor, grade, sample, producedAt, zone, null);
    }
}
