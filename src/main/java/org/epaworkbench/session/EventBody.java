package org.epaworkbench.session;

import java.time.Duration;
import java.util.Objects;
import org.epaworkbench.grading.CriterionState;

/** What happened, one record per kind of event. {@link #type()} is the name stored in the log. */
public sealed interface EventBody {

    String type();

    /**
     * The kinds of event an ended session still takes: amendments (corrections, each with a reason),
     * declarations and signed records; and, for its recordings, the end of one that followed the session's end,
     * the repair of one a crash left open, a remote call's recording attached afterwards and an exemption from
     * recording. Anything else after {@code ended} would change a locked record.
     */
    java.util.Set<String> TYPES_AFTER_END = java.util.Set.of("amended", "declaration-signed", "record-signed",
            "recording-ended", "recording-repaired", "recording-attached", "recording-exempted");

    /** Whether an event of this type may follow the session's end. */
    static boolean allowedAfterEnd(String type) {
        return TYPES_AFTER_END.contains(type);
    }

    /** Words for the audit trail. */
    String describe();

    /** The session was set up: apprentice, plan, component, attempt, mode, location, ID seen. */
    record SessionPlanned(SessionDetails details) implements EventBody {
        public SessionPlanned {
            Objects.requireNonNull(details, "details");
        }

        public String type() {
            return "session-planned";
        }

        public String describe() {
            return "Session planned: " + details.componentId() + " (" + details.attempt().word() + "), "
                    + details.mode().label().toLowerCase() + (details.location().isEmpty() ? "" : ", " + details.location());
        }
    }

    /**
     * Mode, location or ID check recorded after the session was planned: directly before the end,
     * as an amendment (with its reason) after it.
     */
    record DetailsRecorded(AssessmentMode mode, String location, String idDocumentSeen) implements EventBody {
        public DetailsRecorded {
            Objects.requireNonNull(mode, "mode");
            location = location == null ? "" : location.strip();
            idDocumentSeen = idDocumentSeen == null ? "" : idDocumentSeen.strip();
        }

        public String type() {
            return "details-recorded";
        }

        public String describe() {
            return "Details: " + mode.label().toLowerCase() + (location.isEmpty() ? "" : ", " + location)
                    + (idDocumentSeen.isEmpty() ? "" : "; ID seen: " + idDocumentSeen);
        }
    }

    /**
     * The session was recorded on paper (for example when the laptop failed on site) and entered afterwards: why, and
     * when it was entered. Its other events carry the times written on the paper form. Follows the planning event.
     */
    record EnteredFromPaper(String reason, java.time.Instant enteredAt) implements EventBody {
        public EnteredFromPaper {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(enteredAt, "enteredAt");
        }

        public String type() {
            return "entered-from-paper";
        }

        public String describe() {
            return "Entered from paper on " + enteredAt + ": " + reason;
        }
    }

    record Started() implements EventBody {
        public String type() {
            return "started";
        }

        public String describe() {
            return "Session started";
        }
    }

    record Paused(String reason) implements EventBody {
        public Paused {
            Objects.requireNonNull(reason, "reason");
        }

        public String type() {
            return "paused";
        }

        public String describe() {
            return "Paused: " + reason;
        }
    }

    record Resumed() implements EventBody {
        public String type() {
            return "resumed";
        }

        public String describe() {
            return "Resumed";
        }
    }

    record QuestioningStarted() implements EventBody {
        public String type() {
            return "questioning-started";
        }

        public String describe() {
            return "Questioning started";
        }
    }

    record QuestioningStopped() implements EventBody {
        public String type() {
            return "questioning-stopped";
        }

        public String describe() {
            return "Questioning stopped";
        }
    }

    record CriterionJudged(String criterionId, CriterionState state) implements EventBody {
        public CriterionJudged {
            Objects.requireNonNull(criterionId, "criterionId");
            Objects.requireNonNull(state, "state");
        }

        public String type() {
            return "criterion-judged";
        }

        public String describe() {
            return criterionId + " judged " + state.label().toLowerCase();
        }
    }

    /** A judgement taken back: the criterion is unjudged again. */
    record JudgementCleared(String criterionId) implements EventBody {
        public String type() {
            return "judgement-cleared";
        }

        public String describe() {
            return criterionId + " judgement cleared";
        }
    }

    /** A note on a criterion, or on the session as a whole when {@code criterionId} is null. */
    record NoteAdded(String criterionId, String text) implements EventBody {
        public NoteAdded {
            Objects.requireNonNull(text, "text");
        }

        public String type() {
            return "note-added";
        }

        public String describe() {
            return (criterionId == null ? "Session note: " : "Note on " + criterionId + ": ") + text;
        }
    }

    /** An evidence reference (e.g. a portfolio item number) attached to a criterion. */
    record EvidenceReferenced(String criterionId, String reference) implements EventBody {
        public EvidenceReferenced {
            Objects.requireNonNull(criterionId, "criterionId");
            Objects.requireNonNull(reference, "reference");
        }

