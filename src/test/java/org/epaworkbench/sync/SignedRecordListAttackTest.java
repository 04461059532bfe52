package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.epaworkbench.packs.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the list of signed records in a package, sent by the records' own assessor: a session's record listed as an
 * overall result (detached from its session), two records listed under each other's sessions, a signing time that is
 * not the PDF's. The record's signed chain stamp names its session; the list must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedRecordListAttackTest {

    @TempDir
    static Path dir;
    SyncFixture a;
    SyncFixture office;
    Map<String, byte[]> entries;
    int run;

    @BeforeAll
    void setUp() throws Exception {
        a = SyncFixture.keyedAssessorDevice(dir.resolve("assessor-a"));
        entries = PackageRefusalTest.entries(Files.readAllBytes(a.exportPending(dir.resolve("usb-a"))));
    }

    @BeforeEach
    void freshOffice() throws Exception {
        if (office != null) {
            office.close();
        }
        office = new SyncFixture(dir.resolve("office-" + run++));
        SignerRegister.add(office.sync, a.identity().certificate(), SyncFixture.CLOCK.instant());
    }

    @AfterAll
    void close() {
        a.close();
        office.close();
    }

    byte[] withRecords(Consumer<ArrayNode> change) throws Exception {
        ArrayNode list = (ArrayNode) JsonFiles.mapper().readTree(entries.get(PackageFormat.SIGNED_RECORDS));
        change.accept(list);
        Map<String, byte[]> m = new LinkedHashMap<>(entries);
        m.put(PackageFormat.SIGNED_RECORDS, PackageJson.bytes(list));
        return RecordOwnershipTest.resigned(m, a.identity(), a.sessions.deviceId());
    }

    void refused(byte[] pkg, String... expected) throws Exception {
        String before = office.snapshot();
        assertThatThrownBy(() -> office.importer().importPackage(pkg, null, PackageImporter.UnknownSigners.REFUSE, false))
                .isInstanceOf(PackageRefused.class).hasMessageStartingWith(PackageFormat.SIGNED_RECORDS)
                .hasMessageContainingAll(expected);
        assertThat(office.snapshot()).as("a refused package changes nothing").isEqualTo(before);
    }

    @Test
    void aSessionsRecordListedAsAnOverallResultIsRefused() throws Exception {
        String session = JsonFiles.mapper().readTree(entries.get(PackageFormat.SIGNED_RECORDS)).get(0).get("sessionId").asText();
        refused(withRecords(l -> ((ObjectNode) l.get(0)).put("kind", "overall").putNull("sessionId")),
                "is the record of session " + session, "lists it as an overall result");
    }

    @Test
    void twoRecordsListedUnderEachOthersSessionsAreRefused() throws Exception {
        refused(withRecords(l -> {
            String s0 = l.get(0).get("sessionId").asText();
            ((ObjectNode) l.get(0)).put("sessionId", l.get(1).get("sessionId").asText());
            ((ObjectNode) l.get(1)).put("sessionId", s0);
        }), "is the record of session", "but the package lists it as the record of session");
    }

    @Test
    void theRecordsAsListedImport() throws Exception {
        var o = office.importer().importPackage(withRecords(l -> { }), null, PackageImporter.UnknownSigners.REFUSE, false);
        assertThat(o.applied().newRecords()).isEqualTo(3);
    }

    /** The list's signedAt is shown as when the record was signed: it must be the PDF's own signing time. */
    @Test
    void aSigningTimeThatIsNotThePdfsIsRefused() throws Exception {
        String[] record = new String[1];
        refused(withRecords(l -> {
            record[0] = l.get(0).get("id").asText();
            ((ObjectNode) l.get(0)).put("signedAt", "2099-01-01T00:00:00Z");
        }), "2099", "record " + record[0], "but its PDF was signed at", "forged or damaged");
    }

    /** The app reads its clock for the signature and again for the list: a moment apart is the same signing. */
    @Test
    void aSigningTimeWithinTheToleranceImportsAndOneBeyondIsRefused() throws Exception {
        java.time.Instant inPdf = java.time.Instant.parse(JsonFiles.mapper().readTree(entries.get(PackageFormat.SIGNED_RECORDS))
                .get(0).get("signedAt").asText());
        var o = office.importer().importPackage(withRecords(l -> ((ObjectNode) l.get(0)).put("signedAt",
                inPdf.plus(PackageImporter.SIGNING_TIME_TOLERANCE).toString())), null, PackageImporter.UnknownSigners.REFUSE,
                false);
        assertThat(o.applied().newRecords()).isEqualTo(3);
        freshOffice();
        refused(withRecords(l -> ((ObjectNode) l.get(0)).put("signedAt",
                inPdf.minus(PackageImporter.SIGNING_TIME_TOLERANCE).minusSeconds(1).toString())), "2 minutes apart");
    }
}
