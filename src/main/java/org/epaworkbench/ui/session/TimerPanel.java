package org.epaworkbench.ui.session;

import java.time.Duration;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.plan.DurationWindow;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.SessionStatus;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The big elapsed timer with the component's duration window (minimum, planned, maximum) and where
 * the time stands against it, in words and colour; and the start, pause, resume and end buttons.
 */
final class TimerPanel extends VBox {

    private static final List<PseudoClass> STATES = List.of(PseudoClass.getPseudoClass("before-minimum"),
            PseudoClass.getPseudoClass("in-window"), PseudoClass.getPseudoClass("approaching-maximum"),
            PseudoClass.getPseudoClass("over-maximum"), PseudoClass.getPseudoClass("past-planned"));

    private final LiveSessionModel model;
    private final Label elapsed = new Label("0:00");
    private final ProgressBar bar = new ProgressBar(0);
    private final Label state = new Label();
    private final Label status = new Label();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button end = new Button("End");
    private HBox buttons;
    private final HBox top;
    private final Label locked = new Label("Ended: the record is locked. Corrections are amendments with a reason.");

    TimerPanel(LiveSessionModel model, SessionActions actions) {
        this.model = model;
        getStyleClass().addAll("panel", "timer-panel");
        setSpacing(8);

        Label heading = new Label("ELAPSED");
        heading.getStyleClass().add("panel-heading");
        status.getStyleClass().add("session-status");
        top = new HBox(8, heading, spacer(), status);
        top.setAlignment(Pos.CENTER_LEFT);

        elapsed.setId("elapsed-timer");
        elapsed.getStyleClass().add("elapsed-timer");
        elapsed.setMaxWidth(Double.MAX_VALUE);

        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("window-bar");

        DurationWindow w = model.snapshot().component().timing();
        HBox marks = new HBox(mark("MINIMUM", w.minimum().orElse(null)), mark("PLANNED", w.planned()),
                mark("MAXIMUM", w.maximum().orElse(null)));
        marks.getStyleClass().add("window-marks");

        state.setId("duration-state");
        state.getStyleClass().add("duration-state");
        state.setWrapText(true);
        state.setMaxWidth(Double.MAX_VALUE);

        start.setId("start-button");
        start.setGraphic(new FontIcon("mdi2p-play"));
        start.setTooltip(new Tooltip("Start or resume the session (Ctrl+Enter)"));
        start.getStyleClass().add("accent");
        start.setOnAction(e -> actions.startOrResume());
        pause.setId("pause-button");
        pause.setGraphic(new FontIcon("mdi2p-pause"));
        pause.setTooltip(new Tooltip("Pause the session, with a reason (Ctrl+P)"));
        pause.setOnAction(e -> actions.pause());
        end.setId("end-button");
        end.setGraphic(new FontIcon("mdi2s-stop"));
        end.setTooltip(new Tooltip("End the session (Ctrl+E)"));
        end.setOnAction(e -> actions.end());
        for (Button b : List.of(start, pause, end)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        buttons = new HBox(8, start, pause, end);
        buttons.managedProperty().bind(buttons.visibleProperty());
        locked.getStyleClass().add("plan-subtitle");
        locked.setWrapText(true);
        locked.setGraphic(new FontIcon("mdi2l-lock-outline"));
        locked.managedProperty().bind(locked.visibleProperty());

        getChildren().addAll(top, elapsed, bar, marks, state, buttons, locked);
        model.elapsedProperty().addListener((o, a, b) -> refresh());
        model.snapshotProperty().addListener((o, a, b) -> refresh());
        model.savingProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Puts a short line beside the ELAPSED heading: the recording's state, kept in view with the clock. */
    void besideHeading(javafx.scene.Node n) {
        top.getChildren().add(1, n);
    }

    private static VBox mark(String name, Duration d) {
        Label n = new Label(name);
        n.getStyleClass().add("window-mark-name");
        Label v = new Label(d == null ? "not set" : ElapsedText.format(d));
        v.getStyleClass().add("window-mark");
        VBox box = new VBox(0, n, v);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private void refresh() {
        LiveSnapshot s = model.snapshot();
        Duration e = model.elapsedProperty().get();
        elapsed.setText(ElapsedText.format(e));
        DurationWindow w = s.component().timing();
        double scale = w.maximum().map(Duration::toMillis).orElse(w.planned().toMillis()) * 1.0;
        bar.setProgress(Math.min(1.0, e.toMillis() / scale));

        DurationState ds = model.durationStateProperty().get();
        for (int i = 0; i < STATES.size(); i++) {
            pseudoClassStateChanged(STATES.get(i), ds != null && ds.ordinal() == i);
        }
        boolean ended = s.state().ended();
        state.setText(ended ? "Ended " + ds.label().toLowerCase() + " at " + ElapsedText.format(e) : describe(ds, e, w));
        buttons.setVisible(!ended);
        locked.setVisible(ended);
        state.setGraphic(new FontIcon(switch (ds) {
            case BEFORE_MINIMUM -> "mdi2t-timer-sand";
            case IN_WINDOW -> "mdi2c-check-circle-outline";
            case APPROACHING_MAXIMUM -> "mdi2a-alert-outline";
            case OVER_MAXIMUM -> "mdi2a-alert-octagon";
            case PAST_PLANNED -> "mdi2c-clock-alert-outline";
        }));

        SessionStatus st = s.state().status();
        status.setText(st.label() + (s.gap().isPresent() ? " — interrupted" : ""));
        boolean busy = model.savingProperty().get();
        start.setText(st == SessionStatus.PAUSED ? "Resume" : "Start");
        start.setGraphic(new FontIcon("mdi2p-play"));
        start.setDisable(busy || !(st == SessionStatus.PLANNED || st == SessionStatus.PAUSED) || s.gap().isPresent());
        pause.setDisable(busy || st != SessionStatus.RUNNING || s.gap().isPresent());
        end.setDisable(busy || !(st == SessionStatus.RUNNING || st == SessionStatus.PAUSED) || s.gap().isPresent());
    }

    static String describe(DurationState ds, Duration elapsed, DurationWindow w) {
        return switch (ds) {
            case BEFORE_MINIMUM -> "Before minimum: " + ElapsedText.format(w.minimum().orElseThrow().minus(elapsed))
                    + " to go";
            case IN_WINDOW -> w.maximum().isPresent()
                    ? "In window: " + ElapsedText.format(w.maximum().get().minus(elapsed)) + " to maximum"
                    : "Within the planned " + ElapsedText.format(w.planned());
            case APPROACHING_MAXIMUM -> "Approaching maximum: " + ElapsedText.format(w.maximum().orElseThrow().minus(elapsed))
                    + " left";
            case OVER_MAXIMUM -> "Over maximum by " + ElapsedText.format(elapsed.minus(w.maximum().orElseThrow()));
            case PAST_PLANNED -> "Past the planned time by " + ElapsedText.format(elapsed.minus(w.planned()))
                    + " (the plan states no maximum)";
        };
    }
}
