package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.epaworkbench.keys.DrawnSignature;
import org.epaworkbench.store.Attachments;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 9 of issue 12: {@code workbench.db}, backups and imported PDFs were created world-readable
 * (0644) though they hold names, ULNs and drawn signatures. Every folder in a data folder is now
 * owner-only (0700) and every file 0600, on an assessor's laptop and in the office alike.
 */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void everyFileTheAppWritesInTheDataFolderIsOwnerOnly() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path laptop = dir.resolve("laptop");
        Path office = dir.resolve("office");
        Path evidence = dir.resolve("report.txt");
        Files.writeString(evidence, "The apprentice's project report.");
        Files.setPosixFilePermissions(evidence, PosixFilePermissions.fromString("rw-r--r--"));
        try (SyncFixture a = SyncFixture.assessorDevice(laptop);
             SyncFixture o = new SyncFixture(office)) {
            new DrawnSignature(laptop).save(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            String apprentice = a.people.apprentices().get(0).id();
            new Attachments(DataDirectory.at(laptop)).store(apprentice, evidence);
            new Backups(DataDirectory.at(laptop), SyncFixture.CLOCK).create(a.db, Backups.Reason.MANUAL);
            Path pkg = a.exportPending(dir.resolve("usb"));
            o.importer().importPackage(Files.readAllBytes(pkg), null, SyncFixture.FIRST_USE, false);
            new Backups(DataDirectory.at(office), SyncFixture.CLOCK).create(o.db, Backups.Reason.SIGNING);
        }
        List<String> open = new ArrayList<>();
        for (Path root : List.of(laptop, office)) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    if (p.getFileName().toString().equals(".lock") || p.getFileName().toString().endsWith(".lock")) {
                        continue;
                    }
                    String want = Files.isDirectory(p) ? "rwx------" : "rw-------";
                    String have = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    if (!have.equals(want)) {
                        open.add(dir.relativize(p) + " " + have);
                    }
                }
            }
        }
        assertThat(open).as("files and folders readable by others").isEmpty();
        assertThat(Files.exists(laptop.resolve("workbench.db"))).isTrue();
        try (Stream<Path> records = Files.list(office.resolve("records"))) {
            assertThat(records.count()).as("imported records").isPositive();
        }
    }
}
