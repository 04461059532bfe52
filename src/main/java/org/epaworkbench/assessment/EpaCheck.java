package org.epaworkbench.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.Wording;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Citation;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.EpaRules;

/**
 * Checks an apprentice's gateway and planned dates against the plan's rules, before the dates
 * arrive: minimum time on programme and the earliest start of the EPA, the EPA window, the project
 * deadline, submissions due before a component or by the gateway, notice periods, the recommended
 * order, the project proposal and its resubmissions, and after a fail the reassessment rules. Every
 * flag names the rule's source. Nothing here knows one organisation from another: the rules are the
 * plan's data.
 *
 * <p>Dates are per attempt ({@link EpaSchedule}). The window, the project deadline and the recommended
 * order govern first attempts; a resit or retake is checked against the reassessment rules instead
 * (within the plan's period from the first fail, the project reworked within its month, the further
 * training a retake needs), and its own notice and submissions.
 */
public final class EpaCheck {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

    /** A due date this close that is not yet met is flagged as a warning, so it is seen before it passes. */
    public static final int SOON_DAYS = 14;

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

    /** As {@link #check(AssessmentPlan, GatewayRecord, EpaSchedule, LocalDate)}, knowing the attempts so far. */
    public static Report check(AssessmentPlan plan, GatewayRecord g, EpaSchedule s, List<Attempt> attempts, LocalDate today) {
        return new Checker(plan, g, s, new AttemptHistory(attempts), today).run();
    }

    /** The latest ended attempt at a component. */
    static Optional<Attempt> latestAttempt(List<Attempt> attempts, String componentId) {
        return new AttemptHistory(attempts).latest(componentId);
    }

    private static final class Checker {
        private final AssessmentPlan plan;
        private final EpaRules rules;
        private final GatewayRecord g;
        private final EpaSchedule s;
        private final AttemptHistory history;
        private final LocalDate today;
        private final LocalDate gateway;
        private final List<Deadline> deadlines = new ArrayList<>();
        private final List<Flag> flags = new ArrayList<>();

        Checker(AssessmentPlan plan, GatewayRecord g, EpaSchedule s, AttemptHistory history, LocalDate today) {
            this.plan = plan;
            this.rules = plan.epa();
            this.g = g;
            this.s = s;
            this.history = history;
            this.today = today;
            this.gateway = g.gatewayDate();
        }

        Report run() {
            minimumOnProgramme();
            earliestEpaStart();
            gatewayRequirements();
            proposal();
            window();
            for (Component c : plan.components()) {
                for (int k = 2; k <= history.current(c.id()); k++) {
                    reassessment(c, k);
                }
                if (history.awaitingReassessment(c.id())) {
                    deadlines.addAll(ReassessmentDeadlines.of(plan, c.id(), history));
                }
            }
            projectDeadline();
            submissions();
            dueAtGateway();
            notices();
            order();
            deadlines.sort(Comparator.comparing(Deadline::date));
            return new Report(deadlines, flags);
        }

        private void flag(Flag.Severity severity, String subject, String message, Citation source) {
            flags.add(new Flag(severity, subject, message, source));
        }

        private static Flag.Severity severity(EpaRules.Severity s) {
            return s == EpaRules.Severity.WARNING ? Flag.Severity.WARNING : Flag.Severity.PROBLEM;
        }

        /**
         * Due on {@code due} and not yet done: a warning from {@link #SOON_DAYS} days before, so it is seen in time.
         * The message is {@code lead}, the date and how soon it is, then {@code tail}.
         */
        private void soon(String subject, String lead, LocalDate due, String tail, Citation source) {
            long days = ChronoUnit.DAYS.between(today, due);
            if (days >= 0 && days <= SOON_DAYS) {
                flag(Flag.Severity.WARNING, subject, lead + " " + day(due) + (days == 0 ? " (today)" : " (in "
                        + Wording.count(days, "day") + ")") + tail + ".", source);
            }
        }

