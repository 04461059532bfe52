package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.app.RecordedSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records are bound to their signer: a package may add only to sessions its own signer's
 * certificate brought, every PDF it brings is signed by that certificate, its manifest's assessor
 * is the certificate's holder, and an event already here never changes. What was imported never
 * goes out again in this folder's outbox. Times are compared as instants.
 */
class RecordOwnershipTest {

    @TempDir
    Path dir;

    /** Assessor B's laptop: another assessor, with their own key. */
    SyncFixture otherAssessor(Path root) throws Exception {
        SyncFixture b = new SyncFixture(root);
        b.people.saveAssessor(new AssessorProfile("Robin Other", "EPA-000999", "Elsewhere Assessment", false));
        return b;
    }

    static void amend(SyncFixture f, String session, CriterionState state, String reason) throws Exception {
        RecordedSession.open(f.sessions, f.plans, session, SyncFixture.sessionClock(), SessionSettings.DEFAULT)
                .perform(l -> l.amend(reason, new EventBody.CriterionJudged("S2.8", state)));
    }

    /** A package of these entries, signed anew by {@code identity}. */
    static byte[] resigned(Map<String, byte[]> entries, SigningIdentity identity, String deviceId) throws Exception {
        PackageWriter w = new PackageWriter();
        entries.forEach((name, bytes) -> {
            if (!name.equals(PackageFormat.MANIFEST) && !name.equals(PackageFormat.SIGNATURE)) {
                w.add(name, bytes);
            }
        });
        return w.write(UUID.randomUUID().toString(), Instant.parse("2026-11-24T08:00:00Z"), deviceId, identity, null);
    }

