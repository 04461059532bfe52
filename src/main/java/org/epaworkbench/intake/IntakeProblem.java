package org.epaworkbench.intake;

/** Why the intake service cannot go on, in the words of whoever runs it. */
public final class IntakeProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public IntakeProblem(String message) {
        super(message);
    }

    public IntakeProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
