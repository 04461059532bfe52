package org.epaworkbench.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.epaworkbench.assessment.ApprenticeEpa;
import org.epaworkbench.assessment.Attempt;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.EpaResult;
import org.epaworkbench.grading.GradingInputException;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.session.AttemptGrades;
import org.epaworkbench.store.EpaStore;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SessionStore.SessionSummary;
import org.epaworkbench.store.SignedRecords;

/**
 * Reads each apprentice's whole EPA together: the stored gateway, dates, portfolio and report, every
 * session with the grade it earned, the overall result the grading engine gives from the latest
 * attempt at each component, and the plan's review of it all for today.
 */
public final class ApprenticeFiles {

    private final PlanLibrary plans;
    private final PeopleStore people;
    private final SessionStore sessions;
    private final EpaStore epa;
    private final SignedRecords records;
    private final Clock clock;
    private final ZoneId zone;

    public ApprenticeFiles(PlanLibrary plans, PeopleStore people, SessionStore sessions, EpaStore epa, SignedRecords records,
            Clock clock, ZoneId zone) {
        this.plans = plans;
        this.people = people;
        this.sessions = sessions;
        this.epa = epa;
        this.records = records;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * One session of the apprentice's, with its grade once it has ended.
     *
     * @param endedOn the day it ended, in the workbench's time zone; empty while it has not ended
     */
    public record SessionLine(SessionSummary session, Optional<ComponentResult> result, Optional<LocalDate> endedOn) {
    }

    /**
     * An apprentice's EPA as the app shows it.
     *
     * @param plan empty when the apprentice's plan is not installed on this machine
     * @param result the grading engine's result from the latest ended attempt at each component; empty without a plan
     * @param gradingProblem why the sessions could not be graded, if they could not
     */
    public record ApprenticeFile(Apprentice apprentice, Optional<AssessmentPlan> plan, ApprenticeEpa epa,
            List<SessionLine> sessions, Optional<EpaResult> result, Optional<ApprenticeEpa.Review> review,
            Optional<String> gradingProblem) {

        public List<SessionLine> sessionsOf(String componentId) {
            return sessions.stream().filter(s -> s.session().componentId().equals(componentId)).toList();
        }
    }

    /** A component planned within the next days, for the home screen; {@code attempt} 2 or more is a resit or retake. */
    public record Upcoming(Apprentice apprentice, String componentTitle, LocalDate date, int attempt) {
        public Upcoming(Apprentice apprentice, String componentTitle, LocalDate date) {
            this(apprentice, componentTitle, date, 1);
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The time zone dates are shown and counted in. */
    public ZoneId zone() {
        return zone;
    }

    public ApprenticeFile load(String apprenticeId) throws SQLException {
        Apprentice a = people.apprentice(apprenticeId).orElseThrow(() -> new SQLException("There is no apprentice " + apprenticeId + "."));
        List<SessionSummary> own = sessions.listFor(apprenticeId);
        return file(a, own, overallSigned());
    }

    /**
     * An apprentice as the lists show them: where their EPA stands and the plan's review of it for today, from the
     * session summaries kept beside the logs (issue 17) — no session's log is read. {@link #load} gives the whole file.
     */
    public record ApprenticeRow(Apprentice apprentice, Optional<AssessmentPlan> plan, ApprenticeEpa epa,
            Optional<ApprenticeEpa.Review> review, Optional<String> overall) {
    }

    /** The ids of the apprentices whose name, ULN or employer contains {@code text}, found through the index. */
    public Set<String> matching(String text) throws SQLException {
        return people.apprenticesMatching(text);
    }

    /** The row the lists show for a whole file: what {@link #rows} gives for the same data, without its logs. */
    public static ApprenticeRow row(ApprenticeFile f) {
        return new ApprenticeRow(f.apprentice(), f.plan(), f.epa(), f.review(), f.result().map(r -> r.overall().complete()
                ? r.overall().grade().name() : org.epaworkbench.store.SessionSummaries.INCOMPLETE));
    }

    /** Every apprentice, by name, as the lists show them. */
    public List<ApprenticeRow> rows() throws SQLException {
        return rows(sessions.list());
    }

    /** Every apprentice as the lists show them, from the session list the caller has already read (every session). */
    public List<ApprenticeRow> rows(List<SessionSummary> everySession) throws SQLException {
        Map<String, List<SessionSummary>> byApprentice = everySession.stream()
                .collect(Collectors.groupingBy(SessionSummary::apprenticeId));
        Set<String> signed = overallSigned();
        Map<String, String> overall = sessions.overallResults();
        Map<String, EpaStore.Stored> stored = epa.everyApprentice();
        List<ApprenticeRow> rows = new ArrayList<>();
        LocalDate today = today();
        for (Apprentice a : people.apprentices()) {
            List<Attempt> attempts = new ArrayList<>();
            byApprentice.getOrDefault(a.id(), List.of()).stream().filter(s -> s.endedAt() != null)
                    .sorted(Comparator.comparing(SessionSummary::createdAt))
                    .forEach(s -> attempts.add(new Attempt(s.componentId(), s.attempt(), LocalDate.ofInstant(s.endedAt(), zone),
                            s.grade().orElse(null))));
            Optional<AssessmentPlan> plan = plans.plan(a.planId());
            ApprenticeEpa apprenticeEpa = epa(a, stored.get(a.id()), attempts, signed.contains(a.id()));
            // no overall result kept: nothing graded yet (incomplete, with the plan installed), or the sessions do not
            // fit the plan (none), as SessionSummaries keeps it
            Optional<String> result = Optional.ofNullable(overall.get(a.id()))
                    .or(() -> plan.isPresent() && !endedOfPlan(byApprentice.getOrDefault(a.id(), List.of()), a.planId())
                            ? Optional.of(org.epaworkbench.store.SessionSummaries.INCOMPLETE) : Optional.empty());
            rows.add(new ApprenticeRow(a, plan, apprenticeEpa, plan.map(p -> apprenticeEpa.review(p, today)), result));
        }
        return rows;
    }

    /** Whether any of {@code own} has ended on the plan {@code planId}: only those are graded. */
    private static boolean endedOfPlan(List<SessionSummary> own, String planId) {
        return own.stream().anyMatch(s -> s.endedAt() != null && s.planId().equals(planId));
    }

    private ApprenticeEpa epa(Apprentice a, List<Attempt> attempts, boolean overallSigned) throws SQLException {
        return epa(a, epa.all(a.id()), attempts, overallSigned);
    }

    private static ApprenticeEpa epa(Apprentice a, EpaStore.Stored stored, List<Attempt> attempts, boolean overallSigned) {
        return new ApprenticeEpa(a, stored.gateway(), stored.schedule(), stored.portfolio(), stored.report(),
                stored.reportMapping(), attempts, overallSigned);
    }

    /** Components planned from today to {@code days} days ahead, soonest first, that have not yet taken place. */
    public static List<Upcoming> upcoming(List<ApprenticeRow> files, LocalDate today, int days) {
        List<Upcoming> list = new ArrayList<>();
        LocalDate last = today.plusDays(days);
        for (ApprenticeRow f : files) {
            for (var d : f.epa().upcoming(today)) {
                if (!d.date().isAfter(last)) {
                    String title = f.plan().flatMap(p -> p.component(d.subject())).map(Component::title).orElse(d.subject());
                    list.add(new Upcoming(f.apprentice(), title, d.date(), d.attempt()));
                }
            }
        }
        list.sort(Comparator.comparing(Upcoming::date).thenComparing(u -> u.apprentice().name()));
        return list;
    }

    private Set<String> overallSigned() throws SQLException {
        Set<String> ids = new HashSet<>();
        records.all().stream().filter(r -> r.kind().equals("overall") && r.apprenticeId() != null)
                .forEach(r -> ids.add(r.apprenticeId()));
        return ids;
    }

    private ApprenticeFile file(Apprentice a, List<SessionSummary> own, Set<String> signed) throws SQLException {
        Optional<AssessmentPlan> plan = plans.plan(a.planId());
        List<SessionSummary> ordered = own.stream().sorted(Comparator.comparing(SessionSummary::createdAt)).toList();
        List<AttemptGrades.Ended> ended = new ArrayList<>();
        for (SessionSummary s : ordered) {
            if (s.endedAt() != null && s.planId().equals(a.planId())) {
                sessions.state(s.id()).ifPresent(st -> ended.add(new AttemptGrades.Ended(s.id(), s.endedAt(), st)));
            }
        }
        Optional<EpaResult> result = Optional.empty();
        Optional<String> problem = Optional.empty();
        Map<String, ComponentResult> bySession = Map.of();
        if (plan.isPresent()) {
            try {
                AttemptGrades.Graded graded = AttemptGrades.grade(plan.get(), ended);
                result = Optional.of(graded.overall());
                bySession = graded.bySession();
            } catch (GradingInputException e) {
                problem = Optional.of("The sessions do not fit the plan: " + e.getMessage());
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        List<SessionLine> lines = new ArrayList<>();
        for (SessionSummary s : ordered) {
            Optional<ComponentResult> r = Optional.ofNullable(bySession.get(s.id()));
            lines.add(new SessionLine(s, r, Optional.ofNullable(s.endedAt()).map(at -> LocalDate.ofInstant(at, zone))));
            if (s.endedAt() != null) {
                attempts.add(new Attempt(s.componentId(), s.attempt(), LocalDate.ofInstant(s.endedAt(), zone),
                        r.map(ComponentResult::grade).orElse(null)));
            }
        }
        ApprenticeEpa apprenticeEpa = epa(a, attempts, signed.contains(a.id()));
        Optional<ApprenticeEpa.Review> review = plan.map(p -> apprenticeEpa.review(p, today()));
        return new ApprenticeFile(a, plan, apprenticeEpa, lines, result, review, problem);
    }
}
