package org.epaworkbench.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.Grade;
import org.junit.jupiter.api.Test;

class PortfolioCheckTest {

    static final List<AssessmentPlan> PLANS = PlanLibrary.builtInPlans(new PlanPackReader());
    final AssessmentPlan highfield = PLANS.get(0);
    final Component discussion = highfield.component("professional-discussion").orElseThrow();

    List<PortfolioPiece> pieces(int n, boolean coverAll) {
        List<PortfolioPiece> list = new ArrayList<>();
        List<Criterion> criteria = discussion.criteria();
        for (int i = 1; i <= n; i++) {
            Set<String> mapped = coverAll ? Set.of(criteria.get((i - 1) % criteria.size()).id(),
                    criteria.get((i + 4) % criteria.size()).id()) : Set.of(criteria.get(0).id());
            list.add(new PortfolioPiece("p" + i, i, "Evidence " + i, "Witness statement", LocalDate.of(2026, 1, i), "item-" + i + ".pdf", "", mapped));
        }
        return list;
    }

    @Test
    void tenToFifteenPiecesCoveringEveryCriterionIsComplete() {
        var report = PortfolioCheck.check(highfield, pieces(10, true)).orElseThrow();
        assertThat(report.uncovered()).isEmpty();
        assertThat(report.countFlag()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(PortfolioCheck.check(highfield, pieces(15, true)).orElseThrow().countFlag()).isEmpty();
    }

    @Test
    void fewerThanTenOrMoreThanFifteenPiecesIsFlagged() {
        assertThat(PortfolioCheck.check(highfield, pieces(9, true)).orElseThrow().countFlag())
                .hasValueSatisfying(f -> assertThat(f.message()).contains("9 pieces; the plan asks for at least 10"));
        assertThat(PortfolioCheck.check(highfield, pieces(16, true)).orElseThrow().countFlag())
                .hasValueSatisfying(f -> assertThat(f.message()).contains("16 pieces; the plan allows at most 15"));
    }

    @Test
    void uncoveredCriteriaAreListed() {
        var report = PortfolioCheck.check(highfield, pieces(12, false)).orElseThrow();
        assertThat(report.uncovered()).hasSize(discussion.criteria().size() - 1);
        assertThat(report.coverage().get(discussion.criteria().get(0))).hasSize(12);
        assertThat(report.complete()).isFalse();
    }

    @Test
    void planWithoutAPortfolioRuleHasNoCheck() {
        AssessmentPlan csp = PLANS.stream().filter(p -> p.id().equals("highfield-csp-l2")).findFirst().orElseThrow();
        assertThat(PortfolioCheck.check(csp, pieces(3, false))).isEmpty();
    }

    @Test
    void reassessmentDeadlinesFollowThePlan() {
        LocalDate failed = LocalDate.of(2026, 3, 31);
        assertThat(ReassessmentDeadlines.after(highfield, "wbp-interview", failed)).extracting(Deadline::date)
                .containsExactly(LocalDate.of(2026, 4, 30), LocalDate.of(2027, 3, 31));
        assertThat(ReassessmentDeadlines.after(highfield, "observation", failed)).extracting(Deadline::date)
                .containsExactly(LocalDate.of(2027, 3, 31));
        // the resit cap itself is graded by the engine: see GradingEngineTest.ResitCap
        assertThat(highfield.attemptCap().maxGrade()).isEqualTo(Grade.PASS);
    }
}
