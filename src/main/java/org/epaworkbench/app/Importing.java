package org.epaworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.PackageFormat;
import org.epaworkbench.sync.PackageImporter;
import org.epaworkbench.sync.PackageRefused;
import org.epaworkbench.sync.SignerRegister;
import org.epaworkbench.sync.SignerTrust;

/**
 * What an office does when packages come in (the Import screen and {@code import}, {@code org trust},
 * {@code signers}, {@code conflicts}): decide whom it trusts (organisation roots, the signer register,
 * trust on first use), import packages under that trust, and choose between two versions of a session.
 * One place for the rules both the screen and the command line apply, the setting of trust on first use
 * included.
 */
public final class Importing {

    /** The largest package imported (bytes); a larger file is refused before it is read. */
    public static final long MAX_PACKAGE_BYTES = PackageFormat.MAX_PACKAGE_BYTES;

    /** An organisation root this data folder trusts. */
    public record Root(String fingerprint, String subject, Instant addedAt) {
    }

    /** An assessor's certificate in the signer register; {@code how} it came there ("added", "first use"). */
    public record Signer(String assessorKey, String fingerprint, String subject, Instant pinnedAt, String how) {
    }

    /** A certificate added to the register just now; {@code alreadyThere} when it was there before. */
    public record SignerAdded(Signer signer, boolean alreadyThere) {
    }

    /** A certificate that cannot go in the register (its assessor is there with another certificate), said why. */
    public static final class SignerNotAdded extends Exception {
        private static final long serialVersionUID = 1L;

        SignerNotAdded(String message) {
            super(message);
        }
    }

    /** A place in a session's log recorded differently in two places, with every version there. */
    public record Conflict(String sessionId, long seq, List<String> eventIds, List<Version> versions) {
    }

    /** One version at a conflict: the event, the device that recorded it, when, and what it says. */
    public record Version(String eventId, String deviceId, Instant at, String description) {
    }

    /** What a package changed (or, checked only, would change). */
    public record Changes(int newApprentices, int updatedApprentices, int newSessions, int newEvents, int newRecords,
            List<String> conflictedSessions, boolean packageSeenBefore, int proposedChanges, List<String> proposedFor) {
    }

    /** What an import did (or, for a dry run, would do); {@code trust} says why its signer was trusted. */
    public record Imported(String packageId, String signer, String assessorKey, String certificateFingerprint,
            boolean encrypted, boolean dryRun, List<String> notices, Changes applied, int pdfsWritten,
            SignerTrust.Decision trust) {
    }

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
    public List<Root> roots() throws SQLException {
        return sync.trustedRoots().stream().map(r -> new Root(r.fingerprint(), r.subject(), r.addedAt())).toList();
    }

    /** Trusts an organisation root certificate read from a file, as {@code org trust} does ({@link Organisation#trustRoot}). */
    public Organisation.TrustedRoot trustRoot(Path file) throws CertificateProblem, SQLException {
        return services.organisation().trustRoot(file);
    }

    public boolean removeRoot(String fingerprint) throws SQLException {
        return sync.removeTrustedRoot(fingerprint);
    }

    /** The signer register: certificates trusted one by one. */
    public List<Signer> register() throws SQLException {
        return sync.register().stream().map(Importing::signer).toList();
    }

    private static Signer signer(SyncStore.PinnedSigner s) {
        return new Signer(s.assessorKey(), s.fingerprint(), s.subject(), s.pinnedAt(), s.how());
    }

    /** Adds a certificate checked with its assessor to the register. */
    public SignerAdded addSigner(X509Certificate certificate) throws SQLException, SignerNotAdded {
        try {
            SignerRegister.Added added = SignerRegister.add(sync, certificate, services.clock().instant());
            return new SignerAdded(signer(added.signer()), added.alreadyThere());
        } catch (SignerRegister.Conflict e) {
            throw new SignerNotAdded(e.getMessage());
        }
    }

    public boolean removeSigner(String assessorKey) throws SQLException {
        return sync.removeSigner(assessorKey);
    }

    /** Sessions recorded differently in two places, to resolve, each with its versions. */
    public List<Conflict> conflicts() throws SQLException {
        SessionStore sessions = services.sessions();
        List<Conflict> found = new ArrayList<>();
        for (SessionStore.Conflict c : sessions.conflicts()) {
            List<Version> versions = sessions.allEvents(c.sessionId()).stream().filter(e -> e.event().seq() == c.seq())
                    .map(e -> new Version(e.event().id(), e.deviceId(), e.event().at(), e.event().body().describe())).toList();
            found.add(new Conflict(c.sessionId(), c.seq(), c.eventIds(), versions));
        }
        return found;
    }

    /**
     * Keeps {@code keptEventId} as the record at a conflict (the other version stays stored), with the
     * reason; false when there is no unresolved conflict there with that version.
     */
    public boolean resolve(String sessionId, long seq, String keptEventId, String reason) throws SQLException {
        SessionStore sessions = services.sessions();
        boolean known = sessions.conflicts().stream().anyMatch(c -> c.sessionId().equals(sessionId) && c.seq() == seq
                && c.eventIds().contains(keptEventId));
        if (!known) {
            return false;
        }
        sessions.resolve(sessionId, seq, keptEventId, reason, services.clock().instant());
        return true;
    }

    /** Whether a package file is encrypted (to the organisation): it is then opened with a key first. */
    public static boolean encrypted(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1);
            return head.length == 1 && (head[0] & 0xff) == 0x30;
        }
    }

    /**
     * Imports a package: checked whole under this folder's trust, then applied in one transaction, or
     * refused with nothing changed. {@code firstUseNow}: pin an unknown signer for this import only.
     */
    public Imported importPackage(Path file, PrivateKey decryptionKey, boolean firstUseNow, boolean dryRun)
            throws PackageRefused, SQLException, IOException {
        PackageImporter.UnknownSigners unknown = firstUseNow || trustOnFirstUse()
                ? PackageImporter.UnknownSigners.TRUST_ON_FIRST_USE : PackageImporter.UnknownSigners.REFUSE;
        PackageImporter.Outcome o = new PackageImporter(sync, services.signedRecords().folder(), services.clock(), services.plans())
                .importPackage(file, decryptionKey, unknown, dryRun);
        SyncStore.Applied a = o.applied();
        return new Imported(o.packageId(), o.signer(), o.assessorKey(), o.certificateFingerprint(), o.encrypted(), o.dryRun(),
                o.notices(), new Changes(a.newApprentices(), a.updatedApprentices(), a.newSessions(), a.newEvents(), a.newRecords(),
                        a.conflictedSessions(), a.packageSeenBefore(), a.proposedChanges(), a.proposedFor()),
                o.pdfsWritten(), o.trust());
    }
}
