package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.OverallResult;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.record.PadesVerifier;
import org.epaworkbench.record.RecordHtml;
import org.epaworkbench.record.RecordProducer;
import org.epaworkbench.record.SignatureReport;
import org.epaworkbench.store.SignedRecords;
import org.epaworkbench.store.SignedRecords.SignedRecord;

/**
 * The signed records of this data folder (the Records screen, signing on the session screen and the
 * Sessions list, {@code report}): sign a session's record or an apprentice's overall result with the
 * assessor's identity, check what was signed, list the records and find their files.
 */
public final class Records {

    /** A record made, signed and stored: its row, its file in the data folder, and its bytes. */
    public record Signed(SignedRecord record, Path file, byte[] pdf) {
    }

    /** An apprentice's overall result as it will be signed: each component's result from its latest ended session. */
    public record Overall(AssessmentPlan plan, Apprentice apprentice, List<Line> lines, OverallResult result) {
    }

    /** One component's line of the overall result. */
    public record Line(Component component, ComponentResult result, Instant endedAt) {
    }

    /** The record cannot be made yet (the session has not ended, a component has no session...); the message says why. */
    public static final class CannotSign extends Exception {
        private static final long serialVersionUID = 1L;

        public CannotSign(String message) {
            super(message);
        }
    }

    private final Services services;
    private final AssessorIdentity identity;
    private final SignedRecords signedRecords;
    private org.epaworkbench.store.Disk disk = org.epaworkbench.store.Disk.SYSTEM;

    public Records(Services services) {
        this.services = services;
        this.identity = services.assessorIdentity();
        this.signedRecords = services.signedRecords();
    }

    /** Writes records through {@code disk} (the command line's, which tests make full). */
    public Records onDisk(DiskSpace disk) {
        this.disk = disk.disk();
        return this;
    }

    /** Made when first needed and not on the FX thread: it reads the record's fonts from the jar. */
    private RecordProducer producer() {
        return new RecordProducer(services.plans(), services.sessions(), services.people(), signedRecords, identity.keyStore(),
                services.clock(), services.zone()).onDisk(disk);
    }

    /** The words of a declaration ({@code role} "apprentice" or "assessor") as the plan words it and the record prints it. */
    public static String declarationText(AssessmentPlan plan, String role) {
        return RecordHtml.declarationText(plan, role);
    }

    /**
     * Unlocks the assessor's identity for signing, creating it from the assessor profile first where
     * this data folder has none (the first record signed).
     */
    public AssessorIdentity.Unlocked unlockOrCreate(char[] password) throws KeyStoreProblem, SQLException {
        return identity.unlockOrCreate(password, identity.exists() ? Optional.empty() : services.people().assessor());
    }

    /** Lays out, signs and stores an ended session's record; {@code progress} hears each step in words. */
    public Signed signSession(String sessionId, AssessorIdentity.Unlocked unlocked, byte[] drawnSignature,
            Consumer<String> progress) throws SQLException, IOException, GeneralSecurityException, CannotSign {
        recordingRequirementMet(sessionId);
        try {
            return signed(producer().signSession(sessionId, unlocked.identity(), drawnSignature, progress));
        } catch (RecordProducer.CannotProduce e) {
            throw new CannotSign(e.getMessage());
        }
    }

    /**
     * Refuses a record whose plan requires the session to be recorded (for the way it was held) when it has neither a
     * recording that holds sound nor an agreed exemption (issue 16): the record would otherwise be incomplete.
     */
    void recordingRequirementMet(String sessionId) throws SQLException, CannotSign {
        Optional<org.epaworkbench.session.SessionState> state = services.sessionService().state(sessionId);
        if (state.isEmpty() || state.get().details() == null) {
            return; // the producer says what is wrong with it
        }
        var details = state.get().details();
        Optional<org.epaworkbench.plan.Component> component = services.plans().plan(details.planId())
                .flatMap(p -> p.component(details.componentId()));
        if (component.isEmpty() || state.get().recordingRequirementMet(component.get())) {
            return;
        }
        var rule = state.get().recordingRule(component.get());
        String mode = state.get().remote() ? "held remotely" : "held face to face";
        throw new CannotSign("The record was not signed: the plan" + rule.citation().map(c -> " (" + c.ref() + ")").orElse("")
                + " requires a recording of the " + component.get().title().toLowerCase(java.util.Locale.ROOT) + " when it is "
                + mode + ", and this session has neither a recording nor an agreed exemption. Attach the recording "
                + "(" + (state.get().remote() ? "Attach the call's recording" : "Attach a recording") + "\u2026 in the "
                + "session screen's Recording panel), or record the exemption agreed in advance with its reason "
                + "(Exemption\u2026), then sign.");
    }

