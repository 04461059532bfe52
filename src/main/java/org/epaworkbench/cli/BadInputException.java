package org.epaworkbench.cli;

/** Input the user can fix (a file, an id, an argument); the command exits with code 2 and this message. */
public class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
