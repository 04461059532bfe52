package org.epaworkbench.ui.plans;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.CriterionLevel;
import org.epaworkbench.ui.common.Badges;

/** One criterion: its code, verbatim wording (or the statement that the source gives none) and level. */
final class CriterionRow extends HBox {

    private final Criterion criterion;

    CriterionRow(Criterion criterion, boolean showNote) {
        this(criterion, showNote, java.util.List.of());
    }

    /** With the KSB statements the source lists beside this criterion, shown on request under its wording. */
    CriterionRow(Criterion criterion, boolean showNote, java.util.List<org.epaworkbench.plan.KsbRequirement> statements) {
        this.criterion = criterion;
        getStyleClass().add("criterion-row");
        Label code = new Label(criterion.code());
        code.getStyleClass().add("criterion-code");
        code.setMinWidth(56);
        Label text = new Label(criterion.displayText());
        text.setWrapText(true);
        text.getStyleClass().add("criterion-text");
        if (!criterion.wordingProvided()) {
            text.getStyleClass().add("wording-missing");
        }
        text.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.VBox words = new javafx.scene.layout.VBox(2, text);
        if (showNote) {
            criterion.noteOnMissingWording().ifPresent(n -> {
                Label note = new Label(n);
                note.setWrapText(true);
                note.getStyleClass().add("criterion-note");
                words.getChildren().add(note);
            });
        }
        if (!statements.isEmpty()) {
            javafx.scene.layout.VBox list = org.epaworkbench.ui.common.KsbList.of(statements);
            list.setVisible(false);
            list.managedProperty().bind(list.visibleProperty());
            javafx.scene.control.Hyperlink toggle = new javafx.scene.control.Hyperlink();
            toggle.getStyleClass().add("ksb-toggle");
            toggle.setId("ksb-toggle-" + criterion.id());
            Runnable label = () -> toggle.setText((list.isVisible() ? "Hide" : "Show") + " the KSB statements (" + statements.size() + ")");
            label.run();
            toggle.setOnAction(e -> {
                list.setVisible(!list.isVisible());
                label.run();
            });
            words.getChildren().addAll(toggle, list);
        }
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);
        boolean pass = criterion.level() == CriterionLevel.PASS;
        Label level = Badges.badge(pass ? "Pass" : "Distinction", pass ? "badge-pass" : "badge-distinction");
        setSpacing(12);
        getChildren().addAll(code, words, level);
        StringBuilder tip = new StringBuilder("Source: ").append(criterion.source().shortForm());
        criterion.source().noteText().ifPresent(n -> tip.append("\n").append(n));
        if (!criterion.ksb().isEmpty()) {
            tip.append("\nKSB: ").append(String.join(", ", criterion.ksb()));
        }
        Tooltip.install(this, new Tooltip(tip.toString()));
    }

    Criterion criterion() {
        return criterion;
    }

    /** Whether the row matches what the assessor typed: a code prefix or words of the text. */
    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.trim().toLowerCase(java.util.Locale.ROOT);
        return criterion.code().toLowerCase(java.util.Locale.ROOT).startsWith(q)
                || criterion.displayText().toLowerCase(java.util.Locale.ROOT).contains(q)
                || criterion.theme().toLowerCase(java.util.Locale.ROOT).contains(q);
    }
}
