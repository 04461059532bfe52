package org.epaworkbench.sync;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.ChainCheck;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.store.SyncStore.PinnedSigner;

/**
 * Whom this data folder trusts to have signed a record or a package, and why. A signer is trusted
 * for one of three reasons, checked in this order:
 * <ol>
 * <li>its certificate chains to an organisation root installed here ({@code org trust}), checked
 *     at the signing time with the certificates the signature carries;</li>
 * <li>its certificate, exactly (by SHA-256), is in the signer register ({@code signers add}, or
 *     pinned on first use where that was chosen);</li>
 * <li>it is this data folder's own signing certificate.</li>
 * </ol>
 * Anything else is untrusted, whatever name the certificate gives: anyone can make a certificate
 * with any name in it.
 */
public final class SignerTrust {

    /** Why a signer is trusted, or that it is not. */
    public enum Basis {
        ORGANISATION_ROOT("organisation-root"), REGISTER("register"), OWN_CERTIFICATE("own-certificate"), NONE("none");

        private final String word;

        Basis(String word) {
            this.word = word;
        }

        /** As JSON and the register give it. */
        public String word() {
            return word;
        }
    }

    /** The decision, with its reason in words. */
    public record Decision(Basis basis, String reason) {
        public boolean trusted() {
            return basis != Basis.NONE;
        }
    }

    /** What to do about an untrusted signer, for messages. */
    public static final String HOW_TO_TRUST = "To trust a signer, install your organisation's root certificate "
            + "(org trust ROOT.crt), or check the certificate's SHA-256 with the assessor and add it to the register "
            + "(signers add CERT.pem).";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

    private final List<X509Certificate> roots;
    private final List<PinnedSigner> register;
    private final String ownFingerprint;
    /** This computer's time when loaded: a certificate is never checked at a time after it (see {@link #decide}). */
    private final java.time.Instant now;

    SignerTrust(List<X509Certificate> roots, List<PinnedSigner> register, String ownFingerprint) {
        this(roots, register, ownFingerprint, null);
    }

    private SignerTrust(List<X509Certificate> roots, List<PinnedSigner> register, String ownFingerprint, java.time.Instant now) {
        this.roots = List.copyOf(roots);
        this.register = List.copyOf(register);
        this.ownFingerprint = ownFingerprint;
        this.now = now;
    }

    /** The roots, register and own certificate of the data folder {@code store} belongs to. */
    public static SignerTrust load(SyncStore store, Clock clock) throws SQLException {
        return load(store, PackageImporter.ownCertificate(store, clock), clock);
    }

    /**
     * The roots and register of any ledger (ADR 13).
     *
     * @param ownFingerprint the certificate sessions recorded in that ledger belong to; null if none
     */
    public static SignerTrust load(org.epaworkbench.store.ImportLedger store, String ownFingerprint, Clock clock)
            throws SQLException {
        List<X509Certificate> roots = new ArrayList<>();
        for (SyncStore.TrustedRoot r : store.trustedRoots()) {
            try {
                roots.add(Certificates.fromPem(r.certificatePem()));
            } catch (CertificateException e) {
                // a damaged row trusts nothing
            }
        }
        return new SignerTrust(roots, store.register(), ownFingerprint, clock.instant());
    }

    /** The same, also trusting {@code root} (a root given for one check, e.g. {@code verify --root}). */
    public SignerTrust withRoot(X509Certificate root) {
        List<X509Certificate> more = new ArrayList<>(roots);
        more.add(root);
        return new SignerTrust(more, register, ownFingerprint, now);
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    /**
     * Decides about {@code signer}, whose signature carries {@code carried}, made at {@code at}. The signing time is
     * the signer's claim: one after this computer's time is not believed, and the certificate is checked now instead
     * (so a certificate that becomes valid next month is not trusted today by a file dated next month).
     */
    public Decision decide(X509Certificate signer, List<X509Certificate> carried, java.time.Instant at) {
        if (now != null && at.isAfter(now)) {
            at = now;
        }
        String fingerprint = Certificates.fingerprint(signer);
        ChainCheck.Result chain = ChainCheck.check(signer, carried, roots, at);
        if (chain.chains()) {
            X509Certificate root = chain.root().orElseThrow();
            return new Decision(Basis.ORGANISATION_ROOT, "issued by the organisation root “" + Certificates.commonName(root)
                    + "” (SHA-256 " + Certificates.fingerprint(root) + "), which is trusted here");
        }
        for (PinnedSigner s : register) {
            if (s.fingerprint().equals(fingerprint)) {
                String who = s.assessorKey().substring(s.assessorKey().indexOf(':') + 1);
                return new Decision(Basis.REGISTER, "in the signer register as " + who + (s.how().equals("first-use")
                        ? ", pinned on first use on " + DAY.format(s.pinnedAt()) + " (never checked with the assessor)"
                        : ", added on " + DAY.format(s.pinnedAt())));
            }
        }
        if (fingerprint.equals(ownFingerprint)) {
            return new Decision(Basis.OWN_CERTIFICATE, "this data folder's own signing certificate");
        }
        return new Decision(Basis.NONE, "the certificate is not trusted here: " + chain.problem()
                + ", and it is not in the signer register. The name in a certificate is whatever its maker typed.");
    }
}