    @Test
    void anotherAssessorCannotAmendASessionThatIsNotTheirs() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture b = otherAssessor(dir.resolve("assessor-b"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            byte[] fromA = Files.readAllBytes(a.exportPending(dir.resolve("usb-a")));
            office.importer().importPackage(fromA, null, SyncFixture.FIRST_USE, false);
            String before = office.snapshot();

            // B takes A's records, amends A's observation (flipping a judgement) and sends it, signed by B
            b.importer().importPackage(fromA, null, SyncFixture.FIRST_USE, false);
            String observation = a.sync.allSessions().get(2);
            amend(b, observation, CriterionState.NOT_MET, "Changed my mind");
            byte[] fromB = Files.readAllBytes(b.exportPending(dir.resolve("usb-b")));

            String entry = "records/sessions/" + observation + ".json";
            assertThatThrownBy(() -> office.importer().importPackage(fromB, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class)
                    .hasMessageStartingWith(entry)
                    .hasMessageContaining("belongs to the assessor whose certificate is "
                            + Certificates.fingerprint(a.identity().certificate()))
                    .hasMessageContaining("Robin Other");
            assertThat(office.snapshot()).as("nothing changed").isEqualTo(before);
            assertThat(office.sync.owner(observation)).contains(Certificates.fingerprint(a.identity().certificate()));
        }
    }

    @Test
    void anotherAssessorCannotAddASignedRecordToASessionThatIsNotTheirs() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture b = otherAssessor(dir.resolve("assessor-b"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            byte[] fromA = Files.readAllBytes(a.exportPending(dir.resolve("usb-a")));
            office.importer().importPackage(fromA, null, SyncFixture.FIRST_USE, false);
            b.importer().importPackage(fromA, null, SyncFixture.FIRST_USE, false);
            assertThat(b.outbox().pending().isEmpty()).as("imported records are not B's to send").isTrue();
            // B signs a record of A's session (no new events): the PDF is B's, the session A's
            String interview = a.sync.allSessions().get(0);
            var produced = b.producer().signSession(interview, b.identity(), null, s -> { });
            byte[] fromB = Files.readAllBytes(b.exportPending(dir.resolve("usb-b")));
            String before = office.snapshot();
            // the package carries the record's session, which is A's from its first event: refused there, before its PDF
            assertThat(produced.record().sessionId()).isEqualTo(interview);
            assertThatThrownBy(() -> office.importer().importPackage(fromB, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class)
                    .hasMessageStartingWith(PackageFormat.SESSIONS + interview + ".json")
                    .hasMessageContaining("adds to session " + interview);
            assertThat(office.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aPdfSignedByAnyoneButThePackagesSignerIsRefused() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture b = otherAssessor(dir.resolve("assessor-b"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            // B's own new session, but its record signed with A's key, in a package signed by B
            var made = new SampleDataMaker(b.plans, b.people, b.sessions, SyncFixture.CLOCK).make(false);
            var produced = b.producer().signSession(made.sessionIds().get(0), a.identity(), null, s -> { });
            Outbox outbox = b.outbox();
            byte[] fromB = Files.readAllBytes(outbox.export(outbox.chosen(List.of(produced.record().id())),
                    dir.resolve("usb-b"), b.identity(), null).file());
            assertThatThrownBy(() -> office.importer().importPackage(fromB, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class)
                    .hasMessageStartingWith("pdf/" + produced.record().fileName())
                    .hasMessageContaining("is signed by Sam Assessor").hasMessageContaining("not by the package's signer");
            assertThat(office.sessions.list()).isEmpty();
        }
    }

    @Test
    void newSessionsBelongToTheirSignerAndTheOwnerMayAddToThem() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture b = otherAssessor(dir.resolve("assessor-b"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            office.importer().importPackage(Files.readAllBytes(a.exportPending(dir.resolve("usb-a1"))), null, SyncFixture.FIRST_USE, false);
            new SampleDataMaker(b.plans, b.people, b.sessions, SyncFixture.CLOCK).make(false);
            office.importer().importPackage(Files.readAllBytes(b.exportPending(dir.resolve("usb-b"))), null, SyncFixture.FIRST_USE, false);
            String aFingerprint = Certificates.fingerprint(a.identity().certificate());
            String bFingerprint = Certificates.fingerprint(b.identity().certificate());
            for (String s : a.sync.allSessions()) {
                assertThat(office.sync.owner(s)).contains(aFingerprint);
            }
            for (String s : b.sync.allSessions()) {
                assertThat(office.sync.owner(s)).contains(bFingerprint);
            }
            // A amends their own session later: accepted
            String observation = a.sync.allSessions().get(2);
            amend(a, observation, CriterionState.NOT_MET, "Corrected after review");
            var outcome = office.importer().importPackage(Files.readAllBytes(a.exportPending(dir.resolve("usb-a2"))), null,
                    SyncFixture.FIRST_USE, false);
            assertThat(outcome.applied().newEvents()).isEqualTo(1);
        }
    }

    @Test
    void aManifestWhoseAssessorIsNotTheCertificatesHolderIsRefused() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            Map<String, byte[]> entries = PackageRefusalTest.entries(Files.readAllBytes(a.exportPending(dir.resolve("usb"))));
            for (String[] claim : new String[][] {{"EPA-000123", "EPA-000777"}, {"Sam Assessor", "Sam Someone"},
                    {"Highfield Assessment", "Another Organisation"}}) {
                byte[] manifest = new String(entries.get(PackageFormat.MANIFEST), StandardCharsets.UTF_8)
                        .replace("\"" + claim[0], "\"" + claim[1]).getBytes(StandardCharsets.UTF_8);
                assertThat(manifest).isNotEqualTo(entries.get(PackageFormat.MANIFEST));
                Map<String, byte[]> changed = new LinkedHashMap<>(entries);
                changed.put(PackageFormat.MANIFEST, manifest);
                changed.put(PackageFormat.SIGNATURE, Cms.signDetached(manifest, a.identity()));
                byte[] pkg = PackageRefusalTest.zip(changed);
                assertThatThrownBy(() -> office.importer().importPackage(pkg, null, SyncFixture.FIRST_USE, false))
                        .isInstanceOf(PackageRefused.class).hasMessageStartingWith("manifest.json")
                        .hasMessageContaining("says its assessor is").hasMessageContaining(claim[1]);
                assertThat(office.sync.register()).isEmpty();
            }
            // the register keys the assessor by the number in the certificate
            office.importer().importPackage(PackageRefusalTest.zip(entries), null, SyncFixture.FIRST_USE, false);
            assertThat(office.sync.register()).singleElement().satisfies(s -> assertThat(s.assessorKey())
                    .isEqualTo("number:" + SignerRegister.assessorNumber(a.identity().certificate())));
        }
    }

    @Test
    void anEventThatArrivesChangedIsRefusedNamingItsEntry() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            byte[] good = Files.readAllBytes(a.exportPending(dir.resolve("usb")));
            office.importer().importPackage(good, null, SyncFixture.FIRST_USE, false);
            String before = office.snapshot();
            // the owner's own key, an event of the same id with other content
            Map<String, byte[]> entries = PackageRefusalTest.entries(good);
            String session = entries.keySet().stream().filter(n -> n.startsWith(PackageFormat.SESSIONS)).findFirst().orElseThrow();
            String json = new String(entries.get(session), StandardCharsets.UTF_8);
            assertThat(json).contains("\"state\" : \"met\"");
            entries.put(session, json.replaceFirst("\"state\" : \"met\"", "\"state\" : \"not_met\"").getBytes(StandardCharsets.UTF_8));
            byte[] forged = resigned(entries, a.identity(), a.sessions.deviceId());
            assertThatThrownBy(() -> office.importer().importPackage(forged, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageStartingWith(session)
                    .hasMessageContaining("differs from the event of that id here");
            assertThat(office.snapshot()).isEqualTo(before);
        }
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void twoCopiesOfADataFolderThatRecordDifferentlyAreKeptAsAConflictInEitherOrder() throws Exception {
        Path original = dir.resolve("laptop");
        Path copy = dir.resolve("laptop-copy");
        byte[] first;
        String observation;
        try (SyncFixture a = SyncFixture.assessorDevice(original)) {
            first = Files.readAllBytes(a.exportPending(dir.resolve("usb-1")));
            observation = a.sync.allSessions().get(2);
        }
        copyTree(original, copy);
        byte[] fromOriginal;
        byte[] fromCopy;
        try (SyncFixture a = new SyncFixture(original); SyncFixture c = new SyncFixture(copy)) {
            assertThat(c.sessions.deviceId()).as("a copied folder shares its device id").isEqualTo(a.sessions.deviceId());
            amend(a, observation, CriterionState.MET, "Confirmed on the original");
            amend(c, observation, CriterionState.NOT_MET, "Corrected on the copy");
            fromOriginal = Files.readAllBytes(a.exportPending(dir.resolve("usb-2")));
            fromCopy = Files.readAllBytes(c.exportPending(dir.resolve("usb-3")));
        }
        String[] snapshots = new String[2];
        for (int order = 0; order < 2; order++) {
            try (SyncFixture office = new SyncFixture(dir.resolve("office-" + order))) {
                office.importer().importPackage(first, null, SyncFixture.FIRST_USE, false);
                office.importer().importPackage(order == 0 ? fromOriginal : fromCopy, null, SyncFixture.FIRST_USE, false);
                var outcome = office.importer().importPackage(order == 0 ? fromCopy : fromOriginal, null, SyncFixture.FIRST_USE, false);
                assertThat(outcome.applied().newEvents()).as("the second version is kept, not dropped").isEqualTo(1);
                assertThat(outcome.applied().conflictedSessions()).containsExactly(observation);
                assertThat(office.sessions.conflicts()).singleElement().satisfies(c -> assertThat(c.eventIds()).hasSize(2));
                snapshots[order] = office.snapshot();
            }
        }
        assertThat(snapshots[0]).isEqualTo(snapshots[1]);
    }

    @Test
    void whatAnOfficeImportsIsNotInItsOutbox() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            office.importer().importPackage(Files.readAllBytes(a.exportPending(dir.resolve("usb"))), null, SyncFixture.FIRST_USE, false);
            assertThat(office.outbox().pending().isEmpty()).isTrue();
            assertThat(office.outbox().all().isEmpty()).isTrue();
            assertThat(office.outbox().since(Instant.EPOCH).isEmpty()).isTrue();
            assertThat(office.records.all()).hasSize(3).allSatisfy(r -> assertThat(r.imported()).isTrue());
            assertThat(a.records.all()).allSatisfy(r -> assertThat(r.imported()).isFalse());
        }
    }

    @Test
    void sinceComparesTimesAsInstantsNotAsText() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"))) {
            // records signed at 15:00:00Z; as text "…15:00:00Z" sorts after "…15:00:00.500Z"
            assertThat(a.outbox().since(Instant.parse("2026-11-23T15:00:00.500Z")).records()).isEmpty();
            assertThat(a.outbox().since(Instant.parse("2026-11-23T14:59:59.500Z")).records()).hasSize(3);
        }
    }

    @Test
    void theLaterApprenticeUpdateWinsComparedAsAnInstantInEitherOrder() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"))) {
            Map<String, byte[]> entries = PackageRefusalTest.entries(Files.readAllBytes(a.exportPending(dir.resolve("usb"))));
            byte[] early = withApprentice(entries, "2026-11-23T15:01:00Z", "Jordan Early", a);
            byte[] later = withApprentice(entries, "2026-11-23T15:01:00.250Z", "Jordan Later", a);
            for (int order = 0; order < 2; order++) {
                try (SyncFixture office = new SyncFixture(dir.resolve("office-" + order))) {
                    office.importer().importPackage(order == 0 ? early : later, null, SyncFixture.FIRST_USE, false);
                    office.importer().importPackage(order == 0 ? later : early, null, SyncFixture.FIRST_USE, false);
                    assertThat(office.sync.apprentices(java.util.Set.of(a.people.apprentices().get(0).id())))
                            .singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("Jordan Later"));
                }
            }
        }
    }

    static byte[] withApprentice(Map<String, byte[]> entries, String updatedAt, String name, SyncFixture a) throws Exception {
        JsonNode list = JsonFiles.mapper().readTree(entries.get(PackageFormat.APPRENTICES));
        ((ObjectNode) list.get(0)).put("updatedAt", updatedAt).put("name", name);
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(PackageFormat.APPRENTICES, PackageJson.bytes(list));
        return resigned(changed, a.identity(), a.sessions.deviceId());
    }
}
