package org.epaworkbench.ui.session;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.Grade;

/** The grade the judgements so far would earn, and what is still missing for a pass and a distinction. */
final class GradePreviewPanel extends VBox {

    private static final PseudoClass FAIL = PseudoClass.getPseudoClass("fail");
    private static final PseudoClass PASS = PseudoClass.getPseudoClass("pass");
    private static final PseudoClass DISTINCTION = PseudoClass.getPseudoClass("distinction");

    private final LiveSessionModel model;
    private final SessionActions actions;
    private final Label heading = new Label("GRADE SO FAR");
    private final Label grade = new Label();
    private final Label passLine = new Label();
    private final FlowPane passMissing = new FlowPane(4, 2);
    private final Label distinctionLine = new Label();
    private final FlowPane distinctionMissing = new FlowPane(4, 2);

    GradePreviewPanel(LiveSessionModel model, SessionActions actions) {
        this.model = model;
        this.actions = actions;
        getStyleClass().addAll("panel", "grade-panel");
        setId("grade-preview");
        setSpacing(6);
        heading.getStyleClass().add("panel-heading");
        grade.setId("grade-now");
        grade.getStyleClass().add("grade-now");
        passLine.setWrapText(true);
        passLine.setId("missing-for-pass");
        distinctionLine.setWrapText(true);
        distinctionLine.setId("missing-for-distinction");
        getChildren().addAll(heading, grade, passLine, passMissing, distinctionLine, distinctionMissing);
        model.snapshotProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        ComponentResult r = model.snapshot().gradePreview();
        heading.setText(model.snapshot().state().ended() ? "COMPONENT GRADE" : "GRADE SO FAR");
        grade.setText(r.grade().label() + (r.capped() ? " (capped: " + r.attempt().word() + ")" : ""));
        pseudoClassStateChanged(FAIL, r.grade() == Grade.FAIL);
        pseudoClassStateChanged(PASS, r.grade() == Grade.PASS);
        pseudoClassStateChanged(DISTINCTION, r.grade() == Grade.DISTINCTION);
        passLine.setText(r.passTotal() == 0 ? "Pass: the plan lists no pass criteria."
                : r.missingForPass().isEmpty() ? "Pass: all " + r.passTotal() + " pass criteria met."
                : "Pass: " + r.passMet() + " of " + r.passTotal() + " met. Still needed:");
        links(passMissing, r.missingForPass());
        if (r.distinctionTotal() == 0) {
            distinctionLine.setText("No distinction criteria.");
        } else if (r.missingForDistinction().isEmpty() || r.distinctionShortfall() == 0) {
            distinctionLine.setText("Distinction: " + r.distinctionMet() + " of " + r.distinctionTotal() + " met — enough.");
        } else {
            distinctionLine.setText("Distinction: " + r.distinctionMet() + " of " + r.distinctionTotal()
                    + " met; needs " + r.distinctionRequired()
                    + (r.distinctionShortfall() < r.missingForDistinction().size()
                    ? " (any " + r.distinctionShortfall() + " more of):" : ". Still needed:"));
        }
        links(distinctionMissing, r.distinctionShortfall() == 0 ? List.of() : r.missingForDistinction());
    }

    private void links(FlowPane pane, List<Criterion> criteria) {
        pane.getChildren().clear();
        for (Criterion c : criteria) {
            Hyperlink link = new Hyperlink(c.code());
            link.getStyleClass().add("missing-code");
            link.setOnAction(e -> actions.jumpTo(c.code()));
            pane.getChildren().add(link);
        }
    }
}
