package org.epaworkbench.ui.session;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.Grade;

/** The grade the judgements so far would earn, and what is still missing for a pass and a distinction. */
final class GradePreviewPanel extends VBox {

    private static final String SHOWN_CODES = "grade-preview.shown-codes";

    private static final PseudoClass FAIL = PseudoClass.getPseudoClass("fail");
    private static final PseudoClass PASS = PseudoClass.getPseudoClass("pass");
    private static final PseudoClass DISTINCTION = PseudoClass.getPseudoClass("distinction");

    private final LiveSessionModel model;
    private final SessionActions actions;
    private final Label heading = new Label("GRADE SO FAR");
    private final Label grade = new Label();
    private final Label passLine = new Label();
    private final Label distinctionLine = new Label();
    private final Label passNeeded = new Label();
    private final FlowPane passMissing = new FlowPane(4, 2);
    private final Label distinctionNeeded = new Label();
    private final FlowPane distinctionMissing = new FlowPane(4, 2);

    /**
     * The two summary lines (pass, distinction) come first and the lists of codes still needed after
     * them, so that at 768 pixels high both summaries stay in view even with a long list.
     */
    GradePreviewPanel(LiveSessionModel model, SessionActions actions) {
        this.model = model;
        this.actions = actions;
        getStyleClass().addAll("panel", "grade-panel");
        setId("grade-preview");
        setSpacing(4);
        heading.getStyleClass().add("panel-heading");
        grade.setId("grade-now");
        grade.getStyleClass().add("grade-now");
        passLine.setId("grade-pass-line");
        passLine.getStyleClass().add("grade-line");
        passLine.setWrapText(true);
        distinctionLine.setId("missing-for-distinction");
        distinctionLine.getStyleClass().add("grade-line");
        distinctionLine.setWrapText(true);
        passNeeded.setId("missing-for-pass");
        passNeeded.getStyleClass().add("grade-needed");
        passNeeded.setWrapText(true);
        distinctionNeeded.setId("distinction-needed");
        distinctionNeeded.getStyleClass().add("grade-needed");
        distinctionNeeded.setWrapText(true);
        for (javafx.scene.Node n : new javafx.scene.Node[] {passNeeded, passMissing, distinctionNeeded, distinctionMissing}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        getChildren().addAll(heading, grade, passLine, distinctionLine, passNeeded, passMissing, distinctionNeeded,
                distinctionMissing);
        model.snapshotProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /**
     * Compact (over the criteria in a narrow window): the grade and the two summary lines on one row, each list
     * of codes still needed on one row after its words; otherwise one line under another, in a column.
     */
    void setCompact(boolean compact) {
        for (javafx.scene.Node n : new javafx.scene.Node[] {passMissing, distinctionMissing}) {
            HBox.setHgrow(n, compact ? javafx.scene.layout.Priority.ALWAYS : null);
        }
        if (compact) {
            javafx.scene.layout.FlowPane summary = new javafx.scene.layout.FlowPane(14, 2, heading, grade, passLine, distinctionLine);
            summary.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
            getChildren().setAll(summary, row(passNeeded, passMissing), row(distinctionNeeded, distinctionMissing));
        } else {
            getChildren().setAll(heading, grade, passLine, distinctionLine, passNeeded, passMissing, distinctionNeeded,
                    distinctionMissing);
        }
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("compact"), compact);
    }

    private static HBox row(Label words, FlowPane codes) {
        words.setMinWidth(Label.USE_PREF_SIZE);
        HBox row = new HBox(6, words, codes);
        row.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        row.visibleProperty().bind(codes.visibleProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void refresh() {
        ComponentResult r = model.snapshot().gradePreview();
        heading.setText(model.snapshot().state().ended() ? "COMPONENT GRADE" : "GRADE SO FAR");
        // nothing judged yet is not a fail: no grade, no red, until the first judgement
        boolean nothingYet = !model.snapshot().state().ended() && model.snapshot().state().judgements().isEmpty();
        grade.setText(nothingYet ? "Not judged yet" : r.grade().label() + (r.capped() ? " (capped: " + r.attempt().word() + ")" : ""));
        pseudoClassStateChanged(FAIL, !nothingYet && r.grade() == Grade.FAIL);
        pseudoClassStateChanged(PASS, !nothingYet && r.grade() == Grade.PASS);
        pseudoClassStateChanged(DISTINCTION, !nothingYet && r.grade() == Grade.DISTINCTION);
        passLine.setText(r.passTotal() == 0 ? "Pass: the plan lists no pass criteria."
                : r.missingForPass().isEmpty() ? (r.passTotal() == 1 ? "Pass: the pass criterion is met."
                        : "Pass: all " + r.passTotal() + " pass criteria met.")
                : "Pass: " + r.passMet() + " of " + r.passTotal() + " met.");
        boolean distinctionShort = r.distinctionTotal() > 0 && !r.missingForDistinction().isEmpty() && r.distinctionShortfall() > 0;
        if (r.distinctionTotal() == 0) {
            distinctionLine.setText("No distinction criteria.");
        } else if (!distinctionShort) {
            distinctionLine.setText("Distinction: " + r.distinctionMet() + " of " + r.distinctionTotal() + " met — enough.");
        } else {
            distinctionLine.setText("Distinction: " + r.distinctionMet() + " of " + r.distinctionTotal() + " met; needs "
                    + r.distinctionRequired() + ".");
        }
        passNeeded.setText("Still needed for a pass:");
        passNeeded.setVisible(!r.missingForPass().isEmpty());
        passMissing.setVisible(!r.missingForPass().isEmpty());
        links(passMissing, r.missingForPass());
        distinctionNeeded.setText(distinctionShort && r.distinctionShortfall() < r.missingForDistinction().size()
                ? "For a distinction, any " + r.distinctionShortfall() + " more of:" : "Still needed for a distinction:");
        distinctionNeeded.setVisible(distinctionShort);
        distinctionMissing.setVisible(distinctionShort);
        links(distinctionMissing, distinctionShort ? r.missingForDistinction() : List.of());
    }

    private void links(FlowPane pane, List<Criterion> criteria) {
        // rebuilt only when the codes change: new links cost the FX thread a CSS pass on every judgement
        List<String> codes = criteria.stream().map(Criterion::code).toList();
        if (codes.equals(pane.getProperties().get(SHOWN_CODES))) {
            return;
        }
        pane.getProperties().put(SHOWN_CODES, codes);
        pane.getChildren().clear();
        for (Criterion c : criteria) {
            Hyperlink link = new Hyperlink(c.code());
            link.getStyleClass().add("missing-code");
            link.setOnAction(e -> actions.jumpTo(c.code()));
            pane.getChildren().add(link);
        }
    }
}
