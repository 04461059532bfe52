package org.epaworkbench.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.session.PaperEntry;
import org.epaworkbench.session.PaperRecord;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionIds;
import org.epaworkbench.session.SessionSettings;

/**
 * Enters a session recorded on paper: the whole form is checked by the live-session rules ({@link PaperEntry}) first,
 * then its log is stored in one transaction through the same append path as a session recorded on screen. A form that
 * breaks a rule stores nothing.
 */
public final class PaperSessions {

    private PaperSessions() {
    }

    /**
     * Checks and stores the paper record; returns the new session's id. Like a session planned on screen, it is bound to
     * {@code ownerKey} (the assessor's key, or null while the data folder has none yet) from its first event.
     */
    public static String enter(SessionStore store, AssessmentPlan plan, PaperRecord record, Instant now, SessionSettings settings,
            String ownerKey) throws PaperEntry.Problem, SQLException {
        String id = ownerKey == null ? UUID.randomUUID().toString() : SessionIds.derive(ownerKey);
        List<SessionEvent> log = PaperEntry.transcribe(id, plan, record, now, settings);
        store.createWith(log, false, ownerKey);
        return id;
    }
}
