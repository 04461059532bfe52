package org.epaworkbench.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.SyncStore;

/**
 * What is waiting to go to the organisation, and exporting it as one signed package. Export is
 * incremental: by default only records not yet exported and sessions with events not yet exported;
 * sessions always travel with their whole log, so re-exporting is harmless. Sample data never leaves,
 * and neither does what was imported from other packages: the outbox holds only what was recorded or
 * signed in this data folder.
 */
public final class Outbox {

    /** What a package will hold. */
    public record Selection(List<String> sessionIds, List<SignedRecord> records) {
        public boolean isEmpty() {
            return sessionIds.isEmpty() && records.isEmpty();
        }
    }

    /** A package written. */
    public record Exported(String packageId, Path file, int sessions, int records, int bytes, boolean encrypted) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final SyncStore store;
    private final Path recordsFolder;
    private final String deviceId;
    private final Clock clock;

    public Outbox(SyncStore store, Path recordsFolder, String deviceId, Clock clock) {
        this.store = store;
        this.recordsFolder = recordsFolder;
        this.deviceId = deviceId;
        this.clock = clock;
    }

    /** Everything not yet exported: records, and sessions with new events. */
    public Selection pending() throws SQLException {
        return withSessionsOf(store.pendingRecords(), store.sessionsWithUnexportedEvents());
    }

    /** Everything, exported before or not. */
    public Selection all() throws SQLException {
        return withSessionsOf(store.allRecords(), store.allSessions());
    }

    /** Records signed and sessions changed since a time. */
    public Selection since(Instant since) throws SQLException {
        return withSessionsOf(store.recordsSignedSince(since), store.sessionsChangedSince(since));
    }

    /** Chosen records (by id), with their sessions. */
    public Selection chosen(List<String> recordIds) throws SQLException {
        List<SignedRecord> records = store.allRecords().stream().filter(r -> recordIds.contains(r.id())).toList();
        return withSessionsOf(records, List.of());
    }

    private static Selection withSessionsOf(List<SignedRecord> records, List<String> sessions) {
        Set<String> ids = new LinkedHashSet<>(sessions);
        records.stream().map(SignedRecord::sessionId).filter(id -> id != null).forEach(ids::add);
        return new Selection(new ArrayList<>(ids), records);
    }

    /** Writes the selection as one package into {@code folder} and marks it exported. */
    public Exported export(Selection selection, Path folder, SigningIdentity identity, X509Certificate encryptTo)
            throws SQLException, IOException, GeneralSecurityException {
        if (selection.isEmpty()) {
            throw new IllegalArgumentException("nothing to export");
        }
        store.bindUnowned(org.epaworkbench.keys.Certificates.publicKeyFingerprint(identity.certificate()));
        Instant now = clock.instant();
        String packageId = UUID.randomUUID().toString();
        PackageWriter writer = new PackageWriter();
        Set<String> apprentices = new LinkedHashSet<>();
        for (String sessionId : selection.sessionIds()) {
            SyncStore.SessionHeader h = store.header(sessionId).orElseThrow();
            apprentices.add(h.apprenticeId());
            writer.add(PackageFormat.SESSIONS + sessionId + ".json", PackageJson.bytes(PackageJson.session(h, store.events(sessionId))));
        }
        for (SignedRecord r : selection.records()) {
            apprentices.add(r.apprenticeId());
            writer.add(PackageFormat.PDFS + r.fileName(), Files.readAllBytes(recordsFolder.resolve(r.fileName())));
        }
        writer.add(PackageFormat.APPRENTICES, PackageJson.bytes(PackageJson.apprentices(store.apprentices(apprentices))));
        writer.add(PackageFormat.SIGNED_RECORDS, PackageJson.bytes(PackageJson.signedRecords(selection.records())));
        byte[] bytes = writer.write(packageId, now, deviceId, identity, encryptTo);

        Files.createDirectories(folder);
        String name = "epa-" + STAMP.format(now) + "-" + packageId.substring(0, 8) + PackageFormat.EXTENSION;
        Path file = folder.resolve(name);
        Path tmp = Files.createTempFile(folder, "epa-", ".part");
        Files.write(tmp, bytes);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        store.markExported(packageId, name, now, selection.sessionIds(),
                selection.records().stream().map(SignedRecord::id).toList(), encryptTo != null);
        return new Exported(packageId, file, selection.sessionIds().size(), selection.records().size(), bytes.length,
                encryptTo != null);
    }
}
