package org.epaworkbench.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptCap;
import org.epaworkbench.plan.CarryOverRule;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.DistinctionRule;
import org.epaworkbench.plan.Grade;

/**
 * Applies a plan's grading rules to an assessor's judgements. Every rule comes from the plan (which
 * cites its source); nothing here knows one organisation from another.
 *
 * <ul>
 *   <li>Component: every pass criterion met gives a pass; that plus the distinction rule (all, or at
 *       least N of M distinction criteria) gives a distinction; otherwise a fail.</li>
 *   <li>A criterion that did not arise counts as not met, unless the plan lets it be carried over to
 *       another component and it was met there. A criterion attempted and not met is never carried
 *       over.</li>
 *   <li>Overall: any failed component fails the EPA; a distinction needs the plan's overall rule
 *       (e.g. a distinction in all components); otherwise a pass.</li>
 *   <li>Resits and retakes are capped where the plan caps them, on the component or the overall
 *       grade, and the result says when the cap lowered a grade.</li>
 * </ul>
 */
public final class GradingEngine {

    /** Grades every component that has judgements, then the end-point assessment as a whole. */
    public EpaResult grade(AssessmentPlan plan, EpaJudgements judgements) throws GradingInputException {
        checkComponentsExist(plan, judgements);
        Map<String, Map<String, CarriedOverCriterion>> carried = carriedOverByOrigin(plan, judgements);

        List<ComponentResult> results = new ArrayList<>();
        for (Component component : plan.components()) {
            ComponentJudgements j = judgements.components().get(component.id());
            if (j != null) {
                results.add(gradeComponent(plan, component, j,
                        carried.getOrDefault(component.id(), Map.of())));
            }
        }
        return new EpaResult(plan.id(), results, overall(plan, judgements, results));
    }

    /**
     * Grades one component on its own, e.g. for a live preview during a session. Criteria carried
     * over from this component and met elsewhere are passed in {@code carriedOut}, keyed by
     * criterion id.
     */
    public ComponentResult gradeComponent(AssessmentPlan plan, Component component, ComponentJudgements j,
            Map<String, CarriedOverCriterion> carriedOut) throws GradingInputException {
        for (String criterionId : j.criteria().keySet()) {
            if (component.criterion(criterionId).isEmpty()) {
                throw new GradingInputException(
                        InputPath.key(InputPath.criteria(component.id()), criterionId),
                        "unknown criterion '" + criterionId + "' for component '" + component.id()
                                + "' of plan " + plan.id() + "; expected one of "
                                + component.criteria().stream().map(Criterion::id).collect(Collectors.joining(", ")));
            }
        }

        List<String> explanation = new ArrayList<>();
        List<Criterion> missingForPass = new ArrayList<>();
        List<Criterion> missingForDistinction = new ArrayList<>();
        List<CarriedOverCriterion> carriedOver = new ArrayList<>();
        int passMet = 0;
        int distinctionMet = 0;
        for (Criterion c : component.criteria()) {
            boolean met = j.stateOf(c.id()) == CriterionState.MET;
            CarriedOverCriterion elsewhere = carriedOut.get(c.id());
            if (!met && elsewhere != null) {
                carriedOver.add(elsewhere);
                met = elsewhere.state() == CriterionState.MET;
            }
            switch (c.level()) {
                case PASS -> {
                    if (met) {
                        passMet++;
                    } else {
                        missingForPass.add(c);
                    }
                }
                case DISTINCTION -> {
                    if (met) {
                        distinctionMet++;
                    } else {
                        missingForDistinction.add(c);
                    }
                }
            }
        }
        int passTotal = component.passCriteria().size();
        int distinctionTotal = component.distinctionCriteria().size();
        DistinctionRule rule = component.distinctionRule();
        int distinctionRequired = rule.required(distinctionTotal);

        Grade earned;
        if (passMet < passTotal) {
            earned = Grade.FAIL;
        } else if (distinctionTotal > 0 && rule.isMetBy(distinctionMet, distinctionTotal)) {
            earned = Grade.DISTINCTION;
        } else {
            earned = Grade.PASS;
        }

        explanation.add(passExplanation(j, passMet, passTotal, missingForPass));
        if (distinctionTotal > 0) {
            explanation.add("Distinction needs " + rule.describe(distinctionTotal) + " distinction criteria: "
                    + distinctionMet + " met" + (missingForDistinction.isEmpty() ? "." : "; not met "
                    + codesWithStates(j, missingForDistinction) + ".")
                    + (earned == Grade.FAIL ? " A distinction also needs every pass criterion." : ""));
        } else {
            explanation.add("This component has no distinction criteria.");
        }
        for (CarriedOverCriterion co : carriedOver) {
            explanation.add(co.criterion().code() + " did not arise here and was carried over to "
                    + co.judgedInComponent() + ", where it was judged " + co.state().label().toLowerCase() + ".");
        }

        Grade grade = earned;
        boolean capped = false;
        AttemptCap cap = plan.attemptCap();
        if (cap != null && cap.scope() == AttemptCap.Scope.COMPONENT) {
            if (cap.appliesTo(j.attempt(), j.exceptionalCircumstances())) {
                grade = earned.atMost(cap.maxGrade());
                capped = grade != earned;
                if (capped) {
                    explanation.add("Capped at " + cap.maxGrade().label() + ": this is a " + j.attempt().word()
                            + " (" + cap.source().shortForm() + ").");
                }
            } else if (j.exceptionalCircumstances() && cap.attempts().contains(j.attempt())) {
                explanation.add("Not capped: exceptional circumstances were recorded for this "
                        + j.attempt().word() + " (" + cap.source().shortForm() + ").");
            }
        }
        return new ComponentResult(component.id(), component.title(), j.attempt(), grade, earned, capped,
                passMet, passTotal, distinctionMet, distinctionTotal, distinctionRequired,
                missingForPass, missingForDistinction, carriedOver, explanation);
    }

