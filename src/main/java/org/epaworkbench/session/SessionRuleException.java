package org.epaworkbench.session;

/** An action the session's rules do not allow now; the message says why in the assessor's words. */
public class SessionRuleException extends Exception {
    private static final long serialVersionUID = 1L;

    public SessionRuleException(String message) {
        super(message);
    }
}
