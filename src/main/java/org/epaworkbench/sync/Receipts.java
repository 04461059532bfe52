package org.epaworkbench.sync;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import org.epaworkbench.keys.ChainCheck;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;

/**
 * Signing and checking receipts (ADR 13). The intake service signs a receipt's bytes with its own
 * identity (a certificate the organisation root issued for server authentication); an assessor's app
 * accepts a receipt only if that signature is valid, its signer is such a service certificate chaining
 * to an organisation root the app trusts, and it names the exact package that was sent.
 */
public final class Receipts {

    private Receipts() {
    }

    /** A receipt with the service's detached CMS signature over {@link Receipt#toJson()}. */
    public record Signed(Receipt receipt, byte[] json, byte[] signature) {
    }

    /** Why a receipt is not accepted. */
    public static final class NotAccepted extends Exception {
        private static final long serialVersionUID = 1L;

        public NotAccepted(String message) {
            super(message);
        }
    }

    public static Signed sign(Receipt receipt, SigningIdentity service) throws GeneralSecurityException, IOException {
        byte[] json = receipt.toJson();
        return new Signed(receipt, json, Cms.signDetached(json, service));
    }

    /**
     * Checks a receipt for the package whose bytes hash to {@code sha256}.
     *
     * @param roots the organisation roots this app trusts (the pinned root)
     */
    public static Receipt check(byte[] json, byte[] signature, String packageId, String sha256, Collection<X509Certificate> roots)
            throws NotAccepted {
        Receipt receipt;
        try {
            receipt = Receipt.fromJson(json);
        } catch (IOException e) {
            throw new NotAccepted("The receipt cannot be read: " + e.getMessage() + ".");
        }
        Cms.Verified v;
        try {
            v = Cms.verifyDetached(signature, json);
        } catch (Exception e) {
            throw new NotAccepted("The receipt's signature cannot be read: it is damaged or not a signature.");
        }
        if (!v.valid() || !v.signingCertificateMatches()) {
            throw new NotAccepted("The receipt's signature does not match it: it was changed after the service signed it.");
        }
        if (!OrganisationAuthority.isServiceCertificate(v.signer())) {
            throw new NotAccepted("The receipt is signed by a certificate that is not an intake service's ("
                    + org.epaworkbench.keys.Certificates.describe(v.signer()) + ").");
        }
        ChainCheck.Result chain = ChainCheck.check(v.signer(), v.certificates(), roots, receipt.receivedAt());
        if (!chain.chains()) {
            throw new NotAccepted("The receipt's signer is not trusted: " + chain.problem() + ".");
        }
        if (!receipt.packageId().equals(packageId) || !receipt.sha256().equalsIgnoreCase(sha256)) {
            throw new NotAccepted("The receipt is for another package (" + receipt.packageId() + ", SHA-256 "
                    + receipt.sha256() + "), not this one.");
        }
        return receipt;
    }
}
