package org.epaworkbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.GradingInputException;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.session.AttemptGrades;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionState;

/**
 * The session summaries kept beside the event logs (issue 17, ADR 15): each ended session's grade, written in
 * the same transaction as the event, import or change that alters it, so the lists read rows and never fold a
 * log. Grading an apprentice folds only that apprentice's ended sessions of their plan: the cost of a write does
 * not grow with how many sessions are stored. When the rules ({@link #VERSION}) or the installed plans differ
 * from those the summaries were computed with, {@link #rebuild} computes them all again from the logs.
 */
public final class SessionSummaries {

    /** Bump when what a summary holds or how it is computed changes: every data folder rebuilds once. */
    public static final int VERSION = 1;

    /** The overall result noted while a component has no ended attempt yet. */
    public static final String INCOMPLETE = "INCOMPLETE";

    /** The installed plans, by id. */
    @FunctionalInterface
    public interface PlanLookup {
        Optional<AssessmentPlan> plan(String planId);
    }

    private final Database database;
    private volatile Supplier<? extends PlanLookup> plans;
    private volatile PlanLookup ready;

    SessionSummaries(Database database) {
        this.database = database;
    }

    /**
     * How summaries find the plans to grade with; set once by the application layer. Until it is set, a change
     * that needs a grade marks the summaries stale instead, and the next open with plans rebuilds them.
     */
    public void gradeWith(Supplier<? extends PlanLookup> lookup) {
        this.plans = lookup;
        this.ready = null;
    }

    /**
     * Loads the plans before a write that may grade: they are read from the database, and must not be loaded for
     * the first time by a thread that already holds its transaction while another loads them.
     */
    void prepare() {
        Supplier<? extends PlanLookup> p = plans;
        if (ready == null && p != null) {
            ready = p.get();
        }
    }

    /** Whether an event of this kind may change a grade: it ends a session, or comes after its end. */
    static boolean mayGrade(SessionEvent e) {
        return e.body() instanceof org.epaworkbench.session.EventBody.Ended
                || org.epaworkbench.session.EventBody.allowedAfterEnd(e.type());
    }

    /** Grades the apprentice who owns {@code sessionId} again, in the caller's transaction. */
    void regradeSession(Connection c, String sessionId) throws SQLException {
        Optional<String> apprentice = Sql.one(c, "SELECT apprentice_id FROM session WHERE id = ?", rs -> rs.getString(1),
                sessionId);
        if (apprentice.isPresent()) {
            regrade(c, apprentice.get());
        }
    }

