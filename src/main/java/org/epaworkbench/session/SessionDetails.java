package org.epaworkbench.session;

import java.util.Objects;
import org.epaworkbench.plan.AttemptKind;

/**
 * What a session is: for which apprentice, by which plan (id and version) and component, which
 * attempt, how it is held, where, and which identity document the assessor saw.
 */
public record SessionDetails(
        String apprenticeId,
        String planId,
        String planVersion,
        String componentId,
        AttemptKind attempt,
        AssessmentMode mode,
        String location,
        String idDocumentSeen) {

    public SessionDetails {
        Objects.requireNonNull(apprenticeId, "apprenticeId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(planVersion, "planVersion");
        Objects.requireNonNull(componentId, "componentId");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(mode, "mode");
        location = location == null ? "" : location.strip();
        idDocumentSeen = idDocumentSeen == null ? "" : idDocumentSeen.strip();
    }
}
