package org.epaworkbench.store;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Damages a closed database the way a failing disk or a bad copy does, a few bytes of one page, for
 * tests. Works on the file as it lies (the app folds its log into it when it closes).
 */
public final class DamagedDatabase {

    private DamagedDatabase() {
    }

    /** One event row as stored. */
    public record Row(String eventId, String sessionId, String payload) {
    }

    public static List<Row> rows(Path db) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT event_id, session_id, payload FROM session_event "
                        + "WHERE type = 'criterion-judged' ORDER BY session_id, seq")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return rows;
    }

    /** What a pragma returns, or SQLite's refusal when it cannot even run. */
    public static String pragma(Path db, String pragma) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(pragma)) {
            StringBuilder all = new StringBuilder();
            while (rs.next()) {
                all.append(all.length() == 0 ? "" : "\n").append(rs.getString(1));
            }
            return all.toString();
        } catch (java.sql.SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * Overwrites 64 bytes of a session event's row in its table page, its id and the start of its
     * session's id: {@code quick_check} still says ok (the page's structure is intact), while
     * {@code integrity_check} finds index rows that no longer match the table.
     */
    public static Row breakIndexedRow(Path db) throws Exception {
        for (Row row : rows(db)) {
            for (int at : occurrences(db, row.eventId() + row.sessionId())) {
                byte[] before = Files.readAllBytes(db);
                write(db, at, "x".repeat(64));
                if ("ok".equals(pragma(db, "PRAGMA quick_check")) && !"ok".equals(pragma(db, "PRAGMA integrity_check"))) {
                    return row;
                }
                Files.write(db, before);
            }
        }
        throw new AssertionError("no event row found to damage");
    }

    /**
     * Overwrites one event's payload (as many bytes as it has) so it is no longer JSON: both of
     * SQLite's checks still say ok, but the session cannot be read.
     *
     * @return the damaged row
     */
    public static Row breakPayload(Path db) throws Exception {
        for (Row row : rows(db)) {
            for (int start : occurrences(db, row.eventId() + row.sessionId())) {
                byte[] bytes = Files.readAllBytes(db);
                int at = indexOf(bytes, row.payload().getBytes(StandardCharsets.UTF_8), start, start + 400);
                if (at < 0) {
                    continue;
                }
                write(db, at, "#".repeat(row.payload().getBytes(StandardCharsets.UTF_8).length));
                if ("ok".equals(pragma(db, "PRAGMA integrity_check"))) {
                    return row;
                }
                Files.write(db, bytes);
            }
        }
        throw new AssertionError("no event payload found to damage");
    }

    private static void write(Path db, long at, String text) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(at);
            f.write(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static List<Integer> occurrences(Path db, String text) throws Exception {
        byte[] bytes = Files.readAllBytes(db);
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        List<Integer> found = new ArrayList<>();
        for (int at = indexOf(bytes, needle, 0, bytes.length); at >= 0; at = indexOf(bytes, needle, at + 1, bytes.length)) {
            found.add(at);
        }
        return found;
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= Math.min(to, bytes.length - needle.length); i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
