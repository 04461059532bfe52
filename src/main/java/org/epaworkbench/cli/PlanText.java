package org.epaworkbench.cli;

import java.util.List;
import java.util.Map;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptCap;
import org.epaworkbench.plan.CarryOverRule;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.QuestioningLimit;
import org.epaworkbench.plan.SourceDocument;
import org.epaworkbench.session.ElapsedText;

/** Renders a plan for a terminal: what {@code plans show} prints without {@code --json}. */
final class PlanText {
    private static final String NL = System.lineSeparator();

    private PlanText() {
    }

    static String render(AssessmentPlan plan, String origin) {
        StringBuilder s = new StringBuilder();
        s.append(plan.title()).append("  [").append(plan.id()).append(", ").append(origin).append("]").append(NL);
        s.append("Organisation: ").append(plan.organisation()).append(NL);
        s.append("Standard:     ").append(plan.standard()).append(", level ").append(plan.level()).append(NL);
        s.append("Version:      ").append(plan.version()).append(NL);
        s.append("Sources:").append(NL);
        for (SourceDocument d : plan.sources()) {
            s.append("  ").append(d.ref()).append("  ").append(d.title());
            if (d.file() != null) {
                s.append(" (").append(d.file()).append(")");
            }
            s.append(NL);
        }
        for (String note : plan.notes()) {
            s.append("Note: ").append(note).append(NL);
        }
        for (Component c : plan.components()) {
            s.append(NL).append(c.title()).append("  [").append(c.id()).append("]").append(NL);
            s.append("  Timing:       ").append(c.timing().describe()).append("  (").append(c.timing().source().shortForm())
                    .append(")").append(NL);
            QuestioningLimit q = c.questioning();
            if (q != null) {
                s.append("  Questioning:  at most ").append(q.describe()).append(" = ")
                        .append(ElapsedText.format(q.limitFor(c.timing()))).append("  (")
                        .append(q.source().shortForm()).append(")").append(NL);
            }
            c.questions().ifPresent(qc -> s.append("  Questions:    ").append(qc.exactly()).append("  (")
                    .append(qc.source().shortForm()).append(")").append(NL));
            int d = c.distinctionCriteria().size();
            s.append("  Grading:      pass = all ").append(c.passCriteria().size()).append(" pass criteria; distinction = also ")
                    .append(d == 0 ? "(no distinction criteria)" : c.distinctionRule().describe(d) + " distinction criteria")
                    .append("  (").append(c.gradingSource().shortForm()).append(")").append(NL);
            for (Map.Entry<String, List<Criterion>> theme : c.criteriaByTheme().entrySet()) {
                s.append("  ").append(theme.getKey()).append(NL);
                for (Criterion cr : theme.getValue()) {
                    s.append(String.format("    %-6s %-11s %s", cr.code(), cr.level().word(),
                            cr.displayText().replace("\n", " "))).append(NL);
                }
            }
        }
        s.append(NL).append("Overall distinction: ").append(plan.overallDistinction().describe(plan.components().size()))
                .append(" components at distinction  (").append(plan.overallSource().shortForm()).append(")").append(NL);
        AttemptCap cap = plan.attemptCap();
        if (cap == null) {
            s.append("Resit/retake cap: none stated in the sources").append(NL);
        } else {
            s.append("Resit/retake cap: ").append(cap.maxGrade().label()).append(" on the ").append(cap.scope().word())
                    .append(" grade").append(cap.waivedForExceptionalCircumstances() ? ", unless exceptional circumstances" : "")
                    .append("  (").append(cap.source().shortForm()).append(")").append(NL);
        }
        for (CarryOverRule r : plan.carryOver()) {
            s.append("Carry-over: criteria that did not arise in ").append(r.fromComponent()).append(" may be assessed in ")
                    .append(r.toComponent()).append("  (").append(r.source().shortForm()).append(")").append(NL);
        }
        return s.toString();
    }
}
