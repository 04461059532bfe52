package org.epaworkbench.sync;

/** A package whose signer this data folder does not trust (see {@link SignerTrust}); nothing was imported. */
public final class UntrustedSigner extends PackageRefused {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public UntrustedSigner(String reason) {
        super(PackageFormat.SIGNATURE, "UNTRUSTED: " + reason);
        this.reason = reason;
    }

    /** Why, without the entry name. */
    public String reason() {
        return reason;
    }
}
