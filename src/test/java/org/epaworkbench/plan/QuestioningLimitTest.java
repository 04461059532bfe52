package org.epaworkbench.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.junit.jupiter.api.Test;

class QuestioningLimitTest {

    static final Citation C = new Citation("x", "y", null, null);
    static final DurationWindow SIXTY = DurationWindow.withTolerance(60, 10, C);

    @Test
    void fixedMinutes() {
        assertThat(new QuestioningLimit(9.0, null, null, C).limitFor(SIXTY)).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void percentOfPlannedOrOfMaximum() {
        assertThat(new QuestioningLimit(null, 15.0, QuestioningLimit.PercentOf.PLANNED, C).limitFor(SIXTY))
                .isEqualTo(Duration.ofMinutes(9));
        assertThat(new QuestioningLimit(null, 15.0, QuestioningLimit.PercentOf.MAXIMUM, C).limitFor(SIXTY))
                .isEqualTo(Duration.ofSeconds(9 * 60 + 54));
    }

    @Test
    void theSmallerOfPercentAndCapWins() {
        assertThat(new QuestioningLimit(10.0, 15.0, QuestioningLimit.PercentOf.MAXIMUM, C).limitFor(SIXTY))
                .isEqualTo(Duration.ofSeconds(594));
        DurationWindow ninety = DurationWindow.withTolerance(90, 10, C);
        assertThat(new QuestioningLimit(10.0, 15.0, QuestioningLimit.PercentOf.MAXIMUM, C).limitFor(ninety))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void builtInPlansGiveTheSeedsLimits() {
        var plans = PlanLibrary.builtInPlans(new PlanPackReader());
        assertThat(limit(plans, "highfield-css-l3")).isEqualTo(Duration.ofMinutes(9));
        assertThat(limit(plans, "pal-css-l3")).isEqualTo(Duration.ofSeconds(594));
        assertThat(limit(plans, "vtct-css-l3")).isEqualTo(Duration.ofSeconds(594));
    }

    private static Duration limit(java.util.List<AssessmentPlan> plans, String id) {
        Component obs = plans.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow()
                .component("observation").orElseThrow();
        return obs.questioning().limitFor(obs.timing());
    }

    @Test
    void describesItself() {
        assertThat(new QuestioningLimit(10.0, 15.0, QuestioningLimit.PercentOf.MAXIMUM, C).describe())
                .isEqualTo("15% of the maximum time, at most 10 min");
        assertThat(SIXTY.describe()).isEqualTo("60 min ±10% (54–66 min)");
    }
}
