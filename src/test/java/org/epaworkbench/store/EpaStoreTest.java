package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.epaworkbench.assessment.EpaSchedule;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.assessment.SubmittedReport;
import org.epaworkbench.assessment.WordCount;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpaStoreTest {

    @TempDir
    Path dir;
    Database db;
    EpaStore store;
    PeopleStore people;
    final Clock wall = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        store = new EpaStore(db, wall);
        people = new PeopleStore(db, wall);
        people.save(apprentice("a-1", false));
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Apprentice apprentice(String id, boolean sample) {
        return new Apprentice(id, "Ann Apprentice", Uln.of("9276308686"), "Acme", "Train Co", "highfield-css-l3",
                LocalDate.of(2025, 1, 6), null, sample);
    }

    void reopen() throws Exception {
        db.close();
        db = Database.open(DataDirectory.at(dir));
        store = new EpaStore(db, wall);
        people = new PeopleStore(db, wall);
    }

    @Test
    void aNewApprenticeHasAnEmptyGatewayWithTheApprenticesDates() throws Exception {
        GatewayRecord g = store.gateway("a-1");
        assertThat(g.apprenticeshipStart()).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(g.gatewayDate()).isNull();
        assertThat(g.english().achieved()).isFalse();
        assertThat(g.proposal()).isEqualTo(GatewayRecord.ProjectProposal.NONE);
    }

    @Test
    void theGatewayRecordIsKeptWithTheDatesOnTheApprentice() throws Exception {
        GatewayRecord g = new GatewayRecord(LocalDate.of(2025, 1, 13), LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 2),
                new GatewayRecord.Qualification(true, "GCSE certificate seen"), new GatewayRecord.Qualification(true, "Functional Skills L2"),
                true, false, "Passport", "Extra time: 25%", new GatewayRecord.ProjectProposal("A synopsis", LocalDate.of(2026, 2, 3),
                        GatewayRecord.ProposalDecision.NOT_APPROVED, "Too broad", LocalDate.of(2026, 2, 5)));
        store.saveGateway("a-1", g);
        reopen();
        assertThat(store.gateway("a-1")).isEqualTo(g);
        Apprentice a = people.apprentice("a-1").orElseThrow();
        assertThat(a.apprenticeshipStart()).isEqualTo(LocalDate.of(2025, 1, 13));
        assertThat(a.gatewayDate()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThatThrownBy(() -> store.saveGateway("nobody", g)).hasMessageContaining("no apprentice nobody");
    }

    @Test
    void datesAreSetMovedAndCleared() throws Exception {
        store.setDate("a-1", EpaStore.DateKind.PLANNED, "observation", LocalDate.of(2026, 3, 1));
        store.setDate("a-1", EpaStore.DateKind.PLANNED, "observation", LocalDate.of(2026, 3, 8));
        store.setDate("a-1", EpaStore.DateKind.NOTICE, "observation", LocalDate.of(2026, 2, 20));
        store.setDate("a-1", EpaStore.DateKind.SUBMITTED, "project report", LocalDate.of(2026, 2, 25));
        store.setDate("a-1", EpaStore.DateKind.PLANNED, "wbp-interview", LocalDate.of(2026, 3, 20));
        store.setDate("a-1", EpaStore.DateKind.PLANNED, "wbp-interview", null);
        reopen();
        assertThat(store.schedule("a-1")).isEqualTo(EpaSchedule.firstAttempts(Map.of("observation", LocalDate.of(2026, 3, 8)),
                Map.of("observation", LocalDate.of(2026, 2, 20)), Map.of("project report", LocalDate.of(2026, 2, 25))));
    }

    /** A resit's dates are kept beside the first attempt's, never over them. */
    @Test
    void eachAttemptKeepsItsOwnDates() throws Exception {
        store.setDate("a-1", EpaStore.DateKind.PLANNED, "wbp-interview", LocalDate.of(2026, 3, 20));
        store.setDate("a-1", EpaStore.DateKind.SUBMITTED, "project report", LocalDate.of(2026, 3, 1));
        store.setDate("a-1", EpaStore.DateKind.PLANNED, "wbp-interview", 2, LocalDate.of(2026, 5, 20));
        store.setDate("a-1", EpaStore.DateKind.SUBMITTED, "project report", 2, LocalDate.of(2026, 4, 18));
        store.setDate("a-1", EpaStore.DateKind.NOTICE, "observation", 3, LocalDate.of(2026, 6, 1));
        store.setDate("a-1", EpaStore.DateKind.NOTICE, "observation", 3, null);
        reopen();
        EpaSchedule s = store.schedule("a-1");
        assertThat(s.plannedDate("wbp-interview")).contains(LocalDate.of(2026, 3, 20));
        assertThat(s.plannedDate("wbp-interview", 2)).contains(LocalDate.of(2026, 5, 20));
        assertThat(s.submittedOn("project report")).contains(LocalDate.of(2026, 3, 1));
        assertThat(s.submittedOn("project report", 2)).contains(LocalDate.of(2026, 4, 18));
        assertThat(s.noticeGiven()).isEmpty();
        assertThat(s.latestPlanned("wbp-interview")).hasValueSatisfying(d -> assertThat(d.attempt()).isEqualTo(2));
        assertThatThrownBy(() -> store.setDate("a-1", EpaStore.DateKind.PLANNED, "observation", 0, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A proposal not approved and its resubmission are two versions, each with its decision. */
    @Test
    void everyVersionOfTheProposalIsKept() throws Exception {
        var first = new GatewayRecord.ProjectProposal("First synopsis", LocalDate.of(2026, 2, 2),
                GatewayRecord.ProposalDecision.NOT_APPROVED, "Too broad", LocalDate.of(2026, 2, 3));
        var second = new GatewayRecord.ProjectProposal("Revised synopsis", LocalDate.of(2026, 2, 9),
                GatewayRecord.ProposalDecision.APPROVED, "", LocalDate.of(2026, 2, 10));
        GatewayRecord g = store.gateway("a-1").withDates(LocalDate.of(2025, 1, 6), null, LocalDate.of(2026, 2, 2))
                .withProposals(java.util.List.of(first, second));
        store.saveGateway("a-1", g);
        reopen();
        assertThat(store.gateway("a-1").proposals()).containsExactly(first, second);
        assertThat(store.gateway("a-1").proposal()).isEqualTo(second);
        store.saveGateway("a-1", g.withProposals(java.util.List.of(first)));
        assertThat(store.gateway("a-1").proposals()).containsExactly(first);
    }

    @Test
    void portfolioPiecesKeepTheirNumbersAndMappings() throws Exception {
        assertThat(store.nextPieceNumber("a-1")).isEqualTo(1);
        PortfolioPiece one = store.savePiece("a-1", new PortfolioPiece(null, 1, "Complaint log", "Work product",
                LocalDate.of(2026, 1, 5), "e-portfolio item 14", "", Set.of("K1.1", "S1.2")));
        store.savePiece("a-1", new PortfolioPiece(null, 2, "Witness statement", "Witness testimony", null, "", "abc-ws.pdf", Set.of()));
        assertThat(store.nextPieceNumber("a-1")).isEqualTo(3);
        assertThatThrownBy(() -> store.savePiece("a-1", new PortfolioPiece(null, 1, "Duplicate", "", null, "", "", Set.of())))
                .isInstanceOf(EpaStore.PortfolioProblem.class).hasMessage("Piece number 1 is already “Complaint log”: choose another number.");
        store.map(one.id(), "B2.1", true);
        store.map(one.id(), "S1.2", false);
        reopen();
        var pieces = store.portfolio("a-1");
        assertThat(pieces).extracting(PortfolioPiece::number).containsExactly(1, 2);
        assertThat(pieces.get(0).criteria()).containsExactlyInAnyOrder("K1.1", "B2.1");
        assertThat(pieces.get(1).attachment()).isEqualTo("abc-ws.pdf");
        store.removePiece(one.id());
        assertThat(store.portfolio("a-1")).extracting(PortfolioPiece::title).containsExactly("Witness statement");
    }

    @Test
    void theReportAndTheApprenticesMappingAreKept() throws Exception {
        SubmittedReport r = new SubmittedReport("Project.docx", "1234abcd-Project.docx", "1234abcd",
                new WordCount.ReportWords(2900, 2480, "Appendix A", 212, 9));
        store.saveReport("a-1", r);
        store.saveReportMapping("a-1", "K1.1", "Section 2, page 4");
        store.saveReportMapping("a-1", "S2.1", "Section 3");
        store.saveReportMapping("a-1", "S2.1", "  ");
        reopen();
        assertThat(store.report("a-1")).contains(r);
        assertThat(store.reportMapping("a-1")).containsExactly(Map.entry("K1.1", "Section 2, page 4"));
    }

    @Test
    void removingSampleDataRemovesTheSampleApprenticesEpaToo() throws Exception {
        people.save(apprentice("sample-1", true));
        store.setDate("sample-1", EpaStore.DateKind.PLANNED, "observation", LocalDate.of(2026, 3, 1));
        PortfolioPiece p = store.savePiece("sample-1", new PortfolioPiece(null, 1, "Log", "", null, "", "", Set.of("K1.1")));
        store.saveGateway("sample-1", GatewayRecord.EMPTY);
        new SampleData(db).remove();
        assertThat(people.apprentice("sample-1")).isEmpty();
        try (var st = db.connection().createStatement(); var rs = st.executeQuery(
                "SELECT (SELECT COUNT(*) FROM epa_date) + (SELECT COUNT(*) FROM portfolio_piece) + (SELECT COUNT(*) FROM gateway)"
                        + " + (SELECT COUNT(*) FROM portfolio_mapping WHERE piece_id = '" + p.id() + "')")) {
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(people.apprentice("a-1")).isPresent();
    }

    @Test
    void attachmentsAreCopiedInOnceAndStayInsideTheApprenticesFolder() throws Exception {
        Attachments attachments = new Attachments(DataDirectory.at(dir));
        Path source = dir.resolve("Witness statement (signed).pdf");
        Files.writeString(source, "%PDF-1.7 pretend");
        Attachments.Stored first = attachments.store("a-1", source);
        Attachments.Stored again = attachments.store("a-1", source);
        assertThat(again).isEqualTo(first);
        assertThat(first.name()).endsWith("-Witness statement _signed_.pdf");
        assertThat(Attachments.originalName(first.name())).isEqualTo("Witness statement _signed_.pdf");
        assertThat(Files.readString(attachments.file("a-1", first.name()))).isEqualTo("%PDF-1.7 pretend");
        try (var files = Files.list(attachments.folder("a-1"))) {
            assertThat(files).hasSize(1);
        }
        assertThatThrownBy(() -> attachments.file("a-1", "../../workbench.db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> attachments.store("a-1", dir.resolve("missing.pdf"))).hasMessageContaining("does not exist");
    }
}
