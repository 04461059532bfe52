package org.epaworkbench.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.CriterionLevel;
import org.epaworkbench.plan.Grade;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GradingEngineTest {

    static final List<AssessmentPlan> PLANS = PlanLibrary.builtInPlans(new PlanPackReader());
    final GradingEngine engine = new GradingEngine();

    static AssessmentPlan plan(String id) {
        return PLANS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** Every criterion of the component met, except those listed with another state. */
    static Map<String, CriterionState> allMetExcept(Component c, Map<String, CriterionState> except) {
        Map<String, CriterionState> states = new LinkedHashMap<>();
        for (Criterion cr : c.criteria()) {
            states.put(cr.id(), except.getOrDefault(cr.id(), CriterionState.MET));
        }
        return states;
    }

    static Map<String, CriterionState> passOnly(Component c) {
        Map<String, CriterionState> states = new LinkedHashMap<>();
        for (Criterion cr : c.criteria()) {
            states.put(cr.id(), cr.level() == CriterionLevel.PASS ? CriterionState.MET : CriterionState.NOT_MET);
        }
        return states;
    }

    static EpaJudgements everyComponent(AssessmentPlan plan, AttemptKind attempt) {
        Map<String, ComponentJudgements> m = new LinkedHashMap<>();
        for (Component c : plan.components()) {
            m.put(c.id(), new ComponentJudgements(attempt, allMetExcept(c, Map.of()), Map.of(), false));
        }
        return new EpaJudgements(m);
    }

    @Nested
    class Components {
        final AssessmentPlan highfield = plan("highfield-css-l3");
        final Component observation = highfield.component("observation").orElseThrow();

        ComponentResult grade(Map<String, CriterionState> states) throws GradingInputException {
            return engine.grade(highfield, new EpaJudgements(Map.of("observation",
                    ComponentJudgements.firstAttempt(states)))).component("observation").orElseThrow();
        }

        @Test
        void allMetIsADistinction() throws Exception {
            ComponentResult r = grade(allMetExcept(observation, Map.of()));
            assertThat(r.grade()).isEqualTo(Grade.DISTINCTION);
            assertThat(r.passMet()).isEqualTo(21);
            assertThat(r.passTotal()).isEqualTo(21);
            assertThat(r.distinctionMet()).isEqualTo(2);
            assertThat(r.missingForPass()).isEmpty();
            assertThat(r.missingForDistinction()).isEmpty();
            assertThat(r.capped()).isFalse();
        }

        @Test
        void onePassCriterionMissingFailsAndSaysWhich() throws Exception {
            ComponentResult r = grade(allMetExcept(observation, Map.of("S2.3", CriterionState.NOT_MET)));
            assertThat(r.grade()).isEqualTo(Grade.FAIL);
            assertThat(r.missingForPass()).extracting(Criterion::code).containsExactly("S2.3");
            assertThat(r.explanation().get(0)).contains("20 of 21").contains("S2.3");
        }

        @Test
        void notArisenCountsAsNotMet() throws Exception {
            ComponentResult r = grade(allMetExcept(observation, Map.of("B3.3", CriterionState.NOT_ARISEN)));
            assertThat(r.grade()).isEqualTo(Grade.FAIL);
            assertThat(r.explanation().get(0)).contains("B3.3 (did not arise)");
        }

        @Test
        void criteriaLeftOutCountAsNotMet() throws Exception {
            Map<String, CriterionState> states = allMetExcept(observation, Map.of());
            states.remove("K4.2");
            ComponentResult r = grade(states);
            assertThat(r.grade()).isEqualTo(Grade.FAIL);
            assertThat(r.missingForPass()).extracting(Criterion::id).containsExactly("K4.2");
        }

        @Test
        void oneDistinctionCriterionMissingUnderAnAllRuleIsAPass() throws Exception {
            ComponentResult r = grade(allMetExcept(observation, Map.of("S2.8", CriterionState.NOT_MET)));
            assertThat(r.grade()).isEqualTo(Grade.PASS);
            assertThat(r.missingForDistinction()).extracting(Criterion::code).containsExactly("S2.8");
            assertThat(r.distinctionRequired()).isEqualTo(2);
            assertThat(r.distinctionShortfall()).isEqualTo(1);
        }

        @Test
        void distinctionCriteriaWithoutEveryPassCriterionIsStillAFail() throws Exception {
            ComponentResult r = grade(allMetExcept(observation, Map.of("K3.3", CriterionState.NOT_MET)));
            assertThat(r.grade()).isEqualTo(Grade.FAIL);
            assertThat(r.distinctionMet()).isEqualTo(2);
        }

        @Test
        void unknownCriterionIsRefusedWithItsPath() {
            assertThatThrownBy(() -> grade(Map.of("K9.9", CriterionState.MET)))
                    .isInstanceOf(GradingInputException.class)
                    .hasMessageContaining("unknown criterion 'K9.9'")
                    .satisfies(e -> assertThat(((GradingInputException) e).path())
                            .isEqualTo("$.components.observation.criteria['K9.9']"));
        }

        @Test
        void unknownComponentIsRefused() {
            assertThatThrownBy(() -> engine.grade(highfield, new EpaJudgements(Map.of("showcase",
                    ComponentJudgements.firstAttempt(Map.of())))))
                    .isInstanceOf(GradingInputException.class)
                    .hasMessageContaining("unknown component 'showcase'")
                    .hasMessageContaining("wbp-interview, professional-discussion, observation");
        }
    }

    @Nested
    class Thresholds {
        final AssessmentPlan csp = plan("highfield-csp-l2");
        final Component showcase = csp.component("showcase").orElseThrow();

        ComponentResult showcaseWith(int distinctionsMet) throws GradingInputException {
            Map<String, CriterionState> states = new HashMap<>(Map.of("pass-all", CriterionState.MET));
            List<Criterion> d = showcase.distinctionCriteria();
            for (int i = 0; i < d.size(); i++) {
                states.put(d.get(i).id(), i < distinctionsMet ? CriterionState.MET : CriterionState.NOT_MET);
            }
            return engine.grade(csp, new EpaJudgements(Map.of("showcase", ComponentJudgements.firstAttempt(states))))
                    .component("showcase").orElseThrow();
        }

        @Test
        void sixOfTenIsAPassAndSaysOneMoreIsNeeded() throws Exception {
            ComponentResult r = showcaseWith(6);
            assertThat(r.grade()).isEqualTo(Grade.PASS);
            assertThat(r.distinctionRequired()).isEqualTo(7);
            assertThat(r.distinctionShortfall()).isEqualTo(1);
            assertThat(r.missingForDistinction()).hasSize(4);
            assertThat(r.explanation()).anySatisfy(e -> assertThat(e).contains("at least 7 of 10"));
        }

        /** 001 "Grading": a pass needs "all pass criteria"; nothing judged, or distinctions alone, is not a pass. */
        @Test
        void aPractitionerComponentPassesOnlyWithItsPassCriteriaCovered() throws Exception {
            for (Component c : csp.components()) {
                ComponentResult nothing = engine.grade(csp, new EpaJudgements(Map.of(c.id(),
                        ComponentJudgements.firstAttempt(Map.of())))).component(c.id()).orElseThrow();
                assertThat(nothing.grade()).as(c.id()).isEqualTo(Grade.FAIL);
                assertThat(nothing.passTotal()).isEqualTo(1);
                assertThat(nothing.missingForPass()).extracting(Criterion::code).containsExactly("P");

                Map<String, CriterionState> distinctionsOnly = new HashMap<>();
                c.distinctionCriteria().forEach(d -> distinctionsOnly.put(d.id(), CriterionState.MET));
                assertThat(engine.grade(csp, new EpaJudgements(Map.of(c.id(), ComponentJudgements.firstAttempt(
                        distinctionsOnly)))).component(c.id()).orElseThrow().grade()).as(c.id()).isEqualTo(Grade.FAIL);
            }
        }

        @Test
        void sevenOfTenIsADistinction() throws Exception {
            assertThat(showcaseWith(7).grade()).isEqualTo(Grade.DISTINCTION);
            assertThat(showcaseWith(10).grade()).isEqualTo(Grade.DISTINCTION);
        }

        @Test
        void observationNeedsFourOfFiveAndDiscussionThreeOfFour() throws Exception {
            Component obs = csp.component("observation").orElseThrow();
            Component pd = csp.component("professional-discussion").orElseThrow();
            Map<String, CriterionState> obs3 = Map.of("pass-all", CriterionState.MET,
                    "D1", CriterionState.MET, "D2", CriterionState.MET, "D3", CriterionState.MET);
            Map<String, CriterionState> obs4 = new HashMap<>(obs3);
            obs4.put("D4", CriterionState.MET);
            Map<String, CriterionState> pd3 = Map.of("pass-all", CriterionState.MET,
                    "D1", CriterionState.MET, "D2", CriterionState.MET, "D3", CriterionState.MET);
            EpaResult r = engine.grade(csp, new EpaJudgements(Map.of(
                    "observation", ComponentJudgements.firstAttempt(obs3),
                    "professional-discussion", ComponentJudgements.firstAttempt(pd3))));
            assertThat(r.component("observation").orElseThrow().grade()).isEqualTo(Grade.PASS);
            assertThat(r.component("professional-discussion").orElseThrow().grade()).isEqualTo(Grade.DISTINCTION);
            assertThat(engine.grade(csp, new EpaJudgements(Map.of("observation", ComponentJudgements.firstAttempt(obs4))))
                    .component("observation").orElseThrow().grade()).isEqualTo(Grade.DISTINCTION);
            assertThat(obs.distinctionCriteria()).hasSize(5);
            assertThat(pd.distinctionCriteria()).hasSize(4);
        }
    }

    @Nested
    class Overall {
        @Test
        void allDistinctionsGiveAnOverallDistinction() throws Exception {
            for (String id : List.of("highfield-css-l3", "pal-css-l3", "vtct-css-l3")) {
                EpaResult r = engine.grade(plan(id), everyComponent(plan(id), AttemptKind.FIRST));
                assertThat(r.overall().grade()).as(id).isEqualTo(Grade.DISTINCTION);
                assertThat(r.overall().capped()).isFalse();
            }
        }

        @Test
        void twoDistinctionsAndAPassIsAPassOverall() throws Exception {
            AssessmentPlan p = plan("vtct-css-l3");
            Map<String, ComponentJudgements> m = new LinkedHashMap<>(everyComponent(p, AttemptKind.FIRST).components());
            m.put("observation", ComponentJudgements.firstAttempt(passOnly(p.component("observation").orElseThrow())));
            EpaResult r = engine.grade(p, new EpaJudgements(m));
            assertThat(r.overall().grade()).isEqualTo(Grade.PASS);
            assertThat(r.overall().explanation().get(0)).contains("all 3").contains("2 are");
        }

        @Test
        void anyFailedComponentFailsTheEpa() throws Exception {
            AssessmentPlan p = plan("pal-css-l3");
            Map<String, ComponentJudgements> m = new LinkedHashMap<>(everyComponent(p, AttemptKind.FIRST).components());
            m.put("wbp-interview", ComponentJudgements.firstAttempt(Map.of()));
            EpaResult r = engine.grade(p, new EpaJudgements(m));
            assertThat(r.overall().grade()).isEqualTo(Grade.FAIL);
            assertThat(r.overall().explanation().get(0)).contains("Work-based project supported by an interview was not passed");
        }

        @Test
        void missingComponentsLeaveTheResultIncompleteUnlessOneFailed() throws Exception {
            AssessmentPlan p = plan("highfield-css-l3");
            Component obs = p.component("observation").orElseThrow();
            EpaResult r = engine.grade(p, new EpaJudgements(Map.of("observation",
                    ComponentJudgements.firstAttempt(allMetExcept(obs, Map.of())))));
            assertThat(r.overall().complete()).isFalse();
            assertThat(r.overall().missingComponents()).containsExactly("wbp-interview", "professional-discussion");

            EpaResult failed = engine.grade(p, new EpaJudgements(Map.of("observation",
                    ComponentJudgements.firstAttempt(Map.of()))));
            assertThat(failed.overall().grade()).isEqualTo(Grade.FAIL);
        }
    }

    @Nested
    class ResitCap {
        @Test
        void highfieldCapsTheResatComponentAtPass() throws Exception {
            AssessmentPlan p = plan("highfield-css-l3");
            Map<String, ComponentJudgements> m = new LinkedHashMap<>(everyComponent(p, AttemptKind.FIRST).components());
            Component obs = p.component("observation").orElseThrow();
            m.put("observation", new ComponentJudgements(AttemptKind.RESIT, allMetExcept(obs, Map.of()), Map.of(), false));
            EpaResult r = engine.grade(p, new EpaJudgements(m));
            ComponentResult c = r.component("observation").orElseThrow();
            assertThat(c.grade()).isEqualTo(Grade.PASS);
            assertThat(c.uncappedGrade()).isEqualTo(Grade.DISTINCTION);
            assertThat(c.capped()).isTrue();
            assertThat(c.explanation()).anySatisfy(e -> assertThat(e).startsWith("Capped at Pass").contains("resit"));
            assertThat(r.overall().grade()).isEqualTo(Grade.PASS);
            assertThat(r.overall().uncappedGrade()).isEqualTo(Grade.DISTINCTION);
            assertThat(r.overall().capped()).isTrue();
        }

        @Test
        void palAndVtctCapTheOverallGradeAndLeaveTheComponentGrade() throws Exception {
            for (String id : List.of("pal-css-l3", "vtct-css-l3")) {
                AssessmentPlan p = plan(id);
                Map<String, ComponentJudgements> m = new LinkedHashMap<>(everyComponent(p, AttemptKind.FIRST).components());
                Component wbp = p.component("wbp-interview").orElseThrow();
                m.put("wbp-interview", new ComponentJudgements(AttemptKind.RETAKE, allMetExcept(wbp, Map.of()), Map.of(), false));
                EpaResult r = engine.grade(p, new EpaJudgements(m));
                assertThat(r.component("wbp-interview").orElseThrow().grade()).as(id).isEqualTo(Grade.DISTINCTION);
                assertThat(r.overall().grade()).as(id).isEqualTo(Grade.PASS);
                assertThat(r.overall().capped()).isTrue();
                assertThat(r.overall().explanation()).anySatisfy(e -> assertThat(e).contains("wbp-interview (retake)"));
            }
        }

        @Test
        void aCapThatChangesNothingIsNotReportedAsCapped() throws Exception {
            AssessmentPlan p = plan("highfield-css-l3");
            Component obs = p.component("observation").orElseThrow();
            ComponentResult c = engine.grade(p, new EpaJudgements(Map.of("observation",
                    new ComponentJudgements(AttemptKind.RESIT, passOnly(obs), Map.of(), false))))
                    .component("observation").orElseThrow();
            assertThat(c.grade()).isEqualTo(Grade.PASS);
            assertThat(c.capped()).isFalse();
        }

        @Test
        void exceptionalCircumstancesLiftTheCapWhereThePlanSaysSo() throws Exception {
            AssessmentPlan p = plan("highfield-css-l3");
            Component obs = p.component("observation").orElseThrow();
            ComponentResult c = engine.grade(p, new EpaJudgements(Map.of("observation",
                    new ComponentJudgements(AttemptKind.RESIT, allMetExcept(obs, Map.of()), Map.of(), true))))
                    .component("observation").orElseThrow();
            assertThat(c.grade()).isEqualTo(Grade.DISTINCTION);
            assertThat(c.explanation()).anySatisfy(e -> assertThat(e).contains("exceptional circumstances"));
        }
    }

    @Nested
    class CarryOver {
        final AssessmentPlan csp = plan("highfield-csp-l2");

        @Test
        void aCriterionThatDidNotAriseAndIsMetInTheDiscussionCountsForTheObservation() throws Exception {
            Map<String, CriterionState> obs = Map.of("pass-all", CriterionState.MET, "D1", CriterionState.MET,
                    "D2", CriterionState.MET, "D3", CriterionState.MET, "D4", CriterionState.NOT_ARISEN);
            ComponentJudgements pd = new ComponentJudgements(AttemptKind.FIRST, Map.of(),
                    Map.of("observation", Map.of("D4", CriterionState.MET)), false);
            EpaResult r = engine.grade(csp, new EpaJudgements(Map.of(
                    "observation", ComponentJudgements.firstAttempt(obs), "professional-discussion", pd)));
            ComponentResult o = r.component("observation").orElseThrow();
            assertThat(o.grade()).isEqualTo(Grade.DISTINCTION);
            assertThat(o.distinctionMet()).isEqualTo(4);
            assertThat(o.carriedOver()).singleElement().satisfies(co -> {
                assertThat(co.criterion().id()).isEqualTo("D4");
                assertThat(co.judgedInComponent()).isEqualTo("professional-discussion");
            });
            assertThat(o.explanation()).anySatisfy(e -> assertThat(e).contains("D4 did not arise here and was carried over"));
        }

        @Test
        void aCarriedOverCriterionNotMetInTheDiscussionStaysNotMet() throws Exception {
            Map<String, CriterionState> obs = Map.of("pass-all", CriterionState.MET, "D1", CriterionState.MET,
                    "D2", CriterionState.MET, "D3", CriterionState.MET, "D4", CriterionState.NOT_ARISEN);
            ComponentJudgements pd = new ComponentJudgements(AttemptKind.FIRST, Map.of(),
                    Map.of("observation", Map.of("D4", CriterionState.NOT_MET)), false);
            ComponentResult o = engine.grade(csp, new EpaJudgements(Map.of(
                    "observation", ComponentJudgements.firstAttempt(obs), "professional-discussion", pd)))
                    .component("observation").orElseThrow();
            assertThat(o.grade()).isEqualTo(Grade.PASS);
            assertThat(o.missingForDistinction()).extracting(Criterion::id).containsExactly("D4", "D5");
        }

        @Test
        void aCriterionAttemptedAndNotPassedCannotBeCarriedOver() {
            ComponentJudgements pd = new ComponentJudgements(AttemptKind.FIRST, Map.of(),
                    Map.of("observation", Map.of("D2", CriterionState.MET)), false);
            assertThatThrownBy(() -> engine.grade(csp, new EpaJudgements(Map.of(
                    "observation", ComponentJudgements.firstAttempt(Map.of("D2", CriterionState.NOT_MET)),
                    "professional-discussion", pd))))
                    .isInstanceOf(GradingInputException.class)
                    .hasMessageContaining("judged not_met in 'observation'")
                    .hasMessageContaining("only criteria that did not arise can be carried over")
                    .hasMessageContaining("001 §");
        }

        @Test
        void aPlanWithoutCarryOverRefusesIt() {
            AssessmentPlan highfield = plan("highfield-css-l3");
            ComponentJudgements pd = new ComponentJudgements(AttemptKind.FIRST, Map.of(),
                    Map.of("observation", Map.of("S2.8", CriterionState.MET)), false);
            assertThatThrownBy(() -> engine.grade(highfield, new EpaJudgements(Map.of(
                    "observation", ComponentJudgements.firstAttempt(Map.of("S2.8", CriterionState.NOT_ARISEN)),
                    "professional-discussion", pd))))
                    .isInstanceOf(GradingInputException.class)
                    .hasMessageContaining("does not carry criteria over from 'observation' to 'professional-discussion'")
                    .hasMessageContaining("its sources state no carry-over");
        }
    }
}
