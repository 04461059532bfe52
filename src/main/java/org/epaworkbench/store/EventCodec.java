package org.epaworkbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.DeclarationWay;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.SessionDetails;

/**
 * Writes and reads event bodies as JSON payloads. The format is stored and exported, so it is
 * explicit here rather than left to reflection: fields are added, never renamed.
 */
public final class EventCodec {

    private EventCodec() {
    }

    public static String encode(EventBody body) {
        return toJson(body).toString();
    }

    public static ObjectNode toJson(EventBody body) {
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        if (body instanceof EventBody.SessionPlanned p) {
            SessionDetails d = p.details();
            n.put("apprenticeId", d.apprenticeId()).put("planId", d.planId()).put("planVersion", d.planVersion())
                    .put("componentId", d.componentId()).put("attempt", d.attempt().word()).put("mode", d.mode().word())
                    .put("location", d.location()).put("idDocumentSeen", d.idDocumentSeen());
        } else if (body instanceof EventBody.DetailsRecorded d) {
            n.put("mode", d.mode().word()).put("location", d.location()).put("idDocumentSeen", d.idDocumentSeen());
        } else if (body instanceof EventBody.EnteredFromPaper p) {
            n.put("reason", p.reason()).put("enteredAt", p.enteredAt().toString());
        } else if (body instanceof EventBody.Paused p) {
            n.put("reason", p.reason());
        } else if (body instanceof EventBody.CriterionJudged j) {
            n.put("criterionId", j.criterionId()).put("state", j.state().word());
        } else if (body instanceof EventBody.JudgementCleared c) {
            n.put("criterionId", c.criterionId());
        } else if (body instanceof EventBody.NoteAdded note) {
            n.put("criterionId", note.criterionId()).put("text", note.text());
        } else if (body instanceof EventBody.EvidenceReferenced r) {
            n.put("criterionId", r.criterionId()).put("reference", r.reference());
        } else if (body instanceof EventBody.QuestionAsked q) {
            n.put("number", q.number()).put("text", q.text()).put("bankId", q.bankId());
        } else if (body instanceof EventBody.QuestionClosed q) {
            n.put("questionNumber", q.questionNumber());
        } else if (body instanceof EventBody.FollowUpAsked f) {
            n.put("questionNumber", f.questionNumber()).put("text", f.text());
        } else if (body instanceof EventBody.Ended e) {
            n.put("reason", e.reason()).put("durationState", e.durationState().name());
        } else if (body instanceof EventBody.GapResolved g) {
            n.put("stoppedAtMs", g.stoppedAt().toMillis()).put("gapMs", g.gap().toMillis()).put("counted", g.counted());
        } else if (body instanceof EventBody.DeclarationSigned d) {
            n.put("role", d.role()).put("signerName", d.signerName()).put("statement", d.statement())
                    .put("signaturePngBase64", d.signaturePngBase64());
            // added later: absent from declarations recorded before, so their stored form is unchanged
            if (d.way() != null) {
                n.put("way", d.way().word());
            }
            if (d.reason() != null) {
                n.put("reason", d.reason());
            }
        } else if (body instanceof EventBody.RecordSigned r) {
            n.put("fileName", r.fileName()).put("sha256", r.sha256()).put("certificateFingerprint", r.certificateFingerprint());
        } else if (body instanceof EventBody.RecordingConsented c) {
            n.put("apprenticeName", c.apprenticeName()).put("statement", c.statement());
        } else if (body instanceof EventBody.RecordingExempted x) {
            n.put("reason", x.reason());
        } else if (body instanceof EventBody.RecordingStarted s) {
            n.put("fileName", s.fileName()).put("format", s.format()).put("device", s.device());
        } else if (body instanceof EventBody.RecordingPaused p) {
            n.put("fileName", p.fileName()).put("positionMs", p.positionMillis());
        } else if (body instanceof EventBody.RecordingResumed r) {
            n.put("fileName", r.fileName()).put("positionMs", r.positionMillis());
        } else if (body instanceof EventBody.RecordingEnded r) {
            n.put("fileName", r.fileName()).put("durationMs", r.durationMillis()).put("sizeBytes", r.sizeBytes())
                    .put("sha256", r.sha256());
        } else if (body instanceof EventBody.RecordingRepaired r) {
            n.put("fileName", r.fileName()).put("outcome", r.outcome()).put("keptMs", r.keptMillis())
                    .put("lostMs", r.lostMillis()).put("sizeBytes", r.sizeBytes()).put("sha256", r.sha256())
                    .put("description", r.description());
        } else if (body instanceof EventBody.RecordingAttached r) {
            n.put("fileName", r.fileName()).put("format", r.format()).put("sha256", r.sha256())
                    .put("durationMs", r.durationMillis()).put("sizeBytes", r.sizeBytes());
        } else if (body instanceof EventBody.Amended a) {
            n.put("reason", a.reason()).put("correctionType", a.correction().type());
            n.set("correction", toJson(a.correction()));
        }
        return n;
    }

