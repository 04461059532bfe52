package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.epaworkbench.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged database never reaches the backups: SQLite's full check ({@code integrity_check}, which
 * compares every index with its table) and a read of every session run before a backup is kept.
 * The damage here is 64 bytes of one session event's row, which the quick check on opening does not see.
 */
class FullCheckBeforeBackupTest {

    @TempDir
    Path dir;
    final Instant[] now = {Instant.parse("2026-11-23T09:00:00Z")};
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    };

    private List<String> fullSetOfGoodBackups() throws Exception {
        assertThat(new CliRunner(dir, clock).run("demo").exitCode()).isZero();
        Backups backups = new Backups(DataDirectory.at(dir), clock);
        try (Database db = Database.open(DataDirectory.at(dir))) {
            for (int i = 0; i < Backups.KEEP; i++) {
                backups.create(db, Backups.Reason.START);
                now[0] = now[0].plus(Duration.ofMinutes(1));
            }
        }
        return backups.list().stream().map(Backups.Backup::name).toList();
    }

    @Test
    void aDatabaseThatFailsTheFullCheckIsNotBackedUpAndNoGoodBackupIsRotatedOut() throws Exception {
        List<String> good = fullSetOfGoodBackups();
        assertThat(good).hasSize(Backups.KEEP);
        Path file = dir.resolve("workbench.db");
        DamagedDatabase.breakIndexedRow(file);
        assertThat(DamagedDatabase.pragma(file, "PRAGMA quick_check")).isEqualTo("ok");

        Backups backups = new Backups(DataDirectory.at(dir), clock);
        try (Database db = Database.open(DataDirectory.at(dir))) {
            backups.check(db); // the quick check on opening passes: this damage needs the full check
            Backups.DatabaseDamaged refused = catchThrowableOfType(Backups.DatabaseDamaged.class,
                    () -> backups.create(db, Backups.Reason.START));
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("is damaged").contains("full check").contains("has not been changed")
                    .contains("backups restore " + good.get(0)).doesNotContain("SQLITE_");
        }
        assertThat(backups.list()).extracting(Backups.Backup::name).as("every good backup kept, none added")
                .containsExactlyElementsOf(good);
        try (Stream<Path> files = Files.list(backups.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void aSessionThatCannotBeReadIsNamedAndNotBackedUp() throws Exception {
        List<String> good = fullSetOfGoodBackups();
        Path file = dir.resolve("workbench.db");
        DamagedDatabase.Row row = DamagedDatabase.breakPayload(file);
        assertThat(DamagedDatabase.pragma(file, "PRAGMA integrity_check")).as("SQLite sees nothing wrong").isEqualTo("ok");

        Backups backups = new Backups(DataDirectory.at(dir), clock);
        try (Database db = Database.open(DataDirectory.at(dir))) {
            var session = new SessionStore(db).summary(row.sessionId()).orElseThrow();
            Backups.DatabaseDamaged refused = catchThrowableOfType(Backups.DatabaseDamaged.class,
                    () -> backups.create(db, Backups.Reason.SIGNING));
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("is damaged").contains("cannot be read")
                    .contains(session.apprenticeName()).contains(row.sessionId()).doesNotContain("Exception");
            assertThat(refused.backups()).isNotEmpty();
        }
        assertThat(backups.list()).extracting(Backups.Backup::name).containsExactlyElementsOf(good);
    }
}