    private static String passExplanation(ComponentJudgements j, int met, int total, List<Criterion> missing) {
        if (total == 0) {
            return "The plan lists no pass criteria for this component.";
        }
        if (missing.isEmpty()) {
            return total == 1 ? "Pass: the pass criterion is met." : "Pass: all " + total + " pass criteria met.";
        }
        return "Fail: " + met + " of " + total + " pass criteria met; not met " + codesWithStates(j, missing) + ".";
    }

    private static String codesWithStates(ComponentJudgements j, List<Criterion> criteria) {
        return criteria.stream()
                .map(c -> j.judged(c.id()) && j.stateOf(c.id()) == CriterionState.NOT_ARISEN
                        ? c.code() + " (did not arise)"
                        : j.judged(c.id()) ? c.code() : c.code() + " (not judged)")
                .collect(Collectors.joining(", "));
    }

    private static void checkComponentsExist(AssessmentPlan plan, EpaJudgements judgements)
            throws GradingInputException {
        for (String componentId : judgements.components().keySet()) {
            if (plan.component(componentId).isEmpty()) {
                throw new GradingInputException(InputPath.key("$.components", componentId),
                        "unknown component '" + componentId + "' for plan " + plan.id() + "; expected one of "
                                + plan.components().stream().map(Component::id).collect(Collectors.joining(", ")));
            }
        }
    }

    /**
     * Collects the carry-over judgements recorded in target components, checked against the plan,
     * keyed by the component the criteria came from and then by criterion id.
     */
    private static Map<String, Map<String, CarriedOverCriterion>> carriedOverByOrigin(
            AssessmentPlan plan, EpaJudgements judgements) throws GradingInputException {
        Map<String, Map<String, CarriedOverCriterion>> byOrigin = new LinkedHashMap<>();
        for (Map.Entry<String, ComponentJudgements> target : judgements.components().entrySet()) {
            for (Map.Entry<String, Map<String, CriterionState>> fromEntry : target.getValue().carriedOver().entrySet()) {
                String from = fromEntry.getKey();
                String basePath = InputPath.key(InputPath.key(InputPath.key("$.components", target.getKey()), "carriedOver"), from);
                CarryOverRule rule = plan.carryOverFrom(from, target.getKey()).orElseThrow(() ->
                        new GradingInputException(basePath, "plan " + plan.id() + " does not carry criteria over from '"
                                + from + "' to '" + target.getKey() + "'" + describeRules(plan)));
                Component origin = plan.component(from).orElseThrow();
                ComponentJudgements originJudgements = judgements.components().get(from);
                for (Map.Entry<String, CriterionState> e : fromEntry.getValue().entrySet()) {
                    String path = InputPath.key(basePath, e.getKey());
                    Criterion criterion = origin.criterion(e.getKey()).orElseThrow(() ->
                            new GradingInputException(path, "unknown criterion '" + e.getKey() + "' for component '"
                                    + from + "' of plan " + plan.id()));
                    CriterionState there = originJudgements == null ? null
                            : originJudgements.judged(criterion.id()) ? originJudgements.stateOf(criterion.id()) : null;
                    if (there != CriterionState.NOT_ARISEN) {
                        String was = there == null ? "not judged as not_arisen in '" + from + "'"
                                : "judged " + there.word() + " in '" + from + "'";
                        throw new GradingInputException(path, "criterion " + criterion.code() + " was " + was
                                + "; only criteria that did not arise can be carried over ("
                                + rule.source().shortForm() + ")");
                    }
                    byOrigin.computeIfAbsent(from, k -> new LinkedHashMap<>())
                            .put(criterion.id(), new CarriedOverCriterion(criterion, target.getKey(), e.getValue()));
                }
            }
        }
        return byOrigin;
    }

