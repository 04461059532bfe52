package org.epaworkbench.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The assessor's private key and certificate chain, unlocked for one signing. The key lives only in
 * memory here and in the password-protected keystore; it is never written anywhere else.
 */
public record SigningIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
    public SigningIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
