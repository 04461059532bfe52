package org.epaworkbench.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.epaworkbench.session.SessionSettings;

/** The assessor's preferences, kept in the data folder's database. */
public final class SettingsStore {

    static final String APPROACHING = "session.approachingMaximumSeconds";
    static final String QUESTIONING = "session.questioningWarningSeconds";
    static final String THEME = "ui.theme";

    private final Database database;

    public SettingsStore(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT value FROM setting WHERE key = ?", rs -> rs.getString(1), key));
    }

    public void put(String key, String value) throws SQLException {
        database.inTransaction(c -> Sql.update(c,
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, value));
    }

    public SessionSettings sessionSettings() throws SQLException {
        SessionSettings d = SessionSettings.DEFAULT;
        Duration approaching = get(APPROACHING).map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(d.approachingMaximum());
        Duration questioning = get(QUESTIONING).map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(d.questioningWarning());
        return new SessionSettings(approaching, questioning);
    }

    public void saveSessionSettings(SessionSettings s) throws SQLException {
        put(APPROACHING, Long.toString(s.approachingMaximum().toSeconds()));
        put(QUESTIONING, Long.toString(s.questioningWarning().toSeconds()));
    }

    public Optional<String> theme() throws SQLException {
        return get(THEME);
    }

    public void saveTheme(String theme) throws SQLException {
        put(THEME, theme);
    }
}
