package org.epaworkbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.people.Uln;
import org.epaworkbench.report.RecordProducer;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.store.EventCodec;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.store.SyncStore.ApprenticeRow;
import org.epaworkbench.store.SyncStore.EventRow;
import org.epaworkbench.store.SyncStore.PinnedSigner;
import org.epaworkbench.store.SyncStore.SessionHeader;

/**
 * The office side: checks a package completely, checks its signer against the register (trust on
 * first use, or strict), then applies it in one transaction. A refused package changes nothing.
 * Importing the same package twice, or packages in any order, gives the same records.
 */
public final class PackageImporter {

    /** What an import did (or, for a dry run, would do). */
    public record Outcome(String packageId, String signer, String assessorKey, String certificateFingerprint,
            boolean encrypted, boolean dryRun, List<String> notices, SyncStore.Applied applied, int pdfsWritten) {
    }

    private final SyncStore store;
    private final Path recordsFolder;
    private final Clock clock;

    public PackageImporter(SyncStore store, Path recordsFolder, Clock clock) {
        this.store = store;
        this.recordsFolder = recordsFolder;
        this.clock = clock;
    }

    public Outcome importPackage(byte[] file, PrivateKey decryptionKey, boolean strictSigners, boolean dryRun)
            throws PackageRefused, SQLException, IOException {
        PackageReader.Opened opened = PackageReader.open(file, decryptionKey);
        JsonNode manifest = opened.manifest();
        X509Certificate cert = opened.signer().signer();
        String fingerprint = Certificates.fingerprint(cert);
        JsonNode assessor = manifest.get("assessor");
        String assessorKey = assessor.get("assessorNumber").asText().isBlank()
                ? "name:" + assessor.get("name").asText() : "number:" + assessor.get("assessorNumber").asText();

        SyncStore.ImportBatch batch = batch(opened);
        List<String> notices = new ArrayList<>();
        PinnedSigner pin = null;
        var pinned = store.pinned(assessorKey);
        if (pinned.isPresent()) {
            if (!pinned.get().fingerprint().equals(fingerprint)) {
                throw new PackageRefused(PackageFormat.SIGNATURE, "signed with certificate " + fingerprint
                        + ", but assessor " + assessorKey.substring(assessorKey.indexOf(':') + 1) + " is pinned to "
                        + pinned.get().fingerprint() + ". If the assessor has a new key, remove the old one from the register first.");
            }
        } else if (strictSigners) {
            throw new PackageRefused(PackageFormat.SIGNATURE, "signed by " + Certificates.describe(cert)
                    + " (" + fingerprint + "), who is not in the register, and the register is strict");
        } else {
            pin = new PinnedSigner(assessorKey, fingerprint, Certificates.describe(cert),
                    Certificates.toPem(cert), clock.instant(), "first-use");
            notices.add("New signer: " + Certificates.describe(cert) + " (certificate SHA-256 " + fingerprint
                    + ") was not in the register" + (dryRun ? " and would be pinned." : " and is now pinned (trust on first use)."));
        }

        if (dryRun) {
            SyncStore.Applied applied = store.preview(batch, pin, clock.instant());
            return new Outcome(batch.packageId(), Certificates.commonName(cert), assessorKey, fingerprint, opened.encrypted(),
                    true, notices(notices, applied), applied, 0);
        }
        List<Path> written = writePdfs(opened, batch.records());
        try {
            SyncStore.Applied applied = store.apply(batch, pin, clock.instant());
            return new Outcome(batch.packageId(), Certificates.commonName(cert), assessorKey, fingerprint, opened.encrypted(),
                    false, notices(notices, applied), applied, written.size());
        } catch (SQLException | RuntimeException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
    }

    private static List<String> notices(List<String> notices, SyncStore.Applied applied) {
        List<String> all = new ArrayList<>(notices);
        if (applied.packageSeenBefore()) {
            all.add("This package was imported before; nothing new was in it.");
        }
        for (String s : applied.conflictedSessions()) {
            all.add("Conflict: session " + s + " was recorded differently on two devices. Both versions are kept; "
                    + "resolve it in the conflicts list.");
        }
        return all;
    }

    /** Parses and cross-checks the entries into rows; any inconsistency refuses the package. */
    private SyncStore.ImportBatch batch(PackageReader.Opened opened) throws PackageRefused, SQLException {
        Map<String, byte[]> entries = opened.entries();
        JsonNode manifest = opened.manifest();
        List<ApprenticeRow> apprentices = new ArrayList<>();
        Set<String> apprenticeIds = new HashSet<>();
        if (entries.containsKey(PackageFormat.APPRENTICES)) {
            for (JsonNode a : PackageJson.read(PackageFormat.APPRENTICES, entries.get(PackageFormat.APPRENTICES), "apprentices")) {
                String uln = a.get("uln").asText();
                if (!Uln.isValid(uln)) {
                    throw new PackageRefused(PackageFormat.APPRENTICES, "apprentice " + a.get("id").asText() + ": " + Uln.problem(uln));
                }
                checkTime(PackageFormat.APPRENTICES, a.get("updatedAt").asText());
                if (!apprenticeIds.add(a.get("id").asText())) {
                    throw new PackageRefused(PackageFormat.APPRENTICES, "apprentice " + a.get("id").asText() + " appears twice");
                }
                apprentices.add(new ApprenticeRow(a.get("id").asText(), a.get("name").asText(), uln, a.get("employer").asText(),
                        a.get("trainingProvider").asText(), a.get("planId").asText(), text(a, "apprenticeshipStart"),
                        text(a, "gatewayDate"), a.get("createdAt").asText(), a.get("updatedAt").asText()));
            }
        }

        List<SessionHeader> sessions = new ArrayList<>();
        List<EventRow> events = new ArrayList<>();
        Set<String> sessionIds = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(PackageFormat.SESSIONS)) {
                continue;
            }
            JsonNode s = PackageJson.read(name, e.getValue(), "session");
            String id = s.get("id").asText();
            if (!name.equals(PackageFormat.SESSIONS + id + ".json")) {
                throw new PackageRefused(name, "holds session " + id + ", which its name does not match");
            }
            sessionIds.add(id);
            SessionHeader header = new SessionHeader(id, s.get("apprenticeId").asText(), s.get("planId").asText(),
                    s.get("componentId").asText(), s.get("attempt").asText(), s.get("createdAt").asText());
            checkApprentice(name, header.apprenticeId(), apprenticeIds);
            sessions.add(header);
            Set<String> placesByDevice = new HashSet<>();
            List<EventRow> sessionEvents = new ArrayList<>();
            boolean planned = false;
            for (JsonNode ev : s.get("events")) {
                String eventId = ev.get("id").asText();
                if (!eventIds.add(eventId)) {
                    throw new PackageRefused(name, "event " + eventId + " appears twice");
                }
                long seq = ev.get("seq").asLong();
                String device = ev.get("deviceId").asText();
                if (!placesByDevice.add(seq + "/" + device)) {
                    throw new PackageRefused(name, "device " + device + " has two events at position " + seq);
                }
                String type = ev.get("type").asText();
                EventBody body;
                try {
                    body = EventCodec.fromJson(type, ev.get("payload"));
                } catch (RuntimeException ex) {
                    throw new PackageRefused(name, "event " + eventId + " (" + type + ") is not a valid event: " + ex.getMessage());
                }
                checkTime(name, ev.get("at").asText());
                if (seq == 1) {
                    if (!(body instanceof EventBody.SessionPlanned p)) {
                        throw new PackageRefused(name, "the first event must plan the session, not " + type);
                    }
                    SessionDetails d = p.details();
                    if (!d.apprenticeId().equals(header.apprenticeId()) || !d.planId().equals(header.planId())
                            || !d.componentId().equals(header.componentId()) || !d.attempt().word().equals(header.attempt())) {
                        throw new PackageRefused(name, "the planning event does not match the session's apprentice, plan, "
                                + "component or attempt");
                    }
                    planned = true;
                }
                EventRow row = new EventRow(eventId, id, seq, device, type, ev.get("at").asText(),
                        ev.get("sessionTimeMillis").asLong(), ev.get("payload").toString());
                events.add(row);
                sessionEvents.add(row);
            }
            if (!planned) {
                throw new PackageRefused(name, "the log has no planning event (position 1)");
            }
            checkLockedAfterEnd(name, id, sessionEvents);
        }