        private void minimumOnProgramme() {
            EpaRules.MinimumOnProgramme min = rules.minimumOnProgramme();
            LocalDate start = g.apprenticeshipStart();
            if (min == null || start == null) {
                return;
            }
            LocalDate earliest = min.days() != null ? start.plusDays(min.days()) : start.plusMonths(min.months());
            deadlines.add(new Deadline("Earliest gateway (" + min.describe() + " on programme)", earliest, min.source()));
            if (gateway != null && gateway.isBefore(earliest)) {
                flag(Flag.Severity.PROBLEM, "Gateway", "Gateway on " + day(gateway) + " is "
                        + Wording.count(ChronoUnit.DAYS.between(start, gateway), "day")
                        + " after the apprenticeship start; the plan requires at least " + min.describe()
                        + " on programme, so not before " + day(earliest) + ".", min.source());
            }
        }

        /** Neither the gateway nor any first attempt before the plan's earliest start of the EPA. */
        private void earliestEpaStart() {
            EpaRules.EarliestEpaStart rule = rules.earliestEpaStart();
            LocalDate start = g.apprenticeshipStart();
            if (rule == null || start == null) {
                return;
            }
            LocalDate earliest = rule.days() != null ? start.plusDays(rule.days()) : start.plusMonths(rule.months());
            deadlines.add(new Deadline("Earliest start of the EPA (" + rule.describe() + " on programme)", earliest, rule.source()));
            if (gateway != null) {
                if (gateway.isBefore(earliest)) {
                    flag(severity(rule.severity()), "Gateway", "Gateway on " + day(gateway) + ", before the earliest start of the EPA: "
                            + "the plan allows the EPA to start after " + rule.describe() + " on programme, from " + day(earliest)
                            + " for an apprenticeship started on " + day(start) + ".", rule.source());
                }
                return; // every component is after the gateway, or flagged for being before it
            }
            for (Component c : plan.components()) {
                s.plannedDate(c.id()).filter(d -> d.isBefore(earliest)).ifPresent(d -> flag(severity(rule.severity()), c.title(),
                        "Planned for " + day(d) + ", before the earliest start of the EPA on " + day(earliest) + " ("
                                + rule.describe() + " on programme).", rule.source()));
            }
        }

        private void gatewayRequirements() {
            if (gateway == null) {
                return;
            }
            // English and maths only where the plan states them, at the level it names (if any)
            rules.qualifications().ifPresent(q -> {
                if (!g.english().achieved()) {
                    flag(Flag.Severity.PROBLEM, "Gateway", q.subject("English") + " is not recorded as achieved.", q.source());
                }
                if (!g.maths().achieved()) {
                    flag(Flag.Severity.PROBLEM, "Gateway", q.subject("Maths") + " is not recorded as achieved.", q.source());
                }
            });
            if (!g.employerDeclared()) {
                flag(Flag.Severity.WARNING, "Gateway", "The employer's gateway declaration is not recorded.", null);
            }
            if (!g.providerDeclared()) {
                flag(Flag.Severity.WARNING, "Gateway", "The training provider's gateway declaration is not recorded.", null);
            }
        }

