package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void opensInWriteAheadLoggingModeWithFullSync() throws Exception {
        try (Database db = Database.open(DataDirectory.at(dir))) {
            try (Statement st = db.connection().createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
                }
                try (ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                    assertThat(rs.getInt(1)).isEqualTo(2); // FULL
                }
                try (ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }
        assertThat(dir.resolve("workbench.db")).exists();
    }

    @Test
    void reopeningRunsNoMigrationTwice() throws Exception {
        Database.open(DataDirectory.at(dir)).close();
        try (Database db = Database.open(DataDirectory.at(dir));
             Statement st = db.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")) {
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedUntouched() throws Exception {
        Database.open(DataDirectory.at(dir)).close();
        Path file = dir.resolve("workbench.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, installed_on, execution_time, success) VALUES (999, '999', 'from the future', "
                    + "'SQL', 'V999__from_the_future.sql', 0, 'test', strftime('%Y-%m-%d %H:%M:%f','now'), 0, 1)");
            st.executeUpdate("CREATE TABLE future_table (x INTEGER)");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Database.open(DataDirectory.at(dir)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("written by a newer version of EPA Workbench")
                .hasMessageContaining("999")
                .hasMessageContaining("has not been changed");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithAClearMessage() throws Exception {
        Files.writeString(dir.resolve("workbench.db"), "this is a shopping list, not a database ".repeat(200));
        assertThatThrownBy(() -> Database.open(DataDirectory.at(dir)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is not a readable EPA Workbench database");
    }

    @Test
    void defaultDataFolderFollowsTheOperatingSystem() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", "/home/ann").root())
                .isEqualTo(Path.of("/home/ann/.local/share/epa-workbench"));
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data"), "Linux", "/home/ann").root())
                .isEqualTo(Path.of("/data/epa-workbench"));
        // XDG: $HOME wins over Java's user.home (which comes from the password database, not $HOME)
        assertThat(DataDirectory.resolve(null, Map.of("HOME", "/tmp/home"), "Linux", "/home/ann").root())
                .isEqualTo(Path.of("/tmp/home/.local/share/epa-workbench"));
        assertThat(DataDirectory.resolve(null, Map.of("HOME", "/tmp/home", "XDG_DATA_HOME", "/data"), "Linux", "/home/ann").root())
                .isEqualTo(Path.of("/data/epa-workbench"));
        assertThat(DataDirectory.resolve(null, Map.of("HOME", ""), "Linux", "/home/ann").root())
                .isEqualTo(Path.of("/home/ann/.local/share/epa-workbench"));
        assertThat(DataDirectory.resolve(null, Map.of("HOME", "/tmp/home"), "Mac OS X", "/Users/ann").root())
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/EPA Workbench"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", "/Users/ann").root())
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/EPA Workbench"));
        assertThat(DataDirectory.resolve(null, Map.of(DataDirectory.ENVIRONMENT_VARIABLE, "/x"), "Linux", "/home/ann").root())
                .isEqualTo(Path.of("/x"));
        assertThat(DataDirectory.resolve(Path.of("/y"), Map.of(DataDirectory.ENVIRONMENT_VARIABLE, "/x"), "Linux", "/h").root())
                .isEqualTo(Path.of("/y"));
    }
}
