package org.epaworkbench.cli;

/** What the command line's exit codes mean. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** The database, the data folder or the app itself failed; the message says what to do. */
    public static final int FAILED = 1;
    /** Bad input: an unknown id, a malformed or invalid file, a wrong argument. */
    public static final int BAD_INPUT = 2;
    /** The input was read but does not hold up: a record does not verify, an apprentice's dates break a rule. */
    public static final int CHECK_FAILED = 3;

    private ExitCodes() {
    }
}
