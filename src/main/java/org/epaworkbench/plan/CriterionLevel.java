package org.epaworkbench.plan;

/** Whether a criterion counts towards a pass or towards a distinction. */
public enum CriterionLevel {
    PASS("pass"),
    DISTINCTION("distinction");

    private final String word;

    CriterionLevel(String word) {
        this.word = word;
    }

    /** The word used in plan packs and in the command line's JSON. */
    public String word() {
        return word;
    }

    public static CriterionLevel fromWord(String word) {
        for (CriterionLevel level : values()) {
            if (level.word.equals(word)) {
                return level;
            }
        }
        throw new IllegalArgumentException("not a criterion level: " + word);
    }
}
