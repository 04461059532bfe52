package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 6 of issue 12, as the attacker did it: zips whose central directory (what unzip lists) and local headers
 * (what an importer streams) disagree: a ghost entry, a renamed entry, junk after the end. One reading of a zip:
 * each is refused, naming what disagrees, and nothing changes; the same entries written consistently import.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZipReadingTest {

    @TempDir
    static Path dir;
    SyncFixture device;
    List<Map.Entry<String, byte[]>> entries;
    int run;

    @BeforeAll
    void makePackage() throws Exception {
        device = SyncFixture.assessorDevice(dir.resolve("laptop"));
        Outbox outbox = device.outbox();
        var one = device.records.all().stream().filter(r -> r.fileName().contains("observation")).toList();
        byte[] good = Files.readAllBytes(outbox.export(outbox.chosen(List.of(one.get(0).id())), dir.resolve("usb"),
                device.identity(), null).file());
        entries = new ArrayList<>(PackageRefusalTest.entries(good).entrySet());
    }

    @AfterAll
    void close() {
        device.close();
    }

    /** One entry of a hand-made zip: stored (not compressed), its local name and its directory name. */
    record Part(String localName, String directoryName, byte[] data, boolean inDirectory) {
        static Part of(String name, byte[] data) {
            return new Part(name, name, data, true);
        }
    }

    /** A zip written byte by byte, so that its directory and its local headers can be made to disagree. */
    static byte[] zip(List<Part> parts, List<Part> directoryOnly, byte[] afterEnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        int count = 0;
        for (Part p : parts) {
            int offset = out.size();
            local(out, p.localName(), p.data());
            if (p.inDirectory()) {
                central(directory, p.directoryName(), p.data(), offset);
                count++;
            }
        }
        for (Part p : directoryOnly) {
            central(directory, p.directoryName(), p.data(), 0);
            count++;
        }
        int directoryOffset = out.size();
        out.writeBytes(directory.toByteArray());
        int32(out, ZipLayout.END);
        int16(out, 0);
        int16(out, 0);
        int16(out, count);
        int16(out, count);
        int32(out, directory.size());
        int32(out, directoryOffset);
        int16(out, 0);
        out.writeBytes(afterEnd);
        return out.toByteArray();
    }

    static void local(ByteArrayOutputStream out, String name, byte[] data) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int32(out, ZipLayout.LOCAL);
        int16(out, 10);
        int16(out, 0);
        int16(out, 0);
        int32(out, 0);
        int32(out, (int) crc(data));
        int32(out, data.length);
        int32(out, data.length);
        int16(out, n.length);
        int16(out, 0);
        out.writeBytes(n);
        out.writeBytes(data);
    }

    static void central(ByteArrayOutputStream out, String name, byte[] data, int offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int32(out, ZipLayout.CENTRAL);
        int16(out, 20);
        int16(out, 10);
        int16(out, 0);
        int16(out, 0);
        int32(out, 0);
        int32(out, (int) crc(data));
        int32(out, data.length);
        int32(out, data.length);
        int16(out, n.length);
        int16(out, 0);
        int16(out, 0);
        int16(out, 0);
        int16(out, 0);
        int32(out, 0);
        int32(out, offset);
        out.writeBytes(n);
    }

    static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }

    static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >> 8) & 0xff);
    }

    static void int32(ByteArrayOutputStream out, int v) {
        int16(out, v & 0xffff);
        int16(out, (v >>> 16) & 0xffff);
    }

    List<Part> parts() {
        return new ArrayList<>(entries.stream().map(e -> Part.of(e.getKey(), e.getValue())).toList());
    }

    void refused(byte[] zip, String... expected) throws Exception {
        for (boolean fromFile : new boolean[] {false, true}) {
            try (SyncFixture office = new SyncFixture(dir.resolve("office-" + run++))) {
                String before = office.snapshot();
                Path file = dir.resolve("forged-" + run + ".epapkg");
                Files.write(file, zip);
                assertThatThrownBy(() -> {
                    if (fromFile) {
                        office.importer().importPackage(file, null, SyncFixture.FIRST_USE, false);
                    } else {
                        office.importer().importPackage(zip, null, SyncFixture.FIRST_USE, false);
                    }
                }).isInstanceOf(PackageRefused.class).hasMessageContainingAll(expected);
                assertThat(office.snapshot()).isEqualTo(before);
                assertThat(office.sync.register()).isEmpty();
            }
        }
    }

    @Test
    void theSameEntriesWrittenConsistentlyImport() throws Exception {
        try (SyncFixture office = new SyncFixture(dir.resolve("office-" + run++))) {
            var outcome = office.importer().importPackage(zip(parts(), List.of(), new byte[0]), null, SyncFixture.FIRST_USE, false);
            assertThat(outcome.applied().newRecords()).isEqualTo(1);
        }
    }

    @Test
    void anEntryRenamedInTheDirectoryIsRefused() throws Exception {
        List<Part> parts = parts();
        Part apprentices = parts.stream().filter(p -> p.localName().equals(PackageFormat.APPRENTICES)).findFirst().orElseThrow();
        parts.set(parts.indexOf(apprentices), new Part(apprentices.localName(), "records/apprentices.jsoN", apprentices.data(),
                true));
        refused(zip(parts, List.of(), new byte[0]), "cannot be read one way only", "is named “records/apprentices.json” "
                + "in its local header");
    }

    @Test
    void aGhostEntryOnlyTheDirectoryListsIsRefused() throws Exception {
        refused(zip(parts(), List.of(Part.of("pdf/ghost.pdf", "%PDF-1.7 ghost".getBytes(StandardCharsets.US_ASCII))),
                new byte[0]), "cannot be read one way only", "“pdf/ghost.pdf” does not start where the entry before it ends");
    }

    @Test
    void aGhostEntryOnlyAStreamingReaderSeesIsRefused() throws Exception {
        List<Part> parts = parts();
        parts.add(3, new Part("records/ghost.json", "records/ghost.json", "[]".getBytes(StandardCharsets.UTF_8), false));
        refused(zip(parts, List.of(), new byte[0]), "cannot be read one way only", "does not start where the entry before "
                + "it ends");
    }

    @Test
    void junkAfterTheEndIsRefused() throws Exception {
        refused(zip(parts(), List.of(), "PK\u0005\u0006 not really the end".getBytes(StandardCharsets.ISO_8859_1)),
                "cannot be read one way only", "data was added after the end");
    }

    @Test
    void anEntryWrittenTwiceIsRefused() throws Exception {
        List<Part> parts = parts();
        Part apprentices = parts.stream().filter(p -> p.localName().equals(PackageFormat.APPRENTICES)).findFirst().orElseThrow();
        parts.add(Part.of(PackageFormat.APPRENTICES, "[]".getBytes(StandardCharsets.UTF_8)));
        assertThat(apprentices.data()).isNotEqualTo("[]".getBytes(StandardCharsets.UTF_8));
        refused(zip(parts, List.of(), new byte[0]), "cannot be read one way only", "lists “records/apprentices.json” twice");
    }

    @Test
    void anEntryOutsideTheManifestInBothReadingsIsRefused() throws Exception {
        List<Part> parts = parts();
        parts.add(Part.of("records/extra.json", "[]".getBytes(StandardCharsets.UTF_8)));
        refused(zip(parts, List.of(), new byte[0]), "records/extra.json", "not in the signed manifest");
    }
}
