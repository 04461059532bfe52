package org.epaworkbench.epa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.EpaRules;

/** Whether a portfolio covers every criterion of its component, and has the number of pieces the plan asks for. */
public final class PortfolioCheck {

    /** Coverage: for each criterion, the numbers of the pieces mapped to it. */
    public record Report(Component component, Map<Criterion, List<Integer>> coverage, List<Criterion> uncovered,
            int pieces, Optional<Flag> countFlag) {
        public boolean complete() {
            return uncovered.isEmpty() && countFlag.isEmpty();
        }
    }

    private PortfolioCheck() {
    }

    /** Empty when the plan has no portfolio rule. */
    public static Optional<Report> check(AssessmentPlan plan, List<PortfolioPiece> pieces) {
        EpaRules.PortfolioRule rule = plan.epa().portfolio();
        if (rule == null) {
            return Optional.empty();
        }
        Component component = plan.component(rule.component()).orElseThrow();
        Map<Criterion, List<Integer>> coverage = new LinkedHashMap<>();
        List<Criterion> uncovered = new ArrayList<>();
        for (Criterion c : component.criteria()) {
            List<Integer> numbers = pieces.stream().filter(p -> p.criteria().contains(c.id())).map(PortfolioPiece::number)
                    .sorted().toList();
            coverage.put(c, numbers);
            if (numbers.isEmpty()) {
                uncovered.add(c);
            }
        }
        Optional<Flag> count = Optional.empty();
        if (pieces.size() < rule.minPieces()) {
            count = Optional.of(new Flag(Flag.Severity.WARNING, "Portfolio", "The portfolio has " + pieces.size()
                    + " pieces; the plan asks for at least " + rule.minPieces() + ".", rule.source()));
        } else if (pieces.size() > rule.maxPieces()) {
            count = Optional.of(new Flag(Flag.Severity.WARNING, "Portfolio", "The portfolio has " + pieces.size()
                    + " pieces; the plan allows at most " + rule.maxPieces() + ".", rule.source()));
        }
        return Optional.of(new Report(component, coverage, uncovered, pieces.size(), count));
    }
}
