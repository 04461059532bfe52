package org.epaworkbench.ui.apprentice;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.ui.common.Badges;
import org.epaworkbench.ui.common.SourceLabel;
import org.epaworkbench.ui.home.OverallResultFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Results: every attempt at each component with its grade and what drove it; after a fail, the
 * resit or retake deadline (and a failed project's rework deadline) with the plan's cap; and the
 * overall result from the grading engine, which can be signed once complete. {@link ResultsViewModel}
 * decides what each line says and what may be done; the tab builds the nodes.
 */
final class ResultsTab extends BorderPane implements ApprenticeScreen.Shown {

    private final ApprenticeScreen screen;
    private final ResultsViewModel model;
    private final VBox components = new VBox(12);
    private final Label overall = new Label();
    private final VBox overallWhy = new VBox(4);
    private final Button sign = new Button("Sign the overall result…", new FontIcon("mdi2c-certificate-outline"));

    ResultsTab(ApprenticeScreen screen, AssessmentPlan plan) {
        this.screen = screen;
        this.model = new ResultsViewModel(plan, screen::today);
        overall.setId("results-overall");
        overall.getStyleClass().add("grade-now");
        sign.setId("results-sign");
        sign.setOnAction(e -> new OverallResultFlow(screen.workbench(), screen.background(), screen.window())
                .start(screen.file().apprentice(), screen::reload));
        VBox overallPanel = Section.panel("Overall result", overall, overallWhy, sign);
        VBox content = new VBox(12, overallPanel, components);
        content.setPadding(new Insets(16));
        setCenter(Section.page(content));
    }

    @Override
    public void show(ApprenticeFile f) {
        components.getChildren().clear();
        for (ResultsViewModel.ComponentResults c : model.components(f)) {
            components.getChildren().add(component(c));
        }
        overallWhy.getChildren().clear();
        ResultsViewModel.Overall o = ResultsViewModel.overall(f);
        overall.setText(o.grade());
        o.explanation().forEach(line -> overallWhy.getChildren().add(wrapped(line)));
        o.note().ifPresent(note -> overallWhy.getChildren().add(Section.muted(note)));
        sign.setDisable(!o.signable());
    }

    private VBox component(ResultsViewModel.ComponentResults c) {
        Label title = new Label(c.title());
        title.getStyleClass().add("pane-heading");
        HBox head = new HBox(10, title);
        head.setAlignment(Pos.CENTER_LEFT);
        c.latest().ifPresent(r -> head.getChildren().add(gradeBadge(r)));
        VBox box = new VBox(8, head);
        box.getStyleClass().add("panel");
        box.setId("results-" + c.componentId());
        c.noSession().ifPresent(text -> box.getChildren().add(Section.muted(text)));
        for (ResultsViewModel.AttemptLine l : c.attempts()) {
            box.getChildren().add(attemptRow(l));
        }
        c.nextAttempt().ifPresent(text -> box.getChildren().add(Section.muted(text)));
        c.explanation().forEach(line -> box.getChildren().add(wrapped(line)));
        c.reassessment().ifPresent(r -> box.getChildren().add(reassessment(c.componentId(), r)));
        return box;
    }

    private HBox attemptRow(ResultsViewModel.AttemptLine l) {
        Label text = new Label(l.text());
        HBox row = new HBox(10, new FontIcon("mdi2c-clipboard-text-outline"), text);
        l.result().ifPresent(r -> row.getChildren().add(gradeBadge(r)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Open session");
        open.getStyleClass().add("flat");
        open.setOnAction(e -> screen.openSession(l.sessionId()));
        row.getChildren().addAll(spacer, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox reassessment(String componentId, ResultsViewModel.Reassessment r) {
        DeadlineList deadlines = new DeadlineList("reassessment-" + componentId);
        deadlines.show(r.deadlines(), r.today());
        VBox box = new VBox(8, heading("Resit or retake"), deadlines);
        r.retakeGateway().ifPresent(again -> box.getChildren().add(sourced(again)));
        r.cap().ifPresentOrElse(cap -> box.getChildren().add(sourced(cap)),
                () -> box.getChildren().add(Section.muted(ResultsViewModel.NO_CAP)));
        Button resit = new Button("New resit session…");
        resit.setId("resit-" + componentId);
        resit.setOnAction(e -> screen.newSession(componentId, AttemptKind.RESIT));
        Button retake = new Button("New retake session…");
        retake.setId("retake-" + componentId);
        retake.setOnAction(e -> screen.newSession(componentId, AttemptKind.RETAKE));
        box.getChildren().add(new HBox(8, resit, retake));
        box.getStyleClass().add("callout-warning");
        return box;
    }

    private static HBox sourced(ResultsViewModel.Sourced line) {
        HBox row = new HBox(8, wrapped(line.text()), SourceLabel.of(line.source()));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label gradeBadge(ComponentResult r) {
        return Badges.badge(ResultsViewModel.gradeWords(r), switch (r.grade()) {
            case FAIL -> "badge-danger";
            case PASS -> "badge-pass";
            case DISTINCTION -> "badge-distinction";
        });
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-name");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
