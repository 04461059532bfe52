package org.epaworkbench.ui.apprentice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.assessment.ApprenticeStatus;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.packs.PlanLibrary.InstalledPlan;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.ui.MainWindow;
import org.epaworkbench.ui.Screenshots;
import org.epaworkbench.ui.Theme;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The EPA around the sessions, as an assessor goes through it: add an apprentice, pass the gateway,
 * plan the components (one notice given too late, which is flagged), map a portfolio and see its coverage.
 */
@ExtendWith(ApplicationExtension.class)
class ApprenticeScreenTest {

    static final Instant NOW = Instant.parse("2026-02-27T09:00:00Z");

    @TempDir
    Path dir;
    Workbench workbench;
    Background background;
    StackPane root;
    MainWindow main;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        Scene scene = new Scene(root, 1366, 768);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        if (background != null) {
            background.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Scrolls the page a node is on until the node shows, as an assessor would before clicking it. */
    static void reveal(FxRobot robot, Node n) {
        robot.interact(() -> {
            javafx.scene.Parent p = n.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Node content = sp.getContent();
                javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double h = content.getBoundsInLocal().getHeight();
                double v = sp.getViewportBounds().getHeight();
                double top = sp.getVvalue() * Math.max(0, h - v);
                boolean shown = b.getMinY() >= top && b.getMaxY() <= top + v;
                if (h > v && !shown) {
                    sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / (h - v))));
                }
                sp.layout();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void click(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        reveal(robot, n);
        robot.clickOn(n);
    }

    /** Types a date into a picker as an assessor would, then Enter. */
    void typeDate(FxRobot robot, String id, String typed) {
        DatePicker p = robot.lookup(id).queryAs(DatePicker.class);
        reveal(robot, p);
        robot.clickOn(p.getEditor()).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(typed).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anAssessorRecordsTheGatewayPlansDatesAndMapsAPortfolio(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), new ManualClock(NOW));
        background = new Background();
        robot.interact(() -> {
            main = new MainWindow(workbench, background, Theme.LIGHT);
            root.getChildren().setAll(main);
        });
        await(() -> robot.lookup("#empty-new-apprentice").tryQuery().isPresent());

        // a new apprentice
        robot.clickOn("#empty-new-apprentice");
        await(() -> robot.lookup("#apprentice-name").tryQuery().isPresent());
        robot.clickOn("#apprentice-name").write("Priya Shah");
        robot.clickOn("#apprentice-uln").write("9276308686");
        robot.clickOn("#apprentice-employer").write("Harbour Foods");
        @SuppressWarnings("unchecked")
        ComboBox<InstalledPlan> plan = robot.lookup("#apprentice-plan").queryAs(ComboBox.class);
        robot.interact(() -> plan.getItems().stream().filter(p -> p.plan().id().equals("highfield-css-l3")).findFirst()
                .ifPresent(plan::setValue));
        // typed day first, as everywhere else in the app, whatever the machine's locale
        DatePicker start = robot.lookup("#apprentice-start").queryAs(DatePicker.class);
        robot.clickOn(start.getEditor()).write("1/9/2024").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(start.getValue()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(start.getEditor().getText()).isEqualTo(org.epaworkbench.ui.common.Dates.show(LocalDate.of(2024, 9, 1)));
        robot.clickOn("#apprentice-save");
        await(() -> robot.lookup("#apprentice-table").tryQuery().isPresent()
                && !robot.lookup("#apprentice-table").queryTableView().getItems().isEmpty());
        Apprentice priya = workbench.people().apprentices().get(0);
        assertThat(priya.apprenticeshipStart()).isEqualTo(LocalDate.of(2024, 9, 1));
        AssessmentPlan highfield = workbench.plans().plan("highfield-css-l3").orElseThrow();

        // open it: at gateway until the gateway is recorded
        robot.interact(() -> robot.lookup("#apprentice-table").queryTableView().getSelectionModel().selectFirst());
        robot.clickOn("#open-apprentice");
        await(() -> robot.lookup("#apprentice-status").tryQuery().isPresent());
        assertThat(text(robot, "#apprentice-status")).isEqualTo(ApprenticeStatus.AT_GATEWAY.label());

        // the gateway: first 13 months on programme, which Highfield's 15 months (002) does not allow; then 16 months
        robot.interact(() -> tabs(robot).getSelectionModel().select(1));
        typeDate(robot, "#gateway-start", "06/01/2025");
        typeDate(robot, "#gateway-date", "2/2/2026");
        assertThat(flagTexts(robot, "#gateway-flags")).anySatisfy(t -> assertThat(t).contains("before the earliest start of the EPA")
                .contains("15 months on programme").contains("002 §On-programme requirements"));
        typeDate(robot, "#gateway-start", "06/10/2024");
        assertThat(flagTexts(robot, "#gateway-flags")).noneSatisfy(t -> assertThat(t).contains("earliest start"));
        for (String box : List.of("#gateway-english", "#gateway-maths", "#gateway-employer", "#gateway-provider")) {
            robot.clickOn(box);
        }
        robot.clickOn("#gateway-english-evidence").write("GCSE certificate seen");
        robot.clickOn("#gateway-id").write("Passport");
        assertThat(robot.lookup("#gateway-english").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#gateway-save");
        await(() -> text(robot, "#apprentice-status").equals(ApprenticeStatus.IN_EPA.label()));
        var gateway = workbench.epa().gateway(priya.id());
        assertThat(gateway.gatewayDate()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(gateway.apprenticeshipStart()).isEqualTo(LocalDate.of(2024, 10, 6));
        assertThat(gateway.english().evidence()).isEqualTo("GCSE certificate seen");
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-gateway"));

        // the project proposal: not approved with feedback; the revised one, resubmitted within the week, is a second version
        TextArea synopsis = robot.lookup("#proposal-synopsis").queryAs(TextArea.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<GatewayRecord.ProposalDecision> decision = robot.lookup("#proposal-decision").queryAs(ChoiceBox.class);
        robot.interact(() -> synopsis.setText("word ".repeat(240)));
        typeDate(robot, "#proposal-submitted", "2/2/2026");
        robot.interact(() -> decision.setValue(GatewayRecord.ProposalDecision.NOT_APPROVED));
        typeDate(robot, "#proposal-decided", "3/2/2026");
        click(robot, "#proposal-feedback");
        robot.write("Too broad: focus on one process.");
        assertThat(robot.lookup("#proposal-resubmit").queryButton().isDisabled()).isFalse();
        robot.clickOn("#gateway-save");
        await(() -> workbench.epa().gateway(priya.id()).proposal().decision() == GatewayRecord.ProposalDecision.NOT_APPROVED);
        click(robot, "#proposal-resubmit");
        assertThat(robot.lookup("#proposal-version").queryAs(Label.class).getText()).isEqualTo("Version 2 (revised proposal)");
        robot.interact(() -> synopsis.setText("word ".repeat(260)));
        typeDate(robot, "#proposal-submitted", "9/2/2026");
        robot.interact(() -> decision.setValue(GatewayRecord.ProposalDecision.APPROVED));
        typeDate(robot, "#proposal-decided", "10/2/2026");
        robot.clickOn("#gateway-save");
        await(() -> workbench.epa().gateway(priya.id()).proposals().size() == 2);
        await(() -> robot.lookup("#proposal-version-1").tryQuery().isPresent());
        var versions = workbench.epa().gateway(priya.id()).proposals();
        assertThat(versions.get(0).feedback()).isEqualTo("Too broad: focus on one process.");
        assertThat(versions.get(1).submittedOn()).isEqualTo(LocalDate.of(2026, 2, 9));
        assertThat(robot.from(robot.lookup("#proposal-version-1").queryAs(Node.class)).lookup(".label").queryAll().stream()
                .map(l -> ((Label) l).getText()).toList()).anySatisfy(t -> assertThat(t).contains("Not approved on 3 Feb 2026"))
                .anySatisfy(t -> assertThat(t).isEqualTo("Feedback: Too broad: focus on one process."));
        assertThat(flagTexts(robot, "#gateway-flags")).noneSatisfy(t -> assertThat(t).contains("proposal"));
        robot.interact(() -> {
            scrollToEnd(tabs(robot).getTabs().get(1).getContent());
            Screenshots.save(root.getScene(), "apprentice-gateway-proposal");
        });

        // the schedule: the project interview, the discussion, then the observation with notice given too late
        robot.interact(() -> tabs(robot).getSelectionModel().select(2));
        typeDate(robot, "#planned-wbp-interview", "10/03/2026");
        typeDate(robot, "#planned-professional-discussion", "17/03/2026");
        typeDate(robot, "#planned-observation", "24/03/2026");
        typeDate(robot, "#notice-observation", "16/03/2026");
        await(() -> workbench.epa().schedule(priya.id()).noticeGivenFor("observation").isPresent());
        await(() -> robot.lookup("#schedule-flags").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .anyMatch(n -> n.getStyleClass().contains("flag-problem")));
        assertThat(flagTexts(robot, "#schedule-flags")).anySatisfy(t -> assertThat(t)
                .contains("Notice given on 16 Mar 2026, only 8 days before 24 Mar 2026")
                .contains("14 days' notice (by 10 Mar 2026)"));
        assertThat(flagTexts(robot, "#schedule-flags")).noneSatisfy(t -> assertThat(t).contains("EPA window"));
        // a date that is not a date is refused with a message, and nothing saved changes
        typeDate(robot, "#planned-observation", "31/02/2026");
        assertThat(text(robot, "#planned-observation-problem")).contains("“31/02/2026” is not a date");
        assertThat(workbench.epa().schedule(priya.id()).plannedDate("observation")).contains(LocalDate.of(2026, 3, 24));
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-schedule"));

        // the portfolio: one piece mapped in the dialog, then the coverage shows what it covers and what it does not
        robot.interact(() -> tabs(robot).getSelectionModel().select(3));
        robot.clickOn("#portfolio-add");
        await(() -> robot.lookup("#piece-title").tryQuery().isPresent());
        robot.clickOn("#piece-title").write("Complaint handling log");
        robot.clickOn("#piece-reference").write("e-portfolio item 4");
        @SuppressWarnings("unchecked")
        ListView<Object> criteria = robot.lookup("#piece-criteria").queryAs(ListView.class);
        List<Criterion> discussion = highfield.component("professional-discussion").orElseThrow().criteria();
        robot.interact(() -> criteria.getSelectionModel().select(0));
        Node firstCheck = robot.from(criteria).lookup(".check-box").nth(0).query();
        robot.clickOn(firstCheck);
        Node secondCheck = robot.from(criteria).lookup(".check-box").nth(1).query();
        robot.clickOn(secondCheck);
        robot.clickOn("#piece-save");
        await(() -> !robot.lookup("#portfolio-table").queryTableView().getItems().isEmpty());
        await(() -> text(robot, "#portfolio-summary").startsWith("1 piece"));
        assertThat(text(robot, "#portfolio-summary")).contains("2 of " + discussion.size() + " criteria covered");
        assertThat(text(robot, "#coverage-" + discussion.get(0).id().replace('.', '_'))).isEqualTo("Piece 1");
        assertThat(text(robot, "#coverage-" + discussion.get(2).id().replace('.', '_'))).isEqualTo("Not covered");
        assertThat(flagTexts(robot, "#portfolio-flags")).anySatisfy(t -> assertThat(t).contains("1 piece; the plan asks for at least 10"));
        PortfolioPiece saved = workbench.epa().portfolio(priya.id()).get(0);
        assertThat(saved.criteria()).containsExactlyInAnyOrder(discussion.get(0).id(), discussion.get(1).id());

        // nine more pieces covering the rest: the portfolio is complete
        for (int n = 2; n <= 10; n++) {
            Set<String> mapped = new HashSet<>();
            for (int k = n - 2; k < discussion.size(); k += 9) {
                mapped.add(discussion.get(k).id());
            }
            workbench.epa().savePiece(priya.id(), new PortfolioPiece(null, n, "Evidence " + n, "Work product",
                    LocalDate.of(2026, 1, n), "e-portfolio item " + n, "", mapped));
        }
        robot.interact(() -> main.apprenticeScreen().reload());
        await(() -> text(robot, "#portfolio-summary").startsWith("10 pieces"));
        assertThat(text(robot, "#portfolio-summary")).contains(discussion.size() + " of " + discussion.size() + " criteria covered");
        assertThat(flagTexts(robot, "#portfolio-flags")).isEmpty();
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-portfolio"));

        // the overview lists the broken notice rule; the home screen's upcoming list and search find the apprentice
        robot.interact(() -> tabs(robot).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flagTexts(robot, "#overview-flags")).anySatisfy(t -> assertThat(t).contains("only 8 days before"));
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-overview"));
        robot.clickOn("#apprentice-back");
        await(() -> robot.lookup("#upcoming-list").tryQuery().isPresent()
                && !robot.lookup("#upcoming-list").queryListView().getItems().isEmpty());
        // today is 27 Feb: the interview on 10 Mar is within 14 days, the discussion on 17 Mar is not
        assertThat(robot.lookup("#upcoming-list").queryListView().getItems()).singleElement().satisfies(u -> assertThat(
                ((org.epaworkbench.app.ApprenticeFiles.Upcoming) u).date()).isEqualTo(LocalDate.of(2026, 3, 10)));
        robot.interact(() -> Screenshots.save(root.getScene(), "home-apprentices"));
        robot.clickOn("#apprentice-search").write("harbour");
        TableView<?> table = robot.lookup("#apprentice-table").queryTableView();
        // the search runs through the index in the background
        await(() -> table.getItems().size() == 1);
        robot.clickOn("#apprentice-search").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("nobody");
        await(() -> table.getItems().isEmpty());

        // a discussion opened with nine pieces: the session screen says what is wrong with the portfolio
        workbench.epa().removePiece(workbench.epa().portfolio(priya.id()).get(9).id());
        var discussionSession = org.epaworkbench.app.RecordedSession.create(workbench.sessions(), highfield,
                new org.epaworkbench.session.SessionDetails(priya.id(), highfield.id(), highfield.version(), "professional-discussion",
                        org.epaworkbench.plan.AttemptKind.FIRST, org.epaworkbench.session.AssessmentMode.FACE_TO_FACE, "Meeting room",
                        "Passport"), workbench.sessionClock(), workbench.settings().sessionSettings(), false);
        robot.interact(() -> main.openSession(discussionSession.id()));
        await(() -> main.sessionScreen() != null && robot.lookup("#session-portfolio-warning").tryQuery().isPresent());
        Label warning = robot.lookup("#session-portfolio-warning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).startsWith("Portfolio: The portfolio has 9 pieces; the plan asks for at least 10.");
        robot.interact(() -> Screenshots.save(root.getScene(), "discussion-portfolio-warning"));
        robot.interact(() -> main.sessionScreen().model().stop());
    }

    /**
     * A failed observation and its resit after the EPA window: the resit gets its own row on the schedule, the first
     * attempt's date stays, the status says a resit is due until it is passed, and nothing is flagged once it is.
     */
    @Test
    void aResitAfterTheWindowIsPlannedOnItsOwnRowAndPassedWithoutProblems(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), new ManualClock(NOW));
        background = new Background();
        AssessmentPlan plan = workbench.plans().plan("highfield-css-l3").orElseThrow();
        Apprentice sam = new Apprentice("sam-1", "Sam Okafor", org.epaworkbench.people.Uln.of("9276308686"), "Harbour Foods", "Train Co",
                plan.id(), LocalDate.of(2024, 6, 3), LocalDate.of(2025, 10, 1), false);
        workbench.people().save(sam);
        workbench.epa().saveGateway(sam.id(), new GatewayRecord(sam.apprenticeshipStart(), null, sam.gatewayDate(),
                new GatewayRecord.Qualification(true, "GCSE"), new GatewayRecord.Qualification(true, "GCSE"), true, true, "Passport", "",
                GatewayRecord.ProjectProposal.NONE));
        LocalDate firstTry = LocalDate.of(2025, 11, 20);
        workbench.epa().setDate(sam.id(), org.epaworkbench.store.EpaStore.DateKind.PLANNED, "observation", firstTry);
        workbench.epa().setDate(sam.id(), org.epaworkbench.store.EpaStore.DateKind.NOTICE, "observation", LocalDate.of(2025, 11, 1));
        observation(plan, sam, firstTry, org.epaworkbench.plan.AttemptKind.FIRST, false);
        robot.interact(() -> {
            main = new MainWindow(workbench, background, Theme.LIGHT);
            root.getChildren().setAll(main);
            main.openApprentice(sam.id());
        });
        await(() -> robot.lookup("#apprentice-status").tryQuery().isPresent());
        assertThat(text(robot, "#apprentice-status")).isEqualTo(ApprenticeStatus.RESIT_DUE.label());

        // the resit on its own row, after the window (which ended on 1 Jan 2026); the first attempt's date stays
        robot.interact(() -> tabs(robot).getSelectionModel().select(2));
        await(() -> robot.lookup("#planned-observation-2").tryQuery().isPresent());
        assertThat(text(robot, "#outcome-observation")).isEqualTo("Fail · 20 Nov 2025");
        typeDate(robot, "#planned-observation-2", "20/02/2026");
        typeDate(robot, "#notice-observation-2", "05/02/2026");
        await(() -> workbench.epa().schedule(sam.id()).noticeGivenFor("observation", 2).isPresent());
        var schedule = workbench.epa().schedule(sam.id());
        assertThat(schedule.plannedDate("observation")).contains(firstTry);
        assertThat(schedule.plannedDate("observation", 2)).contains(LocalDate.of(2026, 2, 20));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flagTexts(robot, "#schedule-flags")).noneSatisfy(t -> assertThat(t).contains("EPA window"))
                .noneSatisfy(t -> assertThat(t).contains("12-month"));
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-schedule-resit"));

        // the resit passes: no longer due, and nothing about the observation is a problem
        observation(plan, sam, LocalDate.of(2026, 2, 20), org.epaworkbench.plan.AttemptKind.RESIT, true);
        robot.interact(() -> main.apprenticeScreen().reload());
        await(() -> text(robot, "#apprentice-status").equals(ApprenticeStatus.IN_EPA.label()));
        await(() -> text(robot, "#outcome-observation-2").startsWith("Pass"));
        assertThat(workbench.apprenticeFiles().load(sam.id()).review().orElseThrow().flags())
                .noneSatisfy(f -> assertThat(f.subject()).isEqualTo(plan.component("observation").orElseThrow().title()));
        robot.interact(() -> tabs(robot).getSelectionModel().select(5));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-results-resit"));
    }

    /** An observation session at 10:00 UTC on {@code day}, every pass criterion met or not. */
    void observation(AssessmentPlan plan, Apprentice a, LocalDate day, org.epaworkbench.plan.AttemptKind kind, boolean pass)
            throws Exception {
        ManualClock clock = new ManualClock(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        var s = org.epaworkbench.app.RecordedSession.create(workbench.sessions(), plan, new org.epaworkbench.session.SessionDetails(
                a.id(), plan.id(), plan.version(), "observation", kind, org.epaworkbench.session.AssessmentMode.FACE_TO_FACE, "Store",
                "Passport"), clock, workbench.settings().sessionSettings(), false);
        s.perform(l -> l.start());
        for (Criterion c : plan.component("observation").orElseThrow().criteria()) {
            if (c.level() == org.epaworkbench.plan.CriterionLevel.PASS) {
                s.perform(l -> l.judge(c.id(), pass ? org.epaworkbench.grading.CriterionState.MET
                        : org.epaworkbench.grading.CriterionState.NOT_MET));
            }
        }
        clock.advanceMinutes(60);
        s.perform(l -> l.end("Finished"));
    }

    static void scrollToEnd(Node tabContent) {
        if (tabContent instanceof javafx.scene.layout.BorderPane b && b.getCenter() instanceof javafx.scene.control.ScrollPane sp) {
            sp.setVvalue(sp.getVmax());
            sp.layout();
        }
    }

    @Test
    void theSampleApprenticesResultsReportAndPortfolioEvidenceDuringTheDiscussion(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), new ManualClock(NOW));
        background = new Background();
        var made = new org.epaworkbench.app.SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(),
                workbench.epa(), workbench.clock()).make();
        robot.interact(() -> {
            main = new MainWindow(workbench, background, Theme.LIGHT);
            root.getChildren().setAll(main);
            main.openApprentice(made.apprenticeId());
        });
        await(() -> robot.lookup("#apprentice-status").tryQuery().isPresent());
        assertThat(text(robot, "#apprentice-status")).isEqualTo(ApprenticeStatus.AWAITING_RESULT.label());

        // results: every component passed, so the overall result is a pass, ready to sign
        robot.interact(() -> tabs(robot).getSelectionModel().select(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#results-overall")).isEqualTo("Pass");
        assertThat(robot.lookup("#results-sign").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#resit-wbp-interview").tryQuery()).isEmpty();
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-results"));

        // a later project interview that fails: the resit (12 months) and rework (1 month) deadlines appear, with the cap
        AssessmentPlan plan = workbench.plans().plan("highfield-css-l3").orElseThrow();
        ManualClock later = new ManualClock(NOW);
        var failed = org.epaworkbench.app.RecordedSession.create(workbench.sessions(), plan, new org.epaworkbench.session.SessionDetails(
                made.apprenticeId(), plan.id(), plan.version(), "wbp-interview", org.epaworkbench.plan.AttemptKind.RETAKE,
                org.epaworkbench.session.AssessmentMode.REMOTE_VIDEO, "Video call", "Passport"), later,
                workbench.settings().sessionSettings(), true);
        failed.perform(l -> l.start());
        later.advanceMinutes(50);
        failed.perform(l -> l.end("Apprentice could not continue"));
        robot.interact(() -> main.apprenticeScreen().reload());
        await(() -> text(robot, "#results-overall").equals("Fail"));
        assertThat(text(robot, "#apprentice-status")).isEqualTo(ApprenticeStatus.RESIT_DUE.label());
        assertThat(robot.lookup("#resit-wbp-interview").tryQuery()).isPresent();
        assertThat(robot.lookup("#reassessment-wbp-interview").queryAs(javafx.scene.layout.GridPane.class).getChildren().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList())
                .contains("Fri 27 Mar 2026", "Sat 27 Feb 2027");
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-results-fail"));

        // the project report: a Word document counted without its annexes
        Path report = dir.resolve("Project report.docx");
        writeReport(report, 2300, 400);
        robot.interact(() -> tabs(robot).getSelectionModel().select(4));
        ProjectTab project = (ProjectTab) tabs(robot).getTabs().get(4).getContent();
        robot.interact(() -> project.attach(report));
        await(() -> text(robot, "#report-words").startsWith("2,30"));
        assertThat(text(robot, "#report-words")).isEqualTo("2,300 words excluding annexes");
        assertThat(text(robot, "#report-annex-stop")).isEqualTo("Counted up to “Appendix A” on line 3; 400 words from there on "
                + "are annexes.");
        assertThat(text(robot, "#report-words-detail")).startsWith("2,700 in all.");
        // the project failed at the retake: the date on this tab is the reworked report's
        assertThat(text(robot, "#report-submitted-label")).isEqualTo("Reworked report submitted on");
        assertThat(workbench.epa().report(made.apprenticeId())).hasValueSatisfying(r -> assertThat(r.fileName())
                .isEqualTo("Project report.docx"));
        robot.interact(() -> Screenshots.save(root.getScene(), "apprentice-project"));

        // a second discussion session: the criterion's mapped portfolio evidence is one click away, and citing it records it
        var session = org.epaworkbench.app.RecordedSession.create(workbench.sessions(), plan, new org.epaworkbench.session.SessionDetails(
                made.apprenticeId(), plan.id(), plan.version(), "professional-discussion", org.epaworkbench.plan.AttemptKind.FIRST,
                org.epaworkbench.session.AssessmentMode.FACE_TO_FACE, "Meeting room", "Passport"), workbench.sessionClock(),
                workbench.settings().sessionSettings(), true);
        robot.interact(() -> main.openSession(session.id()));
        await(() -> main.sessionScreen() != null);
        robot.clickOn("#start-button");
        Criterion first = plan.component("professional-discussion").orElseThrow().criteria().get(0);
        robot.clickOn("#criterion-" + first.id().replace('.', '_'));
        await(() -> robot.lookup("#cite-piece-1").tryQuery().isPresent());
        assertThat(robot.lookup("#criterion-portfolio").queryAs(javafx.scene.layout.VBox.class).getChildren()).isNotEmpty();
        robot.interact(() -> Screenshots.save(root.getScene(), "discussion-portfolio-evidence"));
        robot.clickOn("#cite-piece-1");
        await(() -> !workbench.sessions().state(session.id()).orElseThrow().evidenceFor(first.id()).isEmpty());
        assertThat(workbench.sessions().state(session.id()).orElseThrow().evidenceFor(first.id()).get(0).reference())
                .startsWith("Portfolio piece 1: ");
        robot.interact(() -> main.sessionScreen().model().stop());
    }

    @Test
    void theOverallResultIsSignedFromTheResultsTab(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), new ManualClock(NOW));
        background = new Background();
        var made = new org.epaworkbench.app.SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(),
                workbench.epa(), workbench.clock()).make();
        robot.interact(() -> {
            main = new MainWindow(workbench, background, Theme.LIGHT);
            root.getChildren().setAll(main);
            main.openApprentice(made.apprenticeId());
        });
        await(() -> robot.lookup("#apprentice-status").tryQuery().isPresent());
        robot.interact(() -> tabs(robot).getSelectionModel().select(5));
        await(() -> text(robot, "#results-overall").equals("Pass"));

        robot.clickOn("#results-sign");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#confirm-ok"));
        // the summary makes this dialog tall: press its button rather than click a point that may be off screen
        robot.interact(() -> robot.lookup("#confirm-ok").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password"));
        robot.clickOn("#keystore-password").write("a long password");
        robot.clickOn("#keystore-password-again").write("a long password");
        robot.clickOn("#password-ok");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#info-message"));
        assertThat(text(robot, "#info-message")).contains("Saved and in the outbox");

        var records = new org.epaworkbench.store.SignedRecords(workbench.database());
        var overall = records.all().stream().filter(r -> r.kind().equals("overall")).toList();
        assertThat(overall).singleElement().satisfies(r -> assertThat(r.apprenticeId()).isEqualTo(made.apprenticeId()));
        byte[] pdf = java.nio.file.Files.readAllBytes(records.folder().resolve(overall.get(0).fileName()));
        assertThat(new org.epaworkbench.record.PadesVerifier().verify("overall.pdf", pdf).verified()).isTrue();
        robot.type(KeyCode.ENTER);
    }

    static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && org.testfx.util.NodeQueryUtils.isVisible().test(n)).isPresent();
    }

    /** A DOCX with {@code bodyWords} words, then an Appendix A heading and {@code annexWords} more. */
    static void writeReport(Path file, int bodyWords, int annexWords) throws Exception {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = java.nio.file.Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("Improving first contact resolution");
            doc.createParagraph().createRun().setText("word ".repeat(bodyWords - 4));
            doc.createParagraph().createRun().setText("Appendix A");
            doc.createParagraph().createRun().setText("annex ".repeat(annexWords - 2));
            doc.write(out);
        }
    }

    TabPane tabs(FxRobot robot) {
        return robot.lookup("#apprentice-tabs").queryAs(TabPane.class);
    }

    List<String> flagTexts(FxRobot robot, String listId) {
        javafx.scene.layout.VBox list = robot.lookup(listId).queryAs(javafx.scene.layout.VBox.class);
        return list.getChildren().stream().filter(n -> n.getStyleClass().contains("flag"))
                .map(n -> robot.from(n).lookup(".label").queryAll().stream().map(l -> ((Label) l).getText())
                        .reduce("", (a, b) -> a + " " + b)).toList();
    }
}
