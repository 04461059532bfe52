package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutated packages (flipped, cut, inserted, deleted, repeated and zeroed bytes) fed
 * to the importer: each is either refused with a clear {@link PackageRefused}, changing nothing, or
 * (when the mutation touched nothing that matters, such as a zip timestamp) imported whole. Nothing
 * else may happen: no other exception, no partial import.
 */
class PackageFuzzTest {

    static final int MUTATIONS = 3_000;

    @TempDir
    Path dir;

    @Test
    void mutatedPackagesAreRefusedCleanlyOrImportedWhole() throws Exception {
        byte[] good;
        String expected;
        try (SyncFixture device = SyncFixture.assessorDevice(dir.resolve("laptop"))) {
            Outbox outbox = device.outbox();
            var observation = device.records.all().stream().filter(r -> r.fileName().contains("observation")).toList();
            good = Files.readAllBytes(outbox.export(outbox.chosen(List.of(observation.get(0).id())), dir.resolve("usb"),
                    device.identity(), null).file());
            try (SyncFixture reference = new SyncFixture(dir.resolve("reference"))) {
                reference.importer().importPackage(good, null, SyncFixture.FIRST_USE, false);
                expected = counts(reference);
            }
        }
        try (SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            Random random = new Random(20261123L);
            String empty = counts(office);
            int refused = 0;
            int imported = 0;
            for (int i = 0; i < MUTATIONS; i++) {
                String before = counts(office);
                Mutation m = Mutation.random(random, good.length);
                byte[] mutated = m.apply(good, random);
                try {
                    office.importer().importPackage(mutated, null, SyncFixture.FIRST_USE, false);
                    imported++;
                    assertThat(counts(office)).as("an accepted package is imported whole (%s)", m).isEqualTo(expected);
                } catch (PackageRefused e) {
                    refused++;
                    assertThat(e.getMessage()).isNotBlank();
                    assertThat(counts(office)).as("a refused package changes nothing (%s)", m).isEqualTo(before);
                } catch (Throwable t) {
                    fail("mutation " + i + " (" + m + ") caused " + t, t);
                }
            }
            assertThat(refused).isGreaterThan(MUTATIONS / 2);
            assertThat(counts(office)).isIn(empty, expected);
            assertThat(refused + imported).isEqualTo(MUTATIONS);
        }
    }

    static final int DIRECTORY_MUTATIONS = 400;

    /**
     * The same for the zip's central directory and end record: bytes flipped, zeroed, inserted or
     * removed there, an entry renamed, listed twice or left out (with the end record's counts made to
     * fit), data appended after the end. Each is refused cleanly or, where it touched nothing that
     * matters (a time, a version made-by), imported whole; never read one way by the importer and
     * another by other tools.
     */
    @Test
    void centralDirectoryMutationsAreRefusedCleanlyOrImportedWhole() throws Exception {
        byte[] good;
        String expected;
        try (SyncFixture device = SyncFixture.assessorDevice(dir.resolve("laptop"))) {
            Outbox outbox = device.outbox();
            var observation = device.records.all().stream().filter(r -> r.fileName().contains("observation")).toList();
            good = Files.readAllBytes(outbox.export(outbox.chosen(List.of(observation.get(0).id())), dir.resolve("usb"),
                    device.identity(), null).file());
            try (SyncFixture reference = new SyncFixture(dir.resolve("reference"))) {
                reference.importer().importPackage(good, null, SyncFixture.FIRST_USE, false);
                expected = counts(reference);
            }
        }
        int end = good.length - 22;
        int directory = (good[end + 16] & 0xff) | (good[end + 17] & 0xff) << 8 | (good[end + 18] & 0xff) << 16
                | (good[end + 19] & 0xff) << 24;
        try (SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            Random random = new Random(20261202L);
            int refused = 0;
            int imported = 0;
            java.util.Map<String, Integer> refusedBy = new java.util.TreeMap<>();
            for (int i = 0; i < DIRECTORY_MUTATIONS; i++) {
                String before = counts(office);
                String[] kinds = {"flip", "zero", "insert", "delete", "rename", "twice", "drop", "append"};
                String kind = kinds[random.nextInt(kinds.length)];
                byte[] mutated = directoryMutation(kind, good, directory, end, random);
                try {
                    office.importer().importPackage(mutated, null, SyncFixture.FIRST_USE, false);
                    imported++;
                    assertThat(counts(office)).as("an accepted package is imported whole (%s)", kind).isEqualTo(expected);
                } catch (PackageRefused e) {
                    refused++;
                    refusedBy.merge(kind, 1, Integer::sum);
                    assertThat(e.getMessage()).isNotBlank();
                    assertThat(counts(office)).as("a refused package changes nothing (%s)", kind).isEqualTo(before);
                } catch (Throwable t) {
                    fail("directory mutation " + i + " (" + kind + ") caused " + t, t);
                }
            }
            assertThat(refused + imported).isEqualTo(DIRECTORY_MUTATIONS);
            assertThat(refusedBy).as("every kind of directory change that matters is refused")
                    .containsKeys("insert", "delete", "rename", "twice", "drop", "append");
            assertThat(refusedBy.get("rename") + refusedBy.get("twice") + refusedBy.get("drop") + refusedBy.get("append")
                    + refusedBy.get("insert") + refusedBy.get("delete")).as("structural changes are always refused")
                    .isEqualTo(refused - refusedBy.getOrDefault("flip", 0) - refusedBy.getOrDefault("zero", 0));
        }
    }

