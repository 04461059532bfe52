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

    /**
     * A package written; {@code recordings} files carried, and {@code notices} what was left out (a recording the log
     * names that is not in the data folder, or not as recorded) and why.
     */
    public record Exported(String packageId, Path file, int sessions, int records, int bytes, boolean encrypted,
            int recordings, List<String> notices) {
        public Exported(String packageId, Path file, int sessions, int records, int bytes, boolean encrypted) {
            this(packageId, file, sessions, records, bytes, encrypted, 0, List.of());
        }
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
        List<String> notices = new ArrayList<>();
        int carried = 0;
        Path recordingsFolder = org.epaworkbench.store.RecordingFiles.folder(store.database().directory().root());
        for (String sessionId : selection.sessionIds()) {
            SyncStore.SessionHeader h = store.header(sessionId).orElseThrow();
            apprentices.add(h.apprenticeId());
            List<SyncStore.EventRow> events = store.events(sessionId);
            writer.add(PackageFormat.SESSIONS + sessionId + ".json", PackageJson.bytes(PackageJson.session(h, events)));
            carried += addRecordings(writer, recordingsFolder, sessionId, events, notices);
        }
        for (SignedRecord r : selection.records()) {
            apprentices.add(r.apprenticeId());
            writer.add(PackageFormat.PDFS + r.fileName(), Files.readAllBytes(recordsFolder.resolve(r.fileName())));
        }
        writer.add(PackageFormat.APPRENTICES, PackageJson.bytes(PackageJson.apprentices(store.apprentices(apprentices))));
        writer.add(PackageFormat.SIGNED_RECORDS, PackageJson.bytes(PackageJson.signedRecords(selection.records())));
        Files.createDirectories(folder);
        String name = "epa-" + STAMP.format(now) + "-" + packageId.substring(0, 8) + PackageFormat.EXTENSION;
        Path file = folder.resolve(name);
        Path tmp = Files.createTempFile(folder, "epa-", ".part");
        long size;
        try {
            // streamed: recordings are copied from their files into the zip, never held whole in memory
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeZip(out, packageId, now, deviceId, identity);
            }
            if (encryptTo != null) {
                if (Files.size(tmp) > PackageFormat.MAX_ENCRYPTED_PACKAGE_BYTES) {
                    throw new IOException("The package would be " + Files.size(tmp) / (1024 * 1024) + " MB; an encrypted "
                            + "package is at most " + PackageFormat.MAX_ENCRYPTED_PACKAGE_BYTES / (1024 * 1024) + " MB "
                            + "(it is opened in memory). Export fewer sessions at a time.");
                }
                Files.write(tmp, org.epaworkbench.keys.Cms.encryptFor(Files.readAllBytes(tmp), encryptTo));
            }
            size = Files.size(tmp);
            if (size > PackageFormat.MAX_PACKAGE_BYTES) {
                throw new IOException("The package would be " + size / (1024 * 1024) + " MB, more than the "
                        + PackageFormat.MAX_PACKAGE_BYTES / (1024 * 1024) + " MB a package may be. Export fewer sessions at "
                        + "a time.");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        store.markExported(packageId, name, now, selection.sessionIds(),
                selection.records().stream().map(SignedRecord::id).toList(), encryptTo != null);
        return new Exported(packageId, file, selection.sessionIds().size(), selection.records().size(), (int) size,
                encryptTo != null, carried, List.copyOf(notices));
    }

    /**
     * Adds each finished recording the session's log names (ended, repaired, attached) as an entry streamed from its
     * file; one that is not there, is not as the log records it (size, SHA-256), is over the size limit or has a name a
     * package entry cannot have is left out, and a notice says so (the import then says it is missing).
     */
    private static int addRecordings(PackageWriter writer, Path folder, String sessionId, List<SyncStore.EventRow> events,
            List<String> notices) throws IOException {
        int added = 0;
        for (var e : LoggedRecordings.of(sessionId, events).entrySet()) {
            LoggedRecordings.Logged l = e.getValue().get(e.getValue().size() - 1);
            String entry = PackageFormat.recordingEntry(sessionId, l.fileName());
            String left = "Recording " + l.fileName() + " of session " + sessionId + " is not in the package: ";
            if (entry == null) {
                notices.add(left + "its session's id cannot be part of a package entry's name.");
                continue;
            }
            Path file = org.epaworkbench.store.RecordingFiles.file(folder, sessionId, l.fileName());
            if (!Files.isRegularFile(file)) {
                notices.add(left + "the file is not in the data folder (" + file + ").");
                continue;
            }
            if (Files.size(file) > PackageFormat.MAX_RECORDING_BYTES) {
                notices.add(left + "it is " + Files.size(file) / (1024 * 1024) + " MB, more than the "
                        + PackageFormat.MAX_RECORDING_BYTES / (1024 * 1024) + " MB a recording in a package may be.");
                continue;
            }
            if (Files.size(file) != l.sizeBytes() || !org.epaworkbench.store.RecordingFiles.sha256Of(file).equals(l.sha256())) {
                notices.add(left + "the file in the data folder is not the one the session's log records (its size or "
                        + "SHA-256 differs): it was changed or replaced.");
                continue;
            }
            writer.addFile(entry, file);
            added++;
        }
        return added;
    }
}
