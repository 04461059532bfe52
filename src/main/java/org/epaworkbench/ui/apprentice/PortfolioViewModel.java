package org.epaworkbench.ui.apprentice;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.epaworkbench.Wording;
import org.epaworkbench.assessment.ApprenticeEpa;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.assessment.PortfolioCheck;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.EpaRules;

/**
 * What the Portfolio tab says and decides, without FX: each piece's criteria, the count and coverage
 * against the plan, where each criterion is covered, the number a new piece gets, and which piece stays
 * chosen after a reload.
 */
final class PortfolioViewModel {

    private final EpaRules.PortfolioRule rule;
    private final Component discussion;

    PortfolioViewModel(EpaRules.PortfolioRule rule, Component discussion) {
        this.rule = rule;
        this.discussion = discussion;
    }

    /** The codes of the criteria a piece supports, in the plan's order: "none: map it" when it supports none. */
    String codes(PortfolioPiece p) {
        String codes = discussion.criteria().stream().filter(c -> p.criteria().contains(c.id())).map(Criterion::code)
                .collect(Collectors.joining(", "));
        return codes.isEmpty() ? "none: map it" : codes;
    }

    /** "5 pieces (the plan asks for 4 to 10)  ·  7 of 9 criteria covered". */
    String summary(PortfolioCheck.Report report) {
        int covered = report.coverage().size() - report.uncovered().size();
        return Wording.count(report.pieces(), "piece") + " (the plan asks for " + rule.minPieces() + " to " + rule.maxPieces()
                + ")  ·  " + covered + " of " + report.coverage().size() + " criteria covered";
    }

    /** The review's flags about the portfolio. */
    static List<Flag> flags(ApprenticeEpa.Review review) {
        return review.flags().stream().filter(x -> x.subject().equals("Portfolio")).toList();
    }

    /** Where a criterion is covered: "Not covered", "Piece 2", "Pieces 1, 3". */
    static String coveredBy(List<Integer> pieces) {
        return pieces.isEmpty() ? "Not covered" : (pieces.size() == 1 ? "Piece " : "Pieces ")
                + pieces.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The number a new piece gets: one more than the highest so far. */
    static int nextNumber(List<PortfolioPiece> portfolio) {
        return portfolio.stream().mapToInt(PortfolioPiece::number).max().orElse(0) + 1;
    }

    /** The piece chosen before a reload, as the reloaded portfolio has it (gone if it was removed). */
    static Optional<PortfolioPiece> stillChosen(PortfolioPiece chosenOrNull, List<PortfolioPiece> portfolio) {
        return chosenOrNull == null ? Optional.empty()
                : portfolio.stream().filter(p -> p.id().equals(chosenOrNull.id())).findFirst();
    }
}
