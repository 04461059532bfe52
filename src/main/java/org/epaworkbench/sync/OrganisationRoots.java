package org.epaworkbench.sync;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.store.SyncStore.TrustedRoot;

/** Installing an organisation's root certificate in a data folder ({@code org trust}), after checking it is one. */
public final class OrganisationRoots {

    private OrganisationRoots() {
    }

    /** What trusting a root did. */
    public record Added(TrustedRoot root, boolean alreadyThere) {
    }

    /** Reads a root certificate file and installs it; a file that is not a root is refused, saying why. */
    public static Added trust(SyncStore store, Path file, Instant now) throws CertificateProblem, SQLException {
        return trust(store, read(file, now), now);
    }

    /** Reads and checks a root certificate file (without installing it). */
    public static X509Certificate read(Path file, Instant now) throws CertificateProblem {
        List<X509Certificate> all;
        try {
            all = Certificates.readAll(file);
        } catch (NoSuchFileException e) {
            throw new CertificateProblem(file + ": no such file");
        } catch (CertificateException | IOException | RuntimeException e) {
            throw new CertificateProblem(file + ": not a certificate (PEM or DER expected)");
        }
        if (all.size() != 1) {
            throw new CertificateProblem(file + ": holds " + all.size() + " certificates; give the organisation's root "
                    + "certificate alone (organisation-root.crt).");
        }
        X509Certificate root = all.get(0);
        check(file.toString(), root, now);
        return root;
    }

    /** Installs a checked root. */
    public static Added trust(SyncStore store, X509Certificate root, Instant now) throws CertificateProblem, SQLException {
        check("the certificate", root, now);
        TrustedRoot r = new TrustedRoot(Certificates.fingerprint(root), Certificates.describe(root), Certificates.toPem(root), now);
        boolean added = store.addTrustedRoot(r);
        return new Added(r, !added);
    }

    /** A root: self-signed (its own signature checks), a certificate authority allowed to sign certificates, valid now. */
    static void check(String what, X509Certificate root, Instant now) throws CertificateProblem {
        if (!root.getSubjectX500Principal().equals(root.getIssuerX500Principal())) {
            throw new CertificateProblem(what + ": is not a root certificate (it is issued by " + root.getIssuerX500Principal()
                    .getName() + "); an assessor's certificate goes in the signer register instead (signers add).");
        }
        try {
            root.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateProblem(what + ": its own signature does not check; the file is damaged or forged.");
        }
        boolean[] usage = root.getKeyUsage();
        if (root.getBasicConstraints() < 0 || (usage != null && !usage[5])) {
            throw new CertificateProblem(what + ": is not a certificate authority (it may not issue certificates); an "
                    + "assessor's own certificate goes in the signer register instead (signers add).");
        }
        try {
            root.checkValidity(Date.from(now));
        } catch (CertificateException e) {
            throw new CertificateProblem(what + ": is not valid now (valid " + root.getNotBefore().toInstant() + " to "
                    + root.getNotAfter().toInstant() + ").");
        }
    }
}
