package org.epaworkbench.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The independent assessor using this app: name, assessor number and assessment organisation. */
public record AssessorProfile(String name, String assessorNumber, String organisation, boolean sample) {

    public AssessorProfile {
        Objects.requireNonNull(name, "name");
        assessorNumber = assessorNumber == null ? "" : assessorNumber.strip();
        organisation = organisation == null ? "" : organisation.strip();
    }

    public static List<String> problems(String name, String assessorNumber, String organisation) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("Assessor name is missing.");
        }
        if (assessorNumber == null || assessorNumber.isBlank()) {
            problems.add("Assessor number is missing.");
        }
        if (organisation == null || organisation.isBlank()) {
            problems.add("Assessment organisation is missing.");
        }
        return problems;
    }
}
