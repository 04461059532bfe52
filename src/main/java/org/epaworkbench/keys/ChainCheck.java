package org.epaworkbench.keys;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Does a signer's certificate chain to one of the organisation roots this data folder trusts? The
 * chain is built with the Java runtime's PKIX path builder from the certificates the signature
 * carries, and checked at the signing time: each certificate signed by the next, each issuer a
 * certificate authority allowed to issue, each valid at that time, ending at a trusted root's key.
 * A certificate that only names a trusted organisation, or an imitation root carried in the
 * signature, does not chain: only the installed root's own key counts.
 *
 * <p>Revocation is not checked: there are no revocation lists offline. The signing time is the
 * signer's claim (the app uses no time-stamping authority).
 */
public final class ChainCheck {

    private ChainCheck() {
    }

    /** The trusted root reached, or why none was. */
    public record Result(Optional<X509Certificate> root, String problem) {
        public boolean chains() {
            return root.isPresent();
        }
    }

    public static Result check(X509Certificate signer, Collection<X509Certificate> carried, Collection<X509Certificate> roots,
            Instant at) {
        if (roots.isEmpty()) {
            return new Result(Optional.empty(), "no organisation root is installed here");
        }
        for (X509Certificate root : roots) {
            if (root.equals(signer)) {
                return new Result(Optional.empty(), "it is an organisation's root certificate, which issues assessors' "
                        + "certificates and signs nothing else");
            }
        }
        if (signer.getBasicConstraints() >= 0) {
            return new Result(Optional.empty(), "it is a certificate authority's certificate, which issues certificates and "
                    + "signs nothing else; an assessor's certificate is not one");
        }
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            return new Result(Optional.empty(), "its key usage does not allow signing documents");
        }
        try {
            signer.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            return new Result(Optional.empty(), "the certificate had expired (on " + signer.getNotAfter().toInstant()
                    + ") at the signing time, " + at);
        } catch (CertificateNotYetValidException e) {
            return new Result(Optional.empty(), "the certificate was not yet valid (from " + signer.getNotBefore().toInstant()
                    + ") at the signing time, " + at);
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate root : roots) {
                anchors.add(new TrustAnchor(root, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> pool = new ArrayList<>(carried);
            pool.add(signer);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
            // the runtime does not apply the root's own path length: a root of path length 0 issues end-entity certificates only
            int intermediates = result.getCertPath().getCertificates().size() - 1;
            if (intermediates > anchor.getBasicConstraints()) {
                return new Result(Optional.empty(), "it is issued by a certificate authority below the organisation root, "
                        + "which issues assessors' certificates itself and no other authority");
            }
            return new Result(Optional.of(anchor), null);
        } catch (CertPathBuilderException e) {
            return new Result(Optional.empty(), "it is not issued by any organisation root installed here");
        } catch (GeneralSecurityException e) {
            return new Result(Optional.empty(), "its chain cannot be checked: " + e.getMessage());
        }
    }
}
