package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11 items 6 and 8: the session screen at the laptop sizes assessors have (1280×720, 1366×768), and
 * the Ask-question dialog of an interview.
 */
class SessionScreenSizesTest extends SessionScreenFixture {

    void startSession(FxRobot robot) throws Exception {
        robot.clickOn("#start-button");
        settle();
        assertThat(model().snapshot().state().status()).isEqualTo(SessionStatus.RUNNING);
    }

    Window askDialog(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#criteria-list").query().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#question-bank"));
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.lookup("#question-bank").query().getScene().getWindow();
        robot.targetWindow(dialog); // what the robot writes goes where the keyboard is, as a person's typing does
        return dialog;
    }

    /** The rows of the list a person sees whole. */
    static long visibleRows(ListView<?> list) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        return list.lookupAll(".list-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getItem() != null)
                .filter(c -> {
                    Bounds b = c.localToScene(c.getLayoutBounds());
                    return b.getHeight() > 0 && b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
                }).count();
    }

    /** Every button whose words are cut short ("E…", "Restore plan exa…"). */
    static List<String> truncatedButtons(Node root) {
        return root.lookupAll(".button").stream().filter(n -> n instanceof Button b && b.isVisible() && b.getText() != null
                && !b.getText().isEmpty()).map(n -> (Button) n).filter(b -> b.lookupAll(".text").stream()
                        .filter(t -> t instanceof Text).map(t -> ((Text) t).getText()).noneMatch(b.getText()::equals))
                .map(Button::getText).toList();
    }

