package org.epaworkbench.ui.session;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Records;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.record.SignatureReport;

/**
 * Signing an ended session's record, as one flow run off the FX thread (on {@code Background.flow}),
 * once the declarations and the password are in: open (or on first use create) the signing key, then
 * record the declarations, keep the drawn signature if asked, lay out, sign and store the record,
 * check its signature, log it in the session, and back the data folder up. It ends in one
 * {@link Outcome}: signed, failed with the reason in the assessor's words, or cancelled. A wrong or
 * cancelled password leaves the session as it was; the session's events still go through its one
 * ordered writer ({@link SessionWriter}).
 */
public final class RecordSigning implements Callable<RecordSigning.Outcome> {

    /** How signing ended. */
    public sealed interface Outcome permits Signed, Failed, Cancelled {
    }

    /** The record is signed, stored in {@code file}, logged in the session; {@code check} is its signature checked. */
    public record Signed(Path file, SignatureReport check) implements Outcome {
    }

    /** Not signed, for the reason given in the assessor's words. */
    public record Failed(String message) implements Outcome {
    }

    /** The assessor stopped before anything was signed. */
    public record Cancelled() implements Outcome {
    }

    /** The session's one ordered writer: saves an action in its log and returns once it is saved (or throws why not). */
    @FunctionalInterface
    public interface SessionWriter {
        void perform(RecordedSession.Action action) throws Exception;
    }

    /** Backs the data folder up after signing (a signed record is a moment worth keeping). */
    @FunctionalInterface
    public interface BackUp {
        void backUp() throws Exception;
    }

    static final String NOTHING_RECORDED = "\n\nNothing was recorded: sign again when ready.";

    private final Records records;
    private final AssessorIdentity identity;
    private final SessionWriter writer;
    private final BackUp backUp;
    private final Consumer<String> warn;
    private final String sessionId;
    private final AssessmentPlan plan;
    private final SigningDecisions.Declarations declarations;
    private final char[] password;
    private final Consumer<String> progress;

    /**
     * @param warn hears what went wrong without stopping the signing (the drawn signature not kept, the backup failed)
     * @param progress hears each step in words
     * @param password cleared once the key is opened
     */
    public RecordSigning(Records records, AssessorIdentity identity, SessionWriter writer, BackUp backUp, Consumer<String> warn,
            String sessionId, AssessmentPlan plan, SigningDecisions.Declarations declarations, char[] password,
            Consumer<String> progress) {
        this.records = records;
        this.identity = identity;
        this.writer = writer;
        this.backUp = backUp;
        this.warn = warn;
        this.sessionId = sessionId;
        this.plan = plan;
        this.declarations = declarations;
        this.password = password;
        this.progress = progress;
    }

    @Override
    public Outcome call() {
        AssessorIdentity.Unlocked unlocked;
        try {
            unlocked = records.unlockOrCreate(password);
        } catch (Exception e) {
            return new Failed(LiveSessionModel.describe(e) + NOTHING_RECORDED);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (Thread.currentThread().isInterrupted()) {
            return new Cancelled();
        }
        SigningDecisions.Declarations d = declarations;
        try {
            if (d.apprenticeSigns()) {
                writer.perform(l -> l.declare("apprentice", d.apprenticeName(), Records.declarationText(plan, "apprentice"),
                        base64(d.apprenticePng()), d.apprenticeWay(), d.apprenticeReason()));
            }
            writer.perform(l -> l.declare("assessor", d.assessorName(), Records.declarationText(plan, "assessor"),
                    base64(d.assessorPng())));
        } catch (Exception e) {
            return new Failed(LiveSessionModel.describe(e));
        }
        if (d.saveAssessorSignature()) {
            try {
                identity.saveDrawnSignature(d.assessorPng());
            } catch (Exception e) {
                warn.accept("The drawn signature was not kept: " + e.getMessage());
            }
        }
        Records.Signed signed;
        SignatureReport check;
        try {
            signed = records.signSession(sessionId, unlocked, d.assessorPng(), step -> progress.accept("Signing the record · " + step));
            progress.accept("Signing the record · Checking the signature");
            check = records.check(signed);
            writer.perform(l -> l.recordSigned(signed.record().fileName(), signed.record().sha256(),
                    signed.record().certificateFingerprint()));
        } catch (Exception e) {
            return new Failed(LiveSessionModel.describe(e));
        }
        try {
            backUp.backUp();
        } catch (Exception e) {
            warn.accept("The record is signed, but the automatic backup failed: " + e.getMessage());
        }
        return new Signed(signed.file(), check);
    }

    private static String base64(byte[] png) {
        return png == null ? null : Base64.getEncoder().encodeToString(png);
    }
}
