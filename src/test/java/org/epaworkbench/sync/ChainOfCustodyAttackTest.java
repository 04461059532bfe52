package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.record.ChainStamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on who a session belongs to and on its log (issue 12, findings 2 and 5), beyond those of
 * {@link SessionClaimTest} and {@link UnrecordableLogTest}: assessor C re-presents A's session whole, shortened,
 * reordered or with its owner changed; A's log arrives with an event changed but its hashes kept, with a broken
 * link, or rewritten under A's own key after the record was signed. Each is refused naming the session's entry;
 * the office is unchanged; A's genuine package still imports afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainOfCustodyAttackTest {

    @TempDir
    static Path dir;
    SyncFixture a;
    SyncFixture c;
    SyncFixture office;
    byte[] genuine;
    Map<String, byte[]> entries;
    String keyA;
    String keyC;
    String before;
    int run;

    @BeforeAll
    void setUp() throws Exception {
        a = SyncFixture.keyedAssessorDevice(dir.resolve("assessor-a"));
        c = new SyncFixture(dir.resolve("assessor-c"));
        c.people.saveAssessor(new AssessorProfile("Casey Claimant", "EPA-000777", "Elsewhere Assessment", false));
        keyA = Certificates.publicKeyFingerprint(a.identity().certificate());
        keyC = Certificates.publicKeyFingerprint(c.identity().certificate());
        genuine = Files.readAllBytes(a.exportPending(dir.resolve("usb-a")));
        entries = PackageRefusalTest.entries(genuine);
    }

    @BeforeEach
    void freshOffice() throws Exception {
        if (office != null) {
            office.close();
        }
        office = new SyncFixture(dir.resolve("office-" + run++));
        SignerRegister.add(office.sync, a.identity().certificate(), SyncFixture.CLOCK.instant());
        SignerRegister.add(office.sync, c.identity().certificate(), SyncFixture.CLOCK.instant());
        before = office.snapshot();
    }

    @AfterAll
    void close() {
        a.close();
        c.close();
        office.close();
    }

    /** Every entry as it is, but each session's JSON passed through {@code change}. */
    Map<String, byte[]> everyEntry(UnaryOperator<ObjectNode> change) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            if (e.getKey().startsWith(PackageFormat.SESSIONS)) {
                ObjectNode s = change.apply((ObjectNode) JsonFiles.mapper().readTree(e.getValue()));
                out.put(e.getKey(), JsonFiles.pretty(s).getBytes(StandardCharsets.UTF_8));
            } else if (!e.getKey().equals(PackageFormat.MANIFEST) && !e.getKey().equals(PackageFormat.SIGNATURE)) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    byte[] byC(UnaryOperator<ObjectNode> change) throws Exception {
        return RecordOwnershipTest.resigned(SessionClaimTest.sessionsOnly(entries, change), c.identity(), c.sessions.deviceId());
    }

    byte[] byA(Map<String, byte[]> content) throws Exception {
        return RecordOwnershipTest.resigned(content, a.identity(), a.sessions.deviceId());
    }

    void refused(byte[] pkg, String... expected) throws Exception {
        assertThatThrownBy(() -> office.importer().importPackage(pkg, null, PackageImporter.UnknownSigners.REFUSE, false))
                .isInstanceOf(PackageRefused.class).hasMessageStartingWith(PackageFormat.SESSIONS)
                .satisfies(e -> assertThat(e.getMessage()).contains(expected))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\tat "));
        assertThat(office.snapshot()).as("a refused package changes nothing").isEqualTo(before);
        assertThatGenuineStillImports();
    }

    void assertThatGenuineStillImports() throws Exception {
        var outcome = office.importer().importPackage(genuine, null, PackageImporter.UnknownSigners.REFUSE, false);
        assertThat(outcome.applied().newSessions()).isEqualTo(3);
        assertThat(outcome.applied().newRecords()).isEqualTo(3);
        for (String id : a.sync.allSessions()) {
            assertThat(office.sessions.check(id).ownerKey()).isEqualTo(keyA);
        }
    }

    static ArrayNode events(ObjectNode session) {
        return (ArrayNode) session.get("events");
    }

    static ObjectNode firstJudgement(ObjectNode session) {
        for (JsonNode e : events(session)) {
            if (e.get("type").asText().equals("criterion-judged")) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("no judgement");
    }

    @Test
    void cPresentingAsLogWholeAndUnchangedIsRefused() throws Exception {
        // refused at its record-signed events, which name A's certificate (the ownership check would refuse it too)
        refused(byC(s -> s), "records a signing with certificate", "not with the certificate that signed this package");
    }

    @Test
    void cPresentingAsLogShortenedByItsLastFourEventsIsRefused() throws Exception {
        refused(byC(s -> {
            ArrayNode ev = events(s);
            for (int i = 0; i < 4; i++) {
                ev.remove(ev.size() - 1);
            }
            return s;
        }), "started by the assessor whose key is " + keyA, "no one else can send, re-sign or shorten it");
    }

    @Test
    void cPresentingAsLogReorderedAndRechainedUnderAsKeyIsRefused() throws Exception {
        refused(byC(s -> {
            SessionClaimTest.withoutSignedRecords(s);
            ArrayNode ev = events(s);
            JsonNode third = ev.get(2);
            ev.set(2, ev.get(3));
            ev.set(3, third);
            ((ObjectNode) ev.get(2)).put("seq", 3);
            ((ObjectNode) ev.get(3)).put("seq", 4);
            return SessionClaimTest.rechained(s, keyA, null);
        }), "started by the assessor whose key is " + keyA);
    }

    @Test
    void cChangingOnlyTheFirstEventsOwnerKeyIsRefused() throws Exception {
        refused(byC(s -> {
            ((ObjectNode) events(s).get(0)).put("ownerKey", keyC);
            return s;
        }), "position 1)");
    }

    @Test
    void anEventChangedWithItsHashesKeptIsRefusedEvenFromItsOwner() throws Exception {
        byte[] pkg = byA(everyEntry(s -> {
            ObjectNode judged = firstJudgement(s);
            ObjectNode payload = (ObjectNode) judged.get("payload");
            payload.put("state", payload.get("state").asText().equals("met") ? "not_met" : "met");
            return s;
        }));
        refused(pkg, "(criterion-judged, position", "does not match its hash");
    }

    @Test
    void anEventWhosePrevHashIsWrongIsRefused() throws Exception {
        byte[] pkg = byA(everyEntry(s -> {
            ((ObjectNode) events(s).get(3)).put("prevHash", "ab".repeat(32));
            return s;
        }));
        refused(pkg, "position 4) does not match its hash: it was changed after it was recorded");
    }

    /** A wrong link whose own hash is computed again: the event no longer follows the one before it. */
    @Test
    void anEventLinkedToNothingWithItsOwnHashRecomputedIsRefused() throws Exception {
        byte[] pkg = byA(everyEntry(s -> {
            ObjectNode e = (ObjectNode) events(s).get(3);
            e.put("prevHash", "ab".repeat(32));
            e.put("hash", new org.epaworkbench.store.SyncStore.EventRow(e.get("id").asText(), s.get("id").asText(),
                    e.get("seq").asLong(), e.get("deviceId").asText(), e.get("type").asText(), e.get("at").asText(),
                    e.get("sessionTimeMillis").asLong(), e.get("payload").toString(), "ab".repeat(32), null, null).computedHash());
            return s;
        }));
        refused(pkg, "position 4) does not follow any event at position 3");
    }

    @Test
    void aFirstEventThatDoesNotStartTheChainIsRefused() throws Exception {
        byte[] pkg = byA(everyEntry(s -> {
            ((ObjectNode) events(s).get(0)).put("prevHash", "00".repeat(31) + "01");
            return s;
        }));
        refused(pkg, "position 1)");
    }

    /**
     * The owner rewrites a judgement in the log after the record was signed (not as an amendment), chains the log
     * again and sends it with the signed record: the record signs a chain head the log no longer has.
     */
    @Test
    void aLogRewrittenByItsOwnerAfterTheRecordWasSignedIsRefused() throws Exception {
        byte[] pkg = byA(everyEntry(s -> {
            ObjectNode payload = (ObjectNode) firstJudgement(s).get("payload");
            payload.put("state", payload.get("state").asText().equals("met") ? "not_met" : "met");
            return SessionClaimTest.rechained(s, keyA, null);
        }));
        // the record in the package still names the head of the log as signed
        String pdf = entries.keySet().stream().filter(n -> n.startsWith("pdf/")).findFirst().orElseThrow();
        assertThat(ChainStamp.readFrom(entries.get(pdf))).isPresent();
        assertThatThrownBy(() -> office.importer().importPackage(pkg, null, PackageImporter.UnknownSigners.REFUSE, false))
                .isInstanceOf(PackageRefused.class).hasMessageStartingWith("pdf/")
                .hasMessageContaining("the log was changed after the record was signed");
        assertThat(office.snapshot()).isEqualTo(before);
        assertThatGenuineStillImports();
    }

    @Test
    void theGenuinePackageImportsAndAgainIsIdempotent() throws Exception {
        assertThatGenuineStillImports();
        String once = office.snapshot();
        office.importer().importPackage(genuine, null, PackageImporter.UnknownSigners.REFUSE, false);
        assertThat(office.snapshot()).isEqualTo(once);
        assertThat(List.of(keyA)).doesNotContain(keyC);
    }
}
