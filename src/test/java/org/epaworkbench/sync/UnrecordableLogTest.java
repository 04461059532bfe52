package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import org.epaworkbench.session.SessionIds;
import org.junit.jupiter.api.Test;

/**
 * Finding 5 of issue 12, as the attacker did it: logs that could never have been recorded, sent by the session's
 * own (registered) signer, each with a consistent hash chain. The office checks every log with the rules the app
 * records by and refuses each with its reason, changing nothing.
 */
class UnrecordableLogTest extends ObservationLogFixture {

    /** The observation's log changed by {@code change}, chained again and signed by its own assessor. */
    byte[] withObservation(Consumer<ArrayNode> change) throws Exception {
        return withObservationSession(s -> change.accept((ArrayNode) s.get("events")));
    }

    byte[] withObservationSession(Consumer<ObjectNode> change) throws Exception {
        Map<String, byte[]> m = SessionClaimTest.sessionsOnly(entries, s -> {
            if (s.get("componentId").asText().equals("observation")) {
                change.accept(s);
                SessionClaimTest.rechained(s, ownerKey, null);
            }
            return s;
        });
        return RecordOwnershipTest.resigned(m, identity, device.sessions.deviceId());
    }

    void refused(byte[] pkg, String... expected) throws Exception {
        assertThatThrownBy(() -> office.importer().importPackage(pkg, null, SyncFixture.FIRST_USE, false))
                .isInstanceOf(PackageRefused.class).hasMessageStartingWith(observationEntry)
                .hasMessageContainingAll(expected);
        assertThat(office.snapshot()).as("a refused package changes nothing").isEqualTo(before);
        assertThat(office.sync.register()).as("and pins no one").isEmpty();
    }

    static ObjectNode first(ArrayNode events, String type) {
        for (JsonNode e : events) {
            if (e.get("type").asText().equals(type)) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("no " + type);
    }

    @Test
    void theLogAsRecordedImports() throws Exception {
        var outcome = office.importer().importPackage(withObservation(events -> { }), null, SyncFixture.FIRST_USE, false);
        assertThat(outcome.applied().newSessions()).isEqualTo(3);
    }

    @Test
    void aGapInTheSequenceIsRefused() throws Exception {
        refused(withObservation(events -> events.remove(4)), "could not have been recorded", "event 6",
                "comes after a gap: position 5 is missing");
    }

    @Test
    void aRepeatedSequenceNumberIsRefused() throws Exception {
        refused(withObservation(events -> ((ObjectNode) events.get(5)).put("seq", 5)), "could not have been recorded",
                "event 5", "repeats position 5 of the log");
    }

    @Test
    void aSecondPlanningEventIsRefused() throws Exception {
        refused(withObservationSession(s -> {
            ArrayNode events = (ArrayNode) s.get("events");
            ObjectNode again = events.get(0).deepCopy();
            again.put("id", SessionIds.newEventId(s.get("id").asText()));
            events.insert(3, again);
            for (int i = 0; i < events.size(); i++) {
                ((ObjectNode) events.get(i)).put("seq", i + 1);
            }
        }), "event 4 (session-planned) plans the session a second time");
    }

    @Test
    void anUnknownPlanIsRefused() throws Exception {
        refused(withObservationSession(s -> {
            s.put("planId", "no-such-plan");
            ((ObjectNode) s.get("events").get(0).get("payload")).put("planId", "no-such-plan");
        }), "event 1 (session-planned) names plan 'no-such-plan', which is not installed here");
    }

    @Test
    void anUnknownCriterionIsRefused() throws Exception {
        refused(withObservation(events -> ((ObjectNode) first(events, "criterion-judged").get("payload"))
                .put("criterionId", "S9.99")), "(criterion-judged) names criterion 'S9.99', which the practical observation");
    }

    @Test
    void aSevenMebibyteNoteIsRefused() throws Exception {
        refused(withObservation(events -> ((ObjectNode) first(events, "note-added").get("payload"))
                .put("text", "x".repeat(7 * 1024 * 1024))), "(note-added) has the note of 7,340,032 characters, more than "
                + "the 10,000 the app records");
    }

    @Test
    void aPayloadTheAppDoesNotWriteIsRefused() throws Exception {
        refused(withObservation(events -> ((ObjectNode) first(events, "criterion-judged").get("payload"))
                .put("grade", "distinction")), "(criterion-judged", "has a payload the app does not write");
    }
}
