package org.epaworkbench.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.epaworkbench.grading.CriterionState;

/**
 * A session as the assessor wrote it on the paper form when the laptop could not be used: what it was (apprentice, plan,
 * component, attempt, mode, location, ID seen), why it was recorded on paper, the clock times of its start, pauses,
 * questioning and end, and the judgements, notes, evidence and questions with their times.
 *
 * <p>Each timed item carries {@code where}: how the form or file names it (e.g. {@code $.pauses[0]} or "Pause 1"), so a
 * rule it breaks can be reported where the assessor wrote it. {@code zone} is the time zone the form's clock times are in;
 * problems name times in it, as the form has them.
 */
public record PaperRecord(
        SessionDetails details,
        String reason,
        Instant start,
        List<Pause> pauses,
        List<Span> questioning,
        Instant end,
        String endReason,
        List<TimedJudgement> judgements,
        List<TimedNote> notes,
        List<TimedEvidence> evidence,
        List<TimedQuestion> questions,
        java.time.ZoneId zone) {

    public PaperRecord {
        Objects.requireNonNull(details, "details");
        zone = zone == null ? java.time.ZoneId.systemDefault() : zone;
        pauses = List.copyOf(pauses);
        questioning = List.copyOf(questioning);
        judgements = List.copyOf(judgements);
        notes = List.copyOf(notes);
        evidence = List.copyOf(evidence);
        questions = List.copyOf(questions);
    }

    /** A pause from {@code from} until {@code until}, with its reason. */
    public record Pause(Instant from, Instant until, String reason, String where) {
    }

    /** A stretch of questioning time, from {@code from} until {@code until}. */
    public record Span(Instant from, Instant until, String where) {
    }

    /** {@code criterion} is the criterion's code as the form shows it, or its id. */
    public record TimedJudgement(String criterion, CriterionState state, Instant at, String where) {
    }

    /** A note on a criterion (by code or id), or on the whole session when {@code criterion} is null. */
    public record TimedNote(String criterion, String text, Instant at, String where) {
    }

    public record TimedEvidence(String criterion, String reference, Instant at, String where) {
    }

    /** An interview question asked at {@code at}, closed at {@code closedAt} (or when the next is asked), with its follow-ups. */
    public record TimedQuestion(String text, Instant at, Instant closedAt, List<String> followUps, String where) {
        public TimedQuestion {
            followUps = followUps == null ? List.of() : List.copyOf(followUps);
        }
    }
}
