package org.epaworkbench.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.store.EventCodec;
import org.epaworkbench.store.SyncStore.EventRow;

/**
 * The recordings a session's log names as finished (ended, repaired or attached), with what the log says of each file:
 * what a package carries and what its importer checks the carried files against (issue 16).
 */
final class LoggedRecordings {

    /**
     * A finished recording as its log records it; {@code captured} when the app recorded it (Ogg/Opus, with a duration to
     * check), not when it was attached (any format: hash and size only).
     */
    record Logged(String sessionId, String fileName, String sha256, long sizeBytes, long durationMillis, boolean captured,
            String status) {
    }

    private LoggedRecordings() {
    }

    /** By file name, in the log's order; a later event about the same file (two versions of a forked log) is kept too. */
    static Map<String, List<Logged>> of(String sessionId, List<EventRow> events) {
        Map<String, List<Logged>> out = new LinkedHashMap<>();
        for (EventRow r : events) {
            if (!r.type().startsWith("recording-")) {
                continue;
            }
            EventBody body;
            try {
                body = EventCodec.decode(r.type(), r.payload());
            } catch (RuntimeException e) {
                continue; // a payload the log rules refuse elsewhere
            }
            Logged l = null;
            if (body instanceof EventBody.RecordingEnded e) {
                l = new Logged(sessionId, e.fileName(), e.sha256(), e.sizeBytes(), e.durationMillis(), true, "ended");
            } else if (body instanceof EventBody.RecordingRepaired e) {
                l = new Logged(sessionId, e.fileName(), e.sha256(), e.sizeBytes(), e.keptMillis(), true, "repaired");
            } else if (body instanceof EventBody.RecordingAttached e) {
                l = new Logged(sessionId, e.fileName(), e.sha256(), e.sizeBytes(), e.durationMillis(), false, "attached");
            }
            if (l != null) {
                List<Logged> versions = out.computeIfAbsent(l.fileName(), k -> new java.util.ArrayList<>());
                if (!versions.contains(l)) {
                    versions.add(l);
                }
            }
        }
        return out;
    }
}
