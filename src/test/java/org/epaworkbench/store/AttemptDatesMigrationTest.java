package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.epaworkbench.assessment.GatewayRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A database written before dates were kept per attempt (schema 5) keeps everything it had when it is opened. */
class AttemptDatesMigrationTest {

    @TempDir
    Path dir;

    @Test
    void datesBecomeFirstAttemptsAndTheProposalItsFirstVersion() throws Exception {
        DataDirectory data = DataDirectory.at(dir);
        data.ensureExists();
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + data.databaseFile());
        Flyway.configure().dataSource(ds).locations(Database.MIGRATIONS).target("5").load().migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO apprentice (id, name, uln, employer, training_provider, plan_id, apprenticeship_start, "
                    + "gateway_date, created_at, updated_at) VALUES ('a-1', 'Ann', '9276308686', 'Acme', 'Train Co', "
                    + "'highfield-css-l3', '2024-10-01', '2026-02-02', 'now', 'now')");
            st.executeUpdate("INSERT INTO gateway (apprentice_id, english_achieved, maths_achieved, proposal_synopsis, "
                    + "proposal_submitted_on, proposal_decision, proposal_feedback, proposal_decided_on, updated_at) VALUES "
                    + "('a-1', 1, 1, 'A synopsis', '2026-02-02', 'NOT_APPROVED', 'Too broad', '2026-02-03', 'now')");
            st.executeUpdate("INSERT INTO epa_date (apprentice_id, kind, subject, date, updated_at) VALUES "
                    + "('a-1', 'planned', 'observation', '2026-03-20', 'now'), ('a-1', 'submitted', 'project report', '2026-03-01', 'now')");
            st.executeUpdate("INSERT INTO project_report (apprentice_id, file_name, attachment, sha256, words_total, "
                    + "words_excluding_annexes, first_annex_heading, updated_at) VALUES ('a-1', 'r.docx', 'x-r.docx', '00', 2900, "
                    + "2500, 'Appendix A', 'now')");
        }
        try (Database db = Database.open(data)) {
            EpaStore store = new EpaStore(db, Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
            var s = store.schedule("a-1");
            assertThat(s.plannedDate("observation", 1)).contains(LocalDate.of(2026, 3, 20));
            assertThat(s.submittedOn("project report", 1)).contains(LocalDate.of(2026, 3, 1));
            GatewayRecord g = store.gateway("a-1");
            assertThat(g.english().achieved()).isTrue();
            assertThat(g.proposals()).containsExactly(new GatewayRecord.ProjectProposal("A synopsis", LocalDate.of(2026, 2, 2),
                    GatewayRecord.ProposalDecision.NOT_APPROVED, "Too broad", LocalDate.of(2026, 2, 3)));
            assertThat(store.report("a-1")).hasValueSatisfying(r -> {
                assertThat(r.words().firstAnnexHeading()).isEqualTo("Appendix A");
                assertThat(r.words().annexLine()).isZero();
                assertThat(r.words().stoppedAt()).contains("“Appendix A”");
            });
        }
    }
}
