package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.epaworkbench.assessment.ApprenticeEpa;
import org.epaworkbench.assessment.Attempt;
import org.epaworkbench.assessment.AttemptHistory;
import org.epaworkbench.assessment.EpaSchedule;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.store.EpaStore.DateKind;
import org.epaworkbench.ui.common.Dates;

/**
 * What the Schedule tab shows and decides, without FX: a row per attempt at each component (the first,
 * then each resit or retake after a fail, the first attempt's dates kept), a row per submission (a
 * reworked project report gets its own), the date each box holds, which of the plan's flags are about
 * dates, the recommended order, and what a date chosen by the assessor saves (nothing while the tab is
 * being filled from what is saved).
 */
final class ScheduleViewModel {

    /** Flags about the gateway and the portfolio's contents belong to their own tabs. */
    private static final Set<String> NOT_DATES = Set.of("Gateway", "Project proposal", "Portfolio");

    /** Saves one of the apprentice's dates ({@code null} clears it). */
    interface DateSaver {
        void save(DateKind kind, String subject, int attempt, LocalDate date);
    }

    /** Which date a box sets; {@link #id()} names the box ("planned-observation", "planned-observation-2"). */
    record DateKey(DateKind kind, String subject, int attempt) {
        String id() {
            String what = switch (kind) {
                case PLANNED -> "planned";
                case NOTICE -> "notice";
                case SUBMITTED -> "submitted";
            };
            return ScheduleViewModel.id(what, subject.replace(' ', '-'), attempt);
        }
    }

    /** One attempt at a component: its title, its date boxes (notice only where the plan asks for notice) and what became of it. */
    record AttemptRow(String componentId, int attempt, String title, DateKey planned, Optional<DateKey> notice) {
        boolean first() {
            return attempt == 1;
        }

        String outcomeId() {
            return id("outcome", componentId, attempt);
        }
    }

    /** One submission's date box, e.g. "Project report submitted on", "Reworked project report submitted on". */
    record SubmissionRow(String label, DateKey key) {
    }

    private final AssessmentPlan plan;
    private final DateSaver saver;
    private boolean filling;

    ScheduleViewModel(AssessmentPlan plan, DateSaver saver) {
        this.plan = plan;
        this.saver = saver;
    }

    /** The rows for the attempts {@code history} has reached: as many per component as its current attempt. */
    List<AttemptRow> attempts(AttemptHistory history) {
        List<AttemptRow> rows = new ArrayList<>();
        for (Component c : plan.components()) {
            boolean notice = plan.epa().notices().stream().anyMatch(n -> n.component().equals(c.id()));
            for (int k = 1; k <= history.current(c.id()); k++) {
                String title = k == 1 ? c.title() : "Resit or retake" + (k > 2 ? " " + (k - 1) : "");
                rows.add(new AttemptRow(c.id(), k, title, new DateKey(DateKind.PLANNED, c.id(), k),
                        notice ? Optional.of(new DateKey(DateKind.NOTICE, c.id(), k)) : Optional.empty()));
            }
        }
        return rows;
    }

    /** The submissions' rows: each submission once; a project report reworked after a fail has one per attempt. */
    List<SubmissionRow> submissions(AttemptHistory history) {
        List<SubmissionRow> rows = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (EpaRules.Submission s : plan.epa().submissions()) {
            if (seen.contains(s.what())) {
                continue;
            }
            seen.add(s.what());
            int last = reworked(s) ? history.current(s.component()) : 1;
            for (int k = 1; k <= last; k++) {
                String label = (k == 1 ? capitalise(s.what()) : "Reworked " + s.what() + (k > 2 ? " (" + (k - 1) + ")" : ""))
                        + " submitted on";
                rows.add(new SubmissionRow(label, new DateKey(DateKind.SUBMITTED, s.what(), k)));
            }
        }
        return rows;
    }

    /** Whether the rows differ from those for {@code before} (a fail added a resit or retake): the tab is built again. */
    boolean sameRows(AttemptHistory before, AttemptHistory now) {
        return plan.components().stream().allMatch(c -> before.current(c.id()) == now.current(c.id()));
    }

    /** A failed project's report is reworked and submitted again; a portfolio is not. */
    private boolean reworked(EpaRules.Submission s) {
        EpaRules.ProjectReport report = plan.epa().projectReport();
        EpaRules.Reassessment r = plan.epa().reassessment();
        return report != null && report.component().equals(s.component()) && s.what().equals("project report") && r != null
                && r.projectReworkMonths() != null;
    }

    /** The date saved for {@code key}, or none. */
    static Optional<LocalDate> date(EpaSchedule s, DateKey key) {
        return switch (key.kind()) {
            case PLANNED -> s.plannedDate(key.subject(), key.attempt());
            case NOTICE -> s.noticeGivenFor(key.subject(), key.attempt());
            case SUBMITTED -> s.submittedOn(key.subject(), key.attempt());
        };
    }

    /** What became of an attempt: "Held 3 Mar 2026", "Fail · 3 Mar 2026", or nothing before it is held. */
    static String outcome(AttemptHistory history, String componentId, int attempt) {
        return history.attempt(componentId, attempt).map(a -> (a.grade() == null ? "Held " : a.grade().label() + " · ")
                + Dates.show(a.endedOn())).orElse("");
    }

    static boolean failed(AttemptHistory history, String componentId, int attempt) {
        return history.attempt(componentId, attempt).filter(Attempt::failed).isPresent();
    }

    /** The review's flags this tab shows: those about dates (not the gateway's, the portfolio's or the report's length). */
    static List<Flag> dateFlags(ApprenticeEpa.Review review) {
        return review.flags().stream().filter(x -> !NOT_DATES.contains(x.subject())
                && !review.reportLength().map(x::equals).orElse(false)).toList();
    }

    /** The plan's recommended order as one numbered sequence, "1. Work-based project\n2. …"; none when the plan gives none. */
    Optional<String> recommendedOrder() {
        List<EpaRules.Order> pairs = plan.epa().order();
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        List<String> sequence = new ArrayList<>();
        for (EpaRules.Order o : pairs) {
            if (!sequence.contains(o.first())) {
                int at = sequence.indexOf(o.then());
                sequence.add(at < 0 ? sequence.size() : at, o.first());
            }
            if (!sequence.contains(o.then())) {
                sequence.add(o.then());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sequence.size(); i++) {
            String id = sequence.get(i);
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(plan.component(id).map(Component::title).orElse(id));
        }
        return Optional.of(text.toString());
    }

    /** Fills the boxes from what is saved: nothing chosen meanwhile is saved again. */
    void filling(Runnable fill) {
        filling = true;
        try {
            fill.run();
        } finally {
            filling = false;
        }
    }

    /** The assessor chose (or cleared) a date: saved at once, unless the tab is being filled. */
    void chosen(DateKey key, LocalDate date) {
        if (!filling) {
            saver.save(key.kind(), key.subject(), key.attempt(), date);
        }
    }

    /** "planned-observation" for the first attempt, "planned-observation-2" for the first resit or retake. */
    static String id(String what, String subject, int attempt) {
        return what + "-" + subject + (attempt == 1 ? "" : "-" + attempt);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
