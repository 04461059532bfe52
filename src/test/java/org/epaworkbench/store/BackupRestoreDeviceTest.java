package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restored backup is a new device: what was recorded after the backup (and perhaps exported) used
 * the old device id, so the restored folder must not record under it again. The old id is kept.
 */
class BackupRestoreDeviceTest {

    @TempDir
    Path dir;

    @Test
    void restoringABackupGivesTheFolderANewDeviceIdAndRemembersTheOldOne() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        Backups backups = new Backups(DataDirectory.at(dir), clock);
        String before;
        try (Database db = Database.open(DataDirectory.at(dir))) {
            before = new SessionStore(db).deviceId();
            backups.create(db, Backups.Reason.MANUAL);
        }
        Backups.Backup backup = backups.list().get(0);
        backups.restore(backup);
        try (Database db = Database.open(DataDirectory.at(dir))) {
            String after = new SessionStore(db).deviceId();
            assertThat(after).isNotEqualTo(before).matches("[0-9a-f]{32}");
            assertThat(new SettingsStore(db).get("device.previousIds")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith(before).contains(backup.name()));
        }
        // a backup of the restored folder, restored in its turn: a third id, both old ones kept
        Backups later = new Backups(DataDirectory.at(dir), Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC));
        String second;
        try (Database db = Database.open(DataDirectory.at(dir))) {
            second = new SessionStore(db).deviceId();
            later.create(db, Backups.Reason.MANUAL);
        }
        later.restore(later.list().get(0));
        try (Database db = Database.open(DataDirectory.at(dir))) {
            assertThat(new SessionStore(db).deviceId()).isNotIn(before, second);
            assertThat(new SettingsStore(db).get("device.previousIds").orElseThrow().split(",")).hasSize(2)
                    .satisfies(ids -> assertThat(ids[0]).startsWith(before), ids -> assertThat(ids[1]).startsWith(second));
        }
    }
}
