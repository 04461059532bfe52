package org.epaworkbench.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One assessment organisation's end-point assessment plan for one apprenticeship standard, as
 * transcribed into a plan pack: components, criteria, timings and grading rules, each citing its
 * source.
 */
public record AssessmentPlan(
        String id,
        String title,
        String organisation,
        String standard,
        int level,
        String version,
        List<SourceDocument> sources,
        List<String> notes,
        List<Component> components,
        DistinctionRule overallDistinction,
        Citation overallSource,
        AttemptCap attemptCap,
        List<CarryOverRule> carryOver,
        List<DeclarationText> declarations,
        EpaRules epa) {

    public AssessmentPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        components = List.copyOf(components);
        Objects.requireNonNull(overallDistinction, "overallDistinction");
        carryOver = List.copyOf(carryOver);
        declarations = List.copyOf(declarations);
        epa = epa == null ? EpaRules.NONE : epa;
    }

    /** The declaration the sources give for a role ("apprentice" or "assessor"), if any. */
    public Optional<DeclarationText> declaration(String role) {
        return declarations.stream().filter(d -> d.role().equals(role)).findFirst();
    }

    public Optional<Component> component(String componentId) {
        return components.stream().filter(c -> c.id().equals(componentId)).findFirst();
    }

    public Optional<AttemptCap> cap() {
        return Optional.ofNullable(attemptCap);
    }

    public Optional<SourceDocument> source(String ref) {
        return sources.stream().filter(s -> s.ref().equals(ref)).findFirst();
    }

    /** The carry-over rules whose target is the given component. */
    public List<CarryOverRule> carryOverInto(String componentId) {
        return carryOver.stream().filter(r -> r.toComponent().equals(componentId)).toList();
    }

    public Optional<CarryOverRule> carryOverFrom(String fromComponent, String toComponent) {
        return carryOver.stream()
                .filter(r -> r.fromComponent().equals(fromComponent) && r.toComponent().equals(toComponent))
                .findFirst();
    }

    /**
     * The plan's rules to show where the assessor holds an attempt at a component: further development before a resit or
     * retake, a component carried out in one session, and what comes with a resit of it. Empty for an unknown component.
     */
    public List<Reminder> remindersFor(String componentId, AttemptKind attempt) {
        Optional<Component> found = component(componentId);
        if (found.isEmpty()) {
            return List.of();
        }
        Component c = found.get();
        List<Reminder> reminders = new java.util.ArrayList<>();
        EpaRules.FurtherDevelopment development = epa.furtherDevelopment();
        if (development != null && development.before().contains(attempt)) {
            reminders.add(new Reminder("Before a " + attempt.word(), development.source().quoteText()
                    .orElse("Further development is provided before a " + attempt.word() + "."), development.source()));
        }
        c.inOneSession().ifPresent(one -> reminders.add(new Reminder("One session", one.source().quoteText()
                .orElse("The " + c.title().toLowerCase(java.util.Locale.ROOT) + " is carried out in one session."), one.source())));
        if (attempt == AttemptKind.RESIT) {
            c.followUpOnResit().ifPresent(f -> reminders.add(new Reminder("With this resit", f.describe(), f.source())));
        }
        return List.copyOf(reminders);
    }

    public int criteriaCount() {
        return components.stream().mapToInt(c -> c.criteria().size()).sum();
    }

    public boolean allWordingProvided() {
        return components.stream().allMatch(Component::allWordingProvided);
    }
}
