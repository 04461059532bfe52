package org.epaworkbench.ui.apprentice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.ApprenticeStatus;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Badges;
import org.epaworkbench.ui.home.ApprenticeEditor;
import org.epaworkbench.ui.home.NewSession;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One apprentice's end-point assessment: an overview of where it stands and what the plan's rules
 * flag, then the gateway, the schedule, the portfolio, the project and the results, each on its tab.
 * Every change is saved when it is made, then the whole record is read again and every tab shows it.
 */
public final class ApprenticeScreen extends BorderPane {

    private final Workbench workbench;
    private final Background background;
    private final String apprenticeId;
    private final Runnable back;
    private final Consumer<String> openSession;
    private final Label name = new Label();
    private final Label facts = new Label();
    private final HBox badges = new HBox(6);
    private final Label problem = new Label();
    private final TabPane tabs = new TabPane();
    private final List<Shown> shown = new ArrayList<>();
    private ApprenticeFile file;

    /** A tab that shows the apprentice's file. */
    interface Shown {
        void show(ApprenticeFile file);
    }

    public ApprenticeScreen(Workbench workbench, Background background, String apprenticeId, Runnable back,
            Consumer<String> openSession) {
        this.workbench = workbench;
        this.background = background;
        this.apprenticeId = apprenticeId;
        this.back = back;
        this.openSession = openSession;
        setId("apprentice-screen");
        getStyleClass().add("apprentice-screen");
        problem.getStyleClass().add("message-bar");
        problem.setId("apprentice-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        tabs.setId("apprentice-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(new VBox(header(), problem));
        setCenter(tabs);
        reload();
    }

    private HBox header() {
        Button backButton = new Button("Sessions", new FontIcon("mdi2a-arrow-left"));
        backButton.setId("apprentice-back");
        backButton.getStyleClass().add("flat");
        backButton.setOnAction(e -> back.run());
        name.getStyleClass().add("session-apprentice");
        name.setId("apprentice-title");
        facts.getStyleClass().add("plan-subtitle");
        VBox who = new VBox(2, new HBox(10, name, badges), facts);
        badges.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button edit = new Button("Edit details…", new FontIcon("mdi2a-account-edit-outline"));
        edit.setId("apprentice-edit");
        edit.setOnAction(e -> editDetails());
        Button newSession = new Button("New session…", new FontIcon("mdi2p-plus"));
        newSession.setId("apprentice-new-session");
        newSession.getStyleClass().add("accent");
        newSession.setOnAction(e -> newSession(null, AttemptKind.FIRST));
        for (Button b : new Button[] {backButton, edit, newSession}) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        facts.setMinWidth(0);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.SOMETIMES);
        HBox header = new HBox(14, backButton, who, spacer, edit, newSession);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 16, 10, 8));
        header.getStyleClass().add("apprentice-header");
        return header;
    }

    /** Reads the apprentice's whole file again in the background, then shows it on every tab. */
    public void reload() {
        background.run(() -> workbench.apprenticeFiles().load(apprenticeId), this::show,
                failure -> showProblem("Cannot read this apprentice's record: " + failure.getMessage()));
    }

    /** Saves in the background; on success reads everything again, on failure says what was not saved. */
    void save(Callable<?> work) {
        background.run(work, ok -> {
            problem.setVisible(false);
            reload();
        }, failure -> {
            showProblem("Not saved: " + message(failure) + " Nothing already saved is lost.");
            reload(); // show what is saved, not what was refused
        });
    }

    static String message(Throwable failure) {
        String m = failure.getMessage();
        return m == null ? failure.toString() : m.endsWith(".") ? m : m + ".";
    }

    void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(!message.isEmpty());
    }

    private void show(ApprenticeFile f) {
        this.file = f;
        name.setText(f.apprentice().name());
        String plan = f.plan().map(AssessmentPlan::title).orElse("plan " + f.apprentice().planId() + " (not installed)");
        facts.setText("ULN " + f.apprentice().uln().value() + "  ·  " + blankAs(f.apprentice().employer(), "no employer recorded")
                + "  ·  " + plan);
        badges.getChildren().clear();
        f.review().ifPresent(r -> {
            badges.getChildren().add(statusBadge(r.status()));
            if (r.problems() > 0) {
                badges.getChildren().add(Badges.badge(org.epaworkbench.Wording.count(r.problems(), "problem"), "badge-danger"));
            }
        });
        if (f.apprentice().sample()) {
            badges.getChildren().add(Badges.badge("sample", "badge-warning"));
        }
        if (tabs.getTabs().isEmpty()) {
            buildTabs(f);
        }
        for (Shown s : shown) {
            s.show(f);
        }
    }

    static Label statusBadge(ApprenticeStatus status) {
        Label b = Badges.badge(status.label(), switch (status) {
            case AT_GATEWAY -> "badge-neutral";
            case IN_EPA -> "badge-accent";
            case RESIT_DUE -> "badge-danger";
            case AWAITING_RESULT -> "badge-warning";
            case COMPLETE -> "badge-pass";
        });
        b.setId("apprentice-status");
        return b;
    }

    private void buildTabs(ApprenticeFile f) {
        if (f.plan().isEmpty()) {
            Label missing = new Label("The plan " + f.apprentice().planId() + " is not installed on this computer. Import its plan "
                    + "pack (Plans) to check this apprentice's dates and results.");
            missing.setWrapText(true);
            missing.setPadding(new Insets(24));
            setCenter(missing);
            return;
        }
        AssessmentPlan plan = f.plan().get();
        add("Overview", "tab-overview", new OverviewTab(this));
        add("Gateway", "tab-gateway", new GatewayTab(this, plan));
        add("Schedule", "tab-schedule", new ScheduleTab(this, plan));
        if (plan.epa().portfolio() != null) {
            add("Portfolio", "tab-portfolio", new PortfolioTab(this, plan));
        }
        if (plan.epa().projectReport() != null) {
            add("Project", "tab-project", new ProjectTab(this, plan));
        }
        add("Results", "tab-results", new ResultsTab(this, plan));
    }

    private <T extends Region & Shown> void add(String title, String id, T content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tabs.getTabs().add(tab);
        shown.add(content);
    }

    void newSession(String componentId, AttemptKind attempt) {
        if (file == null) {
            return;
        }
        new NewSession(workbench, background, window(), openSession, this::showProblem)
                .ask(List.of(file.apprentice()), file.apprentice(), componentId, attempt);
    }

    void openSession(String sessionId) {
        openSession.accept(sessionId);
    }

    private void editDetails() {
        if (file != null) {
            new ApprenticeEditor(workbench, background, window(), saved -> reload(), this::showProblem).edit(file.apprentice());
        }
    }

    Workbench workbench() {
        return workbench;
    }

    Background background() {
        return background;
    }

    String apprenticeId() {
        return apprenticeId;
    }

    ApprenticeFile file() {
        return file;
    }

    Window window() {
        return getScene().getWindow();
    }

    /** Today where the assessor is, by the app's clock, in the workbench's time zone. */
    java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(workbench.clock().instant(), workbench.zone());
    }

    TabPane tabs() {
        return tabs;
    }

    static String blankAs(String s, String otherwise) {
        return s == null || s.isBlank() ? otherwise : s;
    }
}
