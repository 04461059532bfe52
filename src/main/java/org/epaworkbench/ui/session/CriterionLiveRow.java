package org.epaworkbench.ui.session;

import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.CriterionLevel;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.Judgement;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.ui.common.Badges;

/**
 * One criterion in the live session: code, verbatim text, level, and its state as three buttons
 * (met, not met, not arisen) that show the committed judgement in colour and words.
 */
final class CriterionLiveRow extends GridPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final Criterion criterion;
    private final Map<CriterionState, Button> buttons = new EnumMap<>(CriterionState.class);
    private final Label status = new Label();

    CriterionLiveRow(Criterion criterion, CriterionActions actions, Runnable onSelect, boolean showNote) {
        this.criterion = criterion;
        getStyleClass().add("live-criterion");
        setId("criterion-" + criterion.id().replaceAll("[^A-Za-z0-9_-]", "_"));
        setHgap(10);
        setVgap(4);

        Label code = new Label(criterion.code());
        code.getStyleClass().add("criterion-code");
        code.setMinWidth(52);
        boolean pass = criterion.level() == CriterionLevel.PASS;
        Label level = Badges.badge(pass ? "Pass" : "Distinction", pass ? "badge-pass" : "badge-distinction");
        VBox left = new VBox(4, code, level);
        left.setMinWidth(84);

        Label text = new Label(criterion.displayText());
        text.setWrapText(true);
        text.getStyleClass().add("criterion-text");
        if (!criterion.wordingProvided()) {
            text.getStyleClass().add("wording-missing");
        }
        text.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add("criterion-status");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0);
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox states = new HBox(4);
        states.setAlignment(Pos.CENTER_RIGHT);
        HBox bottom = new HBox(8, status, states);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox middle = new VBox(4, text);
        if (showNote) {
            criterion.noteOnMissingWording().ifPresent(n -> {
                Label note = new Label(n);
                note.setWrapText(true);
                note.getStyleClass().add("criterion-note");
                middle.getChildren().add(note);
            });
        }
        middle.getChildren().add(bottom);
        for (CriterionState s : CriterionState.values()) {
            Button b = new Button(s.label());
            b.getStyleClass().addAll("state-button", "state-" + s.word().replace('_', '-'));
            b.setFocusTraversable(false);
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.setTooltip(new Tooltip(s.label() + " (" + key(s) + "); press again to clear"));
            b.setOnAction(e -> {
                onSelect.run();
                actions.judge(criterion, s);
            });
            buttons.put(s, b);
            states.getChildren().add(b);
        }

        add(left, 0, 0);
        add(middle, 1, 0);
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(c0, c1);
        setOnMouseClicked(e -> onSelect.run());
    }

    static String key(CriterionState s) {
        return switch (s) {
            case MET -> "M";
            case NOT_MET -> "N";
            case NOT_ARISEN -> "A";
        };
    }

    Criterion criterion() {
        return criterion;
    }

    private static final PseudoClass UNSAVED = PseudoClass.getPseudoClass("unsaved");
    private static final Map<CriterionState, PseudoClass> JUDGED = Map.of(
            CriterionState.MET, PseudoClass.getPseudoClass("met"),
            CriterionState.NOT_MET, PseudoClass.getPseudoClass("not-met"),
            CriterionState.NOT_ARISEN, PseudoClass.getPseudoClass("not-arisen"));

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    void show(SessionState state, boolean editable, LiveSessionModel.Unsaved unsaved) {
        Judgement j = state.judgements().get(criterion.id());
        for (Map.Entry<CriterionState, Button> e : buttons.entrySet()) {
            boolean chosen = j != null && j.state() == e.getKey();
            e.getValue().pseudoClassStateChanged(CHOSEN, chosen);
            e.getValue().setDisable(!editable);
        }
        int notes = state.notesOn(criterion.id()).size();
        int evidence = state.evidenceFor(criterion.id()).size();
        StringBuilder s = new StringBuilder(j == null ? "Not judged yet"
                : j.state().label() + " at " + ElapsedText.format(j.sessionTime()) + (j.amended() ? " (amended)" : ""));
        if (notes > 0) {
            s.append(" · ").append(notes).append(notes == 1 ? " note" : " notes");
        }
        if (evidence > 0) {
            s.append(" · ").append(evidence).append(" evidence");
        }
        boolean notSaved = j != null && unsaved.covers(j.at())
                || state.notesOn(criterion.id()).stream().anyMatch(n -> unsaved.covers(n.at()))
                || state.evidenceFor(criterion.id()).stream().anyMatch(e -> unsaved.covers(e.at()));
        if (notSaved) {
            s.append(" · NOT SAVED YET");
        }
        pseudoClassStateChanged(UNSAVED, notSaved);
        JUDGED.forEach((st, pc) -> status.pseudoClassStateChanged(pc, j != null && j.state() == st));
        status.setText(s.toString());
    }
}
