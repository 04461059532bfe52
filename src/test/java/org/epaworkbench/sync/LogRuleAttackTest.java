package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.session.SessionIds;
import org.junit.jupiter.api.Test;

/**
 * Logs the app could never have recorded, sent by the session's own assessor with the chain computed again (issue 12,
 * finding 5), beyond {@link UnrecordableLogTest}: a note one character over its limit (and one at it), a judgement or a
 * second end after the session ended, an event id used twice, an amendment of a criterion the component does not
 * have, positions 0 and 2^40, an unknown event type. Each is refused naming the session's entry and the event.
 */
class LogRuleAttackTest extends ObservationLogFixture {

    /** The observation's log changed by {@code change}, renumbered only if asked, chained again and signed by its assessor. */
    byte[] withObservation(Consumer<ArrayNode> change) throws Exception {
        Map<String, byte[]> m = SessionClaimTest.sessionsOnly(entries, s -> {
            if (s.get("componentId").asText().equals("observation")) {
                change.accept((ArrayNode) s.get("events"));
                SessionClaimTest.rechained(s, ownerKey, null);
            }
            return s;
        });
        return RecordOwnershipTest.resigned(m, identity, device.sessions.deviceId());
    }

    void refused(byte[] pkg, String... expected) throws Exception {
        assertThatThrownBy(() -> office.importer().importPackage(pkg, null, SyncFixture.FIRST_USE, false))
                .isInstanceOf(PackageRefused.class).hasMessageStartingWith(observationEntry)
                .satisfies(e -> assertThat(e.getMessage()).contains(expected).doesNotContain("Exception")
                        .as("no JSON path or schema words").doesNotContain("$.").doesNotContain("must have a minimum value")
                        .doesNotContain("\tat "));
        assertThat(office.snapshot()).as("a refused package changes nothing").isEqualTo(before);
        assertThat(office.sync.register()).isEmpty();
    }

