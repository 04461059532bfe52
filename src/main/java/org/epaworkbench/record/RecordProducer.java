package org.epaworkbench.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.epaworkbench.grading.ComponentJudgements;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.EpaJudgements;
import org.epaworkbench.grading.EpaResult;
import org.epaworkbench.grading.GradingEngine;
import org.epaworkbench.grading.GradingInputException;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.session.GradePreview;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SessionStore.SessionSummary;
import org.epaworkbench.store.SignedRecords;
import org.epaworkbench.store.SignedRecords.SignedRecord;

/**
 * Produces signed PDF records: renders a session's record (or an apprentice's overall result),
 * signs it with the assessor's key, writes it to the data folder's {@code records/} and lists it for
 * the outbox. Runs off the FX thread; reports each step.
 */
public final class RecordProducer {

    /** A record made and signed. */
    public record Produced(SignedRecord record, Path file, byte[] pdf) {
    }

    /** The record cannot be produced (session not ended, components missing...); the message says why. */
    public static final class CannotProduce extends Exception {
        private static final long serialVersionUID = 1L;

        public CannotProduce(String message) {
            super(message);
        }
    }

    private final PlanLibrary plans;
    private final SessionStore sessions;
    private final PeopleStore people;
    private final SignedRecords records;
    private final AssessorKeyStore keys;
    private final Clock clock;
    private final ZoneId zone;
    private final PdfRenderer renderer = new PdfRenderer();
    private final PadesSigner signer = new PadesSigner();
    private org.epaworkbench.store.Disk disk = org.epaworkbench.store.Disk.SYSTEM;

    public RecordProducer(PlanLibrary plans, SessionStore sessions, PeopleStore people, SignedRecords records,
            AssessorKeyStore keys, Clock clock, ZoneId zone) {
        this.plans = plans;
        this.sessions = sessions;
        this.people = people;
        this.records = records;
        this.keys = keys;
        this.clock = clock;
        this.zone = zone;
    }

    /** Writes the records through {@code disk} (tests simulate a full one). */
    public RecordProducer onDisk(org.epaworkbench.store.Disk disk) {
        this.disk = disk;
        return this;
    }

    /** The record of a session as unsigned PDF bytes (for previews and tests). */
    public byte[] renderSession(String sessionId) throws SQLException, IOException, CannotProduce {
        return renderer.render(RecordHtml.sessionRecord(sessionRecord(sessionId)));
    }

    SessionRecord sessionRecord(String sessionId) throws SQLException, CannotProduce {
        SessionSummary summary = sessions.summary(sessionId).orElseThrow(() -> new CannotProduce("There is no session " + sessionId + "."));
        SessionState state = sessions.state(sessionId).orElseThrow();
        if (!state.ended()) {
            throw new CannotProduce("The session has not ended: end it before signing its record.");
        }
        AssessmentPlan plan = plans.plan(summary.planId()).orElseThrow(() -> new CannotProduce(
                "The session's plan '" + summary.planId() + "' is not installed."));
        Component component = plan.component(summary.componentId()).orElseThrow();
        Apprentice apprentice = people.apprentice(summary.apprenticeId()).orElseThrow();
        AssessorProfile assessor = people.assessor().orElse(null);
        SessionStore.LogCheck log = sessions.check(sessionId);
        if (!log.intact()) {
            throw log.changed();
        }
        return new SessionRecord(plan, component, state, apprentice, assessor, GradePreview.of(plan, component, state),
                summary.sample(), clock.instant(), zone, new ChainStamp(sessionId, log.events(), log.headHash(), log.ownerKey()));
    }

    /** Renders, signs and stores a session's record. */
    public Produced signSession(String sessionId, SigningIdentity identity, byte[] drawnSignature, Consumer<String> progress)
            throws SQLException, IOException, GeneralSecurityException, CannotProduce {
        progress.accept("Laying out the record");
        bindToOwnKey(identity);
        SessionRecord r = sessionRecord(sessionId);
        byte[] pdf = RecordingStamp.writeInto(r.log().writeInto(renderer.render(RecordHtml.sessionRecord(r))),
                r.state().recordings());
        progress.accept("Signing");
        byte[] signed = signer.sign(pdf, identity, new SignatureLook(drawnSignature, "Record of the "
                + r.component().title().toLowerCase() + " for " + r.apprentice().name(),
                r.state().details().location().isEmpty() ? r.state().details().mode().label() : r.state().details().location(),
                RecordHtml.SIGNATURE_ANCHOR), r.producedAt(), zone);
        progress.accept("Saving");
        String name = fileName(r.apprentice(), r.component().id(), r.producedAt());
        return store("session", sessionId, r.apprentice(), name, signed, identity, r.sample());
    }

