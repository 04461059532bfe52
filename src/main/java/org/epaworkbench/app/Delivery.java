package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.store.SampleData;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.Outbox;

/**
 * What an assessor does to get records to the organisation (the Outbox screen, {@code export},
 * {@code outbox}): see what waits, write it as a signed package, follow the packages made and mark
 * them handed over. Delivery to the organisation's service builds on this (issue 15).
 */
public final class Delivery {

    /** What a package will hold: sessions (each with its whole event log) and signed records. */
    public record Waiting(List<String> sessionIds, List<SignedRecord> records) {
        public Waiting {
            sessionIds = List.copyOf(sessionIds);
            records = List.copyOf(records);
        }

        public boolean isEmpty() {
            return sessionIds.isEmpty() && records.isEmpty();
        }
    }

    /**
     * A package written: where, and what it holds; {@code recordings} files carried, and {@code notices} which recordings
     * its sessions' logs name were left out, and why (issue 16).
     */
    public record Exported(String packageId, Path file, int sessions, int records, int bytes, boolean encrypted,
            int recordings, List<String> notices) {
        public Exported(String packageId, Path file, int sessions, int records, int bytes, boolean encrypted) {
            this(packageId, file, sessions, records, bytes, encrypted, 0, List.of());
        }
    }

    /** A package made here; {@code uploadedAt} is null until it is marked handed over. */
    public record Package(String packageId, String fileName, Instant createdAt, int sessions, int records, boolean encrypted,
            Instant uploadedAt) {
    }

    private final Services services;
    private final SyncStore sync;

    public Delivery(Services services) {
        this.services = services;
        this.sync = new SyncStore(services.database());
    }

    private Outbox outbox() throws SQLException {
        return new Outbox(sync, services.signedRecords().folder(), services.sessions().deviceId(), services.clock());
    }

    /** Everything not yet exported: records, and sessions with new events. */
    public Waiting pending() throws SQLException {
        return waiting(outbox().pending());
    }

    /** Everything, exported before or not. */
    public Waiting all() throws SQLException {
        return waiting(outbox().all());
    }

    /** Records signed and sessions changed since a time. */
    public Waiting since(Instant since) throws SQLException {
        return waiting(outbox().since(since));
    }

    /** Chosen records (by id), with their sessions. */
    public Waiting chosen(List<String> recordIds) throws SQLException {
        return waiting(outbox().chosen(recordIds));
    }

    private static Waiting waiting(Outbox.Selection s) {
        return new Waiting(s.sessionIds(), s.records());
    }

    /** Whether this data folder has a signing identity to sign a package with. */
    public boolean canSign() {
        return services.assessorIdentity().exists();
    }

    /** Unlocks the signing identity to sign a package with; a wrong password is a {@link KeyStoreProblem.WrongPassword}. */
    public AssessorIdentity.Unlocked unlockSigningKey(char[] password) throws KeyStoreProblem {
        return services.assessorIdentity().unlock(password);
    }

    /** Writes {@code what} as one package signed with the unlocked identity into {@code folder} (encrypted to {@code encryptTo} when not null). */
    public Exported export(Waiting what, Path folder, AssessorIdentity.Unlocked signer, X509Certificate encryptTo)
            throws SQLException, IOException, GeneralSecurityException {
        return export(what, folder, signer.identity(), encryptTo);
    }

    /** Writes {@code what} as one package signed by {@code identity} into {@code folder}, and marks it exported. */
    public Exported export(Waiting what, Path folder, SigningIdentity identity, X509Certificate encryptTo)
            throws SQLException, IOException, GeneralSecurityException {
        Outbox.Exported x = outbox().export(new Outbox.Selection(what.sessionIds(), what.records()), folder, identity, encryptTo);
        return new Exported(x.packageId(), x.file(), x.sessions(), x.records(), x.bytes(), x.encrypted(), x.recordings(),
                x.notices());
    }

    /** The packages made here, newest first. */
    public List<Package> packages() throws SQLException {
        return sync.exportedPackages().stream().map(p -> new Package(p.packageId(), p.fileName(), p.createdAt(), p.sessions(),
                p.records(), p.encrypted(), p.uploadedAt())).toList();
    }

    /** Marks a package handed over (uploaded, given to the office); false when there is no such package. */
    public boolean markUploaded(String packageId) throws SQLException {
        return sync.markUploaded(packageId, services.clock().instant());
    }

    /** Whether the sample sessions are in this data folder (they are never exported). */
    public boolean sampleDataPresent() throws SQLException {
        return new SampleData(services.database()).present();
    }
}
