package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.app.ApprenticeFiles.SessionLine;
import org.epaworkbench.assessment.AttemptHistory;
import org.epaworkbench.assessment.Deadline;
import org.epaworkbench.assessment.ReassessmentDeadlines;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.OverallResult;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptCap;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Citation;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Grade;
import org.epaworkbench.ui.common.Dates;

/**
 * What the Results tab says and decides, without FX: each attempt at each component in words with its
 * grade, what drove the latest grade, after a fail the resit or retake deadlines with the plan's cap and
 * whether a retake goes through the gateway again, and the overall result with whether it may be signed.
 */
final class ResultsViewModel {

    static final String NO_CAP = "The plan's sources state no grade cap for a resit or retake.";
    static final String RETAKE_GATEWAY = "A retake comes after further learning and goes through the gateway again; a resit does not.";
    static final String SIGNED = "The overall result is signed (see Records).";

    /**
     * The overall result: its grade in words, the engine's explanation, a note beneath it (why it could not
     * be graded, or that it is signed), and whether it may be signed now.
     */
    record Overall(String grade, List<String> explanation, Optional<String> note, boolean signable) {
    }

    /** One session at a component: "Resit  ·  ended 3 Mar 2026", with its grade once it has ended. */
    record AttemptLine(String sessionId, String text, Optional<ComponentResult> result) {
    }

    /** A line with the plan's source beside it. */
    record Sourced(String text, Citation source) {
    }

    /**
     * After a fail: the resit or retake deadlines (and a failed project's rework deadline), whether a retake
     * goes through the gateway again, and the plan's cap (none when its sources state none).
     */
    record Reassessment(List<Deadline> deadlines, LocalDate today, Optional<Sourced> retakeGateway, Optional<Sourced> cap) {
    }

    /**
     * One component's panel: its latest grade, "No session yet…" or each session, the planned resit or retake,
     * what drove the latest grade, and what follows a fail.
     */
    record ComponentResults(String componentId, String title, Optional<ComponentResult> latest, Optional<String> noSession,
            List<AttemptLine> attempts, Optional<String> nextAttempt, List<String> explanation, Optional<Reassessment> reassessment) {
    }

    private final AssessmentPlan plan;
    private final Supplier<LocalDate> today;

    /** @param today today where the assessor is, by the app's clock */
    ResultsViewModel(AssessmentPlan plan, Supplier<LocalDate> today) {
        this.plan = plan;
        this.today = today;
    }

    /** The overall result; it may be signed once complete with a grade and not signed already. */
    static Overall overall(ApprenticeFile f) {
        Optional<OverallResult> o = f.result().map(r -> r.overall());
        if (o.isEmpty()) {
            return new Overall("Not graded", List.of(), Optional.of(f.gradingProblem().orElse("")), false);
        }
        OverallResult r = o.get();
        boolean signed = f.epa().overallSigned();
        return new Overall(r.complete() ? r.grade().label() + (r.capped() ? " (capped)" : "") : "Not complete yet", r.explanation(),
                signed ? Optional.of(SIGNED) : Optional.empty(), r.complete() && !signed && r.grade() != null);
    }

    /** A panel for each of the plan's components, in the plan's order. */
    List<ComponentResults> components(ApprenticeFile f) {
        return plan.components().stream().map(c -> component(f, c)).toList();
    }

    ComponentResults component(ApprenticeFile f, Component c) {
        List<SessionLine> lines = f.sessionsOf(c.id());
        AttemptHistory history = f.epa().history();
        Optional<ComponentResult> latest = f.result().flatMap(r -> r.component(c.id()));
        Optional<String> noSession = lines.isEmpty() ? Optional.of("No session yet" + f.epa().schedule().plannedDate(c.id())
                .map(d -> "; planned for " + Dates.show(d)).orElse(".")) : Optional.empty();
        Optional<String> next = !lines.isEmpty() && history.current(c.id()) > history.of(c.id()).size()
                ? f.epa().schedule().plannedDate(c.id(), history.current(c.id())).map(d -> "Resit or retake planned for " + Dates.show(d) + ".")
                : Optional.empty();
        Optional<Reassessment> reassessment = latest.filter(r -> r.grade() == Grade.FAIL).map(r -> reassessment(history, c));
        return new ComponentResults(c.id(), c.title(), latest, noSession, lines.stream().map(ResultsViewModel::attempt).toList(), next,
                latest.map(ComponentResult::explanation).orElse(List.of()), reassessment);
    }

    /** "First attempt  ·  ended 3 Mar 2026" (the day it ended in the workbench's time zone, as the rules count it), "Resit  ·  paused". */
    static AttemptLine attempt(SessionLine l) {
        var s = l.session();
        String when = l.endedOn().map(d -> "ended " + Dates.show(d))
                .orElse(s.startedAt() != null ? s.status().label().toLowerCase() : "not started");
        return new AttemptLine(s.id(), attemptWord(s.attempt()) + "  ·  " + when, l.result());
    }

    private Reassessment reassessment(AttemptHistory history, Component c) {
        Optional<Sourced> again = Optional.ofNullable(plan.epa().retakeGateway()).map(g -> new Sourced(RETAKE_GATEWAY, g.source()));
        AttemptCap cap = plan.attemptCap();
        Optional<Sourced> capLine = Optional.ofNullable(cap).map(k -> new Sourced("A " + String.join(" or ", k.attempts().stream()
                .sorted().map(AttemptKind::word).toList()) + " is capped at " + k.maxGrade().label() + " (" + k.scope().word() + " grade)"
                + (k.waivedForExceptionalCircumstances() ? ", unless the organisation accepts exceptional circumstances." : "."),
                k.source()));
        return new Reassessment(ReassessmentDeadlines.of(plan, c.id(), history), today.get(), again, capLine);
    }

    /** A grade in words: "Pass", "Pass (capped from Distinction)". */
    static String gradeWords(ComponentResult r) {
        return r.grade().label() + (r.capped() ? " (capped from " + r.uncappedGrade().label() + ")" : "");
    }

    static String attemptWord(AttemptKind k) {
        return switch (k) {
            case FIRST -> "First attempt";
            case RESIT -> "Resit";
            case RETAKE -> "Retake";
        };
    }
}