    private static String describeRules(AssessmentPlan plan) {
        if (plan.carryOver().isEmpty()) {
            return "; its sources state no carry-over";
        }
        return "; it allows " + plan.carryOver().stream()
                .map(r -> r.fromComponent() + " → " + r.toComponent()).collect(Collectors.joining(", "));
    }

    private static OverallResult overall(AssessmentPlan plan, EpaJudgements judgements, List<ComponentResult> results) {
        List<String> explanation = new ArrayList<>();
        List<String> missing = plan.components().stream()
                .map(Component::id)
                .filter(id -> results.stream().noneMatch(r -> r.componentId().equals(id)))
                .toList();
        List<String> failed = results.stream().filter(r -> r.grade() == Grade.FAIL)
                .map(ComponentResult::componentTitle).toList();

        if (!failed.isEmpty()) {
            explanation.add("Fail: " + String.join(", ", failed) + (failed.size() == 1 ? " was" : " were")
                    + " not passed; every component must be passed.");
            return new OverallResult(Grade.FAIL, Grade.FAIL, false, missing, explanation);
        }
        if (!missing.isEmpty()) {
            explanation.add("Incomplete: no result yet for " + missing.stream()
                    .map(id -> plan.component(id).map(Component::title).orElse(id)).collect(Collectors.joining(", ")) + ".");
            return new OverallResult(null, null, false, missing, explanation);
        }

        long distinctions = results.stream().filter(r -> r.grade() == Grade.DISTINCTION).count();
        long uncappedDistinctions = results.stream().filter(r -> r.uncappedGrade() == Grade.DISTINCTION).count();
        DistinctionRule rule = plan.overallDistinction();
        Grade fromComponents = rule.isMetBy((int) distinctions, results.size()) ? Grade.DISTINCTION : Grade.PASS;
        Grade earned = rule.isMetBy((int) uncappedDistinctions, results.size()) ? Grade.DISTINCTION : Grade.PASS;
        explanation.add(fromComponents == Grade.DISTINCTION
                ? "Distinction: " + distinctions + " of " + results.size() + " components at distinction; the plan needs "
                        + rule.describe(results.size()) + " (" + plan.overallSource().shortForm() + ")."
                : "Pass: every component passed; a distinction needs " + rule.describe(results.size())
                        + " components at distinction and " + distinctions + " " + (distinctions == 1 ? "is" : "are")
                        + " (" + plan.overallSource().shortForm() + ").");
        if (fromComponents != earned) {
            explanation.add("Capped at " + fromComponents.label() + ": "
                    + results.stream().filter(ComponentResult::capped).map(r -> r.componentTitle() + " (" + r.attempt().word() + ")")
                            .collect(Collectors.joining(", "))
                    + " capped at component level.");
        }

        Grade grade = fromComponents;
        AttemptCap cap = plan.attemptCap();
        if (cap != null && cap.scope() == AttemptCap.Scope.OVERALL) {
            List<String> cappedBy = judgements.components().entrySet().stream()
                    .filter(e -> cap.appliesTo(e.getValue().attempt(), e.getValue().exceptionalCircumstances()))
                    .map(e -> e.getKey() + " (" + e.getValue().attempt().word() + ")")
                    .toList();
            if (!cappedBy.isEmpty() && fromComponents.compareTo(cap.maxGrade()) > 0) {
                grade = fromComponents.atMost(cap.maxGrade());
                explanation.add("Capped at " + cap.maxGrade().label() + " because of " + String.join(", ", cappedBy)
                        + " (" + cap.source().shortForm() + ").");
            }
        }
        boolean capped = grade != earned;
        return new OverallResult(grade, earned, capped, missing, explanation);
    }
}
