package org.epaworkbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.people.Uln;
import org.epaworkbench.record.PadesVerifier;
import org.epaworkbench.record.RecordProducer;
import org.epaworkbench.record.SignatureReport;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.LogRules;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionIds;
import org.epaworkbench.store.EventChain;
import org.epaworkbench.store.EventCodec;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.ImportLedger;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.store.SyncStore.ApprenticeRow;
import org.epaworkbench.store.SyncStore.EventRow;
import org.epaworkbench.store.SyncStore.PinnedSigner;
import org.epaworkbench.store.SyncStore.SessionHeader;

/**
 * The office side: checks a package completely, checks that its signer is trusted here (see
 * {@link SignerTrust}: an organisation root, the register, or this folder's own certificate; trust
 * on first use only when explicitly chosen), then applies it in one transaction. A refused package
 * changes nothing.
 * Importing the same package twice, or packages in any order, gives the same records.
 *
 * <p>Records are bound to their signer. The signer is the holder of the certificate that signed the
 * manifest, identified by that certificate alone (see {@link SignerRegister}); the manifest's claims
 * about its assessor must agree with it. A session belongs to the certificate whose package first
 * brought it (a session recorded here, to this data folder's own certificate): a package may add
 * events and records only to sessions its signer's certificate owns, or to new sessions, which it
 * then owns. Every PDF it brings must verify and be signed with that same certificate. An event
 * already here must arrive unchanged: the same id with other content refuses the package.
 */
public final class PackageImporter {

    /** What an import did (or, for a dry run, would do); {@code trust} says why its signer was trusted. */
    public record Outcome(String packageId, String signer, String assessorKey, String certificateFingerprint,
            boolean encrypted, boolean dryRun, List<String> notices, SyncStore.Applied applied, int pdfsWritten,
            SignerTrust.Decision trust) {
    }

    /**
     * What to do with a package from a signer this data folder does not trust. Refusing is the
     * default; trusting on first use pins the certificate of whoever reaches the office first, so it
     * is only ever chosen explicitly, and says so in a warning.
     */
    public enum UnknownSigners {
        REFUSE, TRUST_ON_FIRST_USE
    }

    /** The warning an import that pinned a signer on first use gives. */
    static String firstUseWarning(X509Certificate cert, String fingerprint, boolean dryRun) {
        return "WARNING: trust on first use. " + Certificates.describe(cert) + " (certificate SHA-256 " + fingerprint
                + ") was not trusted here" + (dryRun ? " and would be pinned" : " and is now pinned") + " without any check "
                + "that it is theirs: anyone can make a certificate with their name. Check the SHA-256 with the assessor "
                + "(by phone, not by e-mail). Better: certify assessors with the organisation's root (org certify).";
    }

    /**
     * How far a record's {@code signedAt} in {@code signed-records.json} may be from the signing time in its PDF's
     * signature: the app reads its clock for each, a moment apart.
     */
    public static final java.time.Duration SIGNING_TIME_TOLERANCE = java.time.Duration.ofMinutes(2);

    private final ImportLedger store;
    private final Path recordsFolder;
    private final Function<SignedRecord, String> placement;
    private final Supplier<String> ownCertificate;
    private final Clock clock;
    private final PlanLibrary plans;
    private Path recordingsFolder;
    private Function<CarriedRecording, String> recordingPlacement;

    /**
     * A recording a package carries, checked against its session's log: where an importer places it is up to the
     * importer (a data folder by session and name, the intake service by SHA-256).
     */
    public record CarriedRecording(String sessionId, String fileName, String sha256, long sizeBytes, boolean captured) {
        /** The file name's extension ({@code .opus}, {@code .mp4}…) when it has a short plain one, else empty. */
        public String extension() {
            int dot = fileName.lastIndexOf('.');
            String ext = dot < 0 ? "" : fileName.substring(dot);
            return ext.matches("\\.[A-Za-z0-9]{1,8}") ? ext.toLowerCase(java.util.Locale.ROOT) : "";
        }
    }

    /** How far a captured recording's length may be from what its log says (the log rounds to the page it ended on). */
    public static final java.time.Duration RECORDING_DURATION_TOLERANCE = java.time.Duration.ofSeconds(1);

    /**
     * Imports into a desktop data folder: record PDFs by their file names in {@code recordsFolder}; a
     * session recorded here belongs to the folder's own assessor certificate.
     *
     * @param plans the installed plans: every log a package brings must be one the app could have
     *     recorded for one of them (see {@link LogRules})
     */
    public PackageImporter(SyncStore store, Path recordsFolder, Clock clock, PlanLibrary plans) {
        this(store, recordsFolder, SignedRecord::fileName, () -> ownCertificate(store, clock), clock, plans);
        withRecordings(org.epaworkbench.store.RecordingFiles.folder(store.database().directory().root()),
                r -> r.sessionId() + "/" + r.fileName());
    }

    /**
     * Where the recordings a package carries go: {@code placement} relative to {@code folder}. Without it (an importer
     * made for a ledger that keeps no recordings) a package carrying recordings is refused.
     */
    public PackageImporter withRecordings(Path folder, Function<CarriedRecording, String> placement) {
        this.recordingsFolder = folder;
        this.recordingPlacement = placement;
        return this;
    }

    /**
     * Imports into any ledger (ADR 13).
     *
     * @param placement where a record's PDF goes, relative to {@code recordsFolder}
     * @param ownCertificate the fingerprint of the certificate sessions recorded in this ledger belong to; null if none
     */
    public PackageImporter(ImportLedger ledger, Path recordsFolder, Function<SignedRecord, String> placement,
            Supplier<String> ownCertificate, Clock clock, PlanLibrary plans) {
        this.store = ledger;
        this.recordsFolder = recordsFolder;
        this.placement = placement;
        this.ownCertificate = ownCertificate;
        this.clock = clock;
        this.plans = plans;
    }

    /** The certificate that signed a package file, read from its manifest's signature only (nothing else is checked). */
    public static X509Certificate signerOf(Path file) throws PackageRefused, IOException {
        try (PackageReader reader = PackageReader.open(file, null)) {
            return reader.signer().signer();
        }
    }

    /** The fingerprint of a data folder's own assessor certificate; null if it has none (or it cannot be read). */
    public static String ownCertificate(SyncStore store, Clock clock) {
        try {
            return new AssessorKeyStore(store.database().directory().root(), clock).certificate()
                    .map(Certificates::fingerprint).orElse(null);
        } catch (KeyStoreProblem e) {
            return null;
        }
    }

