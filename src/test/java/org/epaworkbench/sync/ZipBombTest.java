package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.AssessorProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip bombs small on disk, validly signed by someone (anyone can make a key): sixteen entries of 63 MiB
 * of zeros each, about a megabyte zipped. Whether the manifest declares their real size, lies about it,
 * or leaves them out, the package is refused without unpacking more than the manifest declares, and a
 * JVM with a 128 MiB heap refuses each of them cleanly instead of running out of memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZipBombTest {

    static final int ENTRIES = 16;
    static final long SIZE = 63L * 1024 * 1024;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    SigningIdentity identity;
    String zerosSha256;
    Path honest;
    Path lying;
    Path unlisted;

    @BeforeAll
    void makeBombs() throws Exception {
        AssessorKeyStore keys = new AssessorKeyStore(dir.resolve("bomber"), CLOCK);
        keys.create(new AssessorProfile("Bo Bomber", "EPA-666", "Nowhere", false), "bomber-password".toCharArray());
        identity = keys.unlock("bomber-password".toCharArray());
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] zeros = new byte[1 << 20];
        for (long i = 0; i < SIZE / zeros.length; i++) {
            d.update(zeros);
        }
        zerosSha256 = HexFormat.of().formatHex(d.digest());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            names.add("pdf/bomb-" + i + ".pdf");
        }
        honest = bomb("honest.epapkg", names, names, SIZE);
        lying = bomb("lying.epapkg", names, names, 1000);
        unlisted = bomb("unlisted.epapkg", names, List.of(), SIZE);
        assertThat(Files.size(honest)).as("small on disk").isLessThan(2_000_000);
    }

    /** A zip: a signed manifest listing {@code listed} with {@code declared} bytes each, then every name with 63 MiB of zeros. */
    Path bomb(String file, List<String> names, List<String> listed, long declared) throws Exception {
        ObjectNode manifest = JsonFiles.mapper().createObjectNode();
        manifest.put("formatVersion", PackageFormat.FORMAT_VERSION).put("packageId", UUID.randomUUID().toString()).put("createdAt", "2026-11-23T15:00:00Z")
                .put("deviceId", "0123456789abcdef0123456789abcdef");
        manifest.putObject("assessor").put("name", "Bo Bomber").put("assessorNumber", "EPA-666").put("organisation", "Nowhere");
        manifest.put("certificateFingerprint", Certificates.fingerprint(identity.certificate()));
        ArrayNode list = manifest.putArray("entries");
        for (String n : listed) {
            list.addObject().put("name", n).put("size", declared).put("sha256", zerosSha256);
        }
        byte[] manifestBytes = PackageJson.bytes(manifest);
        Path out = dir.resolve(file);
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry(PackageFormat.MANIFEST));
            z.write(manifestBytes);
            z.putNextEntry(new ZipEntry(PackageFormat.SIGNATURE));
            z.write(Cms.signDetached(manifestBytes, identity));
            byte[] zeros = new byte[1 << 20];
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                for (long i = 0; i < SIZE / zeros.length; i++) {
                    z.write(zeros);
                }
            }
        }
        return out;
    }

    @Test
    void aBombWhoseManifestDeclaresItsSizeIsRefusedBeforeAnythingIsUnpacked() throws Exception {
        assertThatThrownBy(() -> PackageReader.open(honest, null))
                .isInstanceOf(PackageRefused.class).hasMessageContaining("pdf/bomb-0.pdf").hasMessageContaining("zip bomb");
    }

    @Test
    void aBombThatUnderstatesItsSizesIsRefusedAtTheFirstByteTooMany() throws Exception {
        try (PackageReader reader = PackageReader.open(lying, null)) {
            Path staging = Files.createDirectories(dir.resolve("staging"));
            assertThatThrownBy(() -> reader.readEntries(staging)).isInstanceOf(PackageRefused.class)
                    .hasMessageContaining("pdf/bomb-0.pdf").hasMessageContaining("more than the 1000 bytes the manifest says");
            assertThat(reader.inflated()).as("bytes unpacked").isLessThan(100_000);
        }
    }

    @Test
    void entriesTheManifestDoesNotListAreRefusedUnread() throws Exception {
        // the zip's directory is compared with the signed manifest when the package is opened: refused before any
        // entry but the manifest and its signature is unpacked
        assertThatThrownBy(() -> PackageReader.open(unlisted, null)).isInstanceOf(PackageRefused.class)
                .hasMessageContaining("pdf/bomb-0.pdf").hasMessageContaining("not in the signed manifest");
    }

    @Test
    void aLimitsBreakingTotalIsRefusedFromTheManifest() throws Exception {
        List<String> names = new ArrayList<>();
        for (long i = 0; i <= PackageFormat.MAX_TOTAL_BYTES / (31L * 1024 * 1024); i++) {
            names.add("pdf/big-" + i + ".pdf");
        }
        // 31 MiB entries: each within the entry limit, together over the package's
        Path small = bomb("total.epapkg", List.of(), names, 31L * 1024 * 1024);
        assertThatThrownBy(() -> PackageReader.open(small, null)).isInstanceOf(PackageRefused.class)
                .hasMessageContaining("manifest.json").hasMessageContaining("unpacks to more than " + PackageFormat.MAX_TOTAL_BYTES);
    }

    @Test
    void aJvmWithA128MiBHeapRefusesEachBombCleanly() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ImportInChildJvm.class.getName(), dir.resolve("office").toString(), honest.toString(), lying.toString(),
                unlisted.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().filter(l -> l.startsWith("REFUSED") || l.startsWith("IMPORTED")
                || l.startsWith("OUT OF MEMORY")).toList();
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("REFUSED").contains("pdf/bomb-0.pdf"));
    }
}
