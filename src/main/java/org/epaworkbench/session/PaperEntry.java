package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;

/**
 * Turns a session recorded on paper into its event log, through the same live-session rules as a session recorded on
 * screen: the clock is set to each time on the form in turn and the action the assessor would have taken is checked and
 * prepared by {@link LiveSession}. Nothing is stored here: the caller stores the events only when the whole form has
 * passed. The first events plan the session and mark it as entered from paper.
 */
public final class PaperEntry {

    /** A rule the paper form breaks, and where on the form. */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        private final String where;

        public Problem(String where, String message) {
            super(message);
            this.where = where;
        }

        public String where() {
            return where;
        }
    }

    /** One thing the assessor did, at a time on the form; {@code order} settles things written at the same minute. */
    private record Step(Instant at, int order, String where, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        PendingEvent prepare(LiveSession live, Component component) throws SessionRuleException, Problem;
    }

    // at the same time: resume, stop questioning, record, start questioning, pause, end
    private static final int RESUME = 0;
    private static final int STOP_QUESTIONING = 1;
    private static final int CLOSE_QUESTION = 2;
    private static final int RECORD = 3;
    private static final int START_QUESTIONING = 4;
    private static final int PAUSE = 5;
    private static final int END = 6;

    private PaperEntry() {
    }

    /**
     * The session's events, checked: planned and marked at the start time, then everything on the form in time order.
     *
     * @param enteredAt when the record is entered (now), kept in the mark
     */
    public static List<SessionEvent> transcribe(String sessionId, AssessmentPlan plan, PaperRecord r, Instant enteredAt,
            SessionSettings settings) throws Problem {
        SessionDetails d = r.details();
        Component component = plan.component(d.componentId()).orElseThrow(() -> new Problem("component",
                "Plan " + plan.id() + " has no component '" + d.componentId() + "'; its components are "
                        + String.join(", ", plan.components().stream().map(Component::id).toList()) + "."));
        if (!d.planId().equals(plan.id())) {
            throw new IllegalArgumentException("details name plan " + d.planId() + ", not " + plan.id());
        }
        if (r.start() == null) {
            throw new Problem("start", "The start time is missing.");
        }
        if (r.end() == null) {
            throw new Problem("end", "The end time is missing: a session entered from paper is a whole session, from start to end.");
        }
        if (!r.end().isAfter(r.start())) {
            throw new Problem("end", "The end (" + time(r, r.end()) + ") is not after the start (" + time(r, r.start()) + ").");
        }
        if (r.start().isAfter(enteredAt)) {
            throw new Problem("start", "The start (" + time(r, r.start()) + ") is in the future; a paper record is entered after the session.");
        }
        List<Step> steps = new ArrayList<>();
        for (PaperRecord.Pause p : r.pauses()) {
            within(r, p.from(), p.where() + ".from");
            within(r, p.until(), p.where() + ".until");
            if (!p.until().isAfter(p.from())) {
                throw new Problem(p.where(), "The pause ends (" + time(r, p.until()) + ") before or when it begins (" + time(r, p.from()) + ").");
            }
            steps.add(new Step(p.from(), PAUSE, p.where(), (live, c) -> {
                // on paper, a pause that begins inside another is two pauses written over each other
                java.util.Optional<Pause> open = live.state().currentPause();
                if (open.isPresent()) {
                    throw new Problem(p.where() + ".from", "This pause begins (" + time(r, p.from()) + ") while the session is already "
                            + "paused (from " + time(r, open.get().from()) + "); pauses must not overlap.");
                }
                return live.pause(p.reason());
            }));
            steps.add(new Step(p.until(), RESUME, p.where() + ".until", (live, c) -> live.resume()));
        }
        for (PaperRecord.Span q : r.questioning()) {
            within(r, q.from(), q.where() + ".from");
            within(r, q.until(), q.where() + ".until");
            if (!q.until().isAfter(q.from())) {
                throw new Problem(q.where(), "The questioning ends (" + time(r, q.until()) + ") before or when it begins (" + time(r, q.from()) + ").");
            }
            steps.add(new Step(q.from(), START_QUESTIONING, q.where() + ".from", (live, c) -> toggle(live, true)));
            steps.add(new Step(q.until(), STOP_QUESTIONING, q.where() + ".until", (live, c) -> toggle(live, false)));
        }
        for (PaperRecord.TimedJudgement j : r.judgements()) {
            within(r, j.at(), j.where() + ".at");
            steps.add(new Step(j.at(), RECORD, j.where(), (live, c) -> live.judge(criterion(c, j.criterion(), j.where()), j.state())));
        }
        for (PaperRecord.TimedNote n : r.notes()) {
            within(r, n.at(), n.where() + ".at");
            steps.add(new Step(n.at(), RECORD, n.where(), (live, c) -> live.note(
                    n.criterion() == null ? null : criterion(c, n.criterion(), n.where()), n.text())));
        }
        for (PaperRecord.TimedEvidence e : r.evidence()) {
            within(r, e.at(), e.where() + ".at");
            steps.add(new Step(e.at(), RECORD, e.where(), (live, c) -> live.evidence(criterion(c, e.criterion(), e.where()),
                    e.reference())));
        }
        for (PaperRecord.TimedQuestion q : r.questions()) {
            within(r, q.at(), q.where() + ".at");
            steps.add(new Step(q.at(), RECORD, q.where(), (live, c) -> live.askQuestion(q.text(), null)));
            for (int i = 0; i < q.followUps().size(); i++) {
                String text = q.followUps().get(i);
                steps.add(new Step(q.at(), RECORD, q.where() + ".followUps[" + i + "]", (live, c) -> live.followUp(text)));
            }
            if (q.closedAt() != null) {
                within(r, q.closedAt(), q.where() + ".closedAt");
                if (q.closedAt().isBefore(q.at())) {
                    throw new Problem(q.where() + ".closedAt", "The question is closed (" + time(r, q.closedAt()) + ") before it was asked ("
                            + time(r, q.at()) + ").");
                }
                steps.add(new Step(q.closedAt(), CLOSE_QUESTION, q.where() + ".closedAt", (live, c) -> live.closeQuestion()));
            }
        }
        steps.add(new Step(r.end(), END, "end", (live, c) -> live.end(r.endReason())));
        // stable: what was written first at the same time stays first
        steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));

        ManualClock clock = new ManualClock(r.start());
        LiveSession live = LiveSession.create(sessionId, plan, component.id(), clock, settings);
        List<SessionEvent> events = new ArrayList<>();
        try {
            commit(live, live.plan(d), events);
            commit(live, live.enteredFromPaper(r.reason(), enteredAt), events);
        } catch (SessionRuleException e) {
            throw new Problem("reason", e.getMessage());
        }
        try {
            commit(live, live.start(), events);
        } catch (SessionRuleException e) {
            throw new Problem("start", e.getMessage());
        }
        for (Step s : steps) {
            Duration ahead = Duration.between(clock.now(), s.at());
            if (!ahead.isNegative()) {
                clock.advance(ahead);
            }
            try {
                commit(live, s.action().prepare(live, component), events);
            } catch (SessionRuleException e) {
                throw new Problem(s.where(), e.getMessage());
            }
        }
        return List.copyOf(events);
    }

    private static void commit(LiveSession live, PendingEvent p, List<SessionEvent> events) {
        live.commit(p);
        events.add(p.event());
    }

    private static PendingEvent toggle(LiveSession live, boolean start) throws SessionRuleException {
        if (live.state().questioningActive() == start) {
            throw new SessionRuleException(start ? "Questioning is already running at this time; questioning times must not overlap."
                    : "Questioning is not running at this time.");
        }
        return live.toggleQuestioning();
    }

    private static String criterion(Component c, String given, String where) throws Problem {
        Optional<Criterion> found = c.criterion(given).or(() -> c.criterionByCode(given));
        return found.map(Criterion::id).orElseThrow(() -> new Problem(where, "There is no criterion '" + given + "' in the "
                + c.title().toLowerCase(java.util.Locale.ROOT) + "; its codes are "
                + String.join(", ", c.criteria().stream().map(Criterion::code).toList()) + "."));
    }

    /** A time as the form has it: "09:30", or "20 Nov 2026 09:30" where the session ran past midnight. */
    private static String time(PaperRecord r, Instant t) {
        java.time.ZonedDateTime z = t.atZone(r.zone());
        boolean sameDay = z.toLocalDate().equals(r.start().atZone(r.zone()).toLocalDate())
                && (r.end() == null || z.toLocalDate().equals(r.end().atZone(r.zone()).toLocalDate()));
        return java.time.format.DateTimeFormatter.ofPattern(sameDay ? (z.getSecond() == 0 ? "HH:mm" : "HH:mm:ss")
                : "d MMM yyyy HH:mm", java.util.Locale.UK).format(z);
    }

    private static void within(PaperRecord r, Instant t, String where) throws Problem {
        if (t == null) {
            throw new Problem(where, "The time is missing.");
        }
        if (t.isBefore(r.start())) {
            throw new Problem(where, "The time (" + time(r, t) + ") is before the session started (" + time(r, r.start()) + ").");
        }
        if (t.isAfter(r.end())) {
            throw new Problem(where, "The time (" + time(r, t) + ") is after the session ended (" + time(r, r.end()) + ").");
        }
    }
}
