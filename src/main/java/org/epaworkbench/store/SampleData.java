package org.epaworkbench.store;

import java.sql.SQLException;

/** Removes the sample data the "Try with sample data" action made, in one transaction. */
public final class SampleData {

    private final Database database;

    public SampleData(Database database) {
        this.database = database;
    }

    /** Deletes sample sessions, their events, sample apprentices and a sample assessor profile; returns sessions removed. */
    public int remove() throws SQLException {
        java.util.List<String> files = database.inTransaction(c -> Sql.query(c,
                "SELECT file_name FROM signed_record WHERE sample = 1", rs -> rs.getString(1)));
        int removed = database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM session_heartbeat WHERE session_id IN (SELECT id FROM session WHERE sample = 1)");
            Sql.update(c, "DELETE FROM signed_record WHERE sample = 1");
            Sql.update(c, "DELETE FROM session_event WHERE session_id IN (SELECT id FROM session WHERE sample = 1)");
            int sessions = Sql.update(c, "DELETE FROM session WHERE sample = 1");
            String sampleApprentices = "(SELECT id FROM apprentice WHERE sample = 1 AND id NOT IN (SELECT apprentice_id FROM session))";
            Sql.update(c, "DELETE FROM portfolio_mapping WHERE piece_id IN (SELECT id FROM portfolio_piece WHERE apprentice_id IN "
                    + sampleApprentices + ")");
            for (String table : new String[] {"portfolio_piece", "epa_date", "gateway", "project_proposal", "project_report", "project_mapping"}) {
                Sql.update(c, "DELETE FROM " + table + " WHERE apprentice_id IN " + sampleApprentices);
            }
            Sql.update(c, "DELETE FROM apprentice WHERE sample = 1 AND id NOT IN (SELECT apprentice_id FROM session)");
            Sql.update(c, "DELETE FROM assessor_profile WHERE sample = 1");
            return sessions;
        });
        java.nio.file.Path records = new SignedRecords(database).folder();
        for (String f : files) {
            try {
                java.nio.file.Files.deleteIfExists(records.resolve(f));
            } catch (java.io.IOException e) {
                // the database no longer lists it; a stray sample PDF is harmless
            }
        }
        return removed;
    }

    public boolean present() throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT 1 FROM apprentice WHERE sample = 1 LIMIT 1", rs -> true)
                .isPresent());
    }
}
