package org.epaworkbench.session;

import java.time.Instant;

/** A reasoned correction made after a session ended. */
public record Amendment(String reason, EventBody correction, Instant at) {
}
