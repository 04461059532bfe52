package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.Attempt;
import org.epaworkbench.assessment.AttemptHistory;
import org.epaworkbench.assessment.EpaSchedule;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.store.EpaStore.DateKind;
import org.epaworkbench.ui.common.DateField;
import org.epaworkbench.ui.common.Dates;
import org.epaworkbench.ui.common.SourceLabel;

/**
 * When each attempt at each component is planned, when notice of it was given and when each submission
 * was made. The first attempt's dates stay as they were when a component fails: its resit or retake
 * gets a row of its own. Each date is saved as soon as it is chosen; every rule a date breaks is
 * flagged beside it, before the day comes.
 */
final class ScheduleTab extends BorderPane implements ApprenticeScreen.Shown {

    /** Flags about the gateway and the portfolio's contents belong to their own tabs. */
    private static final Set<String> NOT_DATES = Set.of("Gateway", "Project proposal", "Portfolio");

    private final ApprenticeScreen screen;
    private final AssessmentPlan plan;
    private final GridPane components = new GridPane();
    private final GridPane subs = new GridPane();
    /** Every date picker by what it sets, so a reload fills them without saving again. */
    private final Map<Key, DateField> pickers = new LinkedHashMap<>();
    private final FlagList flags = new FlagList("schedule-flags", "Every planned date keeps the plan's rules.");
    private final DeadlineList deadlines = new DeadlineList("schedule-deadlines");
    private List<Integer> shape = List.of();
    private boolean showing;

    private record Key(DateKind kind, String subject, int attempt) {
    }

    ScheduleTab(ApprenticeScreen screen, AssessmentPlan plan) {
        this.screen = screen;
        this.plan = plan;
        components.setHgap(12);
        components.setVgap(10);
        subs.setHgap(12);
        subs.setVgap(10);
        VBox left = new VBox(12, Section.panel("Components", components));
        if (!plan.epa().submissions().isEmpty()) {
            left.getChildren().add(Section.panel("Submissions", subs));
        }
        order(plan).ifPresent(left.getChildren()::add);
        left.setPrefWidth(560);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox right = new VBox(12, Section.panel("What the plan's rules say", flags), Section.panel("Dates", deadlines));
        right.setPrefWidth(500);
        HBox columns = new HBox(16, left, right);
        columns.setPadding(new Insets(16));
        setCenter(Section.page(columns));
        build(new AttemptHistory(List.of()));
    }

    /** One row per attempt: the first, then each resit or retake after a fail, with what became of it. */
    private void build(AttemptHistory history) {
        pickers.clear();
        components.getChildren().clear();
        subs.getChildren().clear();
        components.addRow(0, new Label(""), heading("Planned for"), heading("Notice given on"), new Label(""));
        int row = 1;
        for (Component c : plan.components()) {
            boolean notice = plan.epa().notices().stream().anyMatch(n -> n.component().equals(c.id()));
            for (int k = 1; k <= history.current(c.id()); k++) {
                Label title = new Label(k == 1 ? c.title() : "Resit or retake" + (k > 2 ? " " + (k - 1) : ""));
                title.setWrapText(true);
                title.getStyleClass().add(k == 1 ? "fact-name" : "plan-subtitle");
                if (k > 1) {
                    title.setPadding(new Insets(0, 0, 0, 16));
                }
                components.add(title, 0, row);
                components.add(picker(id("planned", c.id(), k), new Key(DateKind.PLANNED, c.id(), k)), 1, row);
                if (notice) {
                    components.add(picker(id("notice", c.id(), k), new Key(DateKind.NOTICE, c.id(), k)), 2, row);
                }
                Optional<Attempt> ended = history.attempt(c.id(), k);
                Label outcome = new Label(ended.map(a -> (a.grade() == null ? "Held " : a.grade().label() + " · ")
                        + Dates.show(a.endedOn())).orElse(""));
                outcome.setId(id("outcome", c.id(), k));
                outcome.setMinWidth(Label.USE_PREF_SIZE);
                outcome.getStyleClass().add(ended.filter(Attempt::failed).isPresent() ? "coverage-missing" : "plan-subtitle");
                components.add(outcome, 3, row);
                GridPane.setHgrow(title, Priority.ALWAYS);
                row++;
            }
        }
        int r = 0;
        List<String> seen = new ArrayList<>();
        for (EpaRules.Submission s : plan.epa().submissions()) {
            if (seen.contains(s.what())) {
                continue;
            }
            seen.add(s.what());
            int last = reworked(s) ? history.current(s.component()) : 1;
            for (int k = 1; k <= last; k++) {
                Label what = new Label((k == 1 ? capitalise(s.what()) : "Reworked " + s.what()
                        + (k > 2 ? " (" + (k - 1) + ")" : "")) + " submitted on");
                what.getStyleClass().add("fact-name");
                subs.addRow(r++, what, picker(id("submitted", s.what().replace(' ', '-'), k), new Key(DateKind.SUBMITTED, s.what(), k)));
            }
        }
    }

