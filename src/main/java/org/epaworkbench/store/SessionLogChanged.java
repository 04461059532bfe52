package org.epaworkbench.store;

import java.sql.SQLException;

/**
 * A session's stored log is not the log that was recorded: an event was edited, removed or
 * reordered after it was recorded (in the database file, outside the app). The session is not
 * folded or shown, so that a changed record is never taken for the record. The message names the
 * session and the first event where the chain breaks, in plain words.
 */
public final class SessionLogChanged extends SQLException {
    private static final long serialVersionUID = 1L;

    private final String sessionId;
    private final long seq;

    public SessionLogChanged(String sessionId, EventChain.Break broken) {
        super(message(sessionId, broken));
        this.sessionId = sessionId;
        this.seq = broken.seq();
    }

    public String sessionId() {
        return sessionId;
    }

    /** The first event (its place in the log, from 1) where the log is not as recorded. */
    public long seq() {
        return seq;
    }

    /** What broke, without the advice: for lists that name many sessions. */
    public String finding() {
        String m = getMessage();
        int end = m.indexOf(". ");
        return end < 0 ? m : m.substring(0, end + 1);
    }

    private static String message(String sessionId, EventChain.Break b) {
        String event = "event " + b.seq() + (b.type() == null ? "" : " (" + b.type() + (b.at() == null ? "" : ", recorded "
                + b.at()) + ")");
        return "The log of session " + sessionId + " was changed outside EPA Workbench: " + event + " " + b.why() + ". "
                + "The session is not shown, so that a changed record is never taken for the record. Restore a backup "
                + "made before the change (backups list), or ask the organisation for its copy of the session.";
    }
}
