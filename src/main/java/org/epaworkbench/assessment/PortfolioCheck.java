package org.epaworkbench.assessment;

import java.util.ArrayList;
import org.epaworkbench.Wording;
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

    /**
     * Coverage: for each criterion, the numbers of the pieces mapped to it; the pieces mapped to none of the
     * component's criteria; the count against the plan's range.
     */
    public record Report(Component component, Map<Criterion, List<Integer>> coverage, List<Criterion> uncovered,
            List<PortfolioPiece> unmapped, int pieces, Optional<Flag> countFlag) {
        public boolean complete() {
            return uncovered.isEmpty() && countFlag.isEmpty();
        }

        /** What is wrong before the session, in one sentence each: the count, the uncovered criteria, the unmapped pieces. */
        public List<String> gaps() {
            List<String> gaps = new ArrayList<>();
            countFlag.ifPresent(f -> gaps.add(f.message()));
            if (!uncovered.isEmpty()) {
                gaps.add("No evidence is mapped to " + uncovered.size() + " of the " + coverage.size() + " criteria ("
                        + String.join(", ", uncovered.stream().map(Criterion::code).toList()) + ").");
            }
            if (!unmapped.isEmpty()) {
                gaps.add(unmappedSentence(unmapped));
            }
            return gaps;
        }
    }

    static String unmappedSentence(List<PortfolioPiece> unmapped) {
        return (unmapped.size() == 1 ? "Piece " : "Pieces ") + String.join(", ", unmapped.stream()
                .map(p -> p.number() + (p.title().isEmpty() ? "" : " “" + p.title() + "”")).toList())
                + (unmapped.size() == 1 ? " is" : " are") + " mapped to no criterion.";
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
        List<PortfolioPiece> unmapped = pieces.stream().filter(p -> component.criteria().stream()
                .noneMatch(c -> p.criteria().contains(c.id()))).sorted(java.util.Comparator.comparingInt(PortfolioPiece::number)).toList();
        Optional<Flag> count = Optional.empty();
        if (pieces.size() < rule.minPieces()) {
            count = Optional.of(new Flag(Flag.Severity.WARNING, "Portfolio", "The portfolio has " + Wording.count(pieces.size(), "piece")
                    + "; the plan asks for at least " + rule.minPieces() + ".", rule.source()));
        } else if (pieces.size() > rule.maxPieces()) {
            count = Optional.of(new Flag(Flag.Severity.WARNING, "Portfolio", "The portfolio has " + Wording.count(pieces.size(), "piece")
                    + "; the plan allows at most " + rule.maxPieces() + ".", rule.source()));
        }
        return Optional.of(new Report(component, coverage, uncovered, unmapped, pieces.size(), count));
    }
}