        /** The synopsis's length, and each proposal not approved followed by a revised one within the plan's days. */
        private void proposal() {
            EpaRules.ProjectProposal rule = rules.projectProposal();
            if (rule == null) {
                return;
            }
            List<GatewayRecord.ProjectProposal> versions = g.proposals();
            GatewayRecord.ProjectProposal latest = g.proposal();
            rule.dueAtGateway().ifPresent(source -> proposalAtGateway(versions, source));
            int words = WordCount.count(latest.synopsis());
            if (!latest.synopsis().isBlank() && (words < rule.minWords() || words > rule.maxWords())) {
                flag(Flag.Severity.WARNING, "Project proposal", (versions.size() > 1 ? "The revised synopsis has " : "The synopsis has ")
                        + words + " words; the plan asks for " + rule.minWords() + " to " + rule.maxWords() + ".", rule.source());
            }
            for (int i = 0; i < versions.size(); i++) {
                GatewayRecord.ProjectProposal p = versions.get(i);
                if (p.decision() != GatewayRecord.ProposalDecision.NOT_APPROVED || p.decidedOn() == null) {
                    continue;
                }
                LocalDate due = p.decidedOn().plusDays(rule.resubmitWithinDays());
                String within = "within " + Wording.count(rule.resubmitWithinDays(), "day") + ", by " + day(due);
                Optional<LocalDate> resubmitted = i + 1 < versions.size() ? Optional.ofNullable(versions.get(i + 1).submittedOn())
                        : Optional.empty();
                if (resubmitted.isPresent()) {
                    if (resubmitted.get().isAfter(due)) {
                        flag(Flag.Severity.PROBLEM, "Project proposal", "The revised proposal was submitted on " + day(resubmitted.get())
                                + ", " + Wording.count(ChronoUnit.DAYS.between(p.decidedOn(), resubmitted.get()), "day")
                                + " after it was not approved on " + day(p.decidedOn()) + "; it was due " + within + ".", rule.source());
                    }
                    continue;
                }
                deadlines.add(new Deadline("Revised project proposal due", due, rule.source()));
                if (today.isAfter(due)) {
                    flag(Flag.Severity.PROBLEM, "Project proposal", "Not approved on " + day(p.decidedOn())
                            + "; the revised proposal was due " + within + ", and none is recorded.", rule.source());
                } else {
                    soon("Project proposal", "Not approved on " + day(p.decidedOn()) + ": the revised proposal is due by", due, "",
                            rule.source());
                }
            }
        }

        /** The proposal completed and brought along to the gateway meeting: the first version submitted by the gateway date. */
        private void proposalAtGateway(List<GatewayRecord.ProjectProposal> versions, Citation source) {
            if (gateway == null) {
                return;
            }
            deadlines.add(new Deadline("Project proposal completed and brought to the gateway meeting", gateway, source));
            Optional<LocalDate> first = versions.isEmpty() ? Optional.empty() : Optional.ofNullable(versions.get(0).submittedOn());
            if (first.isPresent() && first.get().isAfter(gateway)) {
                flag(Flag.Severity.PROBLEM, "Project proposal", "Submitted " + day(first.get()) + ", after the gateway on " + day(gateway)
                        + "; the proposal must be completed and brought along to the gateway meeting.", source);
            } else if (first.isEmpty() && today.isAfter(gateway)) {
                flag(Flag.Severity.PROBLEM, "Project proposal", "No proposal is recorded, and it was due at the gateway meeting on "
                        + day(gateway) + ".", source);
            } else if (first.isEmpty()) {
                soon("Project proposal", "Not recorded yet: the proposal is to be completed and brought along to the gateway meeting on",
                        gateway, "", source);
            }
        }

        /** First attempts inside the window from the gateway, and not before the gateway. */
        private void window() {
            EpaRules.Window window = rules.window();
            LocalDate windowEnd = null;
            if (window != null && gateway != null) {
                windowEnd = gateway.plusMonths(window.months());
                deadlines.add(new Deadline("EPA window ends (" + (window.severity() == EpaRules.Severity.WARNING ? "typically " : "")
                        + window.months() + " months from gateway)", windowEnd, window.source()));
            }
            if (gateway == null) {
                return;
            }
            for (Component c : plan.components()) {
                Optional<LocalDate> when = s.plannedDate(c.id(), 1);
                if (when.isEmpty()) {
                    continue;
                }
                if (when.get().isBefore(gateway)) {
                    flag(Flag.Severity.PROBLEM, c.title(), "Planned for " + day(when.get()) + ", before the gateway on " + day(gateway)
                            + ".", null);
                } else if (windowEnd != null && when.get().isAfter(windowEnd)) {
                    flag(severity(window.severity()), c.title(), "Planned for " + day(when.get()) + ", after the EPA window "
                            + (window.severity() == EpaRules.Severity.WARNING ? "(typically " + window.months() + " months) " : "")
                            + "ends on " + day(windowEnd) + ".", window.source());
                }
            }
        }

