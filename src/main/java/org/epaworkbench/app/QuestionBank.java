package org.epaworkbench.app;

import java.sql.SQLException;
import java.util.List;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.store.QuestionBankStore;
import org.epaworkbench.store.QuestionBankStore.BankQuestion;

/** The questions an assessor asks from: a component's example questions from the plan (which they may hide) and their own. */
public final class QuestionBank {

    private final QuestionBankStore store;

    QuestionBank(QuestionBankStore store) {
        this.store = store;
    }

    /** The questions shown for a component: the plan's examples not hidden, then the assessor's own. */
    public List<BankQuestion> questions(AssessmentPlan plan, Component component) throws SQLException {
        return store.questions(plan, component);
    }

    /** Adds one of the assessor's own questions (under "My questions" without a theme). */
    public BankQuestion add(AssessmentPlan plan, Component component, String theme, String text) throws SQLException {
        return store.add(plan, component, theme, text);
    }

    /** Changes one of the assessor's own questions; the plan's examples are not changed. */
    public void edit(String id, String theme, String text) throws SQLException {
        store.edit(id, theme, text);
    }

    /** Deletes one of the assessor's questions, or hides one of the plan's examples. */
    public void remove(AssessmentPlan plan, Component component, String id) throws SQLException {
        store.remove(plan, component, id);
    }

    /** Shows the plan's hidden examples again. */
    public void restorePlanQuestions(AssessmentPlan plan, Component component) throws SQLException {
        store.restorePlanQuestions(plan, component);
    }
}
