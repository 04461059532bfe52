package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings and the data folder's backups as the application layer offers them to the screens and commands (issue 14). */
class SettingsAndDataFolderTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    Services services(Database db) {
        return new Services(DataDirectory.at(dir), db, () -> {
            throw new AssertionError("plans are not needed here");
        }, clock, ZoneOffset.UTC);
    }

    @Test
    void eachSettingHasItsDefaultUntilSavedAndKeepsWhatWasSaved() throws Exception {
        try (Database db = Database.open(DataDirectory.at(dir))) {
            Settings settings = services(db).settings();
            assertThat(settings.theme()).isEmpty();
            assertThat(settings.trustOnFirstUse()).isFalse();
            assertThat(settings.sessionSettings()).isEqualTo(SessionSettings.DEFAULT);
            assertThat(settings.microphone()).as("the system's default microphone").isEmpty();

            settings.saveMicrophone(java.util.Optional.of(" USB headset "));
            settings.saveTheme("DARK");
            settings.trustOnFirstUse(true);
            SessionSettings chosen = new SessionSettings(Duration.ofMinutes(7), Duration.ofMinutes(3));
            settings.saveSessionSettings(chosen);
        }
        try (Database db = Database.open(DataDirectory.at(dir))) {
            Settings settings = services(db).settings();
            assertThat(settings.theme()).hasValue("DARK");
            assertThat(settings.trustOnFirstUse()).isTrue();
            assertThat(settings.microphone()).hasValue("USB headset");
            settings.saveMicrophone(java.util.Optional.empty());
            assertThat(settings.microphone()).as("back to the default microphone").isEmpty();
            assertThat(settings.sessionSettings()).isEqualTo(new SessionSettings(Duration.ofMinutes(7), Duration.ofMinutes(3)));
            assertThat(new Importing(services(db)).trustOnFirstUse()).as("the Import screen reads the same setting").isTrue();
        }
    }

    @Test
    void aBackupTakenNowIsListedNewestFirstFoundByNameAndDescribedInLocalWords() throws Exception {
        Backups.Backup taken;
        try (Database db = Database.open(DataDirectory.at(dir))) {
            taken = services(db).backUp(Backups.Reason.MANUAL);
        }
        DataFolder folder = DataFolder.at(dir);
        assertThat(folder.root()).isEqualTo(dir);
        assertThat(folder.backups()).containsExactly(taken);
        assertThat(folder.backup(taken.name())).hasValue(taken);
        assertThat(folder.backup("no-such-backup")).isEmpty();
        assertThat(taken.file().getParent()).isEqualTo(folder.backupsFolder());
        assertThat(DataFolder.describe(taken)).startsWith(Backups.Reason.MANUAL.words());
        assertThat(folder.damaged("a test").getMessage()).contains(taken.name());
        assertThat(folder.restore(taken, "a test", clock)).isInstanceOf(Restoring.Restored.class);
    }

}
