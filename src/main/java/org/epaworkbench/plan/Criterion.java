package org.epaworkbench.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One assessment criterion (a grading descriptor) of a component, with its code as the
 * organisation writes it and its verbatim wording. The wording is absent where the source does
 * not give it; it is then shown as {@link #WORDING_NOT_PROVIDED}, never invented.
 */
public record Criterion(
        String id,
        String code,
        String text,
        CriterionLevel level,
        String theme,
        List<String> ksb,
        Citation source,
        List<String> ksbRequirements) {

    public static final String WORDING_NOT_PROVIDED = "wording not provided in source";

    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(theme, "theme");
        ksb = List.copyOf(ksb);
        Objects.requireNonNull(source, "source");
        ksbRequirements = ksbRequirements == null ? List.of() : List.copyOf(ksbRequirements);
    }

    /** Without KSB statements of its own ({@link #ksbRequirements()} names them by id where the source lists them). */
    public Criterion(String id, String code, String text, CriterionLevel level, String theme, List<String> ksb, Citation source) {
        this(id, code, text, level, theme, ksb, source, List.of());
    }

    public boolean wordingProvided() {
        return text != null;
    }

    public Optional<String> wording() {
        return Optional.ofNullable(text);
    }

    /**
     * Where the source gives no wording, the pack's note on what this criterion stands for and how
     * it was read (e.g. one pass criterion standing for all of a component's pass criteria).
     */
    public Optional<String> noteOnMissingWording() {
        return text == null ? source.noteText() : Optional.empty();
    }

    /** The wording, or the plain statement that the source does not give it. */
    public String displayText() {
        return text != null ? text : WORDING_NOT_PROVIDED;
    }
}
