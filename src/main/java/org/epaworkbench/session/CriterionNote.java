package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;

/** A note, on a criterion or (criterionId null) on the session, stamped in session time. */
public record CriterionNote(String criterionId, String text, Duration sessionTime, Instant at, boolean amendment) {
}