        /** Attempt {@code k} (2 or more) at a component whose attempt {@code k - 1} failed. */
        private void reassessment(Component c, int k) {
            Optional<Attempt> failedAttempt = history.attempt(c.id(), k - 1).filter(Attempt::failed);
            if (failedAttempt.isEmpty()) {
                return;
            }
            LocalDate failedOn = failedAttempt.get().endedOn();
            boolean ended = history.ended(c.id(), k);
            rework(c, k, failedOn, ended);
            Optional<LocalDate> when = s.plannedDate(c.id(), k);
            EpaRules.Reassessment rule = rules.reassessment();
            Optional<LocalDate> limit = rule == null ? Optional.empty() : ReassessmentDeadlines.limit(rule, history, c.id());
            Optional<LocalDate> from = rule == null ? Optional.empty() : ReassessmentDeadlines.periodStart(rule, history, c.id());
            String what = Wording.inSentence(c.title());
            if (when.isPresent()) {
                if (!when.get().isAfter(failedOn)) {
                    flag(Flag.Severity.PROBLEM, c.title(), "Resit or retake planned for " + day(when.get())
                            + ", not after the failed attempt on " + day(failedOn) + ".", null);
                } else if (limit.isPresent() && when.get().isAfter(limit.get())) {
                    flag(Flag.Severity.PROBLEM, c.title(), "Resit or retake planned for " + day(when.get()) + ", after the "
                            + rule.withinMonths() + "-month limit: " + period(from.get(), failedOn, what) + ", so the " + what
                            + " must be reassessed by " + day(limit.get()) + ".", rule.source());
                }
                retakeTraining(c, when.get());
            } else if (!ended) {
                if (limit.isPresent() && today.isAfter(limit.get())) {
                    flag(Flag.Severity.PROBLEM, c.title(), "Failed on " + day(failedOn) + " and not reassessed within "
                            + rule.withinMonths() + " months of " + (from.get().equals(failedOn) ? "the fail" : "the first fail on "
                            + day(from.get())) + " (by " + day(limit.get()) + ").", rule.source());
                } else if (limit.isPresent()) {
                    flag(Flag.Severity.WARNING, c.title(), "Failed on " + day(failedOn) + "; plan the resit or retake by "
                            + day(limit.get()) + (from.get().equals(failedOn) ? "" : " (" + rule.withinMonths()
                            + " months from the first fail, on " + day(from.get()) + ")") + ".", rule.source());
                } else {
                    flag(Flag.Severity.WARNING, c.title(), "Failed on " + day(failedOn) + "; plan the resit or retake.", null);
                }
                EpaRules.RetakeGateway again = rules.retakeGateway();
                if (again != null) {
                    flag(Flag.Severity.WARNING, c.title(), "A retake (unlike a resit) comes after further learning and a new "
                            + "gateway: record the new gateway before a retake.", again.source());
                }
            }
        }

        private static String period(LocalDate from, LocalDate failedOn, String what) {
            return from.equals(failedOn) ? "the " + what + " failed on " + day(failedOn)
                    : "the reassessment period began with the first fail, on " + day(from);
        }

