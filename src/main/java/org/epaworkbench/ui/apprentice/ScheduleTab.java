package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.AttemptHistory;
import org.epaworkbench.assessment.EpaSchedule;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.ui.common.DateField;
import org.epaworkbench.ui.common.SourceLabel;

/**
 * When each attempt at each component is planned, when notice of it was given and when each submission
 * was made. The first attempt's dates stay as they were when a component fails: its resit or retake
 * gets a row of its own. Each date is saved as soon as it is chosen; every rule a date breaks is
 * flagged beside it, before the day comes.
 */
final class ScheduleTab extends BorderPane implements ApprenticeScreen.Shown {

    private final ApprenticeScreen screen;
    private final AssessmentPlan plan;
    private final ScheduleViewModel model;
    private final GridPane components = new GridPane();
    private final GridPane subs = new GridPane();
    /** Every date box by what it sets, so a reload fills them without saving again. */
    private final Map<ScheduleViewModel.DateKey, DateField> pickers = new LinkedHashMap<>();
    private final FlagList flags = new FlagList("schedule-flags", "Every planned date keeps the plan's rules.");
    private final DeadlineList deadlines = new DeadlineList("schedule-deadlines");
    private AttemptHistory shown = new AttemptHistory(List.of());

    ScheduleTab(ApprenticeScreen screen, AssessmentPlan plan) {
        this.screen = screen;
        this.plan = plan;
        this.model = new ScheduleViewModel(plan, (kind, subject, attempt, date) -> {
            String apprentice = screen.apprenticeId();
            screen.save(() -> {
                screen.workbench().epaDetails().setDate(apprentice, kind, subject, attempt, date);
                return null;
            });
        });
        components.setHgap(12);
        components.setVgap(10);
        subs.setHgap(12);
        subs.setVgap(10);
        VBox left = new VBox(12, Section.panel("Components", components));
        if (!plan.epa().submissions().isEmpty()) {
            left.getChildren().add(Section.panel("Submissions", subs));
        }
        order().ifPresent(left.getChildren()::add);
        left.setPrefWidth(560);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox right = new VBox(12, Section.panel("What the plan's rules say", flags), Section.panel("Dates", deadlines));
        right.setPrefWidth(500);
        HBox columns = new HBox(16, left, right);
        columns.setPadding(new Insets(16));
        setCenter(Section.page(columns));
        build(shown);
    }

    /** One row per attempt: the first, then each resit or retake after a fail, with what became of it. */
    private void build(AttemptHistory history) {
        pickers.clear();
        components.getChildren().clear();
        subs.getChildren().clear();
        components.addRow(0, new Label(""), heading("Planned for"), heading("Notice given on"), new Label(""));
        int row = 1;
        for (ScheduleViewModel.AttemptRow a : model.attempts(history)) {
            Label title = new Label(a.title());
            title.setWrapText(true);
            title.getStyleClass().add(a.first() ? "fact-name" : "plan-subtitle");
            if (!a.first()) {
                title.setPadding(new Insets(0, 0, 0, 16));
            }
            components.add(title, 0, row);
            components.add(picker(a.planned()), 1, row);
            if (a.notice().isPresent()) {
                components.add(picker(a.notice().get()), 2, row);
            }
            Label outcome = new Label(ScheduleViewModel.outcome(history, a.componentId(), a.attempt()));
            outcome.setId(a.outcomeId());
            outcome.setMinWidth(Label.USE_PREF_SIZE);
            outcome.getStyleClass().add(ScheduleViewModel.failed(history, a.componentId(), a.attempt())
                    ? "coverage-missing" : "plan-subtitle");
            components.add(outcome, 3, row);
            GridPane.setHgrow(title, Priority.ALWAYS);
            row++;
        }
        int r = 0;
        for (ScheduleViewModel.SubmissionRow s : model.submissions(history)) {
            Label what = new Label(s.label());
            what.getStyleClass().add("fact-name");
            subs.addRow(r++, what, picker(s.key()));
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text.toUpperCase());
        l.getStyleClass().add("panel-heading");
        return l;
    }

    /** A date box that saves its date as soon as it is a date; text that is not one is refused beside it and not saved. */
    private DateField picker(ScheduleViewModel.DateKey key) {
        DateField p = new DateField(key.id(), null);
        p.valueProperty().addListener((o, before, after) -> model.chosen(key, after));
        pickers.put(key, p);
        return p;
    }

    /** The plan's recommended order as one sequence, e.g. "1. Work-based project  2. Professional discussion  3. …". */
    private Optional<VBox> order() {
        return model.recommendedOrder().map(sequence -> {
            Label l = new Label(sequence);
            l.setWrapText(true);
            VBox box = Section.panel("Recommended order", l,
                    Section.muted("The order is for first attempts; a resit or retake follows the fail."));
            plan.epa().order().stream().map(EpaRules.Order::source).distinct().forEach(s -> box.getChildren().add(SourceLabel.of(s)));
            return box;
        });
    }

    @Override
    public void show(ApprenticeFile f) {
        AttemptHistory history = f.epa().history();
        EpaSchedule s = f.epa().schedule();
        model.filling(() -> {
            if (!model.sameRows(shown, history)) {
                build(history);
            }
            shown = history;
            pickers.forEach((key, p) -> p.setValue(ScheduleViewModel.date(s, key).orElse(null)));
            // the outcome column follows the attempts even when the rows stay the same
            for (ScheduleViewModel.AttemptRow a : model.attempts(history)) {
                components.getChildren().stream().filter(n -> a.outcomeId().equals(n.getId())).findFirst()
                        .ifPresent(n -> ((Label) n).setText(ScheduleViewModel.outcome(history, a.componentId(), a.attempt())));
            }
        });
        var review = f.review().orElseThrow();
        flags.show(ScheduleViewModel.dateFlags(review));
        LocalDate today = screen.today();
        deadlines.show(review.deadlines(), today);
    }
}