        public String type() {
            return "evidence-referenced";
        }

        public String describe() {
            return "Evidence for " + criterionId + ": " + reference;
        }
    }

    /**
     * A competency question asked in an interview; {@code bankId} names the question-bank entry it
     * came from, or is null for a typed question.
     */
    record QuestionAsked(int number, String text, String bankId) implements EventBody {
        public QuestionAsked {
            Objects.requireNonNull(text, "text");
        }

        public String type() {
            return "question-asked";
        }

        public String describe() {
            return "Question " + number + " asked: " + text;
        }
    }

    /** An "explain further" prompt on a question already asked; not a new question. */
    record FollowUpAsked(int questionNumber, String text) implements EventBody {
        public FollowUpAsked {
            Objects.requireNonNull(text, "text");
        }

        public String type() {
            return "follow-up-asked";
        }

        public String describe() {
            return "Follow-up on question " + questionNumber + ": " + text;
        }
    }

    /**
     * The assessor has finished with a question: its time stops here, not at the next question or
     * the end of the session. Logs without it fold as before (a question runs to the next one).
     */
    record QuestionClosed(int questionNumber) implements EventBody {
        public String type() {
            return "question-closed";
        }

        public String describe() {
            return "Question " + questionNumber + " closed";
        }
    }

    /** The session ended; {@code reason} explains ending outside the duration window, else null. */
    record Ended(String reason, DurationState durationState) implements EventBody {
        public String type() {
            return "ended";
        }

        public String describe() {
            return "Session ended (" + durationState.label().toLowerCase() + ")" + (reason == null ? "" : ": " + reason);
        }
    }

    /**
     * After the app stopped unexpectedly mid-session, the assessor said whether the time it was down
     * counts as session time. {@code stoppedAt} is the session time last known before the stop.
     */
    record GapResolved(Duration stoppedAt, Duration gap, boolean counted) implements EventBody {
        public String type() {
            return "gap-resolved";
        }

        public String describe() {
            return "App stopped at " + ElapsedText.format(stoppedAt) + " for " + ElapsedText.format(gap) + "; "
                    + (counted ? "counted as session time" : "not counted as session time");
        }
    }

    /**
     * A declaration made at the end of the session by the apprentice or the assessor: the words they
     * confirmed, how ({@code way}: drawn on screen, or confirmed remotely by email or voice with the
     * assessor's {@code reason}) and, where drawn on screen, their signature as a PNG image (Base64).
     * Declarations recorded before the way was kept have none ({@code way} null).
     */
    record DeclarationSigned(String role, String signerName, String statement, String signaturePngBase64,
            DeclarationWay way, String reason) implements EventBody {
        public DeclarationSigned {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(signerName, "signerName");
            Objects.requireNonNull(statement, "statement");
        }

        /** A declaration as recorded before the way was kept. */
        public DeclarationSigned(String role, String signerName, String statement, String signaturePngBase64) {
            this(role, signerName, statement, signaturePngBase64, null, null);
        }

        public String type() {
            return "declaration-signed";
        }

        public String describe() {
            if (way != null && way.remote()) {
                return "Declaration by " + signerName + " (" + role + ") " + way.description() + "; reason: " + reason;
            }
            return "Declaration signed by " + signerName + " (" + role + ")"
                    + (signaturePngBase64 == null ? "" : " with a drawn signature");
        }
    }

    /** A signed PDF record of the session was produced: its file name, SHA-256 and the signer's certificate. */
    record RecordSigned(String fileName, String sha256, String certificateFingerprint) implements EventBody {
        public RecordSigned {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(certificateFingerprint, "certificateFingerprint");
        }

        public String type() {
            return "record-signed";
        }

        public String describe() {
            return "Signed record " + fileName + " (SHA-256 " + sha256.substring(0, 12) + "…)";
        }
    }

    /**
     * A correction after the session ended, with its reason: a judgement, a note, evidence, or the
     * mode, location and ID check. The original events stay as they were.
     */
    record Amended(String reason, EventBody correction) implements EventBody {
        public Amended {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(correction, "correction");
            if (!(correction instanceof CriterionJudged || correction instanceof JudgementCleared
                    || correction instanceof NoteAdded || correction instanceof EvidenceReferenced
                    || correction instanceof DetailsRecorded)) {
                throw new IllegalArgumentException("an amendment corrects a judgement, a note, evidence or the session's "
                        + "details, not " + correction.type());
            }
        }

        public String type() {
            return "amended";
        }

        public String describe() {
            return "Amendment (" + reason + "): " + correction.describe();
        }
    }

    // ---- recording the session (issue 16; ADR 0014) ----

    /**
     * The apprentice consented to the session being recorded, before the recording started: their name and the words
     * they agreed to (the plan's wording where it has one, e.g. Highfield's "some footage may be recorded…").
     */
    record RecordingConsented(String apprenticeName, String statement) implements EventBody {
        public RecordingConsented {
            Objects.requireNonNull(apprenticeName, "apprenticeName");
            Objects.requireNonNull(statement, "statement");
        }