    static ObjectNode first(ArrayNode events, String type) {
        for (JsonNode e : events) {
            if (e.get("type").asText().equals(type)) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("no " + type);
    }

    /** Appends an event of {@code type} with {@code payload} at the end of the log. */
    static void append(ArrayNode events, String type, ObjectNode payload) {
        ObjectNode last = (ObjectNode) events.get(events.size() - 1);
        ObjectNode e = last.deepCopy();
        e.put("id", SessionIds.newEventId(last.get("id").asText().substring(0, last.get("id").asText().lastIndexOf('.'))));
        e.put("seq", last.get("seq").asLong() + 1);
        e.put("type", type);
        e.set("payload", payload);
        events.add(e);
    }

    static ObjectNode payload() {
        return JsonFiles.mapper().createObjectNode();
    }

    @Test
    void aNoteAtItsLimitImportsAndOneCharacterMoreIsRefused() throws Exception {
        assertThat(office.importer().importPackage(withObservation(events -> ((ObjectNode) first(events, "note-added")
                .get("payload")).put("text", "x".repeat(10_000))), null, SyncFixture.FIRST_USE, false).applied().newSessions())
                .isEqualTo(3);
        try (SyncFixture second = new SyncFixture(dir.resolve("office-" + run++))) {
            office.close();
            office = second;
            before = office.snapshot();
            refused(withObservation(events -> ((ObjectNode) first(events, "note-added").get("payload"))
                    .put("text", "x".repeat(10_001))), "(note-added)", "10,001 characters", "10,000");
        }
    }

    @Test
    void aJudgementAfterTheEndIsRefused() throws Exception {
        refused(withObservation(events -> append(events, "criterion-judged", payload().put("criterionId",
                first(events, "criterion-judged").get("payload").get("criterionId").asText()).put("state", "met"))),
                "criterion-judged", "after the session ended");
    }

    @Test
    void aSecondEndIsRefused() throws Exception {
        refused(withObservation(events -> append(events, "ended", first(events, "ended").get("payload").deepCopy())),
                "(ended, position", "after the session ended");
    }

    @Test
    void anEventIdUsedTwiceIsRefused() throws Exception {
        refused(withObservation(events -> ((ObjectNode) events.get(4)).put("id", events.get(3).get("id").asText())),
                events3Id());
    }

    String events3Id() throws Exception {
        JsonNode s = JsonFiles.mapper().readTree(entries.get(observationEntry));
        return s.get("events").get(3).get("id").asText();
    }

    @Test
    void anAmendmentOfACriterionTheComponentDoesNotHaveIsRefused() throws Exception {
        refused(withObservation(events -> {
            ObjectNode correction = payload().put("criterionId", "S9.99").put("state", "met");
            ObjectNode amended = payload().put("reason", "Typo").put("correctionType", "criterion-judged");
            amended.set("correction", correction);
            append(events, "amended", amended);
        }), "S9.99");
    }

    @Test
    void positionsZeroAndHugeAreRefused() throws Exception {
        refused(withObservation(events -> ((ObjectNode) events.get(events.size() - 1)).put("seq", 0)), "'s “seq” is 0, less than the lowest allowed, 1 (positions in a log start at 1)");
        refused(withObservation(events -> ((ObjectNode) events.get(events.size() - 1)).put("seq", 1L << 40)), "comes after a gap: position 40 is missing");
    }

    @Test
    void anUnknownEventTypeIsRefused() throws Exception {
        refused(withObservation(events -> append(events, "grade-awarded", payload().put("grade", "distinction"))),
                "grade-awarded");
    }

    /**
     * A judgement dated 2099 could never have been recorded by a computer whose clock is right, and dates drive deadlines
     * and the order of the record: an event dated beyond the clock skew ahead of the office's clock is refused, naming
     * the session and the event and saying the sending computer's clock is wrong.
     */
    @Test
    void anEventDatedInTheFutureIsRefused() throws Exception {
        refused(withObservation(events -> ((ObjectNode) first(events, "criterion-judged")).put("at", "2099-01-01T00:00:00Z")),
                "(criterion-judged", "2099-01-01T00:00:00Z", "ahead of this computer's clock", "clock is wrong");
    }

    @Test
    void anEventWithinTheSkewAheadImports() throws Exception {
        String withinSkew = SyncFixture.CLOCK.instant().plus(org.epaworkbench.store.ApprenticeProvenance.MAX_CLOCK_SKEW)
                .toString();
        assertThat(office.importer().importPackage(withObservation(events -> ((ObjectNode) first(events, "criterion-judged"))
                .put("at", withinSkew)), null, SyncFixture.FIRST_USE, false).applied().newSessions()).isEqualTo(3);
    }

    @Test
    void anEventOneSecondBeyondTheSkewIsRefused() throws Exception {
        String beyond = SyncFixture.CLOCK.instant().plus(org.epaworkbench.store.ApprenticeProvenance.MAX_CLOCK_SKEW)
                .plusSeconds(1).toString();
        refused(withObservation(events -> ((ObjectNode) first(events, "criterion-judged")).put("at", beyond)),
                "(criterion-judged", beyond, "5 minutes", "up to 5 minutes is allowed");
    }

    /** A computer whose clock lost its date (1970) records times that mean nothing: refused, whatever the event. */
    @Test
    void anEventDatedBefore2000IsRefused() throws Exception {
        refused(withObservation(events -> ((ObjectNode) first(events, "note-added")).put("at", "1970-01-01T00:00:00Z")),
                "(note-added", "1970-01-01T00:00:00Z", "before 2000", "clock");
        refused(withObservation(events -> ((ObjectNode) events.get(0)).put("at", "1999-12-31T23:59:59Z")),
                "(session-planned, position 1)", "before 2000");
    }

    /** An event dated a day before its session was planned was dated by a wrong clock, or by hand. */
    @Test
    void anEventDatedBeforeItsSessionWasPlannedIsRefused() throws Exception {
        String[] dayBefore = new String[1];
        refused(withObservation(events -> {
            dayBefore[0] = java.time.Instant.parse(events.get(0).get("at").asText()).minus(java.time.Duration.ofDays(1)).toString();
            ((ObjectNode) first(events, "criterion-judged")).put("at", dayBefore[0]);
        }), "(criterion-judged", "before the session was planned");
    }

    /** A session said to be created in 2099 is dated by a wrong clock, like its events. */
    @Test
    void aSessionCreatedInTheFutureIsRefused() throws Exception {
        Map<String, byte[]> m = SessionClaimTest.sessionsOnly(entries, s -> {
            if (s.get("componentId").asText().equals("observation")) {
                ((ObjectNode) s).put("createdAt", "2099-01-01T00:00:00Z");
            }
            return s;
        });
        refused(RecordOwnershipTest.resigned(m, identity, device.sessions.deviceId()), "creation time", "2099-01-01T00:00:00Z",
                "ahead of this computer's clock", "clock is wrong");
    }
}
