package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.apprentices.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.epa.EpaSchedule;
import org.epaworkbench.epa.Flag;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.store.EpaStore.DateKind;
import org.epaworkbench.ui.common.Dates;
import org.epaworkbench.ui.common.SourceLabel;

/**
 * When each component is planned, when notice of it was given and when each submission was made.
 * Each date is saved as soon as it is chosen; every rule a date breaks is flagged beside it, before
 * the day comes.
 */
final class ScheduleTab extends BorderPane implements ApprenticeScreen.Shown {

    /** Flags about the gateway and the portfolio's contents belong to their own tabs. */
    private static final Set<String> NOT_DATES = Set.of("Gateway", "Project proposal", "Portfolio");

    private final ApprenticeScreen screen;
    private final Label dateProblem = new Label();
    private final Map<String, DatePicker> planned = new LinkedHashMap<>();
    private final Map<String, DatePicker> notice = new LinkedHashMap<>();
    private final Map<String, DatePicker> submitted = new LinkedHashMap<>();
    private final FlagList flags = new FlagList("schedule-flags", "Every planned date keeps the plan's rules.");
    private final DeadlineList deadlines = new DeadlineList("schedule-deadlines");
    private boolean showing;

    ScheduleTab(ApprenticeScreen screen, AssessmentPlan plan) {
        this.screen = screen;
        dateProblem.getStyleClass().add("inline-problem");
        dateProblem.setId("schedule-date-problem");
        dateProblem.setWrapText(true);

        GridPane components = new GridPane();
        components.setHgap(12);
        components.setVgap(10);
        components.addRow(0, new Label(""), heading("Planned for"), heading("Notice given on"));
        int row = 1;
        for (Component c : plan.components()) {
            Label title = new Label(c.title());
            title.setWrapText(true);
            title.getStyleClass().add("fact-name");
            DatePicker when = picker("planned-" + c.id(), DateKind.PLANNED, c.id(), planned);
            components.add(title, 0, row);
            components.add(when, 1, row);
            if (plan.epa().notices().stream().anyMatch(n -> n.component().equals(c.id()))) {
                components.add(picker("notice-" + c.id(), DateKind.NOTICE, c.id(), notice), 2, row);
            }
            GridPane.setHgrow(title, Priority.ALWAYS);
            row++;
        }
        VBox left = new VBox(12, Section.panel("Components", components, dateProblem));
        if (!plan.epa().submissions().isEmpty()) {
            GridPane subs = new GridPane();
            subs.setHgap(12);
            subs.setVgap(10);
            int r = 0;
            for (EpaRules.Submission s : plan.epa().submissions()) {
                if (submitted.containsKey(s.what())) {
                    continue;
                }
                Label what = new Label(capitalise(s.what()) + " submitted on");
                what.getStyleClass().add("fact-name");
                subs.addRow(r++, what, picker("submitted-" + s.what().replace(' ', '-'), DateKind.SUBMITTED, s.what(), submitted));
            }
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
    }

    private static Label heading(String text) {
        Label l = new Label(text.toUpperCase());
        l.getStyleClass().add("panel-heading");
        return l;
    }

    private DatePicker picker(String id, DateKind kind, String subject, Map<String, DatePicker> into) {
        DatePicker p = Dates.picker(id, null, dateProblem::setText);
        p.valueProperty().addListener((o, before, after) -> {
            if (!showing) {
                String apprentice = screen.apprenticeId();
                screen.save(() -> {
                    screen.workbench().epa().setDate(apprentice, kind, subject, after);
                    return null;
                });
            }
        });
        into.put(subject, p);
        return p;
    }

    /** The plan's recommended order as one sequence, e.g. "1. Work-based project  2. Professional discussion  3. …". */
    private static java.util.Optional<VBox> order(AssessmentPlan plan) {
        List<EpaRules.Order> pairs = plan.epa().order();
        if (pairs.isEmpty()) {
            return java.util.Optional.empty();
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
        VBox box = Section.panel("Recommended order", l);
        pairs.stream().map(EpaRules.Order::source).distinct().forEach(s -> box.getChildren().add(SourceLabel.of(s)));
        return java.util.Optional.of(box);
    }

    @Override
    public void show(ApprenticeFile f) {
        EpaSchedule s = f.epa().schedule();
        showing = true;
        planned.forEach((id, p) -> p.setValue(s.planned().get(id)));
        notice.forEach((id, p) -> p.setValue(s.noticeGiven().get(id)));
        submitted.forEach((what, p) -> p.setValue(s.submitted().get(what)));
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
