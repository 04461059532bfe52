package org.epaworkbench.keys;

/** A certificate, chain or signing request that cannot be used; the message says which file and why, in words. */
public class CertificateProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public CertificateProblem(String message) {
        super(message);
    }

    public CertificateProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
