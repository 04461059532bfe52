package org.epaworkbench.ui.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AskedQuestion;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.GapQuestion;
import org.epaworkbench.session.Judgement;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.app.RecordedSession;

/**
 * What the session screen decides when the assessor judges, notes, pauses or ends (issue 14): the same
 * key twice clears a judgement; after the end every change is an amendment with a reason; a pause
 * starts at the press and its reason is added to it; ending outside the plan's window needs a reason,
 * and the end dialog names the criteria never judged; start and resume, questioning, the next question
 * from the bank, follow-ups, judgements by key too fast for a person, and leaving a running session. No JavaFX: the screen hands it its dialogs and
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

    /** Starts a planned session, resumes a paused one; nothing otherwise. */
    public void startOrResume() {
        SessionStatus st = session.snapshot().state().status();
        if (st == SessionStatus.PLANNED) {
            session.perform(l -> l.start(), NOTHING);
        } else if (st == SessionStatus.PAUSED) {
            session.perform(l -> l.resume(), NOTHING);
        }
    }

    /** Questioning time on or off, where the plan times questioning; nothing otherwise. */
    public void toggleQuestioning() {
        if (session.snapshot().component().questioning() != null) {
            session.perform(l -> l.toggleQuestioning(), NOTHING);
        }
    }

    /** Closes the current question, where the plan counts questions; nothing otherwise. */
    public void closeQuestion() {
        if (session.snapshot().component().questionCount() != null) {
            session.perform(l -> l.closeQuestion(), NOTHING);
        }
    }

    /** The question the bank is opened for: its number, and the bank's questions already asked (not offered twice). */
    public record NextQuestion(int number, Set<String> askedFromBank) {
    }

    /**
     * Whether to open the question bank, and for which question. Empty when the component counts no
     * questions, when all are asked (the interview panel says so, calmly), or when the session is not
     * running (then the rule's reason is shown, as for any action refused).
     */
    public Optional<NextQuestion> nextQuestion() {
        LiveSnapshot s = session.snapshot();
        if (s.component().questionCount() == null) {
            return Optional.empty();
        }
        int next = s.state().questions().size() + 1;
        var count = s.component().questions();
        if (count.isPresent() && next > count.get().exactly()) {
            return Optional.empty();
        }
        if (!s.state().running()) {
            session.perform(l -> l.askQuestion("(refused)", null), NOTHING); // shows the rule's reason
            return Optional.empty();
        }
        Set<String> asked = new HashSet<>();
        s.state().questions().stream().map(AskedQuestion::bankId).filter(id -> id != null).forEach(asked::add);
        return Optional.of(new NextQuestion(next, Set.copyOf(asked)));
    }

    /** Records the question chosen or typed ({@code bankId} null for one typed). */
    public void ask(String text, String bankId) {
        session.perform(l -> l.askQuestion(text, bankId), NOTHING);
    }

    /** A follow-up prompt on the current question, asked for here; with no question open the rule says why not. */
    public void followUp(Asker asker) {
        Optional<AskedQuestion> current = session.snapshot().state().currentQuestion();
        if (current.isEmpty()) {
            session.perform(l -> l.followUp("-"), NOTHING);
            return;
        }
        asker.reason("Explain further", "Follow-up prompt on question " + current.get().number() + ": " + current.get().text(),
                "e.g. Can you explain that further?", null).ifPresent(text -> session.perform(l -> l.followUp(text), NOTHING));
    }

    /** More judgements by key than this of one criterion within {@link #BURST_WINDOW} are held. */
    static final int BURST_LIMIT = 3;
    static final Duration BURST_WINDOW = Duration.ofSeconds(1);

    /** A judgement by key held back as faster than a person judges: what to say, and the button that applies it. */
    public record Held(String text, String apply, Criterion criterion, CriterionState state) {
    }

    /** Judgements by key of one criterion, as monotonic clock readings, newest last. */
    private final Map<String, ArrayDeque<Long>> keyJudgements = new HashMap<>();

    /**
     * A judgement by key at {@code nanos} (the monotonic clock). More than {@value #BURST_LIMIT} of the same
     * criterion within a second is faster than a person judges (typed text reaching the list): it is held,
     * not applied, and returned to be offered; otherwise it is judged as {@link #judge} does.
     */
    public Optional<Held> judgeByKey(Criterion criterion, CriterionState state, long nanos, Asker asker) {
        ArrayDeque<Long> times = keyJudgements.computeIfAbsent(criterion.id(), id -> new ArrayDeque<>());
        while (!times.isEmpty() && nanos - times.peekFirst() >= BURST_WINDOW.toNanos()) {
            times.removeFirst();
        }
        times.addLast(nanos);
        if (times.size() <= BURST_LIMIT) {
            judge(criterion, state, asker);
            return Optional.empty();
        }
        Judgement current = session.snapshot().state().judgements().get(criterion.id());
        boolean clear = current != null && current.state() == state;
        String now = current == null ? "not judged" : current.state().label().toLowerCase(Locale.ROOT);
        String c = criterion.code();
        return Optional.of(new Held(c + " was changed more than " + BURST_LIMIT + " times within a second by keys, faster "
                + "than a person judges: typed text may have reached the criteria list. The last change was not applied; "
                + c + " stays " + now + ".", clear ? "Clear " + c : "Mark " + c + " " + state.label().toLowerCase(Locale.ROOT),
                criterion, state));
    }

    /** What the assessor chooses on leaving a running session. */
    public enum Leaving {
        /** Pause it (with a reason), then leave. */
        PAUSE,
        /** Leave it running: it stays open in the app, its heartbeat saving the time. */
        KEEP_RUNNING,
        /** Stay on the screen. */
        STAY
    }

    /** The question asked on leaving a running session. */
    public interface LeaveAsker {
        Leaving runningSession();
    }

    /**
     * Leaving the screen: a running session (with no gap question pending) asks first whether to pause it,
     * keep it running or stay; a pause starts when it is chosen and needs its reason. {@code left} runs
     * once the screen may go (after the pause is saved).
     */
    public void leave(LeaveAsker leaving, Asker asker, Runnable left) {
        LiveSnapshot s = session.snapshot();
        if (s.state().running() && s.gap().isEmpty()) {
            Leaving choice = leaving.runningSession();
            if (choice == Leaving.STAY) {
                return;
            }
            if (choice == Leaving.PAUSE) {
                SessionClock.Reading pressed = session.now();
                asker.reason("Pause", "Paused at " + ElapsedText.format(session.elapsedNow())
                                + ": the time spent writing the reason is not session time. Why is the session pausing?",
                        "e.g. apprentice comfort break, moving to another area", null)
                        .ifPresent(reason -> session.perform(l -> l.pause(reason, pressed), left));
                return;
            }
        }
        left.run();
    }

    /** The question after a crash: did the session carry on while the app was closed? Empty if the dialog was closed. */
    public interface GapAsker {
        Optional<Boolean> carriedOn(GapQuestion question);
    }

    private boolean askingAboutGap;

    /**
     * After a crash, asks once (not again while the answer is being saved) whether the time the app was
     * closed was session time; closing the dialog counts it, as "yes" is the default answer.
     */
    public void gap(GapAsker asker) {
        Optional<GapQuestion> q = session.snapshot().gap();
        if (q.isEmpty() || askingAboutGap) {
            return;
        }
        askingAboutGap = true;
        boolean counted = asker.carriedOn(q.get()).orElse(true);
        session.perform(l -> l.resolveGap(counted), () -> askingAboutGap = false);
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
