package org.epaworkbench.plan;

import java.util.Objects;
import java.util.Set;

/**
 * The highest grade a resit or retake can earn. Some organisations cap the component that was
 * resat ({@link Scope#COMPONENT}); others cap the end-point assessment grade as a whole
 * ({@link Scope#OVERALL}).
 */
public record AttemptCap(
        Grade maxGrade,
        Set<AttemptKind> attempts,
        Scope scope,
        boolean waivedForExceptionalCircumstances,
        Citation source) {

    public enum Scope {
        COMPONENT("component"),
        OVERALL("overall");

        private final String word;

        Scope(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Scope fromWord(String word) {
            for (Scope s : values()) {
                if (s.word.equals(word)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("not a cap scope: " + word);
        }
    }

    public AttemptCap {
        Objects.requireNonNull(maxGrade, "maxGrade");
        attempts = Set.copyOf(attempts);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
    }

    public boolean appliesTo(AttemptKind attempt, boolean exceptionalCircumstances) {
        if (exceptionalCircumstances && waivedForExceptionalCircumstances) {
            return false;
        }
        return attempts.contains(attempt);
    }
}
