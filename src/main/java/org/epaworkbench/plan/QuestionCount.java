package org.epaworkbench.plan;

/** The number of questions an interview consists of ("10 competency-based questions"). */
public record QuestionCount(int exactly, Citation source) {
    public QuestionCount {
        if (exactly < 1) {
            throw new IllegalArgumentException("question count must be positive: " + exactly);
        }
    }
}
