package org.epaworkbench.keys;

/** The signing identity cannot be used: wrong password, missing or unreadable keystore; the message says which. */
public class KeyStoreProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public KeyStoreProblem(String message) {
        super(message);
    }

    public KeyStoreProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
