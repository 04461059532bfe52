package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.session.SessionIds;
import org.epaworkbench.store.EventChain;
import org.epaworkbench.store.SyncStore.EventRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 2 of issue 12, as the attacker did it: assessor C takes a session from A's unencrypted package, drops
 * its record-signed event, signs a package with C's own key and reaches the office first. A session belongs to
 * the key named in its first event, from that event on: C's package is refused (however C rewrites the log), the
 * office is unchanged, and A's genuine package, arriving after it, is accepted.
 */
class SessionClaimTest {

    @TempDir
    Path dir;

    /** The package's entries with every session's JSON passed through {@code change} (null drops the entry). */
    static Map<String, byte[]> sessionsOnly(Map<String, byte[]> entries, UnaryOperator<ObjectNode> change) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            if (e.getKey().equals(PackageFormat.APPRENTICES)) {
                out.put(e.getKey(), e.getValue());
            } else if (e.getKey().startsWith(PackageFormat.SESSIONS)) {
                ObjectNode s = change.apply((ObjectNode) JsonFiles.mapper().readTree(e.getValue()));
                out.put(PackageFormat.SESSIONS + s.get("id").asText() + ".json",
                        JsonFiles.pretty(s).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Drops the session's record-signed events (they are its last ones), as C did. */
    static ObjectNode withoutSignedRecords(ObjectNode session) {
        ArrayNode kept = JsonFiles.mapper().createArrayNode();
        session.get("events").forEach(e -> {
            if (!e.get("type").asText().equals("record-signed")) {
                kept.add(e);
            }
        });
        session.set("events", kept);
        return session;
    }

    /** Names {@code ownerKey} in the first event and computes the whole chain again, as one who knows the encoding can. */
    static ObjectNode rechained(ObjectNode session, String ownerKey, String newId) {
        String id = newId == null ? session.get("id").asText() : newId;
        session.put("id", id);
        String prev = EventChain.GENESIS;
        for (JsonNode n : session.get("events")) {
            ObjectNode e = (ObjectNode) n;
            if (newId != null) {
                e.put("id", SessionIds.newEventId(newId));
            }
            if (e.get("seq").asLong() == 1) {
                e.put("ownerKey", ownerKey);
            }
            e.put("prevHash", prev);
            EventRow row = new EventRow(e.get("id").asText(), id, e.get("seq").asLong(), e.get("deviceId").asText(),
                    e.get("type").asText(), e.get("at").asText(), e.get("sessionTimeMillis").asLong(), e.get("payload").toString(),
                    prev, null, e.get("seq").asLong() == 1 ? ownerKey : null);
            prev = row.computedHash();
            e.put("hash", prev);
        }
        return session;
    }

    @Test
    void aSessionTakenFromAnotherAssessorsPackageIsRefusedAndTheGenuineOneStillAccepted() throws Exception {
        try (SyncFixture a = SyncFixture.keyedAssessorDevice(dir.resolve("assessor-a"));
             SyncFixture c = new SyncFixture(dir.resolve("assessor-c"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            c.people.saveAssessor(new AssessorProfile("Casey Claimant", "EPA-000777", "Elsewhere Assessment", false));
            String keyA = Certificates.publicKeyFingerprint(a.identity().certificate());
            String keyC = Certificates.publicKeyFingerprint(c.identity().certificate());
            List<String> sessionsOfA = a.sync.allSessions();
            assertThat(sessionsOfA).hasSize(3).allSatisfy(id -> assertThat(SessionIds.derivedFrom(id, keyA)).isTrue());
            byte[] fromA = Files.readAllBytes(a.exportPending(dir.resolve("usb-a")));
            Map<String, byte[]> taken = PackageRefusalTest.entries(fromA);
            String before = office.snapshot();

            // 1. as C did it: the sessions without their record-signed events, no PDFs, signed with C's key
            byte[] asDone = RecordOwnershipTest.resigned(sessionsOnly(taken, SessionClaimTest::withoutSignedRecords),
                    c.identity(), c.sessions.deviceId());
            assertThatThrownBy(() -> office.importer().importPackage(asDone, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageStartingWith(PackageFormat.SESSIONS)
                    .hasMessageContaining("started by the assessor whose key is " + keyA)
                    .hasMessageContaining("signed by Casey Claimant").hasMessageContaining("no one else can send, re-sign or "
                            + "shorten it");
            // 2. C also names C's key in the first event and computes the chain again
            byte[] reowned = RecordOwnershipTest.resigned(sessionsOnly(taken, s -> rechained(withoutSignedRecords(s), keyC,
                    null)), c.identity(), c.sessions.deviceId());
            assertThatThrownBy(() -> office.importer().importPackage(reowned, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class)
                    .hasMessageContaining("has an id made from another key than the one its first event names")
                    .hasMessageContaining("copied and given to another assessor");
            // 3. or keeps the id but names no key at all
            byte[] unowned = RecordOwnershipTest.resigned(sessionsOnly(taken, s -> rechained(withoutSignedRecords(s), null,
                    null)), c.identity(), c.sessions.deviceId());
            assertThatThrownBy(() -> office.importer().importPackage(unowned, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageContaining("its first event names no key");
            assertThat(office.snapshot()).as("nothing changed").isEqualTo(before);
            assertThat(office.sync.register()).as("no signer pinned by a refused package").isEmpty();

            // 4. a copy under an id of C's own is another session: it takes nothing from A
            byte[] copy = RecordOwnershipTest.resigned(sessionsOnly(taken, s -> rechained(withoutSignedRecords(s), keyC,
                    SessionIds.derive(keyC))), c.identity(), c.sessions.deviceId());
            office.importer().importPackage(copy, null, SyncFixture.FIRST_USE, false);

            // A's genuine package, arriving after all of these, is accepted whole
            var outcome = office.importer().importPackage(fromA, null, SyncFixture.FIRST_USE, false);
            assertThat(outcome.applied().newSessions()).isEqualTo(3);
            assertThat(outcome.applied().newRecords()).isEqualTo(3);
            for (String id : sessionsOfA) {
                assertThat(office.sessions.check(id).ownerKey()).isEqualTo(keyA);
                assertThat(office.sessions.events(id)).hasSameSizeAs(a.sessions.events(id));
                assertThat(office.sessions.state(id).orElseThrow().signedRecords()).hasSize(1);
            }
            List<String> notA = new ArrayList<>(office.sessions.list().stream().map(x -> x.id()).toList());
            notA.removeAll(sessionsOfA);
            assertThat(notA).hasSize(3).allSatisfy(id -> assertThat(office.sessions.check(id).ownerKey()).isEqualTo(keyC));
        }
    }
}