        List<SignedRecord> records = new ArrayList<>();
        if (entries.containsKey(PackageFormat.SIGNED_RECORDS)) {
            for (JsonNode r : PackageJson.read(PackageFormat.SIGNED_RECORDS, entries.get(PackageFormat.SIGNED_RECORDS),
                    "signed-records")) {
                String fileName = r.get("fileName").asText();
                String pdfEntry = PackageFormat.PDFS + fileName;
                byte[] pdf = entries.get(pdfEntry);
                if (pdf == null) {
                    throw new PackageRefused(pdfEntry, "listed as a signed record but not in the package");
                }
                if (!RecordProducer.sha256(pdf).equals(r.get("sha256").asText())) {
                    throw new PackageRefused(pdfEntry, "does not match the record's SHA-256");
                }
                String sessionId = text(r, "sessionId");
                if (sessionId != null && !sessionIds.contains(sessionId) && store.header(sessionId).isEmpty()) {
                    throw new PackageRefused(PackageFormat.SIGNED_RECORDS, "record " + r.get("id").asText()
                            + " belongs to session " + sessionId + ", which is neither in the package nor here");
                }
                checkApprentice(PackageFormat.SIGNED_RECORDS, r.get("apprenticeId").asText(), apprenticeIds);
                checkTime(PackageFormat.SIGNED_RECORDS, r.get("signedAt").asText());
                records.add(new SignedRecord(r.get("id").asText(), r.get("kind").asText(), sessionId,
                        r.get("apprenticeId").asText(), fileName, r.get("sha256").asText(), r.get("sizeBytes").asLong(),
                        Instant.parse(r.get("signedAt").asText()), r.get("certificateFingerprint").asText(), false, null, null, null));
            }
        }
        for (String name : entries.keySet()) {
            if (name.startsWith(PackageFormat.PDFS) && records.stream().noneMatch(r -> name.equals(PackageFormat.PDFS + r.fileName()))) {
                throw new PackageRefused(name, "is not one of the package's signed records");
            }
            if (!name.startsWith(PackageFormat.PDFS) && !name.startsWith(PackageFormat.SESSIONS)
                    && !name.equals(PackageFormat.APPRENTICES) && !name.equals(PackageFormat.SIGNED_RECORDS)) {
                throw new PackageRefused(name, "is not a kind of entry this format has");
            }
        }
        return new SyncStore.ImportBatch(manifest.get("packageId").asText(), manifest.get("deviceId").asText(),
                manifest.get("createdAt").asText(), manifest.get("certificateFingerprint").asText(), apprentices, sessions,
                events, records);
    }

    /**
     * An ended session is locked: once the log both devices agree on reaches {@code ended}, the
     * package may add only amendments, declarations and signed records after it. The log here and
     * the package's events are read together, so a package cannot extend a session ended here either.
     */
    private void checkLockedAfterEnd(String entry, String sessionId, List<EventRow> incoming)
            throws PackageRefused, SQLException {
        Map<String, EventRow> known = new HashMap<>();
        for (EventRow r : store.events(sessionId)) {
            known.put(r.id(), r);
        }
        java.util.TreeMap<Long, Set<String>> idsBySeq = new java.util.TreeMap<>();
        Map<String, EventRow> all = new HashMap<>(known);
        incoming.forEach(r -> all.putIfAbsent(r.id(), r));
        all.values().forEach(r -> idsBySeq.computeIfAbsent(r.seq(), k -> new HashSet<>()).add(r.id()));
        Long endedAt = null;
        long expected = 1;
        for (Map.Entry<Long, Set<String>> e : idsBySeq.entrySet()) {
            if (e.getKey() != expected || e.getValue().size() != 1) {
                break; // the shared history stops here: a gap, or two devices disagree
            }
            if (all.get(e.getValue().iterator().next()).type().equals("ended")) {
                endedAt = e.getKey();
                break;
            }
            expected++;
        }
        if (endedAt == null) {
            return;
        }
        for (EventRow r : incoming) {
            if (r.seq() > endedAt && !known.containsKey(r.id()) && !EventBody.allowedAfterEnd(r.type())) {
                throw new PackageRefused(entry, "event " + r.id() + " (" + r.type() + ", position " + r.seq()
                        + ") comes after the session ended at position " + endedAt + "; an ended session is locked, "
                        + "and only amendments, declarations and signed records can follow its end");
            }
        }
    }

    private void checkApprentice(String entry, String apprenticeId, Set<String> inPackage) throws PackageRefused, SQLException {
        if (!inPackage.contains(apprenticeId) && store.apprentices(Set.of(apprenticeId)).isEmpty()) {
            throw new PackageRefused(entry, "refers to apprentice " + apprenticeId + ", who is neither in the package nor here");
        }
    }

    private static void checkTime(String entry, String text) throws PackageRefused {
        try {
            Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new PackageRefused(entry, "“" + text + "” is not a time (expected e.g. 2026-11-23T09:00:00Z)");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Writes the records' PDFs that are not here yet; refuses one whose name is taken by different content. */
    private List<Path> writePdfs(PackageReader.Opened opened, List<SignedRecord> records) throws IOException, PackageRefused {
        Map<Path, byte[]> toWrite = new HashMap<>();
        for (SignedRecord r : records) {
            Path target = recordsFolder.resolve(r.fileName()).normalize();
            if (!target.startsWith(recordsFolder.normalize())) {
                throw new PackageRefused(PackageFormat.PDFS + r.fileName(), "would be written outside the records folder");
            }
            byte[] pdf = opened.entries().get(PackageFormat.PDFS + r.fileName());
            if (Files.exists(target)) {
                if (!RecordProducer.sha256(Files.readAllBytes(target)).equals(r.sha256())) {
                    throw new PackageRefused(PackageFormat.PDFS + r.fileName(), "a different file with this name is already here");
                }
            } else {
                toWrite.put(target, pdf);
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(recordsFolder);
            for (Map.Entry<Path, byte[]> w : toWrite.entrySet()) {
                Path tmp = Files.createTempFile(recordsFolder, "import", ".pdf.tmp");
                Files.write(tmp, w.getValue());
                Files.move(tmp, w.getKey(), StandardCopyOption.ATOMIC_MOVE);
                written.add(w.getKey());
            }
        } catch (IOException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
        return written;
    }
}
