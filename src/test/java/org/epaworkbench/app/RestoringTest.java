package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.InstanceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring a backup as one flow with explicit outcomes (issue 14), for the restore screen and {@code backups restore}. */
class RestoringTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    Backups.Backup aBackup(DataDirectory folder) throws Exception {
        try (Database db = Database.open(folder)) {
            return new Backups(folder, clock).create(db, Backups.Reason.MANUAL);
        }
    }

    @Test
    void aBackupIsRestoredAndTheDatabaseItReplacedIsMovedAsideNotDeleted() throws Exception {
        DataDirectory folder = DataDirectory.at(dir);
        Backups.Backup b = aBackup(folder);
        Restoring.Outcome outcome = Restoring.restore(folder, b, "a test", clock);
        assertThat(outcome).isInstanceOfSatisfying(Restoring.Restored.class, r -> {
            assertThat(r.backup()).isEqualTo(b);
            assertThat(r.movedAside()).hasValueSatisfying(p -> assertThat(p).exists());
        });
    }

    @Test
    void aFolderAnotherProgramHasIsNotTouchedAndTheOtherProgramIsNamed() throws Exception {
        DataDirectory folder = DataDirectory.at(dir);
        Backups.Backup b = aBackup(folder);
        byte[] before = Files.readAllBytes(folder.databaseFile());
        InstanceLock.Result held = InstanceLock.acquire(folder, "the EPA Workbench app");
        try (InstanceLock lock = held.lock()) {
            assertThat(Restoring.restore(folder, b, "a test", clock)).isInstanceOfSatisfying(Restoring.FolderInUse.class,
                    f -> assertThat(f.heldBy()).contains("the EPA Workbench app"));
        }
        assertThat(Files.readAllBytes(folder.databaseFile())).isEqualTo(before);
    }

    @Test
    void aDamagedBackupFailsWithItsReasonAndNothingIsReplaced() throws Exception {
        DataDirectory folder = DataDirectory.at(dir);
        Backups.Backup b = aBackup(folder);
        Files.write(b.file(), new byte[] {1, 2, 3});
        byte[] before = Files.readAllBytes(folder.databaseFile());
        assertThat(Restoring.restore(folder, b, "a test", clock)).isInstanceOfSatisfying(Restoring.Failed.class,
                f -> assertThat(f.reason()).contains(b.name()).contains("cannot be restored"));
        assertThat(Files.readAllBytes(folder.databaseFile())).isEqualTo(before);
    }
}
