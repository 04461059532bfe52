package org.epaworkbench.plan;

/**
 * How many of a component's distinction criteria must be met (on top of every pass criterion) for a
 * distinction: all of them, or at least N of them ("at least 7 out of 10").
 */
public record DistinctionRule(Kind kind, int atLeast) {

    public enum Kind { ALL, AT_LEAST }

    public DistinctionRule {
        if (kind == Kind.AT_LEAST && atLeast < 1) {
            throw new IllegalArgumentException("an 'at least' rule needs a positive number, not " + atLeast);
        }
        if (kind == Kind.ALL) {
            atLeast = 0;
        }
    }

    public static DistinctionRule all() {
        return new DistinctionRule(Kind.ALL, 0);
    }

    public static DistinctionRule atLeast(int n) {
        return new DistinctionRule(Kind.AT_LEAST, n);
    }

    /** How many of {@code total} criteria this rule requires. */
    public int required(int total) {
        return kind == Kind.ALL ? total : Math.min(atLeast, total);
    }

    public boolean isMetBy(int met, int total) {
        return met >= required(total);
    }

    /** "all 3" or "at least 7 of 10". */
    public String describe(int total) {
        return kind == Kind.ALL ? "all " + total : "at least " + atLeast + " of " + total;
    }
}
