package org.epaworkbench.ui.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.epaworkbench.plan.Citation;
import org.epaworkbench.ui.common.SourceLabel;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.DurationWindow;
import org.epaworkbench.plan.QuestioningLimit;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.ui.common.Badges;

/** A plan component, expandable: its timing, questioning limit, grading rule and criteria by theme. */
final class ComponentPane extends TitledPane {

    private final List<CriterionRow> rows = new ArrayList<>();
    private final List<ThemeGroup> groups = new ArrayList<>();

    /** A theme heading with its criteria, hidden when none of them matches a search. */
    private record ThemeGroup(Label heading, List<CriterionRow> rows) {
    }

    ComponentPane(Component component) {
        getStyleClass().add("component-pane");
        setText(component.title());
        setId("component-" + component.id());

        VBox body = new VBox(10);
        body.setPadding(new Insets(12, 16, 16, 16));
        body.getChildren().add(summary(component));
        body.getChildren().add(facts(component));

        VBox criteria = new VBox(2);
        for (Map.Entry<String, List<Criterion>> theme : component.criteriaByTheme().entrySet()) {
            Label heading = new Label(theme.getKey());
            heading.getStyleClass().add("theme-heading");
            criteria.getChildren().add(heading);
            List<CriterionRow> themeRows = new ArrayList<>();
            String lastNote = null;
            for (Criterion c : theme.getValue()) {
                // a note that says what a criterion without wording stands for, once for a run of alike criteria
                String note = c.noteOnMissingWording().orElse(null);
                CriterionRow row = new CriterionRow(c, note != null && !note.equals(lastNote), component.ksbRequirementsOf(c));
                lastNote = note;
                themeRows.add(row);
                rows.add(row);
                criteria.getChildren().add(row);
            }
            groups.add(new ThemeGroup(heading, themeRows));
        }
        body.getChildren().add(criteria);
        setContent(body);
    }

    private static Node summary(Component c) {
        FlowPane chips = new FlowPane(6, 6);
        chips.getChildren().add(Badges.badge(c.timing().describe(), "badge-neutral"));
        c.questioningLimit().ifPresent(q -> chips.getChildren().add(
                Badges.badge("Questioning ≤ " + ElapsedText.format(q.limitFor(c.timing())), "badge-neutral")));
        c.questions().ifPresent(q -> chips.getChildren().add(Badges.badge(q.exactly() + " questions", "badge-neutral")));
        chips.getChildren().add(Badges.badge(criteria(c.passCriteria().size(), "pass"), "badge-pass"));
        chips.getChildren().add(Badges.badge(criteria(c.distinctionCriteria().size(), "distinction"), "badge-distinction"));
        return chips;
    }

    private static String criteria(int n, String level) {
        return n + " " + level + (n == 1 ? " criterion" : " criteria");
    }

    private static Node facts(Component c) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("facts");
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        DurationWindow t = c.timing();
        addFact(grid, row++, "Duration", t.describe(), t.source());
        QuestioningLimit q = c.questioning();
        if (q != null) {
            addFact(grid, row++, "Questioning time", "at most " + q.describe() + " — "
                    + ElapsedText.format(q.limitFor(t)) + " in this component", q.source());
        } else {
            addFact(grid, row++, "Questioning time", "no limit inside this component", null);
        }
        if (c.questionCount() != null) {
            addFact(grid, row++, "Questions", c.questionCount().exactly() + " competency questions", c.questionCount().source());
        }
        int rowAfter = row;
        if (c.oneSession() != null) {
            addFact(grid, rowAfter++, "One session", c.oneSession().source().quoteText().orElse("carried out in one session"),
                    c.oneSession().source());
        }
        if (c.resitFollowUp() != null) {
            addFact(grid, rowAfter++, "With a resit", c.resitFollowUp().describe(), c.resitFollowUp().source());
        }
        row = rowAfter;
        int d = c.distinctionCriteria().size();
        String grading = "Pass: every pass criterion (" + c.passCriteria().size() + "). Distinction: "
                + (d == 0 ? "no distinction criteria" : "also " + c.distinctionRule().describe(d) + " distinction criteria") + ".";
        addFact(grid, row, "Grading", grading, c.gradingSource());
        return grid;
    }

    static void addFact(GridPane grid, int row, String name, String value, Citation source) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        n.setMinWidth(Label.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        grid.add(n, 0, row);
        grid.add(v, 1, row);
        if (source != null) {
            Label s = SourceLabel.of(source);
            grid.add(s, 2, row);
        }
    }

    /** Shows only criteria matching the query; returns how many match. */
    int filter(String query) {
        int matches = 0;
        for (ThemeGroup g : groups) {
            int inGroup = 0;
            for (CriterionRow r : g.rows()) {
                boolean m = r.matches(query);
                r.setVisible(m);
                r.setManaged(m);
                if (m) {
                    inGroup++;
                }
            }
            g.heading().setVisible(inGroup > 0);
            g.heading().setManaged(inGroup > 0);
            matches += inGroup;
        }
        return matches;
    }

    List<CriterionRow> rows() {
        return rows;
    }
}
