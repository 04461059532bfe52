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
