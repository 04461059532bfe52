package org.epaworkbench.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.LiveSnapshot;
import org.kordamp.ikonli.javafx.FontIcon;

/** The component's criteria grouped by theme; type a code to jump to one. */
final class CriteriaPanel extends BorderPane {

    private final List<CriterionLiveRow> rows = new ArrayList<>();
    private final ObjectProperty<Criterion> selected = new SimpleObjectProperty<>();
    private final ScrollPane scroll = new ScrollPane();
    private final VBox list = new VBox(2);
    private final TextField goTo = new TextField();
    private final Label goToProblem = new Label();
    private final LiveSessionModel model;
    /** The selected criterion's notes and evidence, folded under its row; null when they have a column of their own. */
    private Node folded;

    CriteriaPanel(LiveSessionModel model, CriterionActions actions) {
        this.model = model;
        getStyleClass().add("criteria-panel");
        Component component = model.snapshot().component();

        goTo.setId("goto-criterion");
        goTo.setPromptText("Go to criterion: type a code, e.g. " + component.criteria().get(0).code() + "  ( / )");
        goTo.setOnAction(e -> {
            if (jumpTo(goTo.getText())) {
                goTo.clear();
                goToProblem.setText("");
                list.requestFocus();
            } else {
                goToProblem.setText("No criterion “" + goTo.getText().strip() + "” in this component.");
            }
        });
        goToProblem.getStyleClass().add("inline-problem");
        HBox.setHgrow(goTo, Priority.ALWAYS);
        Label count = new Label(component.criteria().size() + " criteria: " + component.passCriteria().size() + " pass, "
                + component.distinctionCriteria().size() + " distinction");
        count.getStyleClass().add("plan-subtitle");
        HBox top = new HBox(8, new FontIcon("mdi2m-magnify"), goTo, goToProblem);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, top, count);
        header.setPadding(new Insets(0, 0, 8, 0));
        setTop(header);

        for (Map.Entry<String, List<Criterion>> theme : component.criteriaByTheme().entrySet()) {
            Label heading = new Label(theme.getKey());
            heading.getStyleClass().add("theme-heading");
            list.getChildren().add(heading);
            String lastNote = null;
            for (Criterion c : theme.getValue()) {
                // what a criterion without wording stands for, said once for a run of alike criteria
                String note = c.noteOnMissingWording().orElse(null);
                CriterionLiveRow row = new CriterionLiveRow(c, actions, () -> select(c), note != null && !note.equals(lastNote));
                lastNote = note;
                rows.add(row);
                list.getChildren().add(row);
            }
        }
        list.setFocusTraversable(true);
        list.setId("criteria-list");
        // a click on a criterion gives the list the keyboard, where M, N and A judge
        list.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> list.requestFocus());
        scroll.setContent(list);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        selected.addListener((o, a, b) -> {
            rows.forEach(r -> r.setSelected(r.criterion().equals(b)));
            placeFolded();
        });
        model.snapshotProperty().addListener((o, a, b) -> refresh());
        model.unsavedProperty().addListener((o, a, b) -> refresh());
        refresh();
        select(component.criteria().get(0));
    }

    private void refresh() {
        LiveSnapshot s = model.snapshot();
        boolean editable = s.state().status().started() && s.gap().isEmpty();
        rows.forEach(r -> r.show(s.state(), editable, model.unsavedProperty().get()));
    }

    /** Shows {@code detail} under the selected criterion's row (null: nowhere in the list). */
    void fold(Node detail) {
        if (folded != null) {
            list.getChildren().remove(folded);
        }
        folded = detail;
        placeFolded();
    }

    private void placeFolded() {
        if (folded == null) {
            return;
        }
        Optional<CriterionLiveRow> row = row(selected.get());
        if (row.isEmpty()) {
            return;
        }
        int at = list.getChildren().indexOf(row.get()) + 1;
        int now = list.getChildren().indexOf(folded);
        if (now == at || now >= 0 && now == at - 1) {
            return;
        }
        list.getChildren().remove(folded);
        list.getChildren().add(list.getChildren().indexOf(row.get()) + 1, folded);
    }

    ObjectProperty<Criterion> selectedProperty() {
        return selected;
    }

    void select(Criterion c) {
        selected.set(c);
        row(c).ifPresent(this::ensureVisible);
    }

    /** Selects the criterion with this code (any case); false if the component has none. */
    boolean jumpTo(String code) {
        String wanted = code == null ? "" : code.replaceFirst("^[/\\s]+", "").strip();
        if (wanted.isEmpty()) {
            return false;
        }
        Optional<Criterion> c = model.snapshot().component().criterionByCode(wanted);
        c.ifPresent(this::select);
        return c.isPresent();
    }

    void move(int delta) {
        int i = rows.indexOf(row(selected.get()).orElse(rows.get(0)));
        int next = Math.max(0, Math.min(rows.size() - 1, i + delta));
        select(rows.get(next).criterion());
    }

    /**
     * Puts the keyboard on the criteria, where the session's single-key shortcuts work. Until the
     * scroll pane is first laid out its content is not in the scene yet, so the pane takes the focus.
     */
    void focusCriteria() {
        (list.getScene() != null ? list : scroll).requestFocus();
    }

    /** Whether a key event aimed at {@code target} is for the criteria list itself (where single keys judge). */
    boolean hasKeyboard(Object target) {
        return target == list || target == scroll;
    }

    void focusGoTo() {
        goTo.requestFocus();
        goTo.selectAll();
    }

    private Optional<CriterionLiveRow> row(Criterion c) {
        return rows.stream().filter(r -> r.criterion().equals(c)).findFirst();
    }

    private void ensureVisible(CriterionLiveRow row) {
        // the rows' bounds from the last pulse are right unless something changed since; forcing CSS and
        // layout of the whole list on every move cost the FX thread several milliseconds per key
        if (list.isNeedsLayout()) {
            list.applyCss();
            list.layout();
        }
        double contentHeight = list.getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport || viewport <= 0) {
            return;
        }
        Bounds b = row.getBoundsInParent();
        int after = list.getChildren().indexOf(row) + 1;
        if (folded != null && after < list.getChildren().size() && list.getChildren().get(after) == folded) {
            // the row with its notes and evidence beneath it, as far as they fit
            Bounds f = folded.getBoundsInParent();
            b = new javafx.geometry.BoundingBox(b.getMinX(), b.getMinY(), b.getWidth(),
                    Math.min(f.getMaxY() - b.getMinY(), viewport - 80));
        }
        double top = scroll.getVvalue() * (contentHeight - viewport);
        if (b.getMinY() < top) {
            scroll.setVvalue(Math.max(0, b.getMinY() - 40) / (contentHeight - viewport));
        } else if (b.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(contentHeight - viewport, b.getMaxY() - viewport + 40) / (contentHeight - viewport));
        }
    }
}
