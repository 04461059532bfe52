package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup copies the database on a connection of its own (issue 17): with years of sessions the copy takes seconds,
 * and the app's writer must not wait for it. Here the writer's lock is held throughout, as by a transaction in
 * progress; the backup still completes, and the copy holds what was committed.
 */
class BackupBesideTheWriterTest {

    @TempDir
    Path dir;

    @Test
    void aBackupIsTakenWhileTheWritersLockIsHeld() throws Exception {
        assertThat(new CliRunner(dir).run("demo").exitCode()).isZero();
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        Backups backups = new Backups(DataDirectory.at(dir), clock);
        try (Database db = Database.open(DataDirectory.at(dir))) {
            Backups.Backup taken;
            synchronized (db) {
                CompletableFuture<Backups.Backup> backup = CompletableFuture.supplyAsync(() -> {
                    try {
                        return backups.create(db, Backups.Reason.MANUAL);
                    } catch (StorageException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // before: the copy waited for the writer's lock, held here until the backup was given up on
                taken = backup.get(60, TimeUnit.SECONDS);
            }
            assertThat(Files.size(taken.file())).isPositive();
            assertThat(Backups.checkFile(taken.file())).isEqualTo("ok");
        }
    }
}
