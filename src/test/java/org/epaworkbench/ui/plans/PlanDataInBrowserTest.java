package org.epaworkbench.ui.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The plan data of issue 13 in the plan browser: KSB statements beside VTCT's descriptors, one-session and resit rules. */
@ExtendWith(ApplicationExtension.class)
class PlanDataInBrowserTest {

    @Start
    void start(Stage stage) throws Exception {
        PlanLibrary library = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        Scene scene = new Scene(new PlansView(library), 1366, 768);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    static String labels(Node n) {
        StringBuilder b = new StringBuilder();
        n.lookupAll(".label").forEach(l -> {
            boolean shown = true;
            for (Node x = l; x != null && x != n; x = x.getParent()) {
                shown &= x.isVisible();
            }
            if (shown) {
                b.append(((Label) l).getText()).append('\n');
            }
        });
        return b.toString();
    }

    @Test
    void vtctDescriptorsShowTheirKsbStatementsOnRequest(FxRobot robot) {
        ListView<?> list = robot.lookup("#plan-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane observation = robot.lookup("#component-observation").queryAs(TitledPane.class);
        robot.interact(() -> {
            observation.setAnimated(false);
            observation.setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Hyperlink toggle = robot.from(observation).lookup("#ksb-toggle-P2").queryAs(Hyperlink.class);
        assertThat(toggle.getText()).isEqualTo("Show the KSB statements (5)");
        assertThat(labels(observation)).doesNotContain("Through advanced questioning, listening and summarising negotiate");
        robot.interact(toggle::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.getText()).startsWith("Hide");
        assertThat(labels(observation)).contains("Through advanced questioning, listening and summarising negotiate mutually "
                + "beneficial outcomes.").contains("Skills · Providing a positive customer experience");
        assertThat(robot.from(observation).lookup("#ksb-toggle-ksb").queryAs(Hyperlink.class).getText()).isEqualTo("Show the KSB statements (20)");
        assertThat(labels(observation)).contains("One session")
                .contains("The practical observation with questions and answers is covered in one session");
    }

    @Test
    void thePractitionerObservationShowsItsResitFollowUp(FxRobot robot) {
        ListView<?> list = robot.lookup("#plan-list").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane observation = robot.lookup("#component-observation").queryAs(TitledPane.class);
        robot.interact(() -> {
            observation.setAnimated(false);
            observation.setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labels(observation)).contains("With a resit").contains("An additional professional discussion follow-up of 30 minutes");
    }
}
