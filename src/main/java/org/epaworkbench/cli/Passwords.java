package org.epaworkbench.cli;

import java.io.Console;

/**
 * The keystore password: from the environment variable {@code EPA_KEYSTORE_PASSWORD}, or asked for
 * at the terminal. Never a command-line argument (those show up in process lists and shell history).
 */
final class Passwords {

    static final String VARIABLE = "EPA_KEYSTORE_PASSWORD";

    /** Where the command line gets the keystore password from. */
    @FunctionalInterface
    interface Source {
        char[] keystorePassword(boolean confirmNew) throws BadInputException;
    }

    /** The environment variable, else the terminal. */
    static final Source FROM_ENVIRONMENT_OR_TERMINAL = confirmNew -> fromEnvironmentOrTerminal(System.getenv(VARIABLE), confirmNew);

    private Passwords() {
    }

    static char[] fromEnvironmentOrTerminal(String fromEnv, boolean confirmNew) throws BadInputException {
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new BadInputException("No keystore password: set " + VARIABLE + " or run the command in a terminal "
                    + "to be asked for it.");
        }
        char[] first = console.readPassword("Keystore password: ");
        if (first == null || first.length == 0) {
            throw new BadInputException("No keystore password was given.");
        }
        if (confirmNew) {
            char[] again = console.readPassword("Repeat the password: ");
            if (again == null || !java.util.Arrays.equals(first, again)) {
                throw new BadInputException("The two passwords differ; nothing was created.");
            }
        }
        return first;
    }
}