        /** A retake after enough failed components waits for the plan's further training. */
        private void retakeTraining(Component c, LocalDate when) {
            EpaRules.RetakeTraining t = rules.retakeTraining();
            if (t == null || history.componentsFailedBy(when) < t.whenFailedAtLeast()) {
                return;
            }
            LocalDate lastFail = history.latestFailBy(when).orElseThrow().endedOn();
            LocalDate earliest = lastFail.plusMonths(t.minMonths());
            LocalDate latest = lastFail.plusMonths(t.maxMonths());
            String failed = Wording.count(history.componentsFailedBy(when), "component") + " failed";
            if (when.isBefore(earliest)) {
                flag(Flag.Severity.PROBLEM, c.title(), "Retake planned for " + day(when) + ", only "
                        + Wording.count(ChronoUnit.DAYS.between(lastFail, when), "day") + " after the fail on " + day(lastFail)
                        + "; with " + failed + ", the plan asks for " + t.minMonths() + " to " + t.maxMonths()
                        + " months of further training first, so not before " + day(earliest) + ".", t.source());
            } else if (when.isAfter(latest)) {
                flag(Flag.Severity.WARNING, c.title(), "Retake planned for " + day(when) + ", more than " + Wording.count(t.maxMonths(), "month")
                        + " after the fail on " + day(lastFail) + "; the plan's further training lasts " + t.minMonths() + " to "
                        + t.maxMonths() + " months (until " + day(latest) + ").", t.source());
            }
        }

        /** The report for attempt {@code k} at a failed project, reworked within the plan's months of the fail. */
        private void rework(Component c, int k, LocalDate failedOn, boolean ended) {
            EpaRules.Reassessment rule = rules.reassessment();
            EpaRules.ProjectReport report = rules.projectReport();
            if (rule == null || rule.projectReworkMonths() == null || report == null || !report.component().equals(c.id())) {
                return;
            }
            LocalDate due = failedOn.plusMonths(rule.projectReworkMonths());
            Optional<LocalDate> reworked = s.submittedOn("project report", k);
            if (reworked.isPresent() && reworked.get().isAfter(due)) {
                flag(Flag.Severity.PROBLEM, "Project report", "Reworked report submitted " + day(reworked.get())
                        + ", after the rework deadline of " + day(due) + ".", rule.source());
            } else if (ended) {
                return; // reassessed: a missing record is not a broken rule
            } else if (reworked.isEmpty() && today.isAfter(due)) {
                flag(Flag.Severity.PROBLEM, "Project report", "The reworked report was due by " + day(due)
                        + " (" + Wording.count(rule.projectReworkMonths(), "month") + " after the failed project) and is not recorded.",
                        rule.source());
            } else if (reworked.isEmpty()) {
                soon("Project report", "The reworked report is due by", due, ", " + Wording.count(rule.projectReworkMonths(), "month")
                        + " after the failed project", rule.source());
            }
        }

        /** The first attempt's project report, completed within the plan's months of the gateway. */
        private void projectDeadline() {
            EpaRules.ProjectDeadline pd = rules.projectDeadline();
            if (pd == null || gateway == null) {
                return;
            }
            LocalDate due = gateway.plusMonths(pd.months());
            deadlines.add(new Deadline("Project completed (" + pd.months() + " months from gateway)", due, pd.source()));
            Optional<LocalDate> submitted = s.submittedOn("project report", 1);
            if (submitted.isPresent() && submitted.get().isAfter(due)) {
                flag(Flag.Severity.PROBLEM, "Project report", "Submitted " + day(submitted.get()) + ", after the project deadline of "
                        + day(due) + ".", pd.source());
            } else if (submitted.isEmpty() && !history.ended(pd.component(), 1)) {
                if (today.isAfter(due)) {
                    flag(Flag.Severity.PROBLEM, "Project report", "Not submitted, and the project deadline of " + day(due)
                            + " has passed.", pd.source());
                } else if (!reportDueBefore(pd.component(), due)) {
                    soon("Project report", "Not submitted yet: the project is to be completed by", due, "", pd.source());
                }
            }
        }

