package org.epaworkbench.grading;

/**
 * The assessor's judgement of one criterion: met, not met, or did not arise in the session. A
 * criterion that did not arise counts as not met unless it is carried over and met elsewhere.
 */
public enum CriterionState {
    MET("met", "Met"),
    NOT_MET("not_met", "Not met"),
    NOT_ARISEN("not_arisen", "Not arisen");

    private final String word;
    private final String label;

    CriterionState(String word, String label) {
        this.word = word;
        this.label = label;
    }

    /** The word used in JSON and on the command line. */
    public String word() {
        return word;
    }

    /** The words shown to an assessor. */
    public String label() {
        return label;
    }

    public static CriterionState fromWord(String word) {
        for (CriterionState s : values()) {
            if (s.word.equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a criterion state: " + word);
    }
}
