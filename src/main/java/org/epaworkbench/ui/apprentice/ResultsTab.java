package org.epaworkbench.ui.apprentice;

import java.util.List;
import java.util.Optional;
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
import org.epaworkbench.app.ApprenticeFiles.SessionLine;
import org.epaworkbench.assessment.ReassessmentDeadlines;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.OverallResult;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptCap;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Grade;
import org.epaworkbench.ui.common.Badges;
import org.epaworkbench.ui.common.Dates;
import org.epaworkbench.ui.common.SourceLabel;
import org.epaworkbench.ui.home.OverallResultFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Results: every attempt at each component with its grade and what drove it; after a fail, the
 * resit or retake deadline (and a failed project's rework deadline) with the plan's cap; and the
 * overall result from the grading engine, which can be signed once complete.
 */
final class ResultsTab extends BorderPane implements ApprenticeScreen.Shown {

    private final ApprenticeScreen screen;
    private final AssessmentPlan plan;
    private final VBox components = new VBox(12);
    private final Label overall = new Label();
    private final VBox overallWhy = new VBox(4);
    private final Button sign = new Button("Sign the overall result…", new FontIcon("mdi2c-certificate-outline"));

    ResultsTab(ApprenticeScreen screen, AssessmentPlan plan) {
        this.screen = screen;
        this.plan = plan;
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
        for (Component c : plan.components()) {
            components.getChildren().add(component(f, c));
        }
        overallWhy.getChildren().clear();
        Optional<OverallResult> o = f.result().map(r -> r.overall());
        if (o.isEmpty()) {
            overall.setText("Not graded");
            overallWhy.getChildren().add(Section.muted(f.gradingProblem().orElse("")));
            sign.setDisable(true);
            return;
        }
        OverallResult r = o.get();
        overall.setText(r.complete() ? r.grade().label() + (r.capped() ? " (capped)" : "") : "Not complete yet");
        r.explanation().forEach(line -> overallWhy.getChildren().add(wrapped(line)));
        sign.setDisable(!r.complete() || f.epa().overallSigned() || r.grade() == null);
        if (f.epa().overallSigned()) {
            overallWhy.getChildren().add(Section.muted("The overall result is signed (see Records)."));
        }
    }

    private VBox component(ApprenticeFile f, Component c) {
        List<SessionLine> lines = f.sessionsOf(c.id());
        Label title = new Label(c.title());
        title.getStyleClass().add("pane-heading");
        HBox head = new HBox(10, title);
        head.setAlignment(Pos.CENTER_LEFT);
        Optional<ComponentResult> latest = f.result().flatMap(r -> r.component(c.id()));
        latest.ifPresent(r -> head.getChildren().add(gradeBadge(r)));
        VBox box = new VBox(8, head);
        box.getStyleClass().add("panel");
        box.setId("results-" + c.id());
        if (lines.isEmpty()) {
            box.getChildren().add(Section.muted("No session yet" + f.epa().schedule().plannedDate(c.id())
                    .map(d -> "; planned for " + Dates.show(d)).orElse(".")));
        }
        for (SessionLine l : lines) {
            box.getChildren().add(attemptRow(l));
        }
        if (!lines.isEmpty() && f.epa().history().current(c.id()) > f.epa().history().of(c.id()).size()) {
            f.epa().schedule().plannedDate(c.id(), f.epa().history().current(c.id())).ifPresent(d -> box.getChildren()
                    .add(Section.muted("Resit or retake planned for " + Dates.show(d) + ".")));
        }
        latest.ifPresent(r -> r.explanation().forEach(line -> box.getChildren().add(wrapped(line))));
        latest.filter(r -> r.grade() == Grade.FAIL).ifPresent(r -> box.getChildren().add(reassessment(f, c)));
        return box;
    }

    private HBox attemptRow(SessionLine l) {
        var s = l.session();
        // the day it ended in the workbench's time zone, as the rules count it (ApprenticeFiles)
        String when = l.endedOn().map(d -> "ended " + Dates.show(d))
                .orElse(s.startedAt() != null ? s.status().label().toLowerCase() : "not started");
        Label text = new Label(attemptWord(s.attempt()) + "  ·  " + when);
        HBox row = new HBox(10, new FontIcon("mdi2c-clipboard-text-outline"), text);
        l.result().ifPresent(r -> row.getChildren().add(gradeBadge(r)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Open session");
        open.getStyleClass().add("flat");
        open.setOnAction(e -> screen.openSession(s.id()));
        row.getChildren().addAll(spacer, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox reassessment(ApprenticeFile f, Component c) {
        DeadlineList deadlines = new DeadlineList("reassessment-" + c.id());
        deadlines.show(ReassessmentDeadlines.of(plan, c.id(), f.epa().history()), screen.today());
        VBox box = new VBox(8, heading("Resit or retake"), deadlines);
        if (plan.epa().retakeGateway() != null) {
            HBox again = new HBox(8, wrapped("A retake comes after further learning and goes through the gateway again; "
                    + "a resit does not."), SourceLabel.of(plan.epa().retakeGateway().source()));
            again.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(again);
        }
        AttemptCap cap = plan.attemptCap();
        if (cap != null) {
            HBox capLine = new HBox(8, wrapped("A " + String.join(" or ", cap.attempts().stream().sorted().map(AttemptKind::word)
                    .toList()) + " is capped at " + cap.maxGrade().label() + " (" + cap.scope().word() + " grade)"
                    + (cap.waivedForExceptionalCircumstances() ? ", unless the organisation accepts exceptional circumstances." : ".")),
                    SourceLabel.of(cap.source()));
            capLine.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(capLine);
        } else {
            box.getChildren().add(Section.muted("The plan's sources state no grade cap for a resit or retake."));
        }
        Button resit = new Button("New resit session…");
        resit.setId("resit-" + c.id());
        resit.setOnAction(e -> screen.newSession(c.id(), AttemptKind.RESIT));
        Button retake = new Button("New retake session…");
        retake.setId("retake-" + c.id());
        retake.setOnAction(e -> screen.newSession(c.id(), AttemptKind.RETAKE));
        box.getChildren().add(new HBox(8, resit, retake));
        box.getStyleClass().add("callout-warning");
        return box;
    }

    private static Label gradeBadge(ComponentResult r) {
        String text = r.grade().label() + (r.capped() ? " (capped from " + r.uncappedGrade().label() + ")" : "");
        return Badges.badge(text, switch (r.grade()) {
            case FAIL -> "badge-danger";
            case PASS -> "badge-pass";
            case DISTINCTION -> "badge-distinction";
        });
    }

    static String attemptWord(AttemptKind k) {
        return switch (k) {
            case FIRST -> "First attempt";
            case RESIT -> "Resit";
            case RETAKE -> "Retake";
        };
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
