package org.epaworkbench.session;

/** Where a session is in its life. */
public enum SessionStatus {
    PLANNED("Not started"),
    RUNNING("Running"),
    PAUSED("Paused"),
    ENDED("Ended");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean started() {
        return this != PLANNED;
    }
}