        /** Each submission due a number of days before its component, per attempt. */
        private void submissions() {
            for (EpaRules.Submission sub : rules.submissions()) {
                String title = title(plan, sub.component());
                for (int k = 1; k <= history.current(sub.component()); k++) {
                    Optional<LocalDate> when = s.plannedDate(sub.component(), k);
                    if (when.isEmpty()) {
                        continue;
                    }
                    boolean ended = history.ended(sub.component(), k);
                    boolean again = k > 1;
                    if (again && !submittedAgain(sub)) {
                        continue; // a resit does not resubmit the portfolio (003: "cannot add to their portfolio")
                    }
                    LocalDate due = when.get().minusDays(sub.daysBefore());
                    String what = (again ? "reworked " : "") + sub.what();
                    String of = (again ? "resit or retake of the " : "") + Wording.inSentence(title);
                    if (!ended) {
                        deadlines.add(new Deadline(capitalise(what) + " due (" + sub.daysBefore() + " days before the " + of + ")", due,
                                sub.source()));
                    }
                    Optional<LocalDate> done = s.submittedOn(sub.what(), k);
                    if (done.isPresent() && done.get().isAfter(due)) {
                        flag(Flag.Severity.PROBLEM, capitalise(what), "Submitted " + day(done.get()) + ", only "
                                + Wording.count(ChronoUnit.DAYS.between(done.get(), when.get()), "day") + " before the " + of
                                + " on " + day(when.get()) + "; it is due " + sub.daysBefore() + " days before, by " + day(due) + ".",
                                sub.source());
                    } else if (done.isEmpty() && !ended && !again) {
                        if (today.isAfter(due)) {
                            flag(Flag.Severity.PROBLEM, capitalise(what), "Not submitted, and it was due by " + day(due)
                                    + ", " + sub.daysBefore() + " days before the " + of + " on " + day(when.get()) + ".", sub.source());
                        } else {
                            soon(capitalise(what), "Not submitted yet: due by", due, ", " + sub.daysBefore() + " days before the "
                                    + of + " on " + day(when.get()), sub.source());
                        }
                    }
                    if (k == 1) {
                        impossiblePlan(sub, when.get(), due);
                    }
                }
            }
        }

        /** The first attempt's report is due, by the interview's submission rule, on or before {@code date}. */
        private boolean reportDueBefore(String component, LocalDate date) {
            return rules.submissions().stream().filter(x -> x.component().equals(component) && x.what().equals("project report"))
                    .anyMatch(x -> s.plannedDate(component, 1).map(d -> !d.minusDays(x.daysBefore()).isAfter(date)).orElse(false));
        }

        /** Only the failed project's report is submitted again, reworked, before the next interview. */
        private boolean submittedAgain(EpaRules.Submission sub) {
            EpaRules.ProjectReport report = rules.projectReport();
            EpaRules.Reassessment r = rules.reassessment();
            return report != null && report.component().equals(sub.component()) && sub.what().equals("project report")
                    && r != null && r.projectReworkMonths() != null;
        }

        /** A project interview whose report due date cannot fit the project's time after the gateway. */
        private void impossiblePlan(EpaRules.Submission sub, LocalDate interview, LocalDate due) {
            EpaRules.ProjectDeadline pd = rules.projectDeadline();
            if (pd == null || gateway == null || !pd.component().equals(sub.component()) || !sub.what().equals("project report")) {
                return;
            }
            LocalDate projectDue = gateway.plusMonths(pd.months());
            String title = Wording.inSentence(title(plan, sub.component()));
            if (!due.isAfter(gateway) && !interview.isBefore(gateway)) {
                flag(Flag.Severity.PROBLEM, "Project report", "The " + title + " on " + day(interview) + " leaves no time for the project: "
                        + "its report is due " + sub.daysBefore() + " days before, by " + day(due) + ", which is not after the gateway on "
                        + day(gateway) + ", and the project is done after the gateway.", pd.source());
            } else if (due.isAfter(projectDue)) {
                flag(Flag.Severity.WARNING, "Project report", "The " + title + " on " + day(interview) + " puts the report's due date ("
                        + day(due) + ", " + sub.daysBefore() + " days before) after the project deadline of " + day(projectDue)
                        + ": the report must be completed by " + day(projectDue) + ", so that is when it is due.", pd.source());
            }
        }

