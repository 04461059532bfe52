package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;

/**
 * The rules every session log keeps, because the app records by them: the app refuses to record an
 * event that breaks them, and an import refuses a log that breaks them (docs/package-format.md lists
 * the limits). A log is numbered 1, 2, 3… without a gap or a repeat; its first event, and only that,
 * plans the session, for a plan and component that exist; every criterion it names is one of that
 * component's; every text is within its limit.
 */
public final class LogRules {

    /** Events in one session's log. A long observation records a few hundred. */
    public static final int MAX_EVENTS = 20_000;
    /** Characters in a note, a question, a follow-up prompt, a reason or a declaration's statement. */
    public static final int MAX_TEXT = 10_000;
    /** Characters in a location, an ID document, an evidence reference, a name, a file name or an id. */
    public static final int MAX_SHORT = 500;
    /** Characters of a drawn signature (a PNG, in Base64): about 512 KiB of image. */
    public static final int MAX_SIGNATURE = 700_000;

    /**
     * No event is dated before this: the app did not exist, and a computer whose clock says 1970 or 1999 has lost its
     * date (a flat clock battery, a reset), so its times mean nothing.
     */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private LogRules() {
    }

    /**
     * What is wrong with when an event is dated, if anything, for a computer whose clock reads {@code now}: an event is
     * not dated before {@link #EARLIEST}, nor before its session's planning event by more than {@code skew} (another
     * device's clock may be a little behind), nor after {@code now} by more than {@code skew}. The app stamps each event
     * with the clock of the computer that records it, so an event dated otherwise comes from a computer whose clock is
     * wrong, or was dated by hand (to come first, or last, or to move a deadline).
     *
     * @param plannedAt when the session's planning event is dated (null for the planning event itself)
     */
    public static Optional<String> timeProblem(Instant at, Instant plannedAt, Instant now, Duration skew) {
        if (at.isBefore(EARLIEST)) {
            return Optional.of("is dated " + at + ", before " + EARLIEST.atZone(ZoneOffset.UTC).getYear()
                    + ": the clock of the computer that recorded it was wrong (reset, or never set)");
        }
        if (plannedAt != null && at.isBefore(plannedAt.minus(skew))) {
            return Optional.of("is dated " + at + ", " + span(Duration.between(at, plannedAt)) + " before the session was "
                    + "planned (" + plannedAt + "; up to " + skew.toMinutes() + " minutes is allowed): the clock of the "
                    + "computer that recorded it was wrong");
        }
        if (at.isAfter(now.plus(skew))) {
            return Optional.of("is dated " + at + ", " + span(Duration.between(now, at)) + " ahead of this computer's clock ("
                    + now + "; up to " + skew.toMinutes() + " minutes is allowed): the sending computer's clock is wrong (or "
                    + "the date was changed by hand); ask the assessor to set its date and time correctly");
        }
        return Optional.empty();
    }

    /** A length of time in words, roughly: "3 days", "5 hours", "12 minutes". */
    public static String span(Duration d) {
        long days = d.toDays();
        if (days >= 2) {
            return String.format(java.util.Locale.UK, "%,d days", days);
        }
        return d.toHours() >= 2 ? d.toHours() + " hours" : Math.max(1, d.toMinutes()) + " minutes";
    }

    /** Where a log breaks a rule, and which. */
    public record Problem(long seq, String eventId, String type, String why) {
        public String describe() {
            return "event " + seq + (type == null ? "" : " (" + type + ")") + " " + why;
        }
    }

