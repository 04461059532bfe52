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
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the zip of a package (issue 12, finding 6), beyond {@link ZipReadingTest} and {@link ZipBombTest}:
 * zip64 forms, a CRC only the local header changes, bytes hidden between entries, a deflate stream that ends
 * before its declared size (with and without a data descriptor), a path-traversal name in both readings, sizes
 * claiming gigabytes, a comment, several disks, encryption. Each is refused, read from memory and from a file, with
 * a message in words, and nothing changes in the office; no file appears outside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZipAttackTest {

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

    /** One entry, every field of its local header and directory entry settable. */
    static final class E {
        String localName;
        String directoryName;
        int method;
        int flags;
        byte[] payload;
        long crc;
        long localCompressed;
        long localSize;
        long directoryCompressed;
        long directorySize;
        byte[] localExtra = new byte[0];
        byte[] directoryExtra = new byte[0];
        byte[] afterData = new byte[0];
        byte[] before = new byte[0];

        static E stored(String name, byte[] data) {
            E e = new E();
            e.localName = name;
            e.directoryName = name;
            e.payload = data;
            e.crc = ZipReadingTest.crc(data);
            e.localCompressed = data.length;
            e.localSize = data.length;
            e.directoryCompressed = data.length;
            e.directorySize = data.length;
            return e;
        }
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    static void int16(ByteArrayOutputStream out, long v) {
        ZipReadingTest.int16(out, (int) v);
    }

    static void int32(ByteArrayOutputStream out, long v) {
        ZipReadingTest.int32(out, (int) v);
    }

    static byte[] zip(List<E> parts, int disk, byte[] comment, byte[] beforeEnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (E e : parts) {
            out.writeBytes(e.before);
            int offset = out.size();
            byte[] n = e.localName.getBytes(StandardCharsets.UTF_8);
            int32(out, ZipLayout.LOCAL);
            int16(out, 20);
            int16(out, e.flags);
            int16(out, e.method);
            int32(out, 0);
            int32(out, (e.flags & 8) != 0 ? 0 : e.crc);
            int32(out, (e.flags & 8) != 0 ? 0 : e.localCompressed);
            int32(out, (e.flags & 8) != 0 ? 0 : e.localSize);
            int16(out, n.length);
            int16(out, e.localExtra.length);
            out.writeBytes(n);
            out.writeBytes(e.localExtra);
            out.writeBytes(e.payload);
            out.writeBytes(e.afterData);
            if ((e.flags & 8) != 0) {
                int32(out, 0x08074b50);
                int32(out, e.crc);
                int32(out, e.localCompressed);
                int32(out, e.localSize);
            }
            byte[] dn = e.directoryName.getBytes(StandardCharsets.UTF_8);
            int32(directory, ZipLayout.CENTRAL);
            int16(directory, 20);
            int16(directory, 20);
            int16(directory, e.flags);
            int16(directory, e.method);
            int32(directory, 0);
            int32(directory, e.crc);
            int32(directory, e.directoryCompressed);
            int32(directory, e.directorySize);
            int16(directory, dn.length);
            int16(directory, e.directoryExtra.length);
            int16(directory, 0);
            int16(directory, 0);
            int16(directory, 0);
            int32(directory, 0);
            int32(directory, offset);
            directory.writeBytes(dn);
            directory.writeBytes(e.directoryExtra);
        }
        int directoryOffset = out.size();
        out.writeBytes(directory.toByteArray());
        out.writeBytes(beforeEnd);
        int32(out, ZipLayout.END);
        int16(out, disk);
        int16(out, disk);
        int16(out, parts.size());
        int16(out, parts.size());
        int32(out, directory.size());
        int32(out, directoryOffset);
        int16(out, comment.length);
        out.writeBytes(comment);
        return out.toByteArray();
    }

    List<E> parts() {
        return new ArrayList<>(entries.stream().map(e -> E.stored(e.getKey(), e.getValue())).toList());
    }

    /** The package's own entries, the one named {@code name} (or, for null, the third) changed by {@code change}. */
    byte[] with(String name, Consumer<E> change) {
        List<E> parts = parts();
        E target = name == null ? parts.get(2) : parts.stream().filter(e -> e.localName.equals(name)).findFirst().orElseThrow();
        change.accept(target);
        return zip(parts, 0, new byte[0], new byte[0]);
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
                }).isInstanceOf(PackageRefused.class)
                        .satisfies(e -> {
                            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("java.")
                                    .as("the zip library's own words are not shown").doesNotContain("detail:")
                                    .doesNotContain("invalid entry");
                            if (expected.length > 0) {
                                assertThat(e.getMessage()).contains(expected);
                            }
                        });
                assertThat(office.snapshot()).isEqualTo(before);
                assertThat(office.sync.register()).isEmpty();
            }
        }
    }

    @Test
    void theHandMadeZipOfTheSameEntriesImports() throws Exception {
        List<E> parts = parts();
        E third = parts.get(2);
        third.method = 8;
        third.payload = deflate(entries.get(2).getValue());
        third.localCompressed = third.payload.length;
        third.directoryCompressed = third.payload.length;
        try (SyncFixture office = new SyncFixture(dir.resolve("office-" + run++))) {
            var outcome = office.importer().importPackage(zip(parts, 0, new byte[0], new byte[0]), null, SyncFixture.FIRST_USE,
                    false);
            assertThat(outcome.applied().newRecords()).isEqualTo(1);
        }
    }

    @Test
    void zip64SizesInTheDirectoryAreRefused() throws Exception {
        refused(with(null, e -> {
            e.directoryCompressed = 0xFFFFFFFFL;
            e.directorySize = 0xFFFFFFFFL;
            ByteArrayOutputStream x = new ByteArrayOutputStream();
            int16(x, 1);
            int16(x, 16);
            int32(x, e.payload.length);
            int32(x, 0);
            int32(x, e.payload.length);
            int32(x, 0);
            e.directoryExtra = x.toByteArray();
        }), "zip64");
    }

    @Test
    void aZip64EndRecordBeforeTheEndIsRefused() throws Exception {
        ByteArrayOutputStream z64 = new ByteArrayOutputStream();
        int32(z64, 0x06064b50);
        z64.writeBytes(new byte[52]);
        int32(z64, 0x07064b50);
        z64.writeBytes(new byte[16]);
        refused(zip(parts(), 0, new byte[0], z64.toByteArray()), "does not end where the end record begins");
    }

    @Test
    void aCrcChangedOnlyInTheLocalHeaderIsRefused() throws Exception {
        // another CRC in both readings: the data does not match it, and the refusal names the entry
        refused(with(null, e -> e.crc ^= 1), entries.get(2).getKey() + ": the package is incomplete or damaged");
        // another CRC in the local header alone
        List<E> parts = parts();
        byte[] zip = zip(parts, 0, new byte[0], new byte[0]);
        int local = 0;
        for (E e : parts.subList(0, 2)) {
            local += 30 + e.localName.getBytes(StandardCharsets.UTF_8).length + e.payload.length;
        }
        assertThat(ZipReadingTest.crc(new byte[0]) >= 0 && zip[local] == 'P' && zip[local + 1] == 'K').isTrue();
        zip[local + 14] ^= 1;
        refused(zip, "another CRC or size in its local header than in the zip directory");
    }

    @Test
    void bytesHiddenBetweenEntriesAreRefused() throws Exception {
        refused(with(null, e -> e.before = "hidden".getBytes(StandardCharsets.UTF_8)), "does not start where the entry before it ends");
    }

    @Test
    void aDeflateStreamEndingBeforeItsDeclaredSizeIsRefused() throws Exception {
        refused(with(null, e -> {
            e.method = 8;
            byte[] deflated = deflate(e.payload);
            byte[] hidden = "{\"ghost\":true}".getBytes(StandardCharsets.UTF_8);
            e.payload = new byte[deflated.length + hidden.length];
            System.arraycopy(deflated, 0, e.payload, 0, deflated.length);
            System.arraycopy(hidden, 0, e.payload, deflated.length, hidden.length);
            e.localCompressed = e.payload.length;
            e.directoryCompressed = e.payload.length;
        }));
    }

    @Test
    void aDeflateStreamEndingEarlyWithADataDescriptorIsRefused() throws Exception {
        refused(with(null, e -> {
            e.method = 8;
            e.flags = 8;
            byte[] deflated = deflate(e.payload);
            byte[] hidden = new byte[16];
            e.payload = new byte[deflated.length + hidden.length];
            System.arraycopy(deflated, 0, e.payload, 0, deflated.length);
            e.localCompressed = e.payload.length;
            e.directoryCompressed = e.payload.length;
        }));
    }

    @Test
    void aPathTraversalNameInBothReadingsIsRefusedAndWritesNothingOutside() throws Exception {
        for (String evil : List.of("../evil.json", "../../evil.pdf", "pdf/../../evil.pdf", "/tmp/evil.json")) {
            List<E> parts = parts();
            parts.add(E.stored(evil, "{}".getBytes(StandardCharsets.UTF_8)));
            refused(zip(parts, 0, new byte[0], new byte[0]));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("evil"));
        }
        assertThat(dir.getParent().resolve("evil.json")).doesNotExist();
    }

    @Test
    void sizesClaimingGigabytesAreRefused() throws Exception {
        refused(with(null, e -> {
            e.localSize = 0xFFFFFFFEL;
            e.directorySize = 0xFFFFFFFEL;
        }));
        refused(with(null, e -> {
            e.localCompressed = 0xFFFFFFFEL;
            e.directoryCompressed = 0xFFFFFFFEL;
        }), "runs past the start of the zip directory");
    }

    @Test
    void aCommentSeveralDisksAndEncryptionAreRefused() throws Exception {
        refused(zip(parts(), 0, "a comment".getBytes(StandardCharsets.UTF_8), new byte[0]),
                "its zip directory carries a comment (9 bytes of text after it)");
        refused(zip(parts(), 1, new byte[0], new byte[0]), "several disks");
        refused(with(null, e -> e.flags = 1), "encrypted");
    }

    /** The same refusals through the command line: a non-zero exit, the file and the entry named, no stack trace. */
    @Test
    void importRefusesTheForgeriesInWords() throws Exception {
        org.epaworkbench.cli.CliRunner cli = new org.epaworkbench.cli.CliRunner(dir.resolve("cli-office"), SyncFixture.CLOCK);
        String entry = entries.get(2).getKey();
        Map<String, byte[]> forged = Map.of(
                "crc.epapkg", with(null, e -> e.crc ^= 1),
                "hidden.epapkg", with(null, e -> e.before = "hidden".getBytes(StandardCharsets.UTF_8)),
                "zip64.epapkg", with(null, e -> {
                    e.directoryCompressed = 0xFFFFFFFFL;
                    e.directorySize = 0xFFFFFFFFL;
                }));
        for (var f : forged.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.write(file, f.getValue());
            org.epaworkbench.cli.CliRunner.Run run = cli.run("import", file.toString(), "--trust-on-first-use");
            assertThat(run.exitCode()).as(f.getKey()).isNotZero();
            assertThat(run.err()).as(f.getKey()).contains(f.getKey()).contains(entry)
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        try (SyncFixture office = new SyncFixture(dir.resolve("cli-office"))) {
            assertThat(office.sessions.list()).as("nothing imported").isEmpty();
            assertThat(office.sync.register()).as("nothing pinned").isEmpty();
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
