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

    /** The password does not open the keystore: the one thing a person can put right by typing it again. */
    public static final class WrongPassword extends KeyStoreProblem {
        private static final long serialVersionUID = 1L;

        public WrongPassword(String message) {
            super(message);
        }
    }
}
