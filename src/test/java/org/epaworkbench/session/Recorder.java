package org.epaworkbench.session;

import java.util.ArrayList;
import java.util.List;

/** Commits every prepared event at once, as a store that never fails would, and keeps the log. */
final class Recorder {
    final LiveSession live;
    final List<SessionEvent> log = new ArrayList<>();

    Recorder(LiveSession live) {
        this.live = live;
    }

    SessionEvent record(PendingEvent pending) {
        log.add(pending.event());
        live.commit(pending);
        return pending.event();
    }
}