    /** One change to the zip's central directory or end record. */
    static byte[] directoryMutation(String kind, byte[] in, int directory, int end, Random r) {
        int span = end - directory;
        switch (kind) {
            case "flip", "zero" -> {
                byte[] out = in.clone();
                int at = directory + r.nextInt(in.length - directory);
                out[at] = kind.equals("flip") ? (byte) (out[at] ^ (1 + r.nextInt(255))) : 0;
                return out;
            }
            case "insert" -> {
                int at = directory + r.nextInt(span + 1);
                byte[] extra = new byte[1 + r.nextInt(40)];
                r.nextBytes(extra);
                return splice(in, at, 0, extra);
            }
            case "delete" -> {
                int at = directory + r.nextInt(span);
                return splice(in, at, 1 + r.nextInt(Math.min(40, end - at)), new byte[0]);
            }
            case "append" -> {
                byte[] extra = new byte[1 + r.nextInt(64)];
                r.nextBytes(extra);
                return splice(in, in.length, 0, extra);
            }
            default -> {
                // rename, twice, drop: act on one whole directory entry, then make the end record fit
                List<int[]> entries = new java.util.ArrayList<>();
                for (int p = directory; p < end; ) {
                    int n = (in[p + 28] & 0xff) | (in[p + 29] & 0xff) << 8;
                    int x = (in[p + 30] & 0xff) | (in[p + 31] & 0xff) << 8;
                    int c = (in[p + 32] & 0xff) | (in[p + 33] & 0xff) << 8;
                    entries.add(new int[] {p, 46 + n + x + c, n});
                    p += 46 + n + x + c;
                }
                int[] e = entries.get(r.nextInt(entries.size()));
                byte[] out;
                int count = entries.size();
                if (kind.equals("rename")) {
                    out = in.clone();
                    int at = e[0] + 46 + r.nextInt(e[2]);
                    out[at] = (byte) (out[at] == 'x' ? 'y' : 'x');
                    return out;
                } else if (kind.equals("twice")) {
                    byte[] copy = java.util.Arrays.copyOfRange(in, e[0], e[0] + e[1]);
                    out = splice(in, end, 0, copy);
                    count++;
                    return withEnd(out, count, span + copy.length);
                } else {
                    out = splice(in, e[0], e[1], new byte[0]);
                    count--;
                    return withEnd(out, count, span - e[1]);
                }
            }
        }
    }

    static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }

    /** The end record (the last 22 bytes) with its entry counts and directory size set. */
    static byte[] withEnd(byte[] zip, int count, int directorySize) {
        int end = zip.length - 22;
        zip[end + 8] = (byte) count;
        zip[end + 9] = (byte) (count >> 8);
        zip[end + 10] = (byte) count;
        zip[end + 11] = (byte) (count >> 8);
        for (int i = 0; i < 4; i++) {
            zip[end + 12 + i] = (byte) (directorySize >> (8 * i));
        }
        return zip;
    }

    /** Row counts of everything an import writes, and the PDF files present. */
    static String counts(SyncFixture f) throws Exception {
        StringBuilder s = new StringBuilder();
        try (Statement st = f.db.connection().createStatement()) {
            for (String table : List.of("apprentice", "session", "session_event", "signed_record", "signer_register",
                    "package_imported")) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    s.append(table).append('=').append(rs.getInt(1)).append(' ');
                }
            }
        }
        Path records = f.records.folder();
        s.append("pdfs=").append(Files.isDirectory(records) ? Files.list(records).count() : 0);
        return s.toString();
    }

    /** One way of damaging a package. */
    record Mutation(String kind, int at, int length) {
        static Mutation random(Random r, int size) {
            String[] kinds = {"flip", "cut", "insert", "delete", "repeat", "zero"};
            String kind = kinds[r.nextInt(kinds.length)];
            int at = r.nextInt(size);
            int length = 1 + r.nextInt(r.nextBoolean() ? 4 : 400);
            return new Mutation(kind, at, length);
        }

        byte[] apply(byte[] in, Random r) {
            int len = Math.min(length, in.length - at);
            switch (kind) {
                case "flip" -> {
                    byte[] out = in.clone();
                    for (int i = 0; i < Math.min(3, len); i++) {
                        out[at + i] ^= (byte) (1 + r.nextInt(255));
                    }
                    return out;
                }
                case "cut" -> {
                    return Arrays.copyOf(in, at);
                }
                case "insert" -> {
                    byte[] extra = new byte[length];
                    r.nextBytes(extra);
                    byte[] out = new byte[in.length + length];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(extra, 0, out, at, length);
                    System.arraycopy(in, at, out, at + length, in.length - at);
                    return out;
                }
                case "delete" -> {
                    byte[] out = new byte[in.length - len];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + len, out, at, in.length - at - len);
                    return out;
                }
                case "repeat" -> {
                    byte[] out = new byte[in.length + len];
                    System.arraycopy(in, 0, out, 0, at + len);
                    System.arraycopy(in, at, out, at + len, in.length - at);
                    return out;
                }
                default -> {
                    byte[] out = in.clone();
                    Arrays.fill(out, at, at + len, (byte) 0);
                    return out;
                }
            }
        }
    }
}
