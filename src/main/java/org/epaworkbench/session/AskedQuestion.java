package org.epaworkbench.session;

import java.time.Duration;
import java.util.List;

/**
 * A competency question asked in an interview, with its follow-up prompts, when it was asked and,
 * once the assessor closed it (or, failing that, the next question was asked or the session ended),
 * how long it took (session time).
 */
public record AskedQuestion(int number, String text, String bankId, Duration askedAt, Duration endedAt,
        List<String> followUps) {

    public AskedQuestion {
        followUps = List.copyOf(followUps);
    }

    /** Time spent on the question so far, given the current session time for the question still open. */
    public Duration timeSpent(Duration now) {
        return (endedAt != null ? endedAt : now).minus(askedAt);
    }
}
