package org.epaworkbench.grading;

/**
 * Judgements that do not fit the plan: an unknown component or criterion, or a carry-over the plan
 * does not allow. {@link #path()} says where, in the JSON-path style of the command line's input
 * ({@code $.components.observation.criteria.K9}).
 */
public class GradingInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;

    public GradingInputException(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