        public String type() {
            return "recording-consented";
        }

        public String describe() {
            return "Consent to recording given by " + apprenticeName;
        }
    }

    /**
     * The plan requires a recording and there is none, by an exemption agreed in advance (PAL: "agreed at the
     * assessment planning meeting"): the agreed reason, in the assessor's words. The record says so.
     */
    record RecordingExempted(String reason) implements EventBody {
        public RecordingExempted {
            Objects.requireNonNull(reason, "reason");
        }

        public String type() {
            return "recording-exempted";
        }

        public String describe() {
            return "Exempt from recording: " + reason;
        }
    }

    /**
     * The app began recording the session into {@code fileName} (a name inside the session's recordings folder), in
     * {@code format} (e.g. "Opus in Ogg, 16 kHz mono, 24 kbit/s"), from {@code device}. The event's session time is
     * where the recording's 0 lies.
     */
    record RecordingStarted(String fileName, String format, String device) implements EventBody {
        public RecordingStarted {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(device, "device");
        }

        public String type() {
            return "recording-started";
        }

        public String describe() {
            return "Recording started: " + fileName + " (" + format + ", " + device + ")";
        }
    }

    /** The recording stopped capturing (with the session's pause) at {@code positionMillis} into the file. */
    record RecordingPaused(String fileName, long positionMillis) implements EventBody {
        public RecordingPaused {
            Objects.requireNonNull(fileName, "fileName");
            if (positionMillis < 0) {
                throw new IllegalArgumentException("a position is not negative: " + positionMillis);
            }
        }

        public String type() {
            return "recording-paused";
        }

        public String describe() {
            return "Recording paused at " + ElapsedText.format(Duration.ofMillis(positionMillis)) + " into " + fileName;
        }
    }

    /** The recording captures again, continuing the file at {@code positionMillis}: paused time is not in it. */
    record RecordingResumed(String fileName, long positionMillis) implements EventBody {
        public RecordingResumed {
            Objects.requireNonNull(fileName, "fileName");
            if (positionMillis < 0) {
                throw new IllegalArgumentException("a position is not negative: " + positionMillis);
            }
        }

        public String type() {
            return "recording-resumed";
        }

        public String describe() {
            return "Recording resumed at " + ElapsedText.format(Duration.ofMillis(positionMillis)) + " into " + fileName;
        }
    }

    /** The recording was closed cleanly: what it plays, its size and its SHA-256 (hex, lower case). */
    record RecordingEnded(String fileName, long durationMillis, long sizeBytes, String sha256) implements EventBody {
        public RecordingEnded {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(sha256, "sha256");
            nonNegative(durationMillis, sizeBytes);
        }

        public String type() {
            return "recording-ended";
        }

        public String describe() {
            return "Recording ended: " + fileName + ", " + ElapsedText.format(Duration.ofMillis(durationMillis)) + ", "
                    + sizeBytes + " bytes, SHA-256 " + sha256.substring(0, Math.min(12, sha256.length())) + "…";
        }
    }

    /**
     * A recording the app left open when it stopped (a crash, a power cut) was found on the next start and repaired:
     * {@code outcome} is {@code repaired} (cut to its last whole page), {@code no-audio} (nothing but its headers was
     * saved), {@code intact} (it had ended cleanly), {@code not-repairable} (left as it was) or {@code missing} (no
     * file). {@code keptMillis} plays, {@code lostMillis} is what the torn end held when known (-1 when not), {@code description} says it in
     * words; {@code sizeBytes} and {@code sha256} are the file's after the repair. This also ends the recording.
     */
    record RecordingRepaired(String fileName, String outcome, long keptMillis, long lostMillis, long sizeBytes,
            String sha256, String description) implements EventBody {
        public RecordingRepaired {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(description, "description");
            nonNegative(keptMillis, sizeBytes);
        }

        public String type() {
            return "recording-repaired";
        }

        public String describe() {
            return "Recording " + fileName + " found open after the app stopped: " + description;
        }
    }

    /**
     * A recording made elsewhere (the video call's own, for a remote session) attached to the session: the file's
     * name as kept with the session, its format as the assessor or the file says, SHA-256, duration and size.
     */
    record RecordingAttached(String fileName, String format, String sha256, long durationMillis, long sizeBytes)
            implements EventBody {
        public RecordingAttached {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(sha256, "sha256");
            nonNegative(durationMillis, sizeBytes);
        }

        public String type() {
            return "recording-attached";
        }

        public String describe() {
            return "Recording attached: " + fileName + " (" + format + ", " + ElapsedText.format(Duration.ofMillis(durationMillis))
                    + ", " + sizeBytes + " bytes)";
        }
    }

    private static void nonNegative(long millis, long bytes) {
        if (millis < 0 || bytes < 0) {
            throw new IllegalArgumentException("a duration and a size are not negative: " + millis + " ms, " + bytes + " bytes");
        }
    }
}
