package org.epaworkbench.ui.session;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.QuestioningLimit;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.QuestioningBudget;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Questioning time used against the plan's limit, always visible, with one button (and one key) to
 * start and stop questioning, a warning before the limit and an unmistakable alert past it. The
 * rule's source text is one click away.
 */
final class QuestioningPanel extends VBox {

    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass EXCEEDED = PseudoClass.getPseudoClass("exceeded");

    private final LiveSessionModel model;
    private final Label used = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label level = new Label();
    private final Button toggle = new Button();

    QuestioningPanel(LiveSessionModel model, SessionActions actions) {
        this.model = model;
        getStyleClass().addAll("panel", "questioning-panel");
        setId("questioning-panel");
        setSpacing(8);
        Component component = model.snapshot().component();
        QuestioningLimit limit = component.questioning();

        Label heading = new Label("QUESTIONING TIME");
        heading.getStyleClass().add("panel-heading");
        Hyperlink rule = new Hyperlink("Rule");
        rule.setId("questioning-rule");
        rule.setGraphic(new FontIcon("mdi2b-book-open-variant"));
        rule.setOnAction(e -> showRule(rule, component, limit));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, heading, spacer, rule);
        top.setAlignment(Pos.CENTER_LEFT);

        used.setId("questioning-used");
        used.getStyleClass().add("questioning-used");
        bar.setMaxWidth(Double.MAX_VALUE);
        level.setId("questioning-level");
        level.getStyleClass().add("questioning-level");
        level.setWrapText(true);
        level.setMaxWidth(Double.MAX_VALUE);

        toggle.setId("questioning-toggle");
        toggle.setMaxWidth(Double.MAX_VALUE);
        toggle.getStyleClass().add("questioning-toggle");
        toggle.setTooltip(new Tooltip("Start or stop questioning (F8, or Q when not typing)"));
        toggle.setOnAction(e -> actions.toggleQuestioning());

        getChildren().addAll(top, used, bar, level, toggle);
        model.questioningProperty().addListener((o, a, b) -> refresh());
        model.savingProperty().addListener((o, a, b) -> refresh());
        model.snapshotProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void showRule(Hyperlink anchor, Component component, QuestioningLimit limit) {
        Label text = new Label("At most " + limit.describe() + " = " + ElapsedText.format(limit.limitFor(component.timing()))
                + " of questioning in this " + org.epaworkbench.Wording.inSentence(component.title()) + ".\n\n"
                + limit.source().quoteText().map(q -> "“" + q + "”\n").orElse("")
                + "— " + limit.source().shortForm()
                + limit.source().noteText().map(n -> "\n\n" + n).orElse(""));
        text.setWrapText(true);
        text.setMaxWidth(420);
        text.setId("questioning-rule-text");
        VBox box = new VBox(text);
        box.setStyle("-fx-padding: 12;");
        PopOver pop = new PopOver(box);
        pop.setTitle("Questioning rule");
        pop.setHeaderAlwaysVisible(true);
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        pop.show(anchor);
    }

    private void refresh() {
        QuestioningBudget q = model.questioningProperty().get();
        if (q == null) {
            return;
        }
        used.setText(ElapsedText.format(q.used()) + " of " + ElapsedText.format(q.limit()));
        bar.setProgress(Math.min(1.0, (double) q.used().toMillis() / q.limit().toMillis()));
        QuestioningBudget.Level l = q.level();
        pseudoClassStateChanged(ACTIVE, q.active());
        pseudoClassStateChanged(WARNING, l == QuestioningBudget.Level.WARNING);
        pseudoClassStateChanged(EXCEEDED, l == QuestioningBudget.Level.EXCEEDED);
        level.setText(switch (l) {
            case WITHIN -> (q.active() ? "Questioning now: " : "") + q.remainingText();
            case WARNING -> "Nearly at the limit: " + q.remainingText();
            case EXCEEDED -> "QUESTIONING LIMIT EXCEEDED: " + q.remainingText();
        });
        level.setGraphic(new FontIcon(switch (l) {
            case WITHIN -> q.active() ? "mdi2m-microphone" : "mdi2c-check-circle-outline";
            case WARNING -> "mdi2a-alert-outline";
            case EXCEEDED -> "mdi2a-alert-octagon";
        }));
        toggle.setText(q.active() ? "Stop questioning (F8)" : "Start questioning (F8)");
        toggle.setGraphic(new FontIcon(q.active() ? "mdi2s-stop-circle-outline" : "mdi2m-microphone"));
        var st = model.snapshot().state();
        toggle.setDisable(model.savingProperty().get() || st.ended() || model.snapshot().gap().isPresent()
                || (!q.active() && !st.running()));
    }
}
