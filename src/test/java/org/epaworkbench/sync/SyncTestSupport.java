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

    static List<String> none() {
        return List.of();
    }
}
