package org.epaworkbench.sync;

import java.sql.SQLException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.store.SyncStore.PinnedSigner;

/**
 * The office's register of assessor certificates. An assessor is identified by their certificate
 * alone: the assessor number in its subject (the serialNumber attribute, as the app's own
 * certificates carry it) or, for a certificate without one, its common name. What a package's
 * manifest says about its assessor is never used to look anyone up; it must agree with the
 * certificate or the package is refused.
 */
public final class SignerRegister {

    private SignerRegister() {
    }

    /** The register key of the certificate's holder: {@code number:EPA-000123}, or {@code name:Sam Assessor}. */
    public static String assessorKey(X509Certificate cert) {
        String number = assessorNumber(cert);
        return number.isBlank() ? "name:" + Certificates.commonName(cert) : "number:" + number;
    }

    /** The assessor number the certificate carries, or "". */
    public static String assessorNumber(X509Certificate cert) {
        return Certificates.attribute(cert.getSubjectX500Principal(), "SERIALNUMBER");
    }

    /** What adding a certificate to the register did. */
    public record Added(PinnedSigner signer, boolean alreadyThere) {
    }

    /** A certificate cannot be added: its assessor is pinned to another certificate. */
    public static final class Conflict extends Exception {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    /**
     * Adds an assessor's certificate ahead of their first package, so a strict register can accept
     * it. Adding the same certificate again changes nothing.
     */
    public static Added add(SyncStore store, X509Certificate cert, Instant now) throws SQLException, Conflict {
        return add(new Register() {
            @Override
            public Optional<PinnedSigner> pinned(String assessorKey) throws SQLException {
                return store.pinned(assessorKey);
            }

            @Override
            public void addSigner(PinnedSigner signer) throws SQLException {
                store.addSigner(signer);
            }
        }, cert, now);
    }

    /** A register kept elsewhere than a data folder (the intake service's database). */
    public interface Register {
        Optional<PinnedSigner> pinned(String assessorKey) throws SQLException;

        void addSigner(PinnedSigner signer) throws SQLException;

        /** The command that removes an entry from this register, as the refusal names it. */
        default String removeCommand() {
            return "signers remove";
        }
    }

    /** As {@link #add(SyncStore, X509Certificate, Instant)}, into any register, with the same rules and words. */
    public static Added add(Register store, X509Certificate cert, Instant now) throws SQLException, Conflict {
        String key = assessorKey(cert);
        String fingerprint = Certificates.fingerprint(cert);
        Optional<PinnedSigner> pinned = store.pinned(key);
        if (pinned.isPresent()) {
            if (pinned.get().fingerprint().equals(fingerprint)) {
                return new Added(pinned.get(), true);
            }
            throw new Conflict("Assessor " + key.substring(key.indexOf(':') + 1) + " is already in the register with "
                    + "another certificate (SHA-256 " + pinned.get().fingerprint() + "). If their key was replaced, "
                    + "remove the old one first (" + store.removeCommand() + " " + key + ").");
        }
        PinnedSigner s = new PinnedSigner(key, fingerprint, Certificates.describe(cert), Certificates.toPem(cert), now, "added");
        store.addSigner(s);
        return new Added(s, false);
    }
}