    public static EventBody decode(String type, String payload) {
        try {
            return fromJson(type, JsonFiles.mapper().readTree(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not JSON at " + JsonFiles.where(e) + ": "
                    + JsonFiles.plainMessage(e), e);
        }
    }

    public static EventBody fromJson(String type, JsonNode n) {
        switch (type) {
            case "session-planned":
                return new EventBody.SessionPlanned(new SessionDetails(text(n, "apprenticeId"), text(n, "planId"),
                        text(n, "planVersion"), text(n, "componentId"), AttemptKind.fromWord(text(n, "attempt")),
                        AssessmentMode.fromWord(text(n, "mode")), text(n, "location"), text(n, "idDocumentSeen")));
            case "details-recorded":
                return new EventBody.DetailsRecorded(AssessmentMode.fromWord(text(n, "mode")), text(n, "location"),
                        text(n, "idDocumentSeen"));
            case "entered-from-paper":
                return new EventBody.EnteredFromPaper(text(n, "reason"), java.time.Instant.parse(text(n, "enteredAt")));
            case "started":
                return new EventBody.Started();
            case "paused":
                return new EventBody.Paused(text(n, "reason"));
            case "resumed":
                return new EventBody.Resumed();
            case "questioning-started":
                return new EventBody.QuestioningStarted();
            case "questioning-stopped":
                return new EventBody.QuestioningStopped();
            case "criterion-judged":
                return new EventBody.CriterionJudged(text(n, "criterionId"), CriterionState.fromWord(text(n, "state")));
            case "judgement-cleared":
                return new EventBody.JudgementCleared(text(n, "criterionId"));
            case "note-added":
                return new EventBody.NoteAdded(text(n, "criterionId"), text(n, "text"));
            case "evidence-referenced":
                return new EventBody.EvidenceReferenced(text(n, "criterionId"), text(n, "reference"));
            case "question-asked":
                return new EventBody.QuestionAsked(n.get("number").asInt(), text(n, "text"), text(n, "bankId"));
            case "question-closed":
                return new EventBody.QuestionClosed(n.get("questionNumber").asInt());
            case "follow-up-asked":
                return new EventBody.FollowUpAsked(n.get("questionNumber").asInt(), text(n, "text"));
            case "ended":
                return new EventBody.Ended(text(n, "reason"), DurationState.valueOf(text(n, "durationState")));
            case "gap-resolved":
                return new EventBody.GapResolved(Duration.ofMillis(n.get("stoppedAtMs").asLong()),
                        Duration.ofMillis(n.get("gapMs").asLong()), n.get("counted").asBoolean());
            case "declaration-signed":
                return new EventBody.DeclarationSigned(text(n, "role"), text(n, "signerName"), text(n, "statement"),
                        text(n, "signaturePngBase64"), n.hasNonNull("way") ? DeclarationWay.ofWord(text(n, "way"))
                                .orElseThrow(() -> new IllegalArgumentException("unknown declaration way '" + text(n, "way")
                                        + "'")) : null, text(n, "reason"));
            case "record-signed":
                return new EventBody.RecordSigned(text(n, "fileName"), text(n, "sha256"), text(n, "certificateFingerprint"));
            case "recording-consented":
                return new EventBody.RecordingConsented(text(n, "apprenticeName"), text(n, "statement"));
            case "recording-exempted":
                return new EventBody.RecordingExempted(text(n, "reason"));
            case "recording-started":
                return new EventBody.RecordingStarted(text(n, "fileName"), text(n, "format"), text(n, "device"));
            case "recording-paused":
                return new EventBody.RecordingPaused(text(n, "fileName"), number(n, "positionMs"));
            case "recording-resumed":
                return new EventBody.RecordingResumed(text(n, "fileName"), number(n, "positionMs"));
            case "recording-ended":
                return new EventBody.RecordingEnded(text(n, "fileName"), number(n, "durationMs"), number(n, "sizeBytes"),
                        text(n, "sha256"));
            case "recording-repaired":
                return new EventBody.RecordingRepaired(text(n, "fileName"), text(n, "outcome"), number(n, "keptMs"),
                        number(n, "lostMs"), number(n, "sizeBytes"), text(n, "sha256"), text(n, "description"));
            case "recording-attached":
                return new EventBody.RecordingAttached(text(n, "fileName"), text(n, "format"), text(n, "sha256"),
                        number(n, "durationMs"), number(n, "sizeBytes"));
            case "amended":
                return new EventBody.Amended(text(n, "reason"), fromJson(text(n, "correctionType"), n.get("correction")));
            default:
                throw new IllegalArgumentException("unknown event type '" + type + "'");
        }
    }

    /** A whole number the payload must have. */
    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return v.asLong();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
