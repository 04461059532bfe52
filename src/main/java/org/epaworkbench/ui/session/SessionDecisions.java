package org.epaworkbench.ui.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.Judgement;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.app.RecordedSession;

/**
 * What the session screen decides when the assessor judges, notes, pauses or ends (issue 14): the same
 * key twice clears a judgement; after the end every change is an amendment with a reason; a pause
 * starts at the press and its reason is added to it; ending outside the plan's window needs a reason,
 * and the end dialog names the criteria never judged. No JavaFX: the screen hands it its dialogs and
 * the session's log, and tests answer the dialogs themselves.
 */
public final class SessionDecisions {

    /** The dialogs a decision may need; {@code detail} (may be null) is shown under the question. */
    public interface Asker {
        Optional<String> reason(String title, String question, String prompt, String detail);

        boolean confirm(String title, String question, String yes, String detail);
    }

    /** The running session as the decisions see it. */
    public interface Session {
        LiveSnapshot snapshot();

        Duration elapsedNow();

        DurationState durationStateNow();

        /** The session clock now: the moment a button was pressed. */
        SessionClock.Reading now();

        /** Saves an action in the session's log; {@code afterCommit} runs only once it is saved. */
        void perform(RecordedSession.Action action, Runnable afterCommit);
    }

    private static final Runnable NOTHING = () -> { };

    private final Session session;

    public SessionDecisions(Session session) {
        this.session = session;
    }

    /** Marks a criterion; the same state again clears it; after the end, either is an amendment with a reason. */
    public void judge(Criterion criterion, CriterionState state, Asker asker) {
        LiveSnapshot s = session.snapshot();
        Judgement current = s.state().judgements().get(criterion.id());
        boolean clear = current != null && current.state() == state;
        if (s.state().ended()) {
            amend(clear ? new EventBody.JudgementCleared(criterion.id()) : new EventBody.CriterionJudged(criterion.id(), state),
                    NOTHING, asker);
        } else if (clear) {
            session.perform(l -> l.clearJudgement(criterion.id()), NOTHING);
        } else {
            session.perform(l -> l.judge(criterion.id(), state), NOTHING);
        }
    }

    /** A note on a criterion; after the end an amendment. {@code afterCommit} (e.g. empty the box) runs once saved. */
    public void note(Criterion criterion, String text, Runnable afterCommit, Asker asker) {
        if (session.snapshot().state().ended()) {
            amend(new EventBody.NoteAdded(criterion.id(), text.strip()), afterCommit, asker);
        } else {
            session.perform(l -> l.note(criterion.id(), text), afterCommit);
        }
    }

    /** An evidence reference on a criterion; after the end an amendment. */
    public void evidence(Criterion criterion, String reference, Runnable afterCommit, Asker asker) {
        if (session.snapshot().state().ended()) {
            amend(new EventBody.EvidenceReferenced(criterion.id(), reference.strip()), afterCommit, asker);
        } else {
            session.perform(l -> l.evidence(criterion.id(), reference), afterCommit);
        }
    }

    /** A note on the whole session, asked for here; after the end an amendment. */
    public void sessionNote(Asker asker) {
        boolean ended = session.snapshot().state().ended();
        asker.reason("Session note", ended ? "Note on the whole session (recorded as an amendment)"
                        : "Note on the whole session at " + ElapsedText.format(session.elapsedNow()),
                "e.g. apprentice moved to the returns desk", null)
                .ifPresent(text -> {
                    if (ended) {
                        amend(new EventBody.NoteAdded(null, text), NOTHING, asker);
                    } else {
                        session.perform(l -> l.note(null, text), NOTHING);
                    }
                });
    }

    /** Pauses at the press: the time spent writing the reason is not session time. */
    public void pause(Asker asker) {
        if (session.snapshot().state().status() != SessionStatus.RUNNING) {
            session.perform(l -> l.pause("-"), NOTHING); // the rule says why not
            return;
        }
        SessionClock.Reading pressed = session.now();
        asker.reason("Pause", "Paused at " + ElapsedText.format(session.elapsedNow())
                        + ": the time spent writing the reason is not session time. Why is the session pausing?",
                "e.g. fire alarm, apprentice comfort break, customer data protection", null)
                .ifPresent(reason -> session.perform(l -> l.pause(reason, pressed), NOTHING));
    }

    /** Ends the session: a reason when outside the plan's window, a confirmation otherwise; both name what was never judged. */
    public void end(Asker asker) {
        SessionStatus st = session.snapshot().state().status();
        if (st != SessionStatus.RUNNING && st != SessionStatus.PAUSED) {
            session.perform(l -> l.end(null), NOTHING); // the rule says why not
            return;
        }
        DurationState ds = session.durationStateNow();
        Duration elapsed = session.elapsedNow();
        String notJudged = neverJudged().orElse(null);
        if (ds.outsideWindow()) {
            String where = ds == DurationState.BEFORE_MINIMUM ? "before the minimum" : "after the maximum";
            asker.reason("End the session", "Ending now, at " + ElapsedText.format(elapsed) + ", is " + where
                            + ": the plan allows " + session.snapshot().component().timing().describe()
                            + ". Why? The session ends when you record the reason.",
                    "e.g. apprentice unwell; all criteria evidenced early; store emergency", notJudged)
                    .ifPresent(reason -> session.perform(l -> l.end(reason), NOTHING));
        } else if (asker.confirm("End the session", "End the session at " + ElapsedText.format(elapsed)
                + "? After the end the record is locked; corrections become amendments with a reason.", "End session",
                notJudged)) {
            session.perform(l -> l.end(null), NOTHING);
        }
    }

    /** The criteria with no judgement, in words for the end dialog; empty when every criterion is judged. */
    public Optional<String> neverJudged() {
        LiveSnapshot s = session.snapshot();
        List<Criterion> all = s.component().criteria();
        List<String> codes = all.stream().filter(c -> !s.state().judgements().containsKey(c.id())).map(Criterion::code).toList();
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Never judged: " + codes.size() + " of " + all.size() + " criteria — " + String.join(", ", codes)
                + ". After the end they can be judged only as amendments, each with a reason.");
    }

    /** Asks for the amendment's reason; {@code afterCommit} runs only once the amendment is saved. */
    private void amend(EventBody change, Runnable afterCommit, Asker asker) {
        asker.reason("Amend the record", "The session has ended, so this is recorded as an amendment: " + change.describe()
                        + ". Why is it being corrected?", "e.g. misclicked during the session; evidence confirmed afterwards", null)
                .ifPresent(reason -> session.perform(l -> l.amend(reason, change), afterCommit));
    }
}
