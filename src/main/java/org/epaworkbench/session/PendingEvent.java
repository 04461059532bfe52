package org.epaworkbench.session;

/**
 * An event prepared by the live session but not yet committed. It becomes part of the session only
 * when {@link LiveSession#commit} is called after the store has durably saved it.
 *
 * @param monotonicNanos the monotonic clock reading its session time was taken at
 */
public record PendingEvent(SessionEvent event, long monotonicNanos) {
}