    @Test
    void theAskDialogShowsTheBankAsAListToFilterAndEnterAsks(FxRobot robot) throws Exception {
        openSession("highfield-css-l3", "wbp-interview");
        // the plan's six examples and four of the assessor's own
        AssessmentPlan plan = workbench.plans().plan("highfield-css-l3").orElseThrow();
        var component = plan.component("wbp-interview").orElseThrow();
        for (String q : new String[] {"How do you handle a complaint you cannot resolve yourself?",
                "Which customer feedback changed how your team works?", "How do you keep customer records safe?",
                "Tell me about a time a customer's complaint showed that a process in your team needed to change, what you "
                        + "proposed, who you had to convince, and how you measured whether the change made things better."}) {
            workbench.questionBank().add(plan, component, "My questions", q);
        }
        startSession(robot);

        Window dialog = askDialog(robot);
        ListView<?> bank = robot.lookup("#question-bank").queryAs(ListView.class);
        assertThat(bank.getItems()).hasSize(10);
        assertThat(visibleRows(bank)).as("questions visible at once").isGreaterThanOrEqualTo(8);
        assertThat(((Stage) dialog).isResizable()).isTrue();
        assertThat(truncatedButtons(dialog.getScene().getRoot())).isEmpty();
        assertThat(bank.lookupAll(".scroll-bar").stream().filter(n -> n instanceof javafx.scene.control.ScrollBar b
                && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible()).toList())
                .as("no sideways scrolling in the bank").isEmpty();

        // typing filters the bank; ↓ chooses the first match; Enter asks it (not Cancel)
        robot.write("mission statement");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bank.getItems()).hasSize(2);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        settle();
        assertThat(model().snapshot().state().questions()).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("What is the impact of the organisation’s mission statement?");
            assertThat(q.bankId()).startsWith("plan:highfield-css-l3:wbp-interview:");
        });
        assertThat(dialog.isShowing()).isFalse();

        // a question the bank does not have: typed, Enter asks it as typed
        askDialog(robot);
        robot.write("What would you change about the returns desk?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#question-bank").queryAs(ListView.class).getItems()).isEmpty();
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(model().snapshot().state().questions()).hasSize(2);
        assertThat(model().snapshot().state().questions().get(1).text()).isEqualTo("What would you change about the returns desk?");
        assertThat(model().snapshot().state().questions().get(1).bankId()).isNull();
    }

    /** Whether the whole of {@code n} shows: inside the window, and inside the visible part of every scroll pane around it. */
    static boolean shownWhole(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        Scene scene = n.getScene();
        if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5) {
            return false;
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                Node viewport = sp.lookup(".viewport");
                Bounds v = viewport.localToScene(viewport.getLayoutBounds());
                if (b.getMinY() < v.getMinY() - 0.5 || b.getMaxY() > v.getMaxY() + 0.5 || b.getMinX() < v.getMinX() - 0.5
                        || b.getMaxX() > v.getMaxX() + 0.5) {
                    return false;
                }
            }
        }
        return true;
    }

    void layoutAt(FxRobot robot, String planId, String componentId, int width, int height, String... glanced) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        openSession(planId, componentId);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "session-" + componentId + "-" + width + "x" + height));
        String at = componentId + " at " + width + "x" + height + ": ";
        assertThat(stage.getScene().getWidth()).isEqualTo(width);
        for (String id : glanced) {
            assertThat(shownWhole(robot.lookup(id).query())).as(at + id + " shown whole, without scrolling").isTrue();
        }
        // the component and plan under the apprentice's name, whole
        javafx.scene.control.Label subtitle = robot.lookup("#session-subtitle").queryAs(javafx.scene.control.Label.class);
        assertThat(((javafx.scene.text.Text) subtitle.lookup(".text")).getText()).as(at + "the header's subtitle as drawn")
                .isEqualTo(subtitle.getText());
        // no horizontal scrolling anywhere on the screen
        assertThat(screen.lookupAll(".scroll-bar").stream().filter(n -> n instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()).toList())
                .as(at + "horizontal scroll bars").isEmpty();
        // every criterion's whole text, at a width that reads as text (not a 70-pixel column)
        var texts = screen.lookupAll(".criterion-text");
        assertThat(texts).hasSize(model().snapshot().component().criteria().size());
        for (Node n : texts) {
            javafx.scene.control.Label l = (javafx.scene.control.Label) n;
            assertThat(l.getWidth()).as(at + "width of the text of a criterion").isGreaterThanOrEqualTo(400);
            assertThat(l.getHeight()).as(at + "height for the whole text of " + l.getText())
                    .isGreaterThanOrEqualTo(Math.floor(l.prefHeight(l.getWidth())));
        }
        // the selected criterion's notes and evidence fold under the list rather than squeezing it
        Bounds list = robot.lookup("#criteria-list").query().localToScene(robot.lookup("#criteria-list").query().getLayoutBounds());
        Node detail = robot.lookup("#criterion-detail").query();
        Bounds d = detail.localToScene(detail.getLayoutBounds());
        assertThat(d.getMinX()).as(at + "detail under the criteria, not beside them").isLessThan(list.getMaxX());
        assertThat(d.getMinY()).as(at + "detail under the criteria").isGreaterThanOrEqualTo(list.getMinY());
        assertThat(shownWhole(robot.lookup("#note-input").query())).as(at + "the note box shows").isTrue();
    }

    @Test
    void anObservationAt1280x720(FxRobot robot) throws Exception {
        layoutAt(robot, "highfield-css-l3", "observation", 1280, 720, "#elapsed-timer", "#start-button", "#questioning-used",
                "#questioning-toggle", "#grade-preview");
    }

    @Test
    void anObservationAt1366x768(FxRobot robot) throws Exception {
        layoutAt(robot, "highfield-css-l3", "observation", 1366, 768, "#elapsed-timer", "#start-button", "#questioning-used",
                "#questioning-toggle", "#grade-preview");
    }

    @Test
    void anInterviewAt1280x720(FxRobot robot) throws Exception {
        layoutAt(robot, "highfield-css-l3", "wbp-interview", 1280, 720, "#elapsed-timer", "#start-button", "#question-counter",
                "#ask-question", "#grade-preview");
    }

    @Test
    void aDiscussionAt1280x720(FxRobot robot) throws Exception {
        layoutAt(robot, "pal-css-l3", "professional-discussion", 1280, 720, "#elapsed-timer", "#start-button",
                "#no-questioning-limit", "#grade-preview");
    }

    @Test
    void aDiscussionAt1366x768(FxRobot robot) throws Exception {
        layoutAt(robot, "pal-css-l3", "professional-discussion", 1366, 768, "#elapsed-timer", "#start-button",
                "#no-questioning-limit", "#grade-preview");
    }
}
