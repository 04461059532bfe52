package org.epaworkbench.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rolling copies of the database in the data folder's {@code backups/}: one each time the app starts
 * (after checking the database is sound) and each time a record is signed, the newest
 * {@value #KEEP} kept. A backup is a consistent snapshot ({@code VACUUM INTO}), checked before it is
 * restored; restoring moves the current database aside rather than deleting it.
 */
public final class Backups {

    public static final String FOLDER = "backups";
    public static final int KEEP = 10;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("workbench-(\\d{8}-\\d{9})-([a-z-]+)\\.db");

    /** Why a backup was taken. */
    public enum Reason {
        START("on start"), SIGNING("after signing a record"), MANUAL("on request"), BEFORE_RESTORE("before a restore");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        String slug() {
            return name().toLowerCase().replace('_', '-');
        }

        static Optional<Reason> ofSlug(String slug) {
            for (Reason r : values()) {
                if (r.slug().equals(slug)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** One backup file. */
    public record Backup(String name, Path file, Instant takenAt, Reason reason, long bytes) {
    }

    private final DataDirectory directory;
    private final Clock clock;

    public Backups(DataDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Path folder() {
        return directory.root().resolve(FOLDER);
    }

    /** The backups in the folder, newest first. */
    public List<Backup> list() {
        List<Backup> found = new ArrayList<>();
        if (!Files.isDirectory(folder())) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder(), "workbench-*.db")) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                Optional<Reason> reason = Reason.ofSlug(m.group(2));
                if (reason.isEmpty()) {
                    continue;
                }
                try {
                    Instant at = STAMP.parse(m.group(1), Instant::from);
                    found.add(new Backup(f.getFileName().toString(), f, at, reason.get(), Files.size(f)));
                } catch (DateTimeParseException | IOException e) {
                    // not one of ours, or gone meanwhile
                }
            }
        } catch (IOException e) {
            return found;
        }
        found.sort(Comparator.comparing(Backup::takenAt).reversed());
        return found;
    }

    public Optional<Backup> named(String name) {
        return list().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** Checks the open database is sound ({@code PRAGMA quick_check}); refuses a damaged one, naming the backups. */
    public void check(Database database) throws StorageException {
        String result;
        try {
            synchronized (database) {
                result = quickCheck(database.connection());
            }
        } catch (SQLException e) {
            result = plain(e);
        }
        if (!"ok".equals(result)) {
            throw damaged("SQLite's check reports: " + firstLine(result));
        }
    }

    /**
     * The full check of the database, slower than {@link #check}: SQLite's {@code integrity_check}
     * (which also compares every index with its table, damage the quick check on opening does not
     * see) and a read of every session's log. It runs on a read-only connection of its own, so the
     * app goes on recording meanwhile. Refuses a damaged database, naming what cannot be read and the backups.
     */
    public void fullCheck(Database database) throws StorageException {
        try (Connection c = readOnly(database)) {
            String integrity = rows(c, "PRAGMA integrity_check");
            if (!"ok".equals(integrity)) {
                throw damaged("SQLite's full check reports: " + integrityInWords(firstLine(integrity)));
            }
            Optional<String> unreadable = unreadableSession(c);
            if (unreadable.isPresent()) {
                throw damaged(unreadable.get());
            }
        } catch (SQLException e) {
            throw damaged("SQLite's full check could not read it: " + plain(e));
        }
    }

    private static String integrityInWords(String line) {
        if (line.contains("missing from index") || line.contains("wrong # of entries in index")
                || line.contains("index") && line.contains("missing")) {
            return "an index no longer matches the data it lists (" + line + ")";
        }
        return line;
    }

    /** A read-only connection of its own to the open database, for the long reads of a check or a copy. */
    private static Connection readOnly(Database database) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        return config.createConnection("jdbc:sqlite:" + database.directory().databaseFile());
    }

    /** The first session whose log cannot be read or folded, described for the assessor. */
    private static Optional<String> unreadableSession(Connection c) throws SQLException {
        List<String[]> sessions = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT s.id, a.name, s.component_id, COALESCE(s.started_at, s.created_at) FROM session s "
                        + "LEFT JOIN apprentice a ON a.id = s.apprentice_id ORDER BY s.created_at")) {
            while (rs.next()) {
                sessions.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        for (String[] s : sessions) {
            try {
                org.epaworkbench.session.SessionState.fold(SessionStore.canonical(c, s[0]));
            } catch (RuntimeException | SQLException e) {
                String when = s[3] == null ? "" : ", " + shownDate(s[3]);
                return Optional.of("the session " + s[0] + " (" + (s[1] == null ? "unknown apprentice" : s[1]) + ", "
                        + s[2] + when + ") cannot be read: " + firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static String shownDate(String instant) {
        try {
            return DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.UK)
                    .format(Instant.parse(instant).atZone(java.time.ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /**
     * Takes a consistent copy of the open database and keeps the newest {@value #KEEP}. The database
     * passes the {@linkplain #fullCheck full check} first: a damaged one is refused (a
     * {@link DatabaseDamaged}), so every backup kept passed it, and none is rotated out for a damaged copy.
     */
    public Backup create(Database database, Reason reason) throws StorageException {
        fullCheck(database);
        Instant at = clock.instant();
        Path file = folder().resolve("workbench-" + STAMP.format(at) + "-" + reason.slug() + ".db");
        try {
            OwnerOnly.folder(folder());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            // a snapshot read on a connection of its own: the app goes on recording while a large database is copied
            try (Connection c = readOnly(database); PreparedStatement st = c.prepareStatement("VACUUM INTO ?")) {
                st.setString(1, partial.toString());
                st.executeUpdate();
            }
            OwnerOnly.file(partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            prune();
            return new Backup(file.getFileName().toString(), file, at, reason, Files.size(file));
        } catch (IOException | SQLException e) {
            throw new StorageException("Could not back up the database to " + folder() + ": " + e.getMessage()
                    + ". Your data is unchanged.", e);
        }
    }

    private void prune() throws IOException {
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    /**
     * Puts a backup in place of the database. The data folder must not be open (hold its
     * {@link InstanceLock}, no {@link Database} open). The current database, with its write-ahead
     * log, is moved into {@code backups/replaced-TIME/}, never deleted.
     *
     * @return the folder the replaced database was moved to (empty if there was none)
     */
    public Optional<Path> restore(Backup backup) throws StorageException {
        String problem = checkFile(backup.file());
        if (!"ok".equals(problem)) {
            throw new StorageException("The backup " + backup.name() + " cannot be restored: it is damaged too ("
                    + firstLine(problem) + "). Choose an older one.");
        }
        Path db = directory.databaseFile();
        try {
            Optional<Path> replaced = Optional.empty();
            if (Files.exists(db)) {
                Path aside = folder().resolve("replaced-" + STAMP.format(clock.instant()));
                OwnerOnly.folder(aside);
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Path f = db.resolveSibling(db.getFileName() + suffix);
                    if (Files.exists(f)) {
                        Files.move(f, aside.resolve(f.getFileName()));
                    }
                }
                replaced = Optional.of(aside);
            }
            Path partial = db.resolveSibling(db.getFileName() + ".restoring");
            Files.deleteIfExists(partial);
            OwnerOnly.createFile(partial);
            Files.copy(backup.file(), partial, StandardCopyOption.REPLACE_EXISTING);
            OwnerOnly.file(partial);
            newDeviceId(partial, backup);
            Files.move(partial, db, StandardCopyOption.ATOMIC_MOVE);
            return replaced;
        } catch (SQLException e) {
            throw new StorageException("Could not restore " + backup.name() + ": " + e.getMessage()
                    + ". The database was not replaced; anything moved aside is in " + folder() + ".", e);
        } catch (IOException e) {
            throw new StorageException("Could not restore " + backup.name() + " into " + directory.root() + ": "
                    + e.getMessage() + ". Anything moved aside is in " + folder() + ".", e);
        }
    }

    /**
     * A restored database is a new device: events recorded after the backup was taken (and perhaps
     * already exported) carry the old device id at the same places in their logs as what is recorded
     * from now on, so the restored copy takes a new id. The old one is kept in
     * {@code device.previousIds} (oldest first). A backup older than device ids gets one when opened.
     */
    private void newDeviceId(Path file, Backup backup) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            String old;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT value FROM setting WHERE key = 'device.id'")) {
                old = rs.next() ? rs.getString(1) : null;
            } catch (SQLException noSettingsYet) {
                return;
            }
            if (old == null) {
                return;
            }
            String fresh = java.util.HexFormat.of().formatHex(randomBytes());
            try (PreparedStatement up = c.prepareStatement("UPDATE setting SET value = ? WHERE key = 'device.id'");
                 PreparedStatement keep = c.prepareStatement("INSERT INTO setting (key, value) VALUES ('device.previousIds', ?) "
                         + "ON CONFLICT(key) DO UPDATE SET value = value || ',' || excluded.value")) {
                up.setString(1, fresh);
                up.executeUpdate();
                keep.setString(1, old + " until " + backup.name() + " was restored at " + clock.instant());
                keep.executeUpdate();
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss", java.util.Locale.UK);

    /** When and why a backup was taken, in local time: "on start, 1 Dec 2026, 17:55:02". */
    public static String describe(Backup backup) {
        return backup.reason().words() + ", " + SHOWN.format(backup.takenAt().atZone(java.time.ZoneId.systemDefault()));
    }

    /** The refusal for a damaged database, pointing at the backups that can replace it. */
    public DatabaseDamaged damaged(String detail) {
        List<Backup> backups = list();
        StringBuilder message = new StringBuilder("The database ").append(directory.databaseFile())
                .append(" is damaged (").append(detail).append("). It has not been changed. ");
        if (backups.isEmpty()) {
            message.append("There are no automatic backups in ").append(folder())
                    .append(". Move the file aside to start afresh, or use another data folder with --data-dir.");
        } else {
            Backup newest = backups.get(0);
            message.append("EPA Workbench keeps automatic backups in ").append(folder()).append("; the newest, ")
                    .append(newest.name()).append(", was taken ").append(describe(newest))
                    .append(". Restore it from the app's start screen or with: epa-workbench backups restore ")
                    .append(newest.name());
        }
        return new DatabaseDamaged(message.toString(), backups);
    }

    /** The database is damaged; {@link #backups()} can replace it. */
    public static final class DatabaseDamaged extends StorageException {
        private static final long serialVersionUID = 1L;
        private final transient List<Backup> backups;

        DatabaseDamaged(String message, List<Backup> backups) {
            super(message);
            this.backups = List.copyOf(backups);
        }

        public List<Backup> backups() {
            return backups;
        }
    }

    private static String quickCheck(Connection c) throws SQLException {
        return rows(c, "PRAGMA quick_check");
    }

    private static String rows(Connection c, String pragma) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(pragma)) {
            StringBuilder all = new StringBuilder();
            while (rs.next()) {
                all.append(all.length() == 0 ? "" : "\n").append(rs.getString(1));
            }
            return all.toString();
        }
    }

    /** "ok", or what is wrong with a database file, opened read-only. */
    static String checkFile(Path file) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            return quickCheck(c);
        } catch (SQLException e) {
            return plain(e);
        }
    }

    /** SQLite's words without the driver's decoration: "[SQLITE_CORRUPT] The x (x)" becomes "The x". */
    static String plain(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceFirst("^\\[SQLITE_\\w+\\]\\s*", "").replaceFirst("\\s*\\([^()]*\\)$", "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
