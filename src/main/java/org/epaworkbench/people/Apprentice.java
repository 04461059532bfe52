package org.epaworkbench.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An apprentice being assessed: who, where they work and train, which plan their EPA follows, and
 * the dates that govern it. Sample apprentices (made by "Try with sample data") are marked.
 */
public record Apprentice(
        String id,
        String name,
        Uln uln,
        String employer,
        String trainingProvider,
        String planId,
        LocalDate apprenticeshipStart,
        LocalDate gatewayDate,
        boolean sample) {

    public Apprentice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uln, "uln");
        Objects.requireNonNull(planId, "planId");
        employer = employer == null ? "" : employer.strip();
        trainingProvider = trainingProvider == null ? "" : trainingProvider.strip();
    }

    /** Everything wrong with a form's values, each naming the field; empty when they make an apprentice. */
    public static List<String> problems(String name, String uln, String planId, LocalDate start, LocalDate gateway) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("Name is missing.");
        }
        String ulnProblem = Uln.problem(uln);
        if (ulnProblem != null) {
            problems.add(ulnProblem);
        }
        if (planId == null || planId.isBlank()) {
            problems.add("Choose the assessment plan the apprentice's EPA follows.");
        }
        if (start != null && gateway != null && gateway.isBefore(start)) {
            java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu", java.util.Locale.UK);
            problems.add("Gateway date " + day.format(gateway) + " is before the apprenticeship start " + day.format(start) + ".");
        }
        return problems;
    }
}
