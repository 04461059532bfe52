package org.epaworkbench.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprenticeEpaTest {

    final AssessmentPlan highfield = EpaCheckTest.plan("highfield-css-l3");
    final Apprentice apprentice = new Apprentice("a1", "Sam Patel", Uln.of("9276308686"), "Acme", "Trainers Ltd",
            "highfield-css-l3", EpaCheckTest.START, LocalDate.of(2026, 2, 2), false);

    ApprenticeEpa epa(GatewayRecord g, Optional<SubmittedReport> report, List<Attempt> attempts, boolean signed) {
        return new ApprenticeEpa(apprentice, g, EpaSchedule.EMPTY, List.of(), report, Map.of(), attempts, signed);
    }

    SubmittedReport report(int counted) {
        return new SubmittedReport("report.docx", "report.docx", "00", new WordCount.ReportWords(counted + 300, counted, "Annex A"));
    }

    @ParameterizedTest(name = "{0} words excluding annexes → flagged {1}")
    @CsvSource({"2249, true", "2250, false", "2500, false", "2750, false", "2751, true"})
    void theReportMustBeWithinTenPercentOf2500Words(int words, boolean flagged) {
        var review = epa(EpaCheckTest.gateway(LocalDate.of(2026, 2, 2)), Optional.of(report(words)), List.of(), false)
                .review(highfield, EpaCheckTest.TODAY);
        assertThat(review.reportLength().isPresent()).isEqualTo(flagged);
        if (flagged) {
            assertThat(review.reportLength().get().message()).contains("words excluding annexes; the plan allows 2,250 to 2,750 (2,500 ±10%)");
        }
    }

    @Test
    void statusFollowsTheGatewayTheAttemptsAndTheSignedResult() {
        GatewayRecord passed = EpaCheckTest.gateway(LocalDate.of(2026, 2, 2));
        assertThat(epa(GatewayRecord.EMPTY, Optional.empty(), List.of(), false).status(highfield)).isEqualTo(ApprenticeStatus.AT_GATEWAY);
        assertThat(epa(passed, Optional.empty(), List.of(), false).status(highfield)).isEqualTo(ApprenticeStatus.IN_EPA);
        List<Attempt> two = List.of(new Attempt("observation", AttemptKind.FIRST, LocalDate.of(2026, 3, 1), Grade.PASS),
                new Attempt("wbp-interview", AttemptKind.FIRST, LocalDate.of(2026, 3, 2), Grade.PASS));
        assertThat(epa(passed, Optional.empty(), two, false).status(highfield)).isEqualTo(ApprenticeStatus.IN_EPA);
        List<Attempt> all = new java.util.ArrayList<>(two);
        all.add(new Attempt("professional-discussion", AttemptKind.FIRST, LocalDate.of(2026, 3, 3), Grade.DISTINCTION));
        assertThat(epa(passed, Optional.empty(), all, false).status(highfield)).isEqualTo(ApprenticeStatus.AWAITING_RESULT);
        assertThat(epa(passed, Optional.empty(), all, true).status(highfield)).isEqualTo(ApprenticeStatus.COMPLETE);
    }

    /** 001 states no English or maths requirement: a Practitioner apprentice past the gateway is in EPA without them. */
    @Test
    void englishAndMathsHoldTheApprenticeAtTheGatewayOnlyWhereThePlanAsksForThem() {
        GatewayRecord noQualifications = new GatewayRecord(EpaCheckTest.START, null, LocalDate.of(2026, 2, 2),
                GatewayRecord.Qualification.NONE, GatewayRecord.Qualification.NONE, true, true, "", "", GatewayRecord.ProjectProposal.NONE);
        assertThat(epa(noQualifications, Optional.empty(), List.of(), false).status(highfield)).isEqualTo(ApprenticeStatus.AT_GATEWAY);
        assertThat(epa(noQualifications, Optional.empty(), List.of(), false).status(EpaCheckTest.plan("highfield-csp-l2")))
                .isEqualTo(ApprenticeStatus.IN_EPA);
    }

    /** Item 6 of the audit: a failed component waiting for its resit is not "awaiting result". */
    @Test
    void aFailedComponentMakesAResitDueUntilItIsPassed() {
        GatewayRecord passed = EpaCheckTest.gateway(LocalDate.of(2026, 2, 2));
        List<Attempt> failedOne = new java.util.ArrayList<>(List.of(
                new Attempt("observation", AttemptKind.FIRST, LocalDate.of(2026, 3, 1), Grade.FAIL),
                new Attempt("wbp-interview", AttemptKind.FIRST, LocalDate.of(2026, 3, 2), Grade.PASS),
                new Attempt("professional-discussion", AttemptKind.FIRST, LocalDate.of(2026, 3, 3), Grade.PASS)));
        assertThat(epa(passed, Optional.empty(), failedOne, false).status(highfield)).isEqualTo(ApprenticeStatus.RESIT_DUE);
        assertThat(epa(passed, Optional.empty(), failedOne.subList(0, 1), false).status(highfield))
                .isEqualTo(ApprenticeStatus.RESIT_DUE);
        failedOne.add(new Attempt("observation", AttemptKind.RESIT, LocalDate.of(2026, 4, 1), Grade.PASS));
        assertThat(epa(passed, Optional.empty(), failedOne, false).status(highfield)).isEqualTo(ApprenticeStatus.AWAITING_RESULT);
        // a resit that fails again keeps the resit due; a signed (failed) overall result completes the EPA
        failedOne.add(new Attempt("wbp-interview", AttemptKind.RETAKE, LocalDate.of(2026, 4, 2), Grade.FAIL));
        assertThat(epa(passed, Optional.empty(), failedOne, false).status(highfield)).isEqualTo(ApprenticeStatus.RESIT_DUE);
        assertThat(epa(passed, Optional.empty(), failedOne, true).status(highfield)).isEqualTo(ApprenticeStatus.COMPLETE);
        assertThat(ApprenticeStatus.ofWord("resit-due")).contains(ApprenticeStatus.RESIT_DUE);
    }

    @Test
    void theNextPlannedDateSkipsAttemptsThatHaveTakenPlace() {
        EpaSchedule s = EpaSchedule.firstAttempts(Map.of("observation", LocalDate.of(2026, 3, 1)), Map.of(), Map.of())
                .withPlanned("observation", 2, LocalDate.of(2026, 5, 1));
        List<Attempt> failed = List.of(new Attempt("observation", AttemptKind.FIRST, LocalDate.of(2026, 3, 1), Grade.FAIL));
        ApprenticeEpa e = new ApprenticeEpa(apprentice, EpaCheckTest.gateway(LocalDate.of(2026, 2, 2)), s, List.of(), Optional.empty(),
                Map.of(), failed, false);
        assertThat(e.nextPlanned(LocalDate.of(2026, 3, 1))).contains(Map.entry("observation", LocalDate.of(2026, 5, 1)));
        assertThat(e.upcoming(LocalDate.of(2026, 3, 1))).singleElement().satisfies(d -> assertThat(d.attempt()).isEqualTo(2));
    }

    @Test
    void uncoveredPortfolioCriteriaAreFlaggedBeforeTheDiscussion() {
        PortfolioPiece one = new PortfolioPiece("p1", 1, "Complaint log", "Work product", LocalDate.of(2026, 1, 5), "", "",
                Set.of(highfield.component("professional-discussion").orElseThrow().criteria().get(0).id()));
        var review = new ApprenticeEpa(apprentice, EpaCheckTest.gateway(LocalDate.of(2026, 2, 2)), EpaSchedule.EMPTY,
                List.of(one), Optional.empty(), Map.of(), List.of(), false).review(highfield, EpaCheckTest.TODAY);
        assertThat(review.flags()).anySatisfy(f -> assertThat(f.message()).contains("1 piece;").contains("at least 10"));
        assertThat(review.flags()).anySatisfy(f -> assertThat(f.message()).startsWith("No portfolio evidence is mapped to"));
        assertThat(review.portfolio()).hasValueSatisfying(p -> assertThat(p.complete()).isFalse());
    }

    @Test
    void aPieceMappedToNoCriterionIsFlagged() {
        PortfolioPiece mapped = new PortfolioPiece("p1", 1, "Complaint log", "Work product", null, "", "",
                Set.of(highfield.component("professional-discussion").orElseThrow().criteria().get(0).id()));
        PortfolioPiece unmapped = new PortfolioPiece("p2", 2, "Team rota", "Work product", null, "", "", Set.of());
        PortfolioPiece otherComponent = new PortfolioPiece("p3", 3, "Call recording", "Recording", null, "", "", Set.of("not-a-criterion"));
        var review = new ApprenticeEpa(apprentice, EpaCheckTest.gateway(LocalDate.of(2026, 2, 2)), EpaSchedule.EMPTY,
                List.of(mapped, unmapped, otherComponent), Optional.empty(), Map.of(), List.of(), false).review(highfield, EpaCheckTest.TODAY);
        assertThat(review.flags()).anySatisfy(f -> {
            assertThat(f.subject()).isEqualTo("Portfolio");
            assertThat(f.message()).isEqualTo("Pieces 2 “Team rota”, 3 “Call recording” are mapped to no criterion. "
                    + "Map each piece to the criteria it evidences.");
        });
        assertThat(review.portfolio().orElseThrow().unmapped()).extracting(PortfolioPiece::number).containsExactly(2, 3);
        assertThat(review.portfolio().orElseThrow().gaps()).hasSize(3);
    }
}
