package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;

/** An evidence reference (portfolio item, document) attached to a criterion, stamped in session time. */
public record EvidenceReference(String criterionId, String reference, Duration sessionTime, Instant at, boolean amendment) {
}
