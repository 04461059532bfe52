package org.epaworkbench.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.ExampleQuestion;

/**
 * The interview question bank: the example questions the plan's sources give (which the assessor can
 * hide) and the assessor's own questions (which they can add, edit and delete).
 */
public final class QuestionBankStore {

    /** A bank entry. {@code fromPlan} entries quote the source and cannot be edited, only hidden. */
    public record BankQuestion(String id, String theme, String text, boolean fromPlan, String source) {
    }

    private final Database database;
    private final Clock clock;

    public QuestionBankStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    static String planQuestionId(AssessmentPlan plan, Component component, int index) {
        return "plan:" + plan.id() + ":" + component.id() + ":" + (index + 1);
    }

    /** The visible bank for a component: the plan's examples not hidden, then the assessor's own. */
    public List<BankQuestion> questions(AssessmentPlan plan, Component component) throws SQLException {
        Set<String> hidden = Set.copyOf(database.inTransaction(c -> Sql.query(c,
                "SELECT id FROM question_bank WHERE plan_id = ? AND component_id = ? AND origin = 'plan' AND hidden = 1",
                rs -> rs.getString(1), plan.id(), component.id())));
        List<BankQuestion> result = new ArrayList<>();
        List<ExampleQuestion> examples = component.exampleQuestions();
        for (int i = 0; i < examples.size(); i++) {
            String id = planQuestionId(plan, component, i);
            if (!hidden.contains(id)) {
                ExampleQuestion e = examples.get(i);
                result.add(new BankQuestion(id, e.theme(), e.text(), true, e.source().shortForm()));
            }
        }
        result.addAll(database.inTransaction(c -> Sql.query(c,
                "SELECT id, theme, text FROM question_bank WHERE plan_id = ? AND component_id = ? AND origin = 'assessor' "
                        + "ORDER BY created_at, id",
                rs -> new BankQuestion(rs.getString(1), rs.getString(2), rs.getString(3), false, "your question"),
                plan.id(), component.id())));
        return result;
    }

    public BankQuestion add(AssessmentPlan plan, Component component, String theme, String text) throws SQLException {
        String id = "assessor:" + UUID.randomUUID();
        String t = theme == null || theme.isBlank() ? "My questions" : theme.strip();
        database.inTransaction(c -> Sql.update(c,
                "INSERT INTO question_bank (id, plan_id, component_id, theme, text, origin, hidden, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'assessor', 0, ?)",
                id, plan.id(), component.id(), t, text.strip(), clock.instant().toString()));
        return new BankQuestion(id, t, text.strip(), false, "your question");
    }

    public void edit(String id, String theme, String text) throws SQLException {
        database.inTransaction(c -> Sql.update(c,
                "UPDATE question_bank SET theme = ?, text = ? WHERE id = ? AND origin = 'assessor'",
                theme == null || theme.isBlank() ? "My questions" : theme.strip(), text.strip(), id));
    }

    /** Deletes an assessor's question, or hides one of the plan's examples. */
    public void remove(AssessmentPlan plan, Component component, String id) throws SQLException {
        if (id.startsWith("plan:")) {
            database.inTransaction(c -> Sql.update(c,
                    "INSERT INTO question_bank (id, plan_id, component_id, theme, text, origin, hidden, created_at) "
                            + "VALUES (?, ?, ?, '', '', 'plan', 1, ?) ON CONFLICT(id) DO UPDATE SET hidden = 1",
                    id, plan.id(), component.id(), clock.instant().toString()));
        } else {
            database.inTransaction(c -> Sql.update(c, "DELETE FROM question_bank WHERE id = ? AND origin = 'assessor'", id));
        }
    }

    /** Shows the plan's hidden examples again. */
    public void restorePlanQuestions(AssessmentPlan plan, Component component) throws SQLException {
        database.inTransaction(c -> Sql.update(c,
                "DELETE FROM question_bank WHERE plan_id = ? AND component_id = ? AND origin = 'plan'",
                plan.id(), component.id()));
    }
}