    /** A failed project's report is reworked and submitted again; a portfolio is not. */
    private boolean reworked(EpaRules.Submission s) {
        EpaRules.ProjectReport report = plan.epa().projectReport();
        EpaRules.Reassessment r = plan.epa().reassessment();
        return report != null && report.component().equals(s.component()) && s.what().equals("project report") && r != null
                && r.projectReworkMonths() != null;
    }

    /** "planned-observation" for the first attempt, "planned-observation-2" for the first resit or retake. */
    private static String id(String what, String subject, int attempt) {
        return what + "-" + subject + (attempt == 1 ? "" : "-" + attempt);
    }

    private static Label heading(String text) {
        Label l = new Label(text.toUpperCase());
        l.getStyleClass().add("panel-heading");
        return l;
    }

    /** A date box that saves its date as soon as it is a date; text that is not one is refused beside it and not saved. */
    private DateField picker(String id, Key key) {
        DateField p = new DateField(id, null);
        p.valueProperty().addListener((o, before, after) -> {
            if (!showing) {
                String apprentice = screen.apprenticeId();
                screen.save(() -> {
                    screen.workbench().epaDetails().setDate(apprentice, key.kind(), key.subject(), key.attempt(), after);
                    return null;
                });
            }
        });
        pickers.put(key, p);
        return p;
    }

    /** The plan's recommended order as one sequence, e.g. "1. Work-based project  2. Professional discussion  3. …". */
    private static Optional<VBox> order(AssessmentPlan plan) {
        List<EpaRules.Order> pairs = plan.epa().order();
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        List<String> sequence = new ArrayList<>();
        for (EpaRules.Order o : pairs) {
            if (!sequence.contains(o.first())) {
                int at = sequence.indexOf(o.then());
                sequence.add(at < 0 ? sequence.size() : at, o.first());
            }
            if (!sequence.contains(o.then())) {
                sequence.add(o.then());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sequence.size(); i++) {
            String id = sequence.get(i);
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ")
                    .append(plan.component(id).map(Component::title).orElse(id));
        }
        Label l = new Label(text.toString());
        l.setWrapText(true);
        VBox box = Section.panel("Recommended order", l,
                Section.muted("The order is for first attempts; a resit or retake follows the fail."));
        pairs.stream().map(EpaRules.Order::source).distinct().forEach(s -> box.getChildren().add(SourceLabel.of(s)));
        return Optional.of(box);
    }

    @Override
    public void show(ApprenticeFile f) {
        AttemptHistory history = f.epa().history();
        List<Integer> now = plan.components().stream().map(c -> history.current(c.id())).toList();
        showing = true;
        if (!now.equals(shape)) {
            shape = now;
            build(history);
        }
        EpaSchedule s = f.epa().schedule();
        pickers.forEach((key, p) -> p.setValue(switch (key.kind()) {
            case PLANNED -> s.plannedDate(key.subject(), key.attempt()).orElse(null);
            case NOTICE -> s.noticeGivenFor(key.subject(), key.attempt()).orElse(null);
            case SUBMITTED -> s.submittedOn(key.subject(), key.attempt()).orElse(null);
        }));
        // the outcome column follows the attempts even when the rows stay the same
        for (Component c : plan.components()) {
            for (int k = 1; k <= history.current(c.id()); k++) {
                final int attempt = k;
                components.getChildren().stream().filter(n -> id("outcome", c.id(), attempt).equals(n.getId())).findFirst()
                        .ifPresent(n -> ((Label) n).setText(history.attempt(c.id(), attempt).map(a -> (a.grade() == null ? "Held "
                                : a.grade().label() + " · ") + Dates.show(a.endedOn())).orElse("")));
            }
        }
        showing = false;
        var review = f.review().orElseThrow();
        List<Flag> dateFlags = review.flags().stream().filter(x -> !NOT_DATES.contains(x.subject())
                && !review.reportLength().map(x::equals).orElse(false)).toList();
        flags.show(dateFlags);
        LocalDate today = screen.today();
        deadlines.show(review.deadlines(), today);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
