package org.epaworkbench.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a rule or a criterion comes from: the source document (by its reference in the plan's
 * {@code sources}), the section, and optionally the quoted words and a note on how they were read.
 */
public record Citation(String ref, String section, String quote, String note) {

    public Citation {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(section, "section");
    }

    public Optional<String> quoteText() {
        return Optional.ofNullable(quote);
    }

    public Optional<String> noteText() {
        return Optional.ofNullable(note);
    }

    /** "001 §Grading" style short reference for lists and reports. */
    public String shortForm() {
        return ref + " §" + section;
    }
}