    /** The overall result of an apprentice, graded from the latest ended session of each component, before it is signed. */
    public Overall overall(String apprenticeId) throws SQLException, CannotSign {
        try {
            RecordProducer.Overall o = producer().overall(apprenticeId);
            return new Overall(o.plan(), o.apprentice(), o.lines().stream()
                    .map(l -> new Line(l.component(), l.result(), l.endedAt())).toList(), o.result().overall());
        } catch (RecordProducer.CannotProduce e) {
            throw new CannotSign(e.getMessage());
        }
    }

    /** Grades, lays out, signs and stores an apprentice's overall result; every component needs an ended session. */
    public Signed signOverall(String apprenticeId, AssessorIdentity.Unlocked unlocked, byte[] drawnSignature,
            Consumer<String> progress) throws SQLException, IOException, GeneralSecurityException, CannotSign {
        try {
            return signed(producer().signOverall(apprenticeId, unlocked.identity(), drawnSignature, progress));
        } catch (RecordProducer.CannotProduce e) {
            throw new CannotSign(e.getMessage());
        }
    }

    private static Signed signed(RecordProducer.Produced p) {
        return new Signed(p.record(), p.file(), p.pdf());
    }

    /** Checks a record just signed, as anyone receiving it would: is the signature valid over the whole file. */
    public SignatureReport check(Signed signed) {
        return new PadesVerifier().verify(signed.file().getFileName().toString(), signed.pdf());
    }

    /** What a record is about, for its row on the Records screen: whose, which component and attempt, the grade. */
    public record About(String apprentice, String component, String attempt, String grade) {
    }

    /** The signed records, newest first, with what each is about. */
    public record Listing(List<SignedRecord> newestFirst, Map<String, About> bySession, Map<String, String> apprenticeNames) {

        public static final Listing EMPTY = new Listing(List.of(), Map.of(), Map.of());

        /** What {@code r} is about; an overall result or a record of a session not here names only the apprentice. */
        public About about(SignedRecord r) {
            About a = r.sessionId() == null ? null : bySession.get(r.sessionId());
            return a != null ? a : new About(apprenticeNames.getOrDefault(r.apprenticeId(), ""), "", "", "");
        }
    }

    /** The signed records, newest first, with who and what each is about and the grade of its session. */
    public Listing listing() throws SQLException {
        Map<String, String> names = new HashMap<>();
        services.people().apprentices().forEach(a -> names.put(a.id(), a.name()));
        Map<String, About> about = new HashMap<>();
        for (var s : services.sessions().list()) {
            about.put(s.id(), new About(s.apprenticeName(), services.plans().plan(s.planId())
                    .flatMap(p -> p.component(s.componentId())).map(Component::title).orElse(s.componentId()),
                    capitalise(s.attempt().word()), s.gradeText()));
        }
        List<SignedRecord> newestFirst = new ArrayList<>(signedRecords.all());
        Collections.reverse(newestFirst);
        return new Listing(List.copyOf(newestFirst), Map.copyOf(about), Map.copyOf(names));
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Every signed record here, made here or imported. */
    public List<SignedRecord> all() throws SQLException {
        return signedRecords.all();
    }

    /** The signed records of one session. */
    public List<SignedRecord> ofSession(String sessionId) throws SQLException {
        return signedRecords.forSession(sessionId);
    }

    /** Where a signed record's PDF is kept in the data folder. */
    public Path fileOf(SignedRecord record) {
        return signedRecords.folder().resolve(record.fileName());
    }

    /** The SHA-256 of a file's bytes (lower-case hex), as records are listed and compared by. */
    public static String sha256(byte[] bytes) {
        return RecordProducer.sha256(bytes);
    }
}
