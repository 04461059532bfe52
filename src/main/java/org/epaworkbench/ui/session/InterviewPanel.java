package org.epaworkbench.ui.session;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.plan.Component;
import org.epaworkbench.session.AskedQuestion;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.LiveSnapshot;
import org.kordamp.ikonli.javafx.FontIcon;

/** The interview's competency questions: how many of how many, each with its time, and its follow-ups. */
final class InterviewPanel extends VBox {

    private final LiveSessionModel model;
    private final Label counter = new Label();
    private final VBox list = new VBox(4);
    private final Button ask = new Button("Ask question");
    private final Button followUp = new Button("Explain further");
    private final Button close = new Button("Close question");
    private final Label limit = new Label();

    private final SessionActions actions;

    InterviewPanel(LiveSessionModel model, SessionActions actions) {
        this.model = model;
        this.actions = actions;
        getStyleClass().addAll("panel", "interview-panel");
        setId("interview-panel");
        setSpacing(8);
        Label heading = new Label("COMPETENCY QUESTIONS");
        heading.getStyleClass().add("panel-heading");
        counter.setId("question-counter");
        counter.getStyleClass().add("question-counter");

        ask.setId("ask-question");
        ask.setGraphic(new FontIcon("mdi2c-comment-question-outline"));
        ask.setTooltip(new Tooltip("Ask the next question, from the bank or typed (Ctrl+K)"));
        ask.setOnAction(e -> actions.askQuestion());
        followUp.setId("follow-up");
        followUp.setGraphic(new FontIcon("mdi2c-comment-text-outline"));
        followUp.setTooltip(new Tooltip("Record an “explain further” prompt on the current question (Ctrl+L)"));
        followUp.setOnAction(e -> actions.followUp());
        ask.setMaxWidth(Double.MAX_VALUE);
        followUp.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(ask, Priority.ALWAYS);
        HBox.setHgrow(followUp, Priority.ALWAYS);
        HBox buttons = new HBox(8, ask, followUp);
        buttons.setAlignment(Pos.CENTER_LEFT);
        close.setId("close-question");
        close.setGraphic(new FontIcon("mdi2c-comment-check-outline"));
        close.setTooltip(new Tooltip("Finished with this question: its time stops now, not at the next question (Ctrl+Shift+K)"));
        close.setOnAction(e -> actions.closeQuestion());
        close.setMaxWidth(Double.MAX_VALUE);

        // once every question is asked: one calm line, with the plan's rule behind it
        limit.setId("question-limit-status");
        limit.getStyleClass().add("plan-subtitle");
        limit.setGraphic(new FontIcon("mdi2c-check-circle-outline"));
        limit.setMaxWidth(Double.MAX_VALUE);
        limit.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        limit.managedProperty().bind(limit.visibleProperty());
        model.snapshot().component().questions().ifPresent(q -> limit.setTooltip(new Tooltip("The interview consists of "
                + q.exactly() + " competency questions" + q.source().quoteText().map(t -> " (“" + t + "”, "
                + q.source().shortForm() + ")").orElse(" (" + q.source().shortForm() + ")")
                + ". Explain further still records follow-up prompts on the last question.")));

        getChildren().addAll(heading, counter, buttons, limit, close, list);
        model.snapshotProperty().addListener((o, a, b) -> refresh());
        model.elapsedProperty().addListener((o, a, b) -> refreshTimes());
        model.savingProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        LiveSnapshot s = model.snapshot();
        Component c = s.component();
        int asked = s.state().questions().size();
        counter.setText(c.questions().map(q -> "Question " + asked + " of " + q.exactly())
                .orElse(asked + (asked == 1 ? " question" : " questions") + " asked"));
        boolean running = s.state().running() && s.gap().isEmpty();
        boolean busy = model.savingProperty().get();
        boolean allAsked = c.questions().map(q -> asked >= q.exactly()).orElse(false);
        ask.setDisable(busy || !running || allAsked);
        limit.setVisible(allAsked);
        limit.setText(allAsked ? "All " + asked + " questions asked" : "");
        followUp.setDisable(busy || !running || s.state().currentQuestion().isEmpty());
        close.setDisable(busy || s.gap().isPresent() || s.state().ended() || s.state().currentQuestion().isEmpty());
        close.setText(s.state().currentQuestion().map(q -> "Close question " + q.number()).orElse("Close question"));
        refreshTimes();
    }

    private void refreshTimes() {
        LiveSnapshot s = model.snapshot();
        list.getChildren().clear();
        for (AskedQuestion q : s.state().questions()) {
            Label text = new Label(q.number() + ". " + q.text());
            text.setWrapText(true);
            text.getStyleClass().add("asked-question");
            Label time = new Label(ElapsedText.format(q.timeSpent(model.elapsedProperty().get())));
            time.getStyleClass().add("question-time");
            time.setMinWidth(Label.USE_PREF_SIZE);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(8, text, time);
            RecordingBar.positionButton(s.state().recordingPositionOf(q), actions::play).ifPresent(b -> {
                b.setId("play-question-" + q.number());
                row.getChildren().add(b);
            });
            list.getChildren().add(row);
            for (String f : q.followUps()) {
                Label fl = new Label("↳ " + f);
                fl.setWrapText(true);
                fl.getStyleClass().add("follow-up-text");
                list.getChildren().add(fl);
            }
        }
    }
}
