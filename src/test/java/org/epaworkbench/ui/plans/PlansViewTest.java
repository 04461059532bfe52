package org.epaworkbench.ui.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.ui.Screenshots;
import org.epaworkbench.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The plan browser lists the installed plans and shows each criterion's verbatim wording. */
@ExtendWith(ApplicationExtension.class)
class PlansViewTest {

    static final String S23 = "Demonstrates through advanced questioning, listening and summarising, "
            + "the negotiation of mutually beneficial outcomes.";

    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        PlanLibrary library = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        Scene scene = new Scene(new PlansView(library), 1366, 768);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void listsEveryInstalledPlan(FxRobot robot) {
        ListView<?> list = robot.lookup("#plan-list").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(4);
    }

    @Test
    void findsACriterionsVerbatimTextByItsCode(FxRobot robot) {
        robot.clickOn("#criterion-search").write("S2.3");
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> visible = visibleCriterionTexts(robot);
        assertThat(visible).extracting(Label::getText).containsExactly(S23);
        TitledPane observation = robot.lookup("#component-observation").queryAs(TitledPane.class);
        assertThat(observation.isExpanded()).isTrue();
    }

    @Test
    void expandingAComponentShowsItsCriteria(FxRobot robot) {
        TitledPane observation = robot.lookup("#component-observation").queryAs(TitledPane.class);
        assertThat(observation.isExpanded()).isFalse();
        TitledPane interview = robot.lookup("#component-wbp-interview").queryAs(TitledPane.class);
        // the expand animation is not under test; without it the layout is settled when the click returns
        robot.interact(() -> {
            interview.setAnimated(false);
            observation.setAnimated(false);
        });
        robot.clickOn(interview.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        // the open interview pushes the observation below the fold: scroll down to it, as an assessor would
        ScrollPane detail = robot.lookup("#plan-detail-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> scrollIntoView(detail, observation));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(observation.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(observation.isExpanded()).isTrue();
        assertThat(robot.lookup(".criterion-text").queryAllAs(Label.class))
                .extracting(Label::getText).contains(S23);
    }

    @Test
    void practitionerPlanSaysWordingIsNotProvided(FxRobot robot) {
        ListView<?> list = robot.lookup("#plan-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".callout-warning").queryAs(Label.class).getText())
                .contains("wording not provided in source");
        assertThat(robot.lookup(".wording-missing").queryAllAs(Label.class))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.getText()).isEqualTo("wording not provided in source"));
    }

    /** The Practitioner's pass criterion says what it stands for, once, beside "wording not provided in source". */
    @Test
    void practitionerPassCriterionShowsWhatItStandsFor(FxRobot robot) {
        ListView<?> list = robot.lookup("#plan-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane showcase = robot.lookup("#component-showcase").queryAs(TitledPane.class);
        List<String> notes = robot.from(showcase).lookup(".criterion-note").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        // one note for P, one for the run of D1–D10 (not ten)
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).contains("stands for all the showcase's pass criteria");
        assertThat(notes.get(1)).contains("10 distinction criteria");
    }

    /** Screenshots for people to look at (target/screenshots): the plan browser, and the Practitioner plan. */
    @Test
    void screenshotsOfThePlanBrowser(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "plan-browser"));
        ListView<?> list = robot.lookup("#plan-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "plan-browser-practitioner"));
        assertThat(Screenshots.FOLDER.resolve("plan-browser.png")).exists();
        assertThat(Screenshots.FOLDER.resolve("plan-browser-practitioner.png")).exists();
    }

    private static void scrollIntoView(ScrollPane scroll, Node node) {
        scroll.applyCss();
        scroll.layout();
        double contentHeight = scroll.getContent().getLayoutBounds().getHeight();
        double viewportHeight = scroll.getViewportBounds().getHeight();
        double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
        if (contentHeight > viewportHeight) {
            scroll.setVvalue(Math.min(1, y / (contentHeight - viewportHeight)));
        }
    }

    private static List<Label> visibleCriterionTexts(FxRobot robot) {
        List<Label> visible = new ArrayList<>();
        for (Label l : robot.lookup(".criterion-text").queryAllAs(Label.class)) {
            if (isShown(l)) {
                visible.add(l);
            }
        }
        return visible;
    }

    private static boolean isShown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