    /**
     * The first rule the log breaks, if any.
     *
     * @param plan the installed plan the log's planning event names, or null if it is not installed
     * @param log the session's events in order, as one version of the log
     */
    public static Optional<Problem> check(AssessmentPlan plan, List<SessionEvent> log) {
        if (log.isEmpty()) {
            return Optional.of(new Problem(1, null, null, "is missing: a session starts with its planning event"));
        }
        if (log.size() > MAX_EVENTS) {
            return Optional.of(new Problem(MAX_EVENTS + 1, log.get(MAX_EVENTS).id(), log.get(MAX_EVENTS).type(),
                    "is one too many: a session's log holds at most " + MAX_EVENTS + " events"));
        }
        Component component = null;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            SessionEvent e = log.get(i);
            long expected = i + 1;
            if (e.seq() != expected) {
                return problem(e, e.seq() < expected ? "repeats position " + e.seq() + " of the log"
                        : "comes after a gap: position " + expected + " is missing");
            }
            if (!ids.add(e.id())) {
                return problem(e, "has the id of an earlier event");
            }
            if (e.body() instanceof EventBody.SessionPlanned p) {
                if (i > 0) {
                    return problem(e, "plans the session a second time: a session has one planning event, its first");
                }
                if (plan == null || !plan.id().equals(p.details().planId())) {
                    return problem(e, "names plan '" + p.details().planId() + "', which is not installed here (import its plan "
                            + "pack first)");
                }
                component = plan.component(p.details().componentId()).orElse(null);
                if (component == null) {
                    return problem(e, "names component '" + p.details().componentId() + "', which plan " + plan.id()
                            + " does not have");
                }
            } else if (i == 0) {
                return problem(e, "comes first, but a session starts with its planning event");
            }
            Optional<String> why = problem(component, e.body());
            if (why.isPresent()) {
                return problem(e, why.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(SessionEvent e, String why) {
        return Optional.of(new Problem(e.seq(), e.id(), e.type(), why));
    }

    /** What is wrong with one event's content for this component, if anything. */
    static Optional<String> problem(Component c, EventBody body) {
        if (body instanceof EventBody.SessionPlanned p) {
            SessionDetails d = p.details();
            return firstOf(tooLong("the location", d.location(), MAX_SHORT), tooLong("the ID document", d.idDocumentSeen(),
                    MAX_SHORT), tooLong("the plan version", d.planVersion(), MAX_SHORT));
        } else if (body instanceof EventBody.DetailsRecorded d) {
            return firstOf(tooLong("the location", d.location(), MAX_SHORT), tooLong("the ID document", d.idDocumentSeen(),
                    MAX_SHORT));
        } else if (body instanceof EventBody.EnteredFromPaper f) {
            return tooLong("the reason it was recorded on paper", f.reason(), MAX_TEXT);
        } else if (body instanceof EventBody.Paused p) {
            return tooLong("the reason", p.reason(), MAX_TEXT);
        } else if (body instanceof EventBody.CriterionJudged j) {
            return criterion(c, j.criterionId());
        } else if (body instanceof EventBody.JudgementCleared j) {
            return criterion(c, j.criterionId());
        } else if (body instanceof EventBody.NoteAdded n) {
            return firstOf(n.criterionId() == null ? Optional.empty() : criterion(c, n.criterionId()),
                    tooLong("the note", n.text(), MAX_TEXT));
        } else if (body instanceof EventBody.EvidenceReferenced r) {
            return firstOf(criterion(c, r.criterionId()), tooLong("the evidence reference", r.reference(), MAX_SHORT));
        } else if (body instanceof EventBody.QuestionAsked q) {
            return firstOf(tooLong("the question", q.text(), MAX_TEXT), tooLong("the question bank id", q.bankId(), MAX_SHORT));
        } else if (body instanceof EventBody.FollowUpAsked f) {
            return tooLong("the follow-up prompt", f.text(), MAX_TEXT);
        } else if (body instanceof EventBody.Ended e) {
            return tooLong("the reason", e.reason(), MAX_TEXT);
        } else if (body instanceof EventBody.DeclarationSigned d) {
            return firstOf(tooLong("the signer's name", d.signerName(), MAX_SHORT), tooLong("the statement", d.statement(),
                    MAX_TEXT), tooLong("the drawn signature", d.signaturePngBase64(), MAX_SIGNATURE),
                    tooLong("the role", d.role(), MAX_SHORT), tooLong("the reason for the way it was made", d.reason(), MAX_TEXT));
        } else if (body instanceof EventBody.RecordSigned r) {
            return firstOf(tooLong("the file name", r.fileName(), MAX_SHORT), tooLong("the SHA-256", r.sha256(), MAX_SHORT),
                    tooLong("the certificate fingerprint", r.certificateFingerprint(), MAX_SHORT));
        } else if (body instanceof EventBody.RecordingConsented r) {
            return firstOf(tooLong("the apprentice's name", r.apprenticeName(), MAX_SHORT),
                    tooLong("the statement", r.statement(), MAX_TEXT));
        } else if (body instanceof EventBody.RecordingExempted r) {
            return tooLong("the reason", r.reason(), MAX_TEXT);
        } else if (body instanceof EventBody.RecordingStarted r) {
            return firstOf(recordingFile(r.fileName()), tooLong("the format", r.format(), MAX_SHORT),
                    tooLong("the device", r.device(), MAX_SHORT));
        } else if (body instanceof EventBody.RecordingPaused r) {
            return recordingFile(r.fileName());
        } else if (body instanceof EventBody.RecordingResumed r) {
            return recordingFile(r.fileName());
        } else if (body instanceof EventBody.RecordingEnded r) {
            return firstOf(recordingFile(r.fileName()), sha256(r.sha256()));
        } else if (body instanceof EventBody.RecordingRepaired r) {
            return firstOf(recordingFile(r.fileName()), sha256(r.sha256()), tooLong("the outcome", r.outcome(), MAX_SHORT),
                    tooLong("the description", r.description(), MAX_TEXT));
        } else if (body instanceof EventBody.RecordingAttached r) {
            return firstOf(recordingFile(r.fileName()), sha256(r.sha256()), tooLong("the format", r.format(), MAX_SHORT));
        } else if (body instanceof EventBody.Amended a) {
            return firstOf(tooLong("the reason", a.reason(), MAX_TEXT), problem(c, a.correction()));
        }
        return Optional.empty();
    }

    /**
     * A recording's file name is a plain name (it is kept beside the session and travels in packages under it): not
     * empty, within {@link #MAX_SHORT}, with no folder in it and no control character.
     */
    static Optional<String> recordingFile(String name) {
        if (name.isBlank() || name.equals(".") || name.equals("..")) {
            return Optional.of("has an empty recording file name");
        }
        if (name.length() > MAX_SHORT) {
            return tooLong("the recording's file name", name, MAX_SHORT);
        }
        if (name.contains("/") || name.contains("\\") || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return Optional.of("names recording file '" + shortened(name) + "', which is not a plain file name");
        }
        return Optional.empty();
    }

    private static Optional<String> sha256(String hex) {
        return hex.matches("[0-9a-f]{64}") ? Optional.empty()
                : Optional.of("has a SHA-256 that is not 64 lower-case hexadecimal digits");
    }

    private static Optional<String> criterion(Component c, String criterionId) {
        if (c == null || criterionId == null || c.criterion(criterionId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("names criterion '" + shortened(criterionId) + "', which the " + c.title().toLowerCase()
                + " does not have");
    }

    /** Whether a text the assessor gives is within its limit; the message says which and by how much. */
    public static Optional<String> tooLong(String what, String text, int limit) {
        if (text == null || text.length() <= limit) {
            return Optional.empty();
        }
        return Optional.of("has " + what + " of " + String.format(java.util.Locale.UK, "%,d", text.length())
                + " characters, more than the " + String.format(java.util.Locale.UK, "%,d", limit) + " the app records");
    }

    @SafeVarargs
    private static Optional<String> firstOf(Optional<String>... checks) {
        for (Optional<String> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static String shortened(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