    /**
     * Grades an apprentice's ended sessions of their plan again and writes each session's grade, in the caller's
     * transaction. Sessions of another plan, or not ended, have none; without the plan installed, or when the sessions
     * do not fit it, none has.
     */
    void regrade(Connection c, String apprenticeId) throws SQLException {
        PlanLookup lookup = ready;
        if (lookup == null) {
            Sql.update(c, "UPDATE summary_state SET stale = 1");
            return;
        }
        Optional<String> planId = Sql.one(c, "SELECT plan_id FROM apprentice WHERE id = ?", rs -> rs.getString(1), apprenticeId);
        record Row(String id, String planId, String endedAt) {
        }
        List<Row> rows = Sql.query(c, "SELECT id, plan_id, ended_at FROM session WHERE apprentice_id = ? "
                + "ORDER BY created_at, id", rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)), apprenticeId);
        Map<String, ComponentResult> grades = Map.of();
        String overall = null;
        Optional<AssessmentPlan> plan = planId.flatMap(lookup::plan);
        if (plan.isPresent()) {
            List<AttemptGrades.Ended> ended = new ArrayList<>();
            for (Row r : rows) {
                if (r.endedAt() != null && r.planId().equals(planId.get())) {
                    List<SessionEvent> log = SessionStore.canonical(c, r.id());
                    if (!log.isEmpty()) {
                        ended.add(new AttemptGrades.Ended(r.id(), Instant.parse(r.endedAt()), SessionState.fold(log)));
                    }
                }
            }
            try {
                AttemptGrades.Graded graded = AttemptGrades.grade(plan.get(), ended);
                grades = graded.bySession();
                // kept only once something has been graded: before any ended session the lists say incomplete by
                // themselves (ApprenticeFiles.rows), so saving a new apprentice needs no plan at hand
                overall = ended.isEmpty() ? null
                        : graded.overall().overall().complete() ? graded.overall().overall().grade().name() : INCOMPLETE;
            } catch (GradingInputException e) {
                grades = Map.of();
            }
        }
        Sql.update(c, "DELETE FROM apprentice_summary WHERE apprentice_id = ?", apprenticeId);
        if (overall != null) {
            Sql.update(c, "INSERT INTO apprentice_summary (apprentice_id, overall) VALUES (?, ?)", apprenticeId, overall);
        }
        for (Row r : rows) {
            ComponentResult g = grades.get(r.id());
            Sql.update(c, "UPDATE session SET grade = ?, grade_capped = ? WHERE id = ?",
                    g == null ? null : g.grade().name(), g != null && g.capped() ? 1 : 0, r.id());
        }
    }

    /** Each apprentice's overall result in the command line's words (a grade's name or {@link #INCOMPLETE}), by id. */
    public Map<String, String> overallResults() throws SQLException {
        return database.inTransaction(c -> {
            Map<String, String> byApprentice = new java.util.HashMap<>();
            Sql.query(c, "SELECT apprentice_id, overall FROM apprentice_summary", rs -> byApprentice.put(rs.getString(1),
                    rs.getString(2)));
            return byApprentice;
        });
    }

    /** Whether the summaries were computed by these rules with these plans ({@code plans}: {@link #fingerprint}). */
    public boolean current(String plansFingerprint) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT version, plans, stale FROM summary_state WHERE id = 1",
                rs -> rs.getInt(1) == VERSION && rs.getString(2).equals(plansFingerprint) && rs.getInt(3) == 0))
                .orElse(false);
    }

    /**
     * Computes every summary again from the logs, in one transaction, and notes the rules and plans it used.
     *
     * @return how many apprentices were graded
     */
    public int rebuild(String plansFingerprint) throws SQLException {
        prepare();
        if (ready == null) {
            throw new IllegalStateException("summaries are rebuilt with the installed plans: none were given");
        }
        return database.inTransaction(c -> {
            List<String> apprentices = Sql.query(c, "SELECT id FROM apprentice ORDER BY id", rs -> rs.getString(1));
            for (String id : apprentices) {
                regrade(c, id);
            }
            Sql.update(c, "DELETE FROM apprentice_summary WHERE apprentice_id NOT IN (SELECT id FROM apprentice)");
            // sessions whose apprentice is not stored here (cannot happen through the app) keep no grade
            Sql.update(c, "UPDATE session SET grade = NULL, grade_capped = 0 WHERE apprentice_id NOT IN (SELECT id FROM apprentice)");
            Sql.update(c, "UPDATE summary_state SET version = ?, plans = ?, stale = 0 WHERE id = 1", VERSION, plansFingerprint);
            return apprentices.size();
        });
    }

    /**
     * Grades again the apprentices on one plan (after it was imported or replaced), in one transaction, and notes the
     * plans now installed.
     */
    public int regradePlan(String planId, String plansFingerprint) throws SQLException {
        prepare();
        return database.inTransaction(c -> {
            List<String> apprentices = Sql.query(c, "SELECT id FROM apprentice WHERE plan_id = ? ORDER BY id",
                    rs -> rs.getString(1), planId);
            for (String id : apprentices) {
                regrade(c, id);
            }
            Sql.update(c, "UPDATE summary_state SET plans = ? WHERE id = 1 AND version = ?", plansFingerprint, VERSION);
            return apprentices.size();
        });
    }

    /** The installed plans as the summaries note them: each plan's id and version, in order. */
    public static String fingerprint(List<AssessmentPlan> plans) {
        return String.join(",", plans.stream().map(p -> p.id() + "@" + p.version()).sorted().toList());
    }
}
