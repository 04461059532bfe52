package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.people.AssessorProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad package is refused, naming what is wrong, and a refused package changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageRefusalTest {

    @TempDir
    static Path dir;
    SyncFixture device;
    SyncFixture office;
    byte[] good;
    SigningIdentity identity;
    String before;
    int run;

    @BeforeAll
    void makePackage() throws Exception {
        device = SyncFixture.assessorDevice(dir.resolve("laptop"));
        good = Files.readAllBytes(device.exportPending(dir.resolve("usb")));
        identity = device.identity();
    }

    @BeforeEach
    void freshOffice() throws Exception {
        if (office != null) {
            office.close();
        }
        office = new SyncFixture(dir.resolve("office-" + run++));
        before = office.snapshot();
    }

    @AfterAll
    void close() {
        device.close();
        office.close();
    }

    void refused(byte[] pkg, String... expected) throws Exception {
        assertThatThrownBy(() -> office.importer().importPackage(pkg, null, SyncFixture.FIRST_USE, false))
                .isInstanceOf(PackageRefused.class).hasMessageContainingAll(expected);
        assertThat(office.snapshot()).as("a refused package changes nothing").isEqualTo(before);
        assertThat(office.sync.register()).isEmpty();
    }

    static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    String firstSessionEntry(Map<String, byte[]> m) {
        return m.keySet().stream().filter(n -> n.startsWith("records/sessions/")).findFirst().orElseThrow();
    }

    @Test
    void aGoodPackageImports() throws Exception {
        office.importer().importPackage(good, null, SyncFixture.FIRST_USE, false);
        assertThat(office.snapshot()).isEqualTo(device.snapshot());
    }

    @Test
    void aChangedEntryIsRefusedByName() throws Exception {
        Map<String, byte[]> m = entries(good);
        String session = firstSessionEntry(m);
        // same length, different content: a judgement turned from met into "mat"
        String json = new String(m.get(session), StandardCharsets.UTF_8);
        assertThat(json).contains("\"met\"");
        m.put(session, json.replaceFirst("\"met\"", "\"mat\"").getBytes(StandardCharsets.UTF_8));
        refused(zip(m), session, "SHA-256");
    }

    @Test
    void aChangedManifestIsRefused() throws Exception {
        Map<String, byte[]> m = entries(good);
        m.put("manifest.json", new String(m.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("Sam Assessor", "Sam Imposter").getBytes(StandardCharsets.UTF_8));
        refused(zip(m), "manifest.json", "changed after signing");
    }

    @Test
    void anUnsignedPackageIsRefused() throws Exception {
        Map<String, byte[]> m = entries(good);
        m.remove("manifest.p7s");
        refused(zip(m), "manifest.p7s", "not signed");
    }

    @Test
    void anEntryNotInTheManifestIsRefused() throws Exception {
        Map<String, byte[]> m = entries(good);
        m.put("records/extra.json", "[]".getBytes(StandardCharsets.UTF_8));
        refused(zip(m), "records/extra.json", "not in the signed manifest");
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws Exception {
        Map<String, byte[]> m = entries(good);
        byte[] manifest = new String(m.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"formatVersion\" : 2", "\"formatVersion\" : 3").getBytes(StandardCharsets.UTF_8);
        m.put("manifest.json", manifest);
        m.put("manifest.p7s", Cms.signDetached(manifest, identity));
        refused(zip(m), "format version 3 is unknown");
    }

    @Test
    void zipSlipNamesAreRefused() throws Exception {
        for (String evil : new String[] {"../../etc/evil.json", "/tmp/evil.json", "records/../../evil.json", "C:/evil.json",
                "records\\..\\evil.json"}) {
            Map<String, byte[]> m = entries(good);
            m.put(evil, "{}".getBytes(StandardCharsets.UTF_8));
            refused(zip(m), evil);
        }
        assertThat(dir.resolve("etc")).doesNotExist();
    }

    @Test
    void anEntryNotInTheManifestIsRefusedBeforeItIsUnpacked() throws Exception {
        // 70 MiB of zeros after the signed entries: refused at its name, none of it read
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries(good).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("records/bomb.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 70; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(out.size()).isLessThan(1_000_000);
        refused(out.toByteArray(), "records/bomb.json", "not in the signed manifest");
    }

    @Test
    void aManifestListingTooManyEntriesIsRefused() throws Exception {
        PackageWriter w = new PackageWriter();
        for (int i = 0; i <= PackageFormat.MAX_ENTRIES; i++) {
            w.add("records/sessions/x" + i + ".json", new byte[0]);
        }
        byte[] pkg = w.write(java.util.UUID.randomUUID().toString(), Instant.parse("2026-11-24T08:00:00Z"),
                device.sessions.deviceId(), identity, null);
        refused(pkg, "manifest.json", "at most " + PackageFormat.MAX_ENTRIES + " entries");
    }

    @Test
    void aPackageThatDoesNotStartWithItsManifestAndSignatureIsRefused() throws Exception {
        Map<String, byte[]> m = entries(good);
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        m.forEach((name, bytes) -> {
            if (!name.equals("manifest.json")) {
                reordered.put(name, bytes);
            }
        });
        reordered.put("manifest.json", m.get("manifest.json"));
        refused(zip(reordered), "manifest.json", "starts with manifest.json");
    }

    @Test
    void duplicateEntriesAreRefused() throws Exception {
        // a listed entry, then a second entry of the same name (renamed in the zip's headers)
        Map<String, byte[]> m = new LinkedHashMap<>(entries(good));
        String session = firstSessionEntry(m);
        String other = session.substring(0, session.length() - 6) + "Z.json";
        m.put(other, m.get(session));
        byte[] z = zip(m);
        String s = new String(z, StandardCharsets.ISO_8859_1).replace(other, session);
        refused(s.getBytes(StandardCharsets.ISO_8859_1), session, "twice");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        for (int cut : new int[] {good.length / 2, good.length - 30, 10, 0}) {
            refused(java.util.Arrays.copyOf(good, cut), "package");
        }
        // a package cut short in copying says so in plain words, and what to do
        for (int cut : new int[] {good.length / 2, good.length - 30}) {
            refused(java.util.Arrays.copyOf(good, cut), "incomplete or damaged", "ask for it to be sent again");
        }
    }

    @Test
    void somethingThatIsNotAPackageIsRefused() throws Exception {
        refused("hello, this is a shopping list".getBytes(StandardCharsets.UTF_8), "not an EPA Workbench package");
    }

    @Test
    void aPinnedAssessorSigningWithAnotherKeyIsRefused() throws Exception {
        office.importer().importPackage(good, null, SyncFixture.FIRST_USE, false);
        assertThat(office.sync.register()).hasSize(1);
        String afterFirst = office.snapshot();

        // the same assessor number, a different key
        AssessorKeyStore other = new AssessorKeyStore(dir.resolve("impostor-" + run), SyncFixture.CLOCK);
        other.create(device.assessor(), "impostor-pass".toCharArray());
        SigningIdentity impostor = other.unlock("impostor-pass".toCharArray());
        PackageWriter w = new PackageWriter();
        Map<String, byte[]> m = entries(good);
        m.forEach((name, bytes) -> {
            if (!name.equals("manifest.json") && !name.equals("manifest.p7s")) {
                w.add(name, bytes);
            }
        });
        byte[] forged = w.write(java.util.UUID.randomUUID().toString(), Instant.parse("2026-11-24T08:00:00Z"),
                device.sessions.deviceId(), impostor, null);
        assertThatThrownBy(() -> office.importer().importPackage(forged, null, SyncFixture.FIRST_USE, false))
                .isInstanceOf(UntrustedSigner.class).hasMessageContaining("the register holds another certificate for assessor");
        assertThat(office.snapshot()).isEqualTo(afterFirst);
    }

    @Test
    void anUnknownSignerIsRefusedUnlessTrustOnFirstUseIsChosen() throws Exception {
        assertThatThrownBy(() -> office.importer().importPackage(good, null, PackageImporter.UnknownSigners.REFUSE, false))
                .isInstanceOf(UntrustedSigner.class).hasMessageContaining("UNTRUSTED").hasMessageContaining("not in the signer register");
        assertThat(office.snapshot()).isEqualTo(before);
    }

    @Test
    void aDryRunChangesNothingButSaysWhatWouldHappen() throws Exception {
        PackageImporter.Outcome dry = office.importer().importPackage(good, null, SyncFixture.FIRST_USE, true);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.applied().newSessions()).isEqualTo(3);
        assertThat(dry.notices()).anySatisfy(n -> assertThat(n).contains("would be pinned"));
        assertThat(office.snapshot()).isEqualTo(before);
        assertThat(office.sync.register()).isEmpty();
    }

    @Test
    void aSignedButInconsistentPackageIsRefused() throws Exception {
        // a session whose planning event names another apprentice, re-signed with the assessor's own key
        Map<String, byte[]> m = entries(good);
        String session = firstSessionEntry(m);
        String json = new String(m.get(session), StandardCharsets.UTF_8);
        json = json.replaceFirst("\"apprenticeId\" : \"[^\"]+\"", "\"apprenticeId\" : \"someone-else\"");
        m.put(session, json.getBytes(StandardCharsets.UTF_8));
        PackageWriter w = new PackageWriter();
        m.forEach((name, bytes) -> {
            if (!name.equals("manifest.json") && !name.equals("manifest.p7s")) {
                w.add(name, bytes);
            }
        });
        byte[] pkg = w.write(java.util.UUID.randomUUID().toString(), Instant.parse("2026-11-24T08:00:00Z"),
                device.sessions.deviceId(), identity, null);
        refused(pkg, session);
    }

    /** The package re-signed with the assessor's own key, as a faulty or altered device might write it. */
    byte[] resigned(Map<String, byte[]> m) throws Exception {
        PackageWriter w = new PackageWriter();
        m.forEach((name, bytes) -> {
            if (!name.equals("manifest.json") && !name.equals("manifest.p7s")) {
                w.add(name, bytes);
            }
        });
        return w.write(java.util.UUID.randomUUID().toString(), Instant.parse("2026-11-24T08:00:00Z"),
                device.sessions.deviceId(), identity, null);
    }

    /** Adds an event of {@code type} after the last one of the (ended) observation, whose criteria include S2.8. */
    Map<String, byte[]> withEventAfterTheEnd(String type, com.fasterxml.jackson.databind.node.ObjectNode payload)
            throws Exception {
        Map<String, byte[]> m = entries(good);
        String session = m.keySet().stream().filter(n -> n.startsWith("records/sessions/"))
                .filter(n -> new String(m.get(n), StandardCharsets.UTF_8).contains("\"componentId\" : \"observation\""))
                .findFirst().orElseThrow();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) org.epaworkbench.packs.JsonFiles.mapper().readTree(m.get(session));
        var events = (com.fasterxml.jackson.databind.node.ArrayNode) json.get("events");
        var last = events.get(events.size() - 1);
        var extra = events.addObject();
        extra.put("id", "evt-after-end").put("seq", last.get("seq").asLong() + 1).put("deviceId", last.get("deviceId").asText())
                .put("type", type).put("at", last.get("at").asText()).put("sessionTimeMillis", last.get("sessionTimeMillis").asLong());
        extra.set("payload", payload);
        // chained after the last event as the app would chain it, so that only the rule for ended sessions can refuse it
        String prev = last.get("hash").asText();
        extra.put("prevHash", prev).put("hash", new org.epaworkbench.store.SyncStore.EventRow("evt-after-end",
                json.get("id").asText(), last.get("seq").asLong() + 1, last.get("deviceId").asText(), type,
                last.get("at").asText(), last.get("sessionTimeMillis").asLong(), payload.toString(), prev, null, null)
                .computedHash());
        m.put(session, org.epaworkbench.packs.JsonFiles.pretty(json).getBytes(StandardCharsets.UTF_8));
        m.put("__session", session.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** An imported log cannot change an ended session except by amendments: a judgement after the end is refused. */
    @Test
    void anEventAfterTheEndThatIsNotAnAmendmentIsRefused() throws Exception {
        var payload = org.epaworkbench.packs.JsonFiles.mapper().createObjectNode().put("criterionId", "S2.8").put("state", "met");
        Map<String, byte[]> m = withEventAfterTheEnd("criterion-judged", payload);
        String session = new String(m.remove("__session"), StandardCharsets.UTF_8);
        refused(resigned(m), session, "evt-after-end", "criterion-judged", "after the session ended", "locked");

        // nor can it extend a session that has already ended here
        office.importer().importPackage(good, null, SyncFixture.FIRST_USE, false);
        String imported = office.snapshot();
        assertThatThrownBy(() -> office.importer().importPackage(resigned(m), null, SyncFixture.FIRST_USE, false))
                .isInstanceOf(PackageRefused.class).hasMessageContaining("after the session ended");
        assertThat(office.snapshot()).isEqualTo(imported);
    }

    /** An amendment after the end is what an ended session takes: it imports. */
    @Test
    void anAmendmentAfterTheEndImports() throws Exception {
        var payload = org.epaworkbench.packs.JsonFiles.mapper().createObjectNode().put("reason", "Confirmed afterwards")
                .put("correctionType", "criterion-judged");
        payload.putObject("correction").put("criterionId", "S2.8").put("state", "met");
        Map<String, byte[]> m = withEventAfterTheEnd("amended", payload);
        String session = new String(m.remove("__session"), StandardCharsets.UTF_8);
        var outcome = office.importer().importPackage(resigned(m), null, SyncFixture.FIRST_USE, false);
        assertThat(outcome.applied().newEvents()).isPositive();
        String sessionId = session.substring("records/sessions/".length(), session.length() - ".json".length());
        var state = office.sessions.state(sessionId).orElseThrow();
        assertThat(state.ended()).isTrue();
        assertThat(state.amendments()).isNotEmpty();
        assertThat(state.ignoredAfterEnd()).isEmpty();
    }

    static AssessorProfile unused() {
        return null;
    }
}
