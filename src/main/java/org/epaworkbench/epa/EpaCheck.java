package org.epaworkbench.epa;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.Wording;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.EpaRules;

/**
 * Checks an apprentice's gateway and planned dates against the plan's rules, before the dates
 * arrive: minimum time on programme, the EPA window, the project deadline, submissions due before
 * a component, notice periods, the recommended order, the project proposal. Every flag names the
 * rule's source. Nothing here knows one organisation from another: the rules are the plan's data.
 */
public final class EpaCheck {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

    /** The dates the rules give and what they flag. */
    public record Report(List<Deadline> deadlines, List<Flag> flags) {
        public Report {
            deadlines = List.copyOf(deadlines);
            flags = List.copyOf(flags);
        }

        public boolean hasProblems() {
            return flags.stream().anyMatch(f -> f.severity() == Flag.Severity.PROBLEM);
        }
    }

    private EpaCheck() {
    }

    public static Report check(AssessmentPlan plan, GatewayRecord g, EpaSchedule s, LocalDate today) {
        return check(plan, g, s, List.of(), today);
    }

    /**
     * As {@link #check(AssessmentPlan, GatewayRecord, EpaSchedule, LocalDate)}, knowing the attempts so far: a
     * component whose latest attempt failed is planned again as a resit or retake, which the plan's reassessment
     * time limit governs instead of the EPA window.
     */
    public static Report check(AssessmentPlan plan, GatewayRecord g, EpaSchedule s, List<Attempt> attempts, LocalDate today) {
        EpaRules rules = plan.epa();
        List<Deadline> deadlines = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        LocalDate gateway = g.gatewayDate();

        // gateway
        EpaRules.MinimumOnProgramme min = rules.minimumOnProgramme();
        if (min != null && g.apprenticeshipStart() != null) {
            LocalDate earliest = min.days() != null ? g.apprenticeshipStart().plusDays(min.days())
                    : g.apprenticeshipStart().plusMonths(min.months());
            deadlines.add(new Deadline("Earliest gateway (" + min.describe() + " on programme)", earliest, min.source()));
            if (gateway != null && gateway.isBefore(earliest)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, "Gateway", "Gateway on " + day(gateway) + " is "
                        + Wording.count(ChronoUnit.DAYS.between(g.apprenticeshipStart(), gateway), "day")
                        + " after the apprenticeship start; the plan requires at least " + min.describe()
                        + " on programme, so not before " + day(earliest) + ".", min.source()));
            }
        }
        if (gateway != null) {
            // English and maths at level 2 are a gateway requirement in every source: 002 Gateway ("achieved level 2
            // English", "achieved level 2 maths"), 003 Section 1 and 004 The Gateway Stage ("English and maths
            // qualifications in line with the apprenticeship funding rules").
            if (!g.english().achieved()) {
                flags.add(new Flag(Flag.Severity.PROBLEM, "Gateway", "English at level 2 is not recorded as achieved.", null));
            }
            if (!g.maths().achieved()) {
                flags.add(new Flag(Flag.Severity.PROBLEM, "Gateway", "Maths at level 2 is not recorded as achieved.", null));
            }
            if (!g.employerDeclared()) {
                flags.add(new Flag(Flag.Severity.WARNING, "Gateway", "The employer's gateway declaration is not recorded.", null));
            }
            if (!g.providerDeclared()) {
                flags.add(new Flag(Flag.Severity.WARNING, "Gateway", "The training provider's gateway declaration is not recorded.", null));
            }
        }
        proposal(rules, g, today, deadlines, flags);

        // the EPA window
        EpaRules.Window window = rules.window();
        LocalDate windowEnd = null;
        if (window != null && gateway != null) {
            windowEnd = gateway.plusMonths(window.months());
            deadlines.add(new Deadline("EPA window ends (" + window.months() + " months from gateway)", windowEnd, window.source()));
        }
        for (Component c : plan.components()) {
            Optional<LocalDate> when = s.plannedDate(c.id());
            Optional<Attempt> failed = latestAttempt(attempts, c.id()).filter(Attempt::failed);
            if (failed.isPresent()) {
                reassessment(plan, c, failed.get(), when, s, today, deadlines, flags);
                continue;
            }
            if (when.isEmpty() || gateway == null) {
                continue;
            }
            if (when.get().isBefore(gateway)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, c.title(), "Planned for " + day(when.get())
                        + ", before the gateway on " + day(gateway) + ".", null));
            } else if (windowEnd != null && when.get().isAfter(windowEnd)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, c.title(), "Planned for " + day(when.get())
                        + ", after the EPA window ends on " + day(windowEnd) + ".", window.source()));
            }
        }

        // the project deadline
        EpaRules.ProjectDeadline pd = rules.projectDeadline();
        boolean reworking = pd != null && latestAttempt(attempts, pd.component()).filter(Attempt::failed).isPresent();
        if (pd != null && gateway != null && !reworking) {
            LocalDate due = gateway.plusMonths(pd.months());
            deadlines.add(new Deadline("Project completed (" + pd.months() + " months from gateway)", due, pd.source()));
            s.submittedOn("project report").filter(d -> d.isAfter(due)).ifPresent(d -> flags.add(new Flag(Flag.Severity.PROBLEM,
                    "Project report", "Submitted " + day(d) + ", after the project deadline of " + day(due) + ".", pd.source())));
            if (s.submittedOn("project report").isEmpty() && today.isAfter(due)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, "Project report", "Not submitted, and the project deadline of "
                        + day(due) + " has passed.", pd.source()));
            }
        }

        // submissions due before a component
        for (EpaRules.Submission sub : rules.submissions()) {
            Optional<LocalDate> when = s.plannedDate(sub.component());
            String title = title(plan, sub.component());
            if (when.isEmpty()) {
                continue;
            }
            LocalDate due = when.get().minusDays(sub.daysBefore());
            deadlines.add(new Deadline(capitalise(sub.what()) + " due (" + sub.daysBefore() + " days before the "
                    + Wording.inSentence(title) + ")", due, sub.source()));
            Optional<LocalDate> done = s.submittedOn(sub.what());
            if (done.isPresent() && done.get().isAfter(due)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, capitalise(sub.what()), "Submitted " + day(done.get()) + ", only "
                        + Wording.count(ChronoUnit.DAYS.between(done.get(), when.get()), "day") + " before the " + Wording.inSentence(title)
                        + " on " + day(when.get()) + "; it is due " + sub.daysBefore() + " days before, by " + day(due) + ".",
                        sub.source()));
            } else if (done.isEmpty() && today.isAfter(due)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, capitalise(sub.what()), "Not submitted, and it was due by " + day(due)
                        + ", " + sub.daysBefore() + " days before the " + Wording.inSentence(title) + " on " + day(when.get()) + ".",
                        sub.source()));
            }
        }

        // notice periods
        for (EpaRules.Notice n : rules.notices()) {
            Optional<LocalDate> when = s.plannedDate(n.component());
            if (when.isEmpty()) {
                continue;
            }
            String title = title(plan, n.component());
            LocalDate due = when.get().minusDays(n.daysBefore());
            deadlines.add(new Deadline("Last day to give notice of the " + Wording.inSentence(title), due, n.source()));
            Optional<LocalDate> given = s.noticeGivenFor(n.component());
            if (given.isPresent() && given.get().isAfter(due)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, title, "Notice given on " + day(given.get()) + ", only "
                        + Wording.count(ChronoUnit.DAYS.between(given.get(), when.get()), "day") + " before "
                        + day(when.get()) + "; the apprentice must have " + n.daysBefore() + " days' notice (by " + day(due) + ").",
                        n.source()));
            } else if (given.isEmpty() && today.isAfter(due)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, title, "No notice recorded, and " + n.daysBefore()
                        + " days' notice of " + day(when.get()) + " can no longer be given (it was due by " + day(due)
                        + "). Move the date or record the notice.", n.source()));
            }
        }

        // recommended order
        for (EpaRules.Order o : rules.order()) {
            Optional<LocalDate> first = s.plannedDate(o.first());
            Optional<LocalDate> then = s.plannedDate(o.then());
            if (first.isPresent() && then.isPresent() && first.get().isAfter(then.get())) {
                flags.add(new Flag(Flag.Severity.WARNING, title(plan, o.then()), "Planned before the "
                        + Wording.inSentence(title(plan, o.first())) + "; the plan recommends the " + Wording.inSentence(title(plan, o.first()))
                        + " first.", o.source()));
            }
        }
        deadlines.sort(Comparator.comparing(Deadline::date));
        return new Report(deadlines, flags);
    }

    /** The latest ended attempt at a component. */
    static Optional<Attempt> latestAttempt(List<Attempt> attempts, String componentId) {
        return attempts.stream().filter(a -> a.componentId().equals(componentId) && a.endedOn() != null)
                .max(Comparator.comparing(Attempt::endedOn));
    }

    /** After a failed attempt: the resit or retake within the plan's limit, and a failed project's rework. */
    private static void reassessment(AssessmentPlan plan, Component c, Attempt failed, Optional<LocalDate> when, EpaSchedule s,
            LocalDate today, List<Deadline> deadlines, List<Flag> flags) {
        EpaRules.Reassessment rule = plan.epa().reassessment();
        if (rule == null) {
            return;
        }
        deadlines.addAll(ReassessmentDeadlines.after(plan, c.id(), failed.endedOn()));
        LocalDate limit = failed.endedOn().plusMonths(rule.withinMonths());
        String what = Wording.inSentence(c.title());
        if (when.isPresent() && when.get().isAfter(failed.endedOn())) {
            if (when.get().isAfter(limit)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, c.title(), "Resit or retake planned for " + day(when.get())
                        + ", after the " + rule.withinMonths() + "-month limit: the " + what + " failed on "
                        + day(failed.endedOn()) + " must be reassessed by " + day(limit) + ".", rule.source()));
            }
        } else if (today.isAfter(limit)) {
            flags.add(new Flag(Flag.Severity.PROBLEM, c.title(), "Failed on " + day(failed.endedOn())
                    + " and not reassessed within " + rule.withinMonths() + " months (by " + day(limit) + ").", rule.source()));
        } else {
            flags.add(new Flag(Flag.Severity.WARNING, c.title(), "Failed on " + day(failed.endedOn())
                    + "; plan the resit or retake by " + day(limit) + ".", rule.source()));
        }
        EpaRules.ProjectReport report = plan.epa().projectReport();
        if (rule.projectReworkMonths() != null && report != null && report.component().equals(c.id())) {
            LocalDate due = failed.endedOn().plusMonths(rule.projectReworkMonths());
            Optional<LocalDate> reworked = s.submittedOn("project report").filter(d -> d.isAfter(failed.endedOn()));
            if (reworked.isPresent() && reworked.get().isAfter(due)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, "Project report", "Reworked report submitted " + day(reworked.get())
                        + ", after the rework deadline of " + day(due) + ".", rule.source()));
            } else if (reworked.isEmpty() && today.isAfter(due)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, "Project report", "The reworked report was due by " + day(due)
                        + " (" + Wording.count(rule.projectReworkMonths(), "month") + " after the failed project) and is not recorded.",
                        rule.source()));
            }
        }
    }

    private static void proposal(EpaRules rules, GatewayRecord g, LocalDate today, List<Deadline> deadlines, List<Flag> flags) {
        EpaRules.ProjectProposal rule = rules.projectProposal();
        GatewayRecord.ProjectProposal p = g.proposal();
        if (rule == null) {
            return;
        }
        int words = WordCount.count(p.synopsis());
        if (!p.synopsis().isBlank() && (words < rule.minWords() || words > rule.maxWords())) {
            flags.add(new Flag(Flag.Severity.WARNING, "Project proposal", "The synopsis has " + words + " words; the plan asks for "
                    + rule.minWords() + " to " + rule.maxWords() + ".", rule.source()));
        }
        if (p.decision() == GatewayRecord.ProposalDecision.NOT_APPROVED && p.decidedOn() != null) {
            LocalDate due = p.decidedOn().plusDays(rule.resubmitWithinDays());
            deadlines.add(new Deadline("Revised project proposal due", due, rule.source()));
            if (today.isAfter(due)) {
                flags.add(new Flag(Flag.Severity.PROBLEM, "Project proposal", "Not approved on " + day(p.decidedOn())
                        + "; the revised proposal was due within " + Wording.count(rule.resubmitWithinDays(), "day")
                        + ", by " + day(due) + ".", rule.source()));
            }
        }
    }

    static String title(AssessmentPlan plan, String componentId) {
        return plan.component(componentId).map(Component::title).orElse(componentId);
    }

    static String day(LocalDate d) {
        return DAY.format(d);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
