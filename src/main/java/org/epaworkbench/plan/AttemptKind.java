package org.epaworkbench.plan;

/**
 * Which attempt at a component a session is: the first, a resit (no further learning needed) or a
 * retake (after further learning, back through gateway).
 */
public enum AttemptKind {
    FIRST("first"),
    RESIT("resit"),
    RETAKE("retake");

    private final String word;

    AttemptKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static AttemptKind fromWord(String word) {
        for (AttemptKind a : values()) {
            if (a.word.equals(word)) {
                return a;
            }
        }
        throw new IllegalArgumentException("not an attempt kind: " + word);
    }
}
