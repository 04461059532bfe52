package org.epaworkbench.sync;

import java.nio.file.Path;
import java.util.List;

/** For tests outside this package: a device folder with records, and a package exported from it. */
public final class SyncTestSupport {
    private SyncTestSupport() {
    }

    /**
     * Makes an assessor's data folder, exports two of its three signed records (and all sessions) as a
     * package, and returns the package file; with {@code leaveOnePending}, the third record stays in the outbox.
     */
    public static Path deviceWithPackage(Path folder, Path usb, boolean leaveOnePending) throws Exception {
        try (SyncFixture device = SyncFixture.assessorDevice(folder)) {
            Outbox outbox = device.outbox();
            Outbox.Selection all = outbox.pending();
            Outbox.Selection some = leaveOnePending
                    ? new Outbox.Selection(all.sessionIds(), all.records().subList(0, all.records().size() - 1))
                    : all;
            return outbox.export(some, usb, device.identity(), null).file();
        }
    }

    /** Makes an assessor's data folder and exports everything in it encrypted to {@code organisation}; returns the package. */
    public static Path deviceWithEncryptedPackage(Path folder, Path usb, java.security.cert.X509Certificate organisation)
            throws Exception {
        try (SyncFixture device = SyncFixture.assessorDevice(folder)) {
            Outbox outbox = device.outbox();
            return outbox.export(outbox.pending(), usb, device.identity(), organisation).file();
        }
    }

    /** The certificate that signed a package (the assessor's). */
    public static java.security.cert.X509Certificate signerOf(Path pkg) throws Exception {
        try (PackageReader reader = PackageReader.open(pkg, null)) {
            return reader.signer().signer();
        }
    }

    /** A pinned-signer row registering the certificate that signed {@code pkg}, as the office adds one. */
    public static org.epaworkbench.store.SyncStore.PinnedSigner registration(Path pkg) throws Exception {
        java.security.cert.X509Certificate cert = signerOf(pkg);
        return new org.epaworkbench.store.SyncStore.PinnedSigner(SignerRegister.assessorKey(cert),
                org.epaworkbench.keys.Certificates.fingerprint(cert), org.epaworkbench.keys.Certificates.describe(cert),
                org.epaworkbench.keys.Certificates.toPem(cert), SyncFixture.CLOCK.instant(), "added");
    }

    /** An assessor's data folder with three sessions and their signed records, nothing exported yet. */
    public static void device(Path folder) throws Exception {
        SyncFixture.assessorDevice(folder).close();
    }

    /** The keystore password of the fixtures' devices. */
    public static String password() {
        return new String(SyncFixture.PASSWORD);
    }

    /** A pinned-signer row registering a device folder's own certificate, as the office adds one. */
    public static org.epaworkbench.store.SyncStore.PinnedSigner registrationOf(Path folder) throws Exception {
        java.security.cert.X509Certificate cert = identityOf(folder).certificate();
        return new org.epaworkbench.store.SyncStore.PinnedSigner(SignerRegister.assessorKey(cert),
                org.epaworkbench.keys.Certificates.fingerprint(cert), org.epaworkbench.keys.Certificates.describe(cert),
                org.epaworkbench.keys.Certificates.toPem(cert), SyncFixture.CLOCK.instant(), "added");
    }

    /** The signing identity of a device folder the fixtures made. */
    public static org.epaworkbench.keys.SigningIdentity identityOf(Path folder) throws Exception {
        return new org.epaworkbench.keys.AssessorKeyStore(folder, SyncFixture.CLOCK).unlock(SyncFixture.PASSWORD);
    }

    /** The clock the fixtures' devices record by. */
    public static java.time.Clock clock() {
        return SyncFixture.CLOCK;
    }

    static List<String> none() {
        return List.of();
    }
}
