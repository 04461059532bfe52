package org.epaworkbench.plan;

/** A component or end-point assessment grade, lowest first. */
public enum Grade {
    FAIL,
    PASS,
    DISTINCTION;

    public Grade atMost(Grade cap) {
        return compareTo(cap) > 0 ? cap : this;
    }

    public String label() {
        return switch (this) {
            case FAIL -> "Fail";
            case PASS -> "Pass";
            case DISTINCTION -> "Distinction";
        };
    }
}