    /** Imports a package held in memory. */
    public Outcome importPackage(byte[] file, PrivateKey decryptionKey, UnknownSigners unknownSigners, boolean dryRun)
            throws PackageRefused, SQLException, IOException {
        try (PackageReader reader = PackageReader.open(file, decryptionKey)) {
            return run(reader, unknownSigners, dryRun);
        }
    }

    /** Imports a package file, reading it as a stream. */
    public Outcome importPackage(Path file, PrivateKey decryptionKey, UnknownSigners unknownSigners, boolean dryRun)
            throws PackageRefused, SQLException, IOException {
        try (PackageReader reader = PackageReader.open(file, decryptionKey)) {
            return run(reader, unknownSigners, dryRun);
        }
    }

    private Outcome run(PackageReader reader, UnknownSigners unknownSigners, boolean dryRun)
            throws PackageRefused, SQLException, IOException {
        JsonNode manifest = reader.manifest();
        X509Certificate cert = reader.signer().signer();
        String fingerprint = Certificates.fingerprint(cert);
        checkClaims(manifest, cert);
        String assessorKey = SignerRegister.assessorKey(cert);
        String who = assessorKey.substring(assessorKey.indexOf(':') + 1);

        List<String> notices = new ArrayList<>();
        PinnedSigner pin = null;
        Instant madeAt;
        try {
            madeAt = Instant.parse(manifest.get("createdAt").asText());
        } catch (DateTimeParseException | NullPointerException e) {
            madeAt = clock.instant();
        }
        SignerTrust.Decision trust = SignerTrust.load(store, ownCertificate.get(), clock).decide(cert, reader.signer().certificates(), madeAt);
        var pinned = store.pinned(assessorKey);
        boolean pinnedToAnother = pinned.isPresent() && !pinned.get().fingerprint().equals(fingerprint);
        if (trust.basis() == SignerTrust.Basis.ORGANISATION_ROOT) {
            if (pinnedToAnother) {
                notices.add("The register holds another certificate for assessor " + who + " (SHA-256 "
                        + pinned.get().fingerprint() + "); this package's certificate is issued by the organisation root, "
                        + "which is trusted instead.");
            }
        } else if (pinnedToAnother) {
            throw new UntrustedSigner("signed with certificate " + fingerprint + ", but the register holds another "
                    + "certificate for assessor " + who + " (" + pinned.get().fingerprint() + "), and this one is not issued "
                    + "by an organisation root installed here. If the assessor has a new key, remove the old one from the "
                    + "register first (signers remove " + assessorKey + ").");
        } else if (!trust.trusted()) {
            if (unknownSigners != UnknownSigners.TRUST_ON_FIRST_USE) {
                throw new UntrustedSigner("signed by a certificate naming " + Certificates.describe(cert) + " (SHA-256 "
                        + fingerprint + "); " + trust.reason() + " " + SignerTrust.HOW_TO_TRUST);
            }
            pin = new PinnedSigner(assessorKey, fingerprint, Certificates.describe(cert),
                    Certificates.toPem(cert), clock.instant(), "first-use");
            trust = new SignerTrust.Decision(SignerTrust.Basis.REGISTER, (dryRun ? "would be pinned" : "pinned")
                    + " on first use, as chosen (never checked with the assessor)");
            notices.add(firstUseWarning(cert, fingerprint, dryRun));
        }

        Path staging = Files.createTempDirectory(stagingParent(), ".import-");
        try {
            PackageReader.Entries entries = reader.readEntries(staging);
            List<Carried> carried = new ArrayList<>();
            SyncStore.ImportBatch batch = batch(entries, manifest, cert, fingerprint, reader, carried, notices);
            Map<Path, Path> toWrite = pdfsToWrite(batch.records(), entries.pdfs());
            Map<Path, Path> recordingsToWrite = recordingsToWrite(carried);
            if (dryRun) {
                SyncStore.Applied applied = store.preview(batch, pin, clock.instant());
                return new Outcome(batch.packageId(), Certificates.commonName(cert), assessorKey, fingerprint,
                        reader.encrypted(), true, notices(notices, applied), applied, 0, trust);
            }
            List<Path> written = writePdfs(toWrite);
            try {
                written.addAll(writeFiles(recordingsFolder, recordingsToWrite));
            } catch (IOException | RuntimeException e) {
                for (Path p : written) {
                    Files.deleteIfExists(p);
                }
                throw e;
            }
            try {
                SyncStore.Applied applied = store.apply(batch, pin, clock.instant());
                return new Outcome(batch.packageId(), Certificates.commonName(cert), assessorKey, fingerprint,
                        reader.encrypted(), false, notices(notices, applied), applied, written.size(), trust);
            } catch (SQLException | RuntimeException e) {
                for (Path p : written) {
                    Files.deleteIfExists(p);
                }
                throw e;
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** The manifest's assessor must be the certificate's holder: its name, number and organisation as the certificate gives them. */
    /**
     * A session's "enteredFromPaper" beside its log says what its entered-from-paper event says, and is there exactly when
     * the log has that event: a session recorded on paper cannot pass as live, nor a live one as paper.
     */
    private static void checkPaperMark(String name, JsonNode session, List<EventRow> events) throws PackageRefused {
        JsonNode said = session.get("enteredFromPaper");
        Optional<EventRow> mark = events.stream().filter(e -> e.type().equals("entered-from-paper")).findFirst();
        if (mark.isEmpty() && said != null) {
            throw new PackageRefused(name, "the session says it was entered from paper, but its log has no entered-from-paper event");
        }
        if (mark.isPresent()) {
            JsonNode payload;
            try {
                payload = JsonFiles.mapper().readTree(mark.get().payload());
            } catch (java.io.IOException e) {
                throw new PackageRefused(name, "the entered-from-paper event cannot be read");
            }
            if (said == null || !said.equals(payload)) {
                throw new PackageRefused(name, "the log has an entered-from-paper event, but the session's \"enteredFromPaper\" "
                        + (said == null ? "is missing" : "differs from it"));
            }
        }
    }

    private static void checkClaims(JsonNode manifest, X509Certificate cert) throws PackageRefused {
        JsonNode a = manifest.get("assessor");
        String name = Certificates.commonName(cert);
        String number = SignerRegister.assessorNumber(cert);
        String organisation = Certificates.attribute(cert.getSubjectX500Principal(), "O");
        if (!a.get("name").asText().equals(name) || !a.get("assessorNumber").asText().equals(number)
                || !a.get("organisation").asText().equals(organisation)) {
            throw new PackageRefused(PackageFormat.MANIFEST, "says its assessor is " + claims(a.get("name").asText(),
                    a.get("assessorNumber").asText(), a.get("organisation").asText()) + ", but the certificate that signed it "
                    + "names " + claims(name, number, organisation) + ". A package's assessor is the holder of its signing "
                    + "certificate.");
        }
    }

    private static String claims(String name, String number, String organisation) {
        return "“" + name + "”" + (number.isEmpty() ? " (no assessor number)" : " (assessor number " + number + ")")
                + (organisation.isEmpty() ? "" : " of " + organisation);
    }

    private Path stagingParent() throws IOException {
        Path parent = recordsFolder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent;
    }

    private static List<String> notices(List<String> notices, SyncStore.Applied applied) {
        List<String> all = new ArrayList<>(notices);
        if (applied.packageSeenBefore()) {
            all.add("This package was imported before; nothing new was in it.");
        }
        if (applied.proposedChanges() > 0) {
            all.add("Kept for review, not applied: " + applied.proposedChanges() + " change" + (applied.proposedChanges() == 1 ? ""
                    : "s") + " to " + applied.proposedFor().size() + " apprentice" + (applied.proposedFor().size() == 1 ? "" : "s")
                    + " (" + String.join(", ", applied.proposedFor()) + ") that this package's signer does not own. Accept or "
                    + "reject them: apprentice proposals.");
        }
        for (String s : applied.conflictedSessions()) {
            all.add("Conflict: session " + s + " was recorded differently in two places (two devices, or two copies of "
                    + "a data folder). Both versions are kept; resolve it in the conflicts list.");
        }
        return all;
    }

    /** Who may add to a session that is here already: its owner's certificate, or for a session recorded here, this folder's own. */
    private final class Owners {
        private final Map<String, Optional<String>> known = new HashMap<>();
        private String own;
        private boolean ownLoaded;

        Optional<String> of(String sessionId) throws SQLException {
            Optional<String> o = known.get(sessionId);
            if (o == null) {
                o = store.owner(sessionId);
                if (o.isEmpty()) {
                    o = Optional.ofNullable(own());
                }
                known.put(sessionId, o);
            }
            return o;
        }

        boolean recordedHere(String sessionId) throws SQLException {
            return store.owner(sessionId).isEmpty();
        }

        /** The key a session here belongs to, as its first event names it (none for a log stored before owners). */
        Optional<String> keyOf(String sessionId) throws SQLException {
            return store.ownerKey(sessionId);
        }

        private String own() {
            if (!ownLoaded) {
                ownLoaded = true;
                own = ownCertificate.get();
            }
            return own;
        }
    }

    private PackageRefused notTheirs(String entry, String sessionId, Owners owners, X509Certificate cert) throws SQLException {
        Optional<String> owner = owners.of(sessionId);
        Optional<String> key = owners.keyOf(sessionId);
        String whose = owners.recordedHere(sessionId)
                ? "was recorded in this data folder" + (owner.isPresent() ? " (its certificate is " + owner.get() + ")" : "")
                : "belongs to the assessor whose certificate is " + owner.orElse("unknown");
        return new PackageRefused(entry, "adds to session " + sessionId + ", which " + whose
                + key.map(k -> " and whose first event names their key " + k).orElse("")
                + "; this package is signed by " + Certificates.describe(cert) + " (" + Certificates.fingerprint(cert)
                + "). A package may add only to its signer's own sessions, or bring new ones.");
    }

    /**
     * A session belongs to the key its first event names, from its first event on: a package may bring
     * a session only if that key is its signer's, the session's id (where it was made from a key) was
     * made from that key, and every event is the session's own. So no one but the assessor who started
     * a session can present it, re-sign it or send it shortened, and a copy given another owner's key
     * is another session, which cannot take the place of the original.
     */
    private void checkOwnedFromTheStart(String entry, String sessionId, List<EventRow> incoming, X509Certificate cert,
            String signerKey, Owners owners) throws PackageRefused, SQLException {
        List<EventRow> firsts = incoming.stream().filter(r -> r.seq() == 1).toList();
        if (firsts.size() != 1) {
            throw new PackageRefused(entry, "session " + sessionId + " has " + firsts.size() + " first events; a session "
                    + "starts with exactly one planning event");
        }
        EventRow first = firsts.get(0);
        String ownerKey = first.ownerKey();
        if (ownerKey == null) {
            throw new PackageRefused(entry, "session " + sessionId + ": its first event names no key, so it belongs to "
                    + "no assessor. A session is bound to its assessor's key before it is signed or sent.");
        }
        if (!ownerKey.equals(signerKey)) {
            if (store.header(sessionId).isPresent()) {
                throw notTheirs(entry, sessionId, owners, cert);
            }
            throw new PackageRefused(entry, "is session " + sessionId + ", started by the assessor whose key is " + ownerKey
                    + " (its first event names that key); this package is signed by " + Certificates.describe(cert)
                    + " (key " + signerKey + "). A session belongs to the assessor who started it: no one else can send, "
                    + "re-sign or shorten it.");
        }
        if (SessionIds.isDerived(sessionId) && !SessionIds.derivedFrom(sessionId, ownerKey)) {
            throw new PackageRefused(entry, "session " + sessionId + " has an id made from another key than the one its "
                    + "first event names (" + ownerKey + "): the session was copied and given to another assessor");
        }
        for (EventRow r : incoming) {
            if (!SessionIds.eventOf(r.id(), sessionId)) {
                throw new PackageRefused(entry, "event " + r.id() + " (" + r.type() + ", position " + r.seq() + ") is not an "
                        + "event of session " + sessionId + ": events of a session made from its assessor's key have ids "
                        + "that begin with the session's id");
            }
        }
        Optional<EventRow> firstHere = store.storedEvents(sessionId).stream().filter(r -> r.seq() == 1).findFirst();
        if (firstHere.isPresent() && !firstHere.get().id().equals(first.id())) {
            throw new PackageRefused(entry, "session " + sessionId + " is here already and started with another first event "
                    + "(" + firstHere.get().id() + ", not " + first.id() + "): this is not the same session");
        }
    }

    /** Parses and cross-checks the entries into rows; any inconsistency refuses the package. */
    private SyncStore.ImportBatch batch(PackageReader.Entries entries, JsonNode manifest, X509Certificate cert, String signer,
            PackageReader reader, List<Carried> carried, List<String> notices)
            throws PackageRefused, SQLException, IOException {
        Map<String, byte[]> json = entries.json();
        List<ApprenticeRow> apprentices = new ArrayList<>();
        Set<String> apprenticeIds = new HashSet<>();
        if (json.containsKey(PackageFormat.APPRENTICES)) {
            for (JsonNode a : PackageJson.read(PackageFormat.APPRENTICES, json.get(PackageFormat.APPRENTICES), "apprentices")) {
                String uln = a.get("uln").asText();
                if (!Uln.isValid(uln)) {
                    throw new PackageRefused(PackageFormat.APPRENTICES, "apprentice " + a.get("id").asText() + ": " + Uln.problem(uln));
                }
                checkTime(PackageFormat.APPRENTICES, a.get("updatedAt").asText());
                checkTime(PackageFormat.APPRENTICES, a.get("createdAt").asText());
                notInTheFuture(a.get("id").asText(), "updated", a.get("updatedAt").asText());
                notInTheFuture(a.get("id").asText(), "created", a.get("createdAt").asText());
                if (!apprenticeIds.add(a.get("id").asText())) {
                    throw new PackageRefused(PackageFormat.APPRENTICES, "apprentice " + a.get("id").asText() + " appears twice");
                }
                apprentices.add(new ApprenticeRow(a.get("id").asText(), a.get("name").asText(), uln, a.get("employer").asText(),
                        a.get("trainingProvider").asText(), a.get("planId").asText(), text(a, "apprenticeshipStart"),
                        text(a, "gatewayDate"), a.get("createdAt").asText(), a.get("updatedAt").asText()));
            }
        }

        Owners owners = new Owners();
        // what is here already of the package's sessions and events, asked once for the whole package
        Set<String> namedSessions = new java.util.LinkedHashSet<>();
        List<String> namedEvents = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : json.entrySet()) {
            if (e.getKey().startsWith(PackageFormat.SESSIONS)) {
                idsIn(e.getValue(), namedSessions, namedEvents);
            }
        }
        Map<String, SessionHeader> headersHere = store.headers(namedSessions);
        Map<String, EventRow> storedHere = store.events(namedEvents);
        String signerKey = Certificates.publicKeyFingerprint(cert);
        List<SessionHeader> sessions = new ArrayList<>();
        List<EventRow> events = new ArrayList<>();
        Set<String> sessionIds = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        Map<String, List<EventRow>> incomingBySession = new HashMap<>();
        for (Map.Entry<String, byte[]> e : json.entrySet()) {
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
            checkTime(name, header.createdAt());
            checkApprentice(name, header.apprenticeId(), apprenticeIds);
            Optional<SessionHeader> here = Optional.ofNullable(headersHere.get(id));
            if (here.isEmpty()) {
                Optional<String> why = LogRules.timeProblem(Instant.parse(header.createdAt()), null, clock.instant(),
                        org.epaworkbench.store.ApprenticeProvenance.MAX_CLOCK_SKEW);
                if (why.isPresent()) {
                    throw new PackageRefused(name, "session " + id + "'s creation time “createdAt” " + why.get() + ".");
                }
            }
            if (here.isPresent() && !sameSession(here.get(), header)) {
                throw new PackageRefused(name, "holds session " + id + " with another apprentice, plan, component, attempt "
                        + "or creation time than the session of that id here");
            }
            boolean theirs = here.isEmpty() || owners.keyOf(id).map(signerKey::equals).orElse(false);
            sessions.add(header);
            List<EventRow> sessionEvents = new ArrayList<>();
            Set<String> newHere = new HashSet<>();
            Map<String, SessionEvent> decoded = new HashMap<>();
            boolean planned = false;
            for (JsonNode ev : s.get("events")) {
                String eventId = ev.get("id").asText();
                if (!eventIds.add(eventId)) {
                    throw new PackageRefused(name, "event " + eventId + " appears twice");
                }
                long seq = ev.get("seq").asLong();
                String device = ev.get("deviceId").asText();
                String type = ev.get("type").asText();
                EventBody body;
                try {
                    body = EventCodec.fromJson(type, ev.get("payload"));
                } catch (RuntimeException ex) {
                    throw new PackageRefused(name, "event " + eventId + " (" + type + ") is not a valid event: " + ex.getMessage());
                }
                checkTime(name, ev.get("at").asText());
                decoded.put(eventId, new SessionEvent(eventId, id, seq, Instant.parse(ev.get("at").asText()),
                        java.time.Duration.ofMillis(ev.get("sessionTimeMillis").asLong()), body));
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
                        ev.get("sessionTimeMillis").asLong(), ev.get("payload").toString(), ev.get("prevHash").asText(),
                        ev.get("hash").asText(), seq == 1 ? text(ev, "ownerKey") : null);

                Optional<EventRow> stored = Optional.ofNullable(storedHere.get(eventId));
                if (stored.isPresent()) {
                    if (!sameEvent(stored.get(), row)) {
                        throw new PackageRefused(name, "event " + eventId + " differs from the event of that id here. Events "
                                + "never change once recorded, so the package is forged or damaged.");
                    }
                } else {
                    newHere.add(eventId);
                    if (!asWritten(body, ev.get("payload"))) {
                        throw new PackageRefused(name, "event " + eventId + " (" + type + ", position " + seq + ") has a "
                                + "payload the app does not write: fields it does not have, or values of the wrong kind");
                    }
                    if (!row.hash().equals(row.computedHash())) {
                        throw new PackageRefused(name, "event " + eventId + " (" + type + ", position " + seq + ") does not "
                                + "match its hash: it was changed after it was recorded");
                    }
                    if (!theirs) {
                        throw notTheirs(name, id, owners, cert);
                    }
                    if (body instanceof EventBody.RecordSigned r && !signer.equals(r.certificateFingerprint())) {
                        throw new PackageRefused(name, "event " + eventId + " records a signing with certificate "
                                + r.certificateFingerprint() + ", not with the certificate that signed this package");
                    }
                }
                events.add(row);
                sessionEvents.add(row);
            }
            if (!planned) {
                throw new PackageRefused(name, "the log has no planning event (position 1)");
            }
            checkOwnedFromTheStart(name, id, sessionEvents, cert, signerKey, owners);
            checkDated(name, sessionEvents, newHere, decoded);
            checkRecordable(name, header, sessionEvents, decoded);
            checkChain(name, id, sessionEvents);
            checkLockedAfterEnd(name, id, sessionEvents);
            checkPaperMark(name, s, sessionEvents);
            incomingBySession.put(id, sessionEvents);
        }
        checkRecordings(entries, reader, incomingBySession, carried, notices);

        List<SignedRecord> records = new ArrayList<>();
        Set<String> recordFiles = new HashSet<>();
        if (json.containsKey(PackageFormat.SIGNED_RECORDS)) {
            for (JsonNode r : PackageJson.read(PackageFormat.SIGNED_RECORDS, json.get(PackageFormat.SIGNED_RECORDS),
                    "signed-records")) {
                String fileName = r.get("fileName").asText();
                String pdfEntry = PackageFormat.PDFS + fileName;
                Path pdf = entries.pdfs().get(pdfEntry);
                if (pdf == null) {
                    throw new PackageRefused(pdfEntry, "listed as a signed record but not in the package");
                }
                if (!recordFiles.add(fileName)) {
                    throw new PackageRefused(pdfEntry, "is listed as two signed records");
                }
                String sessionId = text(r, "sessionId");
                if (sessionId != null && !sessionIds.contains(sessionId) && store.header(sessionId).isEmpty()) {
                    throw new PackageRefused(PackageFormat.SIGNED_RECORDS, "record " + r.get("id").asText()
                            + " belongs to session " + sessionId + ", which is neither in the package nor here");
                }
                checkApprentice(PackageFormat.SIGNED_RECORDS, r.get("apprenticeId").asText(), apprenticeIds);
                checkTime(PackageFormat.SIGNED_RECORDS, r.get("signedAt").asText());
                SignedRecord record = new SignedRecord(r.get("id").asText(), r.get("kind").asText(), sessionId,
                        r.get("apprenticeId").asText(), fileName, r.get("sha256").asText(), r.get("sizeBytes").asLong(),
                        Instant.parse(r.get("signedAt").asText()), r.get("certificateFingerprint").asText(), false, null, null,
                        null, null);
                byte[] bytes = Files.readAllBytes(pdf);
                if (!RecordProducer.sha256(bytes).equals(record.sha256()) || bytes.length != record.sizeBytes()) {
                    throw new PackageRefused(pdfEntry, "does not match the record's SHA-256 and size");
                }
                Optional<SignedRecord> stored = store.record(record.id());
                if (stored.isPresent()) {
                    if (!sameRecord(stored.get(), record)) {
                        throw new PackageRefused(PackageFormat.SIGNED_RECORDS, "record " + record.id() + " differs from the "
                                + "record of that id here. A signed record never changes, so the package is forged or damaged.");
                    }
                } else {
                    checkNewRecord(pdfEntry, record, bytes, cert, signer, sessionIds, owners, events);
                }
                records.add(record);
            }
        }
        for (String name : entries.pdfs().keySet()) {
            if (!recordFiles.contains(name.substring(PackageFormat.PDFS.length()))) {
                throw new PackageRefused(name, "is not one of the package's signed records");
            }
        }
        return new SyncStore.ImportBatch(manifest.get("packageId").asText(), manifest.get("deviceId").asText(),
                manifest.get("createdAt").asText(), signer, apprentices, sessions, events, records, Certificates.describe(cert),
                SignerRegister.assessorKey(cert));
    }

    /** A record new here: its PDF verifies, is signed by the package's signer, and its session is the signer's. */
    private void checkNewRecord(String pdfEntry, SignedRecord record, byte[] pdf, X509Certificate cert, String signer,
            Set<String> sessionsInPackage, Owners owners, List<EventRow> events) throws PackageRefused, SQLException {
        SignatureReport report = new PadesVerifier().verify(pdfEntry, pdf);
        if (!report.verified()) {
            throw new PackageRefused(pdfEntry, "does not verify: " + (report.problems().isEmpty() ? "not signed"
                    : report.problems().get(0)));
        }
        if (!signer.equals(report.certificateFingerprint())) {
            throw new PackageRefused(pdfEntry, "is signed by " + report.signer() + " (certificate " + report.certificateFingerprint()
                    + "), not by the package's signer, " + Certificates.describe(cert) + ". A package brings only records "
                    + "its own signer signed.");
        }
        if (!signer.equals(record.certificateFingerprint())) {
            throw new PackageRefused(PackageFormat.SIGNED_RECORDS, "record " + record.id() + " names certificate "
                    + record.certificateFingerprint() + ", but its PDF is signed with " + signer);
        }
        checkSigningTime(pdfEntry, record, report.signingTime());
        if (record.sessionId() != null) {
            boolean newHere = store.header(record.sessionId()).isEmpty() && sessionsInPackage.contains(record.sessionId());
            if (!newHere && !owners.keyOf(record.sessionId()).map(Certificates.publicKeyFingerprint(cert)::equals)
                    .orElse(false)) {
                throw notTheirs(pdfEntry, record.sessionId(), owners, cert);
            }
        }
        Optional<org.epaworkbench.record.ChainStamp> stamp = org.epaworkbench.record.ChainStamp.readFrom(pdf);
        if (stamp.isPresent()) {
            // the record signs the head of its session's log: that event must be in the log, here or in the package
            org.epaworkbench.record.ChainStamp st = stamp.get();
            if (!st.sessionId().equals(record.sessionId())) {
                throw new PackageRefused(PackageFormat.SIGNED_RECORDS, "record " + record.id() + " (" + pdfEntry + ") is the "
                        + "record of session " + st.sessionId() + ", but the package lists it " + (record.sessionId() == null
                        ? "as an overall result" : "as the record of session " + record.sessionId()));
            }
            List<EventRow> log = new ArrayList<>(store.storedEvents(record.sessionId()));
            events.stream().filter(e -> e.sessionId().equals(record.sessionId())).forEach(log::add);
            boolean found = log.stream()
                    .anyMatch(e -> e.seq() == st.events() && e.hash().equals(st.headHash()));
            if (!found) {
                throw new PackageRefused(pdfEntry, "the record signs " + st.events() + " events of session " + st.sessionId()
                        + " ending with the event whose hash is " + st.headHash() + ", but the log of session "
                        + record.sessionId() + " has no such event: the log was changed after the record was signed.");
            }
        }
    }

    /**
     * A record's {@code signedAt} is the signing time in its PDF's signature, give or take {@link #SIGNING_TIME_TOLERANCE}
     * (the app reads the clock once for the signature and once for the list), and is dated as a computer with a right clock
     * would date it (see {@link LogRules#timeProblem}).
     */
    private void checkSigningTime(String pdfEntry, SignedRecord record, Instant inPdf) throws PackageRefused {
        if (inPdf == null) {
            throw new PackageRefused(pdfEntry, "record " + record.id() + ": the PDF's signature does not say when it was "
                    + "made; every record the app signs does");
        }
        Instant listed = record.signedAt();
        if (java.time.Duration.between(inPdf, listed).abs().compareTo(SIGNING_TIME_TOLERANCE) > 0) {
            throw new PackageRefused(PackageFormat.SIGNED_RECORDS, "record " + record.id() + " (" + record.fileName()
                    + ") is listed as signed at " + listed + ", but its PDF was signed at " + inPdf + " ("
                    + LogRules.span(java.time.Duration.between(inPdf, listed).abs()) + " apart; up to "
                    + SIGNING_TIME_TOLERANCE.toMinutes() + " minutes is allowed). The list was changed after the record was "
                    + "signed, so the package is forged or damaged.");
        }
        Optional<String> why = LogRules.timeProblem(inPdf, null, clock.instant(),
                org.epaworkbench.store.ApprenticeProvenance.MAX_CLOCK_SKEW);
        if (why.isPresent()) {
            throw new PackageRefused(PackageFormat.SIGNED_RECORDS, "record " + record.id() + " (" + record.fileName() + ") "
                    + why.get().replace("recorded it", "signed it") + ".");
        }
    }

    private static boolean sameSession(SessionHeader a, SessionHeader b) {
        return a.id().equals(b.id()) && a.apprenticeId().equals(b.apprenticeId()) && a.planId().equals(b.planId())
                && a.componentId().equals(b.componentId()) && a.attempt().equals(b.attempt())
                && Instant.parse(a.createdAt()).equals(Instant.parse(b.createdAt()));
    }

    /**
     * Whether a payload is as the app writes this event: no field it does not write, and each value the
     * one it writes (a field an earlier version did not write yet may be missing where it would be null).
     */
    static boolean asWritten(EventBody body, JsonNode payload) {
        JsonNode written = EventCodec.toJson(body);
        for (var it = payload.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!written.has(field) || !EventChain.canonicalJson(written.get(field)).equals(EventChain.canonicalJson(payload.get(field)))) {
                return false;
            }
        }
        for (var it = written.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!payload.has(field) && !written.get(field).isNull()) {
                return false;
            }
        }
        return true;
    }

    /** The same event: every field, times as instants and payloads as JSON. */
    static boolean sameEvent(EventRow a, EventRow b) {
        try {
            return a.id().equals(b.id()) && a.sessionId().equals(b.sessionId()) && a.seq() == b.seq()
                    && a.deviceId().equals(b.deviceId()) && a.type().equals(b.type())
                    && Instant.parse(a.at()).equals(Instant.parse(b.at())) && a.sessionTimeMillis() == b.sessionTimeMillis()
                    && JsonFiles.mapper().readTree(a.payload()).equals(JsonFiles.mapper().readTree(b.payload()))
                    && java.util.Objects.equals(a.prevHash(), b.prevHash()) && java.util.Objects.equals(a.hash(), b.hash())
                    && java.util.Objects.equals(a.ownerKey(), b.ownerKey());
        } catch (IOException | DateTimeParseException e) {
            return false;
        }
    }

    private static boolean sameRecord(SignedRecord a, SignedRecord b) {
        return a.kind().equals(b.kind()) && java.util.Objects.equals(a.sessionId(), b.sessionId())
                && a.apprenticeId().equals(b.apprenticeId()) && a.fileName().equals(b.fileName()) && a.sha256().equals(b.sha256())
                && a.sizeBytes() == b.sizeBytes() && a.signedAt().equals(b.signedAt())
                && a.certificateFingerprint().equals(b.certificateFingerprint());
    }

    /**
     * The package's log is one hash chain with what is here: the first event starts it, every other
     * event follows an event of the place before it, in the package or here. A log with an event
     * left out, added, changed or moved does not chain, whatever its positions say.
     */
    private void checkChain(String entry, String sessionId, List<EventRow> incoming) throws PackageRefused, SQLException {
        Map<Long, Set<String>> hashesBySeq = new HashMap<>();
        for (EventRow r : store.storedEvents(sessionId)) {
            hashesBySeq.computeIfAbsent(r.seq(), k -> new HashSet<>()).add(r.hash());
        }
        incoming.forEach(r -> hashesBySeq.computeIfAbsent(r.seq(), k -> new HashSet<>()).add(r.hash()));
        for (EventRow r : incoming) {
            boolean follows = r.seq() == 1 ? EventChain.GENESIS.equals(r.prevHash())
                    : hashesBySeq.getOrDefault(r.seq() - 1, Set.of()).contains(r.prevHash());
            if (!follows) {
                throw new PackageRefused(entry, "event " + r.id() + " (" + r.type() + ", position " + r.seq() + ") "
                        + (r.seq() == 1 ? "does not start the session's chain"
                        : "does not follow any event at position " + (r.seq() - 1) + " of the session: an event before it "
                                + "was left out, changed or moved"));
            }
        }
    }

    /**
     * Every version of the log that the package adds to is one the app could have recorded: checked
     * from its first event to each of the package's last events, with the rules the app records by
     * ({@link LogRules}): numbered without gaps or repeats, one planning event and first, an installed
     * plan and its component, known criteria, texts within their limits.
     */
    private void checkRecordable(String entry, SessionHeader header, List<EventRow> incoming,
            Map<String, SessionEvent> decoded) throws PackageRefused, SQLException {
        Map<String, EventRow> byHash = new HashMap<>();
        Map<String, SessionEvent> events = new HashMap<>(decoded);
        for (EventRow r : store.storedEvents(header.id())) {
            byHash.put(r.hash(), r);
            if (!events.containsKey(r.id())) {
                try {
                    events.put(r.id(), new SessionEvent(r.id(), r.sessionId(), r.seq(), Instant.parse(r.at()),
                            java.time.Duration.ofMillis(r.sessionTimeMillis()), EventCodec.decode(r.type(), r.payload())));
                } catch (RuntimeException e) {
                    throw new PackageRefused(entry, "adds to session " + header.id() + ", whose log here cannot be read: "
                            + e.getMessage());
                }
            }
        }
        incoming.forEach(r -> byHash.put(r.hash(), r));
        Set<String> followed = new HashSet<>();
        byHash.values().forEach(r -> followed.add(r.prevHash()));
        var plan = plans.plan(header.planId()).orElse(null);
        for (EventRow tip : incoming) {
            if (followed.contains(tip.hash())) {
                continue;
            }
            List<SessionEvent> path = new ArrayList<>();
            boolean fromTheStart = false;
            for (EventRow r = tip; r != null && path.size() <= LogRules.MAX_EVENTS; r = byHash.get(r.prevHash())) {
                path.add(events.get(r.id()));
                if (r.prevHash().equals(EventChain.GENESIS)) {
                    fromTheStart = true;
                    break;
                }
            }
            if (!fromTheStart && path.size() <= LogRules.MAX_EVENTS) {
                continue; // a log whose chain does not reach its first event: refused by the chain's check
            }
            java.util.Collections.reverse(path);
            Optional<LogRules.Problem> problem = LogRules.check(plan, path);
            if (problem.isPresent()) {
                throw new PackageRefused(entry, "the log of session " + header.id() + " could not have been recorded: "
                        + problem.get().describe());
            }
        }
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
                        + "and only amendments, declarations, signed records and the end, repair, attachment or "
                        + "exemption of a recording can follow its end");
            }
        }
    }

    private void checkApprentice(String entry, String apprenticeId, Set<String> inPackage) throws PackageRefused, SQLException {
        if (!inPackage.contains(apprenticeId) && store.apprentices(Set.of(apprenticeId)).isEmpty()) {
            throw new PackageRefused(entry, "refers to apprentice " + apprenticeId + ", who is neither in the package nor here");
        }
    }

    /**
     * An apprentice's change dated ahead of this computer's clock by more than a small skew is
     * refused: the sending computer's clock is wrong, or the date was set to win every later
     * correction (finding 4 of issue 12: updatedAt 2099-01-01).
     */
    private void notInTheFuture(String apprenticeId, String what, String text) throws PackageRefused {
        Instant at = Instant.parse(text);
        Instant now = clock.instant();
        if (at.isAfter(now.plus(org.epaworkbench.store.ApprenticeProvenance.MAX_CLOCK_SKEW))) {
            String by = LogRules.span(java.time.Duration.between(now, at));
            throw new PackageRefused(PackageFormat.APPRENTICES, "apprentice " + apprenticeId + " is " + what + " at " + text
                    + ", " + by + " ahead of this computer's clock (" + now + "; up to "
                    + org.epaworkbench.store.ApprenticeProvenance.MAX_CLOCK_SKEW.toMinutes() + " minutes is allowed). The "
                    + "sending computer's clock is wrong, or the date was set to override later corrections.");
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

    /**
     * Every event new here is dated as a computer with a right clock would have dated it ({@link LogRules#timeProblem}):
     * not before 2000, not before its session's planning event and not ahead of this computer's clock, each by more than
     * {@link org.epaworkbench.store.ApprenticeProvenance#MAX_CLOCK_SKEW}. Events already here were checked when they came.
     */
    private void checkDated(String entry, List<EventRow> incoming, Set<String> newHere, Map<String, SessionEvent> decoded)
            throws PackageRefused {
        Instant plannedAt = decoded.get(incoming.stream().filter(r -> r.seq() == 1).findFirst().orElseThrow().id()).at();
        Instant now = clock.instant();
        for (EventRow r : incoming) {
            if (!newHere.contains(r.id())) {
                continue;
            }
            Optional<String> why = LogRules.timeProblem(decoded.get(r.id()).at(), r.seq() == 1 ? null : plannedAt, now,
                    org.epaworkbench.store.ApprenticeProvenance.MAX_CLOCK_SKEW);
            if (why.isPresent()) {
                throw new PackageRefused(entry, "event " + r.id() + " (" + r.type() + ", position " + r.seq() + ") of session "
                        + r.sessionId() + " " + why.get() + ".");
            }
        }
    }

    /**
     * The session's and its events' ids in a session entry, read plainly before it is checked (to ask the ledger
     * once for all of them); an entry that cannot be read this way is refused by the checks that follow.
     */
    private static void idsIn(byte[] sessionJson, Set<String> sessions, List<String> events) {
        try {
            JsonNode s = org.epaworkbench.packs.JsonFiles.mapper().readTree(sessionJson);
            if (s != null && s.path("id").isTextual()) {
                sessions.add(s.get("id").asText());
            }
            if (s != null && s.path("events").isArray()) {
                for (JsonNode ev : s.get("events")) {
                    if (ev.path("id").isTextual()) {
                        events.add(ev.get("id").asText());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON, or not a session: the checks below refuse it with the reason
        }
    }

    /** A carried recording, checked, and its staged file. */
    private record Carried(CarriedRecording recording, Path staged) {
    }

    /**
     * Every recording the package carries is one its session's log names as finished (ended, repaired or attached), is
     * byte for byte the file the log records (SHA-256 and size), and, when the app captured it, plays as Ogg/Opus to its
     * end with the logged duration (give or take {@link #RECORDING_DURATION_TOLERANCE}). Anything else refuses the whole
     * package, naming the session and the file. A finished recording the log names that the package does not carry (and
     * that is not here already) is accepted with a notice saying it is missing.
     */
    private void checkRecordings(PackageReader.Entries entries, PackageReader reader,
            Map<String, List<EventRow>> incomingBySession, List<Carried> carried, List<String> notices)
            throws PackageRefused, SQLException, IOException {
        Map<String, Map<String, List<LoggedRecordings.Logged>>> logged = new HashMap<>();
        for (Map.Entry<String, List<EventRow>> e : incomingBySession.entrySet()) {
            List<EventRow> all = new ArrayList<>(store.storedEvents(e.getKey()));
            Set<String> ids = new HashSet<>();
            all.forEach(r -> ids.add(r.id()));
            e.getValue().stream().filter(r -> !ids.contains(r.id())).forEach(all::add);
            all.sort(Comparator.comparingLong(EventRow::seq));
            logged.put(e.getKey(), LoggedRecordings.of(e.getKey(), all));
        }
        Set<String> carriedNames = new HashSet<>();
        for (Map.Entry<String, Path> e : entries.recordings().entrySet()) {
            String name = e.getKey();
            String[] parts = name.substring(PackageFormat.RECORDINGS.length()).split("/", -1);
            String sessionId = parts[0];
            if (recordingsFolder == null) {
                throw new PackageRefused(name, "is a recording, and recordings are not kept here");
            }
            if (!incomingBySession.containsKey(sessionId)) {
                throw new PackageRefused(name, "is a recording of session " + sessionId + ", which is not in the package: a "
                        + "recording travels with its session's log");
            }
            // the entry's name is the one the log's plain file name gives (PackageFormat.recordingEntry), nothing else
            String fileName = logged.get(sessionId).keySet().stream()
                    .filter(f -> name.equals(PackageFormat.recordingEntry(sessionId, f))).findFirst().orElse(null);
            List<LoggedRecordings.Logged> versions = fileName == null ? null : logged.get(sessionId).get(fileName);
            if (versions == null) {
                throw new PackageRefused(name, "the log of session " + sessionId + " names no finished recording "
                        + parts[1] + ": the package carries a file the session did not record");
            }
            PackageReader.Listed listed = reader.listed(name);
            LoggedRecordings.Logged match = versions.stream()
                    .filter(v -> v.sha256().equals(listed.sha256()) && v.sizeBytes() == listed.size()).findFirst().orElse(null);
            if (match == null) {
                LoggedRecordings.Logged l = versions.get(versions.size() - 1);
                throw new PackageRefused(name, "recording " + fileName + " of session " + session(sessionId) + " is not the "
                        + "file its log records: the log records " + l.sizeBytes() + " bytes with SHA-256 " + l.sha256()
                        + ", the package carries " + listed.size() + " bytes with SHA-256 " + listed.sha256()
                        + ". The recording was swapped or changed after it was recorded.");
            }
            if (match.captured()) {
                checkPlays(name, sessionId, fileName, match, e.getValue());
            }
            carried.add(new Carried(new CarriedRecording(sessionId, fileName, match.sha256(), match.sizeBytes(),
                    match.captured()), e.getValue()));
            carriedNames.add(sessionId + "/" + fileName);
        }
        for (Map.Entry<String, Map<String, List<LoggedRecordings.Logged>>> s : logged.entrySet()) {
            for (List<LoggedRecordings.Logged> versions : s.getValue().values()) {
                LoggedRecordings.Logged l = versions.get(versions.size() - 1);
                if (carriedNames.contains(s.getKey() + "/" + l.fileName())) {
                    continue;
                }
                CarriedRecording r = new CarriedRecording(s.getKey(), l.fileName(), l.sha256(), l.sizeBytes(), l.captured());
                if (recordingsFolder == null || !Files.isRegularFile(recordingsFolder.resolve(recordingPlacement.apply(r)))) {
                    notices.add("Missing recording: session " + s.getKey() + "'s log names recording " + l.fileName() + " ("
                            + l.status() + ", " + l.sizeBytes() + " bytes, SHA-256 " + l.sha256() + "), which is neither in "
                            + "the package nor here. Its events were imported; ask the assessor to export the session again "
                            + "with its recording.");
                }
            }
        }
    }

    private static String session(String id) {
        return id;
    }

    /** A captured recording plays as Ogg/Opus to its end, as long as its log says. */
    private static void checkPlays(String name, String sessionId, String fileName, LoggedRecordings.Logged logged, Path file)
            throws PackageRefused {
        try (org.epaworkbench.recording.OpusRecordingReader r = org.epaworkbench.recording.OpusRecordingReader.open(file)) {
            if (!r.endsCleanly()) {
                throw new PackageRefused(name, "recording " + fileName + " of session " + sessionId + " is cut short: it "
                        + "does not end with its last Ogg page (a truncated file)");
            }
            long d = r.durationMillis();
            if (Math.abs(d - logged.durationMillis()) > RECORDING_DURATION_TOLERANCE.toMillis()) {
                throw new PackageRefused(name, "recording " + fileName + " of session " + sessionId + " plays for "
                        + org.epaworkbench.session.ElapsedText.format(java.time.Duration.ofMillis(d)) + ", but its log says "
                        + org.epaworkbench.session.ElapsedText.format(java.time.Duration.ofMillis(logged.durationMillis()))
                        + " (up to " + RECORDING_DURATION_TOLERANCE.toSeconds() + " s apart is allowed)");
            }
            if (r.sessionId() != null && !r.sessionId().equals(sessionId)) {
                throw new PackageRefused(name, "recording " + fileName + " of session " + sessionId + " was recorded for "
                        + "session " + r.sessionId() + " (its Opus tags say so)");
            }
        } catch (IOException | RuntimeException e) {
            throw new PackageRefused(name, "recording " + fileName + " of session " + sessionId + " cannot be played as "
                    + "Ogg/Opus: " + e.getMessage());
        }
    }

    /** The staged recordings to place (those not here yet); refuses one whose place holds a different file. */
    private Map<Path, Path> recordingsToWrite(List<Carried> carried) throws IOException, PackageRefused {
        Map<Path, Path> toWrite = new java.util.LinkedHashMap<>();
        for (Carried c : carried) {
            CarriedRecording r = c.recording();
            String entry = PackageFormat.RECORDINGS + r.sessionId() + "/" + r.fileName();
            Path target = recordingsFolder.resolve(recordingPlacement.apply(r)).normalize();
            if (!target.startsWith(recordingsFolder.normalize()) || target.equals(recordingsFolder.normalize())) {
                throw new PackageRefused(entry, "would be written outside the recordings folder");
            }
            if (Files.exists(target)) {
                if (Files.size(target) != r.sizeBytes()
                        || !org.epaworkbench.store.RecordingFiles.sha256Of(target).equals(r.sha256())) {
                    throw new PackageRefused(entry, "recording " + r.fileName() + " of session " + r.sessionId() + ": a "
                            + "different file with this name is already here");
                }
            } else {
                toWrite.put(target, c.staged());
            }
        }
        return toWrite;
    }

    /** The staged PDFs to move into the records folder (those not here yet); refuses one whose name is taken by different content. */
    private Map<Path, Path> pdfsToWrite(List<SignedRecord> records, Map<String, Path> staged) throws IOException, PackageRefused {
        Map<Path, Path> toWrite = new HashMap<>();
        for (SignedRecord r : records) {
            Path target = recordsFolder.resolve(placement.apply(r)).normalize();
            if (!target.startsWith(recordsFolder.normalize())) {
                throw new PackageRefused(PackageFormat.PDFS + r.fileName(), "would be written outside the records folder");
            }
            if (Files.exists(target)) {
                if (!RecordProducer.sha256(Files.readAllBytes(target)).equals(r.sha256())) {
                    throw new PackageRefused(PackageFormat.PDFS + r.fileName(), "a different file with this name is already here");
                }
            } else {
                toWrite.put(target, staged.get(PackageFormat.PDFS + r.fileName()));
            }
        }
        return toWrite;
    }

    private List<Path> writePdfs(Map<Path, Path> toWrite) throws IOException {
        return writeFiles(recordsFolder, toWrite);
    }

    /** Moves staged files into place under {@code folder}; on a failure, removes what it placed. */
    private static List<Path> writeFiles(Path folder, Map<Path, Path> toWrite) throws IOException {
        List<Path> written = new ArrayList<>();
        if (toWrite.isEmpty()) {
            return written;
        }
        Path recordsFolder = folder;
        try {
            org.epaworkbench.store.OwnerOnly.folder(recordsFolder);
            for (Map.Entry<Path, Path> w : toWrite.entrySet()) {
                try {
                    org.epaworkbench.store.OwnerOnly.file(w.getValue());
                    if (!w.getKey().getParent().equals(recordsFolder.normalize())) {
                        org.epaworkbench.store.OwnerOnly.folder(w.getKey().getParent());
                    }
                    Files.move(w.getValue(), w.getKey(), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Path tmp = Files.createTempFile(w.getKey().getParent(), "import", ".tmp");
                    Files.copy(w.getValue(), tmp, StandardCopyOption.REPLACE_EXISTING);
                    org.epaworkbench.store.OwnerOnly.file(tmp);
                    Files.move(tmp, w.getKey(), StandardCopyOption.ATOMIC_MOVE);
                }
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

    /** Removes the staging folder; best effort (it is a hidden folder of the data folder, never read again). */
    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left behind; harmless
        }
    }
}
