package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SignedRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poppler's pdfsig, an independent checker, agrees with our verifier about every kind of record (each
 * component's and the overall result) and refuses a sample of changed bytes, in the signed ranges and
 * in the signature. Skipped, saying why, where pdfsig is not installed (.ci/run installs it).
 */
class PdfsigTest {

    static final String VALID = "Signature Validation: Signature is Valid.";

    @TempDir
    Path dir;

    @Test
    void pdfsigFindsEveryKindOfRecordValidAndWhollySigned() throws Exception {
        assumeTrue(LongRecordTest.pdfsigAvailable(), "pdfsig (poppler-utils) is not installed here; .ci/run installs it");
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        Map<String, byte[]> records = new LinkedHashMap<>();
        try (Database db = Database.open(DataDirectory.at(dir.resolve("data")))) {
            PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, clock), new ArrayList<>());
            PeopleStore people = new PeopleStore(db, clock);
            SessionStore sessions = new SessionStore(db);
            SampleDataMaker.Made made = new SampleDataMaker(plans, people, sessions, clock).make();
            RecordProducer producer = new RecordProducer(plans, sessions, people, new SignedRecords(db),
                    new AssessorKeyStore(dir.resolve("data"), clock), clock, ZoneId.of("Europe/London"));
            var identity = producer.unlockOrCreate("pdfsig-test-password".toCharArray()).identity();
            for (String session : made.sessionIds()) {
                String component = sessions.summary(session).orElseThrow().componentId();
                records.put(component, producer.signSession(session, identity, null, s -> { }).pdf());
            }
            records.put("overall-result", producer.signOverall(made.apprenticeId(), identity, null, s -> { }).pdf());
        }
        assertThat(records).containsKeys("wbp-interview", "professional-discussion", "observation", "overall-result");
        for (Map.Entry<String, byte[]> r : records.entrySet()) {
            Path file = dir.resolve(r.getKey() + ".pdf");
            Files.write(file, r.getValue());
            assertThat(LongRecordTest.pdfsig(file)).as(r.getKey()).contains(VALID).contains("Total document signed");
            assertThat(new PadesVerifier().verify(file.toString(), r.getValue()).verified()).as(r.getKey()).isTrue();
        }
    }

    /**
     * pdfsig refuses a changed byte in the signed ranges and in the signature proper (its start, its
     * signature value, its end), as our verifier does. It does not notice everything our verifier
     * does: a hex letter written in the other case, bytes changed in the embedded certificate away
     * from its public key (it checks neither the certificate's own signature nor the
     * signing-certificate-v2 attribute), or non-zero padding (which is why records have none).
     * {@link SignatureTamperingTest} checks that our verifier refuses those.
     */
    @Test
    void pdfsigRefusesASampleOfChangedBytesAsOurVerifierDoes() throws Exception {
        assumeTrue(LongRecordTest.pdfsigAvailable(), "pdfsig (poppler-utils) is not installed here; .ci/run installs it");
        var identity = SignatureTamperingTest.identity(dir.resolve("keys"),
                new org.epaworkbench.people.AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
        byte[] record = SignatureTamperingTest.smallRecord(new PadesSigner(), identity);
        int[] c = SignatureTamperingTest.contents(record);
        Random random = new Random(7L);
        // '<', the ContentInfo's header, the end of the hex and '>'
        List<Integer> positions = new ArrayList<>(List.of(c[0], c[0] + 1, c[0] + 2, c[0] + 3, c[1] - 1, c[1] - 2, c[1]));
        // the RSA signature value: the last 384 bytes (768 hex digits) before the closing end-of-contents octets
        for (int i = 0; i < 20; i++) {
            positions.add(c[1] - 20 - random.nextInt(740));
        }
        while (positions.size() < 27 + 24) {
            int at = random.nextInt(record.length);
            if (at < c[0] || at > c[1]) {
                positions.add(at); // in the signed ranges
            }
        }
        List<String> acceptedByPdfsig = new ArrayList<>();
        for (int at : positions) {
            byte[] changed = record.clone();
            // a different value, not another case of the same hex letter
            changed[at] = (byte) (record[at] == '9' ? '0' : record[at] == 'F' ? '0' : record[at] + 1);
            Path file = dir.resolve("changed-" + at + ".pdf");
            Files.write(file, changed);
            if (LongRecordTest.pdfsig(file).contains(VALID)) {
                acceptedByPdfsig.add(Integer.toString(at));
            }
            assertThat(new PadesVerifier().verify(file.toString(), changed).verified()).as("changed at %d", at).isFalse();
        }
        assertThat(acceptedByPdfsig).as("changed bytes pdfsig still found valid").isEmpty();
    }
}