    /** Renders, signs and stores the overall result; every component needs an ended session. */
    public Produced signOverall(String apprenticeId, SigningIdentity identity, byte[] drawnSignature,
            Consumer<String> progress) throws SQLException, IOException, GeneralSecurityException, CannotProduce {
        progress.accept("Grading the components");
        bindToOwnKey(identity);
        Overall o = overall(apprenticeId);
        progress.accept("Laying out the result");
        byte[] pdf = renderer.render(RecordHtml.overallResult(o.plan(), o.apprentice(), people.assessor().orElse(null),
                o.lines(), o.result().overall(), o.apprentice().sample(), clock.instant(), zone));
        progress.accept("Signing");
        byte[] signed = signer.sign(pdf, identity, new SignatureLook(drawnSignature, "Overall EPA result for "
                + o.apprentice().name(), "EPA Workbench", RecordHtml.SIGNATURE_ANCHOR), clock.instant(), zone);
        progress.accept("Saving");
        return store("overall", null, o.apprentice(), fileName(o.apprentice(), "overall-result", clock.instant()),
                signed, identity, o.apprentice().sample());
    }

    /**
     * Sessions planned before this data folder had a key are bound to it before anything is signed
     * (see {@link SessionStore#bindUnowned}): only to this folder's own key, never to another identity.
     */
    private void bindToOwnKey(SigningIdentity identity) throws SQLException {
        String key = Certificates.publicKeyFingerprint(identity.certificate());
        Optional<String> own;
        try {
            own = keys.certificate().map(Certificates::publicKeyFingerprint);
        } catch (KeyStoreProblem e) {
            own = Optional.empty();
        }
        if (own.isPresent() && own.get().equals(key)) {
            sessions.bindUnowned(key);
        }
    }

    /** An apprentice's overall result from the latest ended session of each component. */
    public record Overall(AssessmentPlan plan, Apprentice apprentice, List<RecordHtml.ComponentLine> lines, EpaResult result) {
    }

    public Overall overall(String apprenticeId) throws SQLException, CannotProduce {
        Apprentice a = people.apprentice(apprenticeId).orElseThrow(() -> new CannotProduce("There is no apprentice " + apprenticeId + "."));
        AssessmentPlan plan = plans.plan(a.planId()).orElseThrow(() -> new CannotProduce(
                "The apprentice's plan '" + a.planId() + "' is not installed."));
        Map<String, SessionSummary> latest = new LinkedHashMap<>();
        for (SessionSummary s : sessions.list().stream().filter(s -> s.apprenticeId().equals(apprenticeId)
                && s.endedAt() != null && s.planId().equals(plan.id())).sorted(Comparator.comparing(SessionSummary::endedAt)).toList()) {
            latest.put(s.componentId(), s);
        }
        List<String> missing = plan.components().stream().map(Component::id).filter(id -> !latest.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new CannotProduce("Not every component has an ended session yet: missing " + String.join(", ", missing) + ".");
        }
        Map<String, ComponentJudgements> judgements = new LinkedHashMap<>();
        List<RecordHtml.ComponentLine> lines = new ArrayList<>();
        for (Component c : plan.components()) {
            SessionState st = sessions.state(latest.get(c.id()).id()).orElseThrow();
            judgements.put(c.id(), new ComponentJudgements(st.details().attempt(), GradePreview.knownStates(c, st), Map.of(),
                    false));
        }
        EpaResult result;
        try {
            result = new GradingEngine().grade(plan, new EpaJudgements(judgements));
        } catch (GradingInputException e) {
            throw new CannotProduce("The sessions do not fit the plan: " + e.getMessage());
        }
        for (Component c : plan.components()) {
            ComponentResult cr = result.component(c.id()).orElseThrow();
            lines.add(new RecordHtml.ComponentLine(c, cr, latest.get(c.id()).endedAt()));
        }
        return new Overall(plan, a, lines, result);
    }

    private Produced store(String kind, String sessionId, Apprentice a, String name, byte[] signed, SigningIdentity identity,
            boolean sample) throws IOException, SQLException {
        Path folder = records.folder();
        org.epaworkbench.store.OwnerOnly.folder(folder);
        Path file = folder.resolve(name);
        Path tmp = Files.createTempFile(folder, "record", ".pdf.tmp");
        try {
            org.epaworkbench.store.OwnerOnly.file(tmp);
            try (java.io.OutputStream out = disk.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(signed);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a full disk or a failed write: nothing half written is left behind
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        SignedRecord record = new SignedRecord(UUID.randomUUID().toString(), kind, sessionId, a.id(), name, sha256(signed),
                signed.length, clock.instant(), Certificates.fingerprint(identity.certificate()), sample, null, null, null, null);
        records.add(record);
        return new Produced(record, file, signed);
    }

    static String fileName(Apprentice a, String what, Instant when) {
        String slug = a.name().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return LocalDate.ofInstant(when, ZoneId.of("UTC")) + "-" + slug + "-" + what + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".pdf";
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unlocks the identity, creating it from the assessor profile first where none exists; returns whether it was created. */
    public record Unlocked(SigningIdentity identity, boolean created) {
    }

    public Unlocked unlockOrCreate(char[] password) throws KeyStoreProblem, SQLException {
        boolean created = false;
        if (!keys.exists()) {
            Optional<AssessorProfile> profile = people.assessor();
            if (profile.isEmpty()) {
                throw new KeyStoreProblem("There is no signing identity and no assessor profile to make one from. "
                        + "Set up the assessor profile first (in the app: Assessor).");
            }
            keys.create(profile.get(), password);
            created = true;
        }
        return new Unlocked(keys.unlock(password), created);
    }
}
