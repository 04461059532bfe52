package org.epaworkbench.ui.apprentice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.epaworkbench.assessment.PortfolioCheck;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.junit.jupiter.api.Test;

/** The Portfolio tab's words and choices, decided without FX (issue 14), on Highfield CSS L3's professional discussion. */
class PortfolioViewModelTest {

    static final AssessmentPlan PLAN = PlanLibrary.builtInPlans(new PlanPackReader()).stream()
            .filter(p -> p.id().equals("highfield-css-l3")).findFirst().orElseThrow();
    static final Component DISCUSSION = PLAN.component(PLAN.epa().portfolio().component()).orElseThrow();
    final PortfolioViewModel model = new PortfolioViewModel(PLAN.epa().portfolio(), DISCUSSION);

    static PortfolioPiece piece(String id, int number, Set<String> criteria) {
        return new PortfolioPiece(id, number, "Piece " + number, "statement", LocalDate.of(2026, 3, 1), "", "", criteria);
    }

    @Test
    void aPieceShowsTheCodesOfItsCriteriaOrAsksToBeMapped() {
        var first = DISCUSSION.criteria().get(0);
        var second = DISCUSSION.criteria().get(1);
        assertThat(model.codes(piece("p1", 1, Set.of(second.id(), first.id())))).isEqualTo(first.code() + ", " + second.code());
        assertThat(model.codes(piece("p2", 2, Set.of()))).isEqualTo("none: map it");
    }

    @Test
    void theSummaryCountsPiecesAgainstThePlanAndCriteriaCovered() {
        var first = DISCUSSION.criteria().get(0);
        List<PortfolioPiece> pieces = List.of(piece("p1", 1, Set.of(first.id())));
        PortfolioCheck.Report report = PortfolioCheck.check(PLAN, pieces).orElseThrow();
        var rule = PLAN.epa().portfolio();
        assertThat(model.summary(report)).isEqualTo("1 piece (the plan asks for " + rule.minPieces() + " to " + rule.maxPieces()
                + ")  ·  1 of " + report.coverage().size() + " criteria covered");
    }

    @Test
    void coverageNextNumberAndTheChosenPieceAfterAReload() {
        assertThat(PortfolioViewModel.coveredBy(List.of())).isEqualTo("Not covered");
        assertThat(PortfolioViewModel.coveredBy(List.of(2))).isEqualTo("Piece 2");
        assertThat(PortfolioViewModel.coveredBy(List.of(1, 3))).isEqualTo("Pieces 1, 3");
        assertThat(PortfolioViewModel.nextNumber(List.of())).isEqualTo(1);
        List<PortfolioPiece> portfolio = List.of(piece("p1", 1, Set.of()), piece("p4", 4, Set.of()));
        assertThat(PortfolioViewModel.nextNumber(portfolio)).isEqualTo(5);
        assertThat(PortfolioViewModel.stillChosen(piece("p4", 4, Set.of("x")), portfolio)).containsSame(portfolio.get(1));
        assertThat(PortfolioViewModel.stillChosen(piece("gone", 9, Set.of()), portfolio)).isEmpty();
        assertThat(PortfolioViewModel.stillChosen(null, portfolio)).isEmpty();
    }
}
