package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One immutable entry in a session's append-only log. {@code at} is the wall-clock time it was
 * recorded; {@code sessionTime} is the session's elapsed time (pauses excluded) at that moment,
 * measured with the monotonic clock, so it does not move when the system clock is changed.
 *
 * @param id globally unique, so logs from several devices merge without clashes
 * @param seq the event's position in its session's log, from 1
 */
public record SessionEvent(String id, String sessionId, long seq, Instant at, Duration sessionTime, EventBody body) {

    public SessionEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sessionTime, "sessionTime");
        Objects.requireNonNull(body, "body");
    }

    public String type() {
        return body.type();
    }
}
