package org.epaworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the sample data the "Try with sample data" action (or {@code demo}) made, in one
 * transaction: the sample apprentice with everything attached to it (sessions recorded for it in the
 * app included, their events, records, EPA dates, gateway, portfolio, project report and attached
 * files) and the sample assessor profile. A real assessor profile, and real apprentices with their
 * sessions, are never touched.
 */
public final class SampleData {

    private static final String SAMPLE_APPRENTICES = "(SELECT id FROM apprentice WHERE sample = 1)";
    private static final String SAMPLE_SESSIONS = "(SELECT id FROM session WHERE sample = 1)";

    private final Database database;

    public SampleData(Database database) {
        this.database = database;
    }

    /** Deletes all sample data; returns how many sessions were removed. */
    public int remove() throws SQLException {
        List<String> apprentices = database.inTransaction(c -> Sql.query(c, "SELECT id FROM apprentice WHERE sample = 1",
                rs -> rs.getString(1)));
        List<String> files = database.inTransaction(c -> Sql.query(c, "SELECT file_name FROM signed_record WHERE sample = 1 "
                + "OR apprentice_id IN " + SAMPLE_APPRENTICES + " OR session_id IN (SELECT id FROM session WHERE sample = 1 "
                + "OR apprentice_id IN " + SAMPLE_APPRENTICES + ")", rs -> rs.getString(1)));
        SessionSummaries summaries = database.summaries();
        summaries.prepare();
        int removed = database.inTransaction(c -> {
            // anything attached to a sample apprentice is sample data, whatever it was stored as
            Sql.update(c, "UPDATE session SET sample = 1 WHERE apprentice_id IN " + SAMPLE_APPRENTICES);
            // a real apprentice who had a sample session is graded again without it
            List<String> stay = Sql.query(c, "SELECT DISTINCT apprentice_id FROM session WHERE sample = 1 AND apprentice_id "
                    + "NOT IN " + SAMPLE_APPRENTICES, rs -> rs.getString(1));
            Sql.update(c, "UPDATE signed_record SET sample = 1 WHERE apprentice_id IN " + SAMPLE_APPRENTICES
                    + " OR session_id IN " + SAMPLE_SESSIONS);
            Sql.update(c, "DELETE FROM session_heartbeat WHERE session_id IN " + SAMPLE_SESSIONS);
            Sql.update(c, "DELETE FROM session_export WHERE session_id IN " + SAMPLE_SESSIONS);
            Sql.update(c, "DELETE FROM conflict_resolution WHERE session_id IN " + SAMPLE_SESSIONS);
            Sql.update(c, "DELETE FROM session_owner WHERE session_id IN " + SAMPLE_SESSIONS);
            Sql.update(c, "DELETE FROM signed_record WHERE sample = 1");
            Sql.update(c, "DELETE FROM session_event WHERE session_id IN " + SAMPLE_SESSIONS);
            // every sample session, also one recorded as sample for a real apprentice (who stays)
            int sessions = Sql.update(c, "DELETE FROM session WHERE sample = 1");
            Sql.update(c, "DELETE FROM portfolio_mapping WHERE piece_id IN (SELECT id FROM portfolio_piece WHERE apprentice_id IN "
                    + SAMPLE_APPRENTICES + ")");
            for (String table : new String[] {"portfolio_piece", "epa_date", "gateway", "project_proposal", "project_report",
                    "project_mapping", "apprentice_summary"}) {
                Sql.update(c, "DELETE FROM " + table + " WHERE apprentice_id IN " + SAMPLE_APPRENTICES);
            }
            Sql.update(c, "DELETE FROM apprentice WHERE sample = 1");
            Sql.update(c, "DELETE FROM assessor_profile WHERE sample = 1");
            for (String id : stay) {
                summaries.regrade(c, id);
            }
            return sessions;
        });
        Path records = new SignedRecords(database).folder();
        for (String f : files) {
            deleteQuietly(records.resolve(f));
        }
        Attachments attachments = new Attachments(database.directory());
        for (String id : apprentices) {
            Path folder = attachments.folder(id);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.sorted(Comparator.reverseOrder()).forEach(SampleData::deleteQuietly);
                } catch (IOException e) {
                    // the database no longer lists them; stray sample files are harmless
                }
            }
        }
        return removed;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the database no longer lists it; a stray sample file is harmless
        }
    }

    public boolean present() throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT 1 FROM apprentice WHERE sample = 1 LIMIT 1", rs -> true)
                .isPresent());
    }
}