        /** What the plan asks for by the gateway. */
        private void dueAtGateway() {
            if (gateway == null) {
                return;
            }
            for (EpaRules.AtGateway a : rules.dueAtGateway()) {
                deadlines.add(new Deadline(capitalise(a.what()) + " due at the gateway", gateway, a.source()));
                Optional<LocalDate> done = s.submittedOn(a.what(), 1);
                if (done.isPresent() && done.get().isAfter(gateway)) {
                    flag(Flag.Severity.PROBLEM, capitalise(a.what()), "Submitted " + day(done.get()) + ", after the gateway on "
                            + day(gateway) + "; the plan asks for it at the gateway.", a.source());
                } else if (done.isEmpty() && today.isAfter(gateway)) {
                    flag(Flag.Severity.PROBLEM, capitalise(a.what()), "Not recorded as submitted, and it was due at the gateway on "
                            + day(gateway) + ".", a.source());
                } else if (done.isEmpty()) {
                    soon(capitalise(a.what()), "Not submitted yet: due at the gateway on", gateway, "", a.source());
                }
            }
        }

        /** Notice of every attempt at a component, first attempts and reassessments alike. */
        private void notices() {
            for (EpaRules.Notice n : rules.notices()) {
                String title = title(plan, n.component());
                for (int k = 1; k <= history.current(n.component()); k++) {
                    Optional<LocalDate> when = s.plannedDate(n.component(), k);
                    if (when.isEmpty()) {
                        continue;
                    }
                    boolean ended = history.ended(n.component(), k);
                    String of = (k > 1 ? "resit or retake of the " : "") + Wording.inSentence(title);
                    LocalDate due = when.get().minusDays(n.daysBefore());
                    if (!ended) {
                        deadlines.add(new Deadline("Last day to give notice of the " + of, due, n.source()));
                    }
                    Optional<LocalDate> given = s.noticeGivenFor(n.component(), k);
                    if (given.isPresent() && given.get().isAfter(due)) {
                        flag(Flag.Severity.PROBLEM, title, "Notice " + (k > 1 ? "of the resit or retake " : "") + "given on "
                                + day(given.get()) + ", only " + Wording.count(ChronoUnit.DAYS.between(given.get(), when.get()), "day")
                                + " before " + day(when.get()) + "; the apprentice must have " + n.daysBefore() + " days' notice (by "
                                + day(due) + ").", n.source());
                    } else if (given.isEmpty() && !ended) {
                        if (today.isAfter(due)) {
                            flag(Flag.Severity.PROBLEM, title, "No notice recorded, and " + n.daysBefore() + " days' notice of "
                                    + day(when.get()) + " can no longer be given (it was due by " + day(due)
                                    + "). Move the date or record the notice.", n.source());
                        } else {
                            soon(title, "No notice recorded yet: give " + n.daysBefore() + " days' notice of the " + of + " on "
                                    + day(when.get()) + " by", due, "", n.source());
                        }
                    }
                }
            }
        }

        /** The recommended order, between first attempts: a resit of a failed component is not held to it. */
        private void order() {
            for (EpaRules.Order o : rules.order()) {
                Optional<LocalDate> first = s.plannedDate(o.first(), 1);
                Optional<LocalDate> then = s.plannedDate(o.then(), 1);
                if (first.isPresent() && then.isPresent() && first.get().isAfter(then.get())) {
                    flag(Flag.Severity.WARNING, title(plan, o.then()), "Planned before the "
                            + Wording.inSentence(title(plan, o.first())) + "; the plan recommends the "
                            + Wording.inSentence(title(plan, o.first())) + " first.", o.source());
                }
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
