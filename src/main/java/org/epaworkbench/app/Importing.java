package org.epaworkbench.app;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.List;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.OrganisationRoots;
import org.epaworkbench.sync.PackageImporter;
import org.epaworkbench.sync.PackageRefused;
import org.epaworkbench.sync.SignerRegister;

/**
 * What an office does when packages come in (the Import screen and {@code import}, {@code org trust},
 * {@code signers}): decide whom it trusts (organisation roots, the signer register, trust on first use)
 * and import packages under that trust. One place for the rules both the screen and the command line
 * apply, the setting of trust on first use included.
 */
public final class Importing {

    /** The setting behind "Trust on first use" on the Import screen and {@code signers first-use on|off}. */
    public static final String FIRST_USE_SETTING = Settings.TRUST_ON_FIRST_USE;

    private final Services services;
    private final SyncStore sync;

    public Importing(Services services) {
        this.services = services;
        this.sync = new SyncStore(services.database());
    }

    /** Whether certificates of unknown assessors are pinned when their first package arrives (off unless chosen). */
    public boolean trustOnFirstUse() throws SQLException {
        return services.settings().trustOnFirstUse();
    }

    public void trustOnFirstUse(boolean on) throws SQLException {
        services.settings().trustOnFirstUse(on);
    }

    /** The organisation roots this data folder trusts. */
    public List<SyncStore.TrustedRoot> roots() throws SQLException {
        return sync.trustedRoots();
    }

    /** Trusts an organisation root certificate read from a file. */
    public OrganisationRoots.Added trustRoot(Path file) throws CertificateProblem, SQLException {
        return OrganisationRoots.trust(sync, file, services.clock().instant());
    }

    public boolean removeRoot(String fingerprint) throws SQLException {
        return sync.removeTrustedRoot(fingerprint);
    }

    /** The signer register: certificates trusted one by one. */
    public List<SyncStore.PinnedSigner> register() throws SQLException {
        return sync.register();
    }

    /** Adds a certificate checked with its assessor to the register. */
    public SignerRegister.Added addSigner(X509Certificate certificate) throws SQLException, SignerRegister.Conflict {
        return SignerRegister.add(sync, certificate, services.clock().instant());
    }

    public boolean removeSigner(String assessorKey) throws SQLException {
        return sync.removeSigner(assessorKey);
    }

    /** Sessions recorded differently in two places, to resolve. */
    public List<SessionStore.Conflict> conflicts() throws SQLException {
        return services.sessions().conflicts();
    }

    /**
     * Imports a package: checked whole under this folder's trust, then applied in one transaction, or
     * refused with nothing changed. {@code firstUseNow}: pin an unknown signer for this import only.
     */
    public PackageImporter.Outcome importPackage(Path file, PrivateKey decryptionKey, boolean firstUseNow, boolean dryRun)
            throws PackageRefused, SQLException, java.io.IOException {
        PackageImporter.UnknownSigners unknown = firstUseNow || trustOnFirstUse()
                ? PackageImporter.UnknownSigners.TRUST_ON_FIRST_USE : PackageImporter.UnknownSigners.REFUSE;
        return importer().importPackage(file, decryptionKey, unknown, dryRun);
    }

    /** The importer, under the trust given by the caller (tests and the command line's dry runs). */
    public PackageImporter importer() {
        return new PackageImporter(sync, services.signedRecords().folder(), services.clock(), services.plans());
    }
}
