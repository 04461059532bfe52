package org.epaworkbench.ui.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.SessionStore.SessionSummary;
import org.epaworkbench.ui.MainWindow;
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
 * Issue 13 item 11, the screen: an assessor whose laptop died on site enters the session from the paper form through
 * "Enter a paper record…" in the Sessions list. A rule the form breaks is said beside its field and nothing is stored;
 * put right, the session is stored, opens on the session screen with its "Entered from paper" badge, and is marked so in
 * the list.
 */
@ExtendWith(ApplicationExtension.class)
class PaperRecordScreenTest {

    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

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
    void close() throws Exception {
        if (background != null) {
            background.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the form so that {@code query} is on screen, as an assessor would. */
    void reveal(FxRobot robot, String query) {
        robot.interact(() -> {
            Node n = robot.lookup(query).query();
            Node up = n.getParent();
            while (!(up instanceof ScrollPane)) {
                up = up.getParent();
            }
            ScrollPane sp = (ScrollPane) up;
            Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 60) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void type(FxRobot robot, String query, String text) {
        reveal(robot, query);
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    /** Shown and visible as the robot sees it (a dialog's window can be showing a moment before its nodes are). */
    static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && org.testfx.util.NodeQueryUtils.isVisible().test(n)).isPresent();
    }

    /** Scrolls the declarations so that a signature pad is in view, to draw in it. */
    static void scrollTo(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (p instanceof ScrollPane sp) {
            Node content = sp.getContent();
            Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double extra = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (extra > 0) {
                sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / extra)));
            }
            sp.layout();
        }
    }

    String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n instanceof Label l ? l.getText() : ((TextField) n).getText();
    }

    @Test
    void closingTheAppWithAPaperRecordTypedAndNotEnteredAsksFirst(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#enter-paper-record");
        await(() -> robot.lookup("#paper-screen").tryQuery().isPresent());
        type(robot, "#paper-reason", "Laptop battery failed on arrival");

        AtomicBoolean allowed = new AtomicBoolean(true);
        Platform.runLater(() -> allowed.set(main.confirmClose(() -> { })));
        await(() -> robot.lookup("#confirm-ok").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAllAs(Label.class).stream().map(Label::getText).toList())
                .anySatisfy(t -> assertThat(t).contains("not entered yet"));
        robot.type(KeyCode.ESCAPE); // stay
        await(() -> robot.lookup("#confirm-ok").tryQuery().isEmpty());
        assertThat(allowed.get()).isFalse();
        assertThat(robot.lookup("#paper-reason").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("Laptop battery failed on arrival");

        Platform.runLater(() -> allowed.set(main.confirmClose(() -> { })));
        await(() -> robot.lookup("#confirm-ok").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#confirm-ok");
        await(() -> robot.lookup("#confirm-ok").tryQuery().isEmpty());
        assertThat(allowed.get()).isTrue();
    }

    /** Sam's data folder with Priya on the Highfield Specialist plan, and the main window on the Sessions list. */
    void open(FxRobot robot) throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), Clock.fixed(NOW, ZoneOffset.UTC), new ManualClock(NOW));
        background = new Background();
        workbench.people().saveAssessor(new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
        workbench.people().save(new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false));
        robot.interact(() -> {
            main = new MainWindow(workbench, background, Theme.LIGHT);
            root.getChildren().setAll(main);
        });
        await(() -> robot.lookup("#enter-paper-record").tryQuery().isPresent());
    }

    @Test
    void aSessionFromThePaperFormIsEnteredThroughTheScreenAndListedAsFromPaper(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#enter-paper-record");
        await(() -> robot.lookup("#paper-screen").tryQuery().isPresent());
        robot.clickOn("#paper-component");
        robot.clickOn("Practical observation with Q&As");
        type(robot, "#paper-date .text-field", "20/11/2026");
        type(robot, "#paper-reason", "Laptop battery failed on arrival; recorded on the paper observation form");
        type(robot, "#paper-start", "9.30");
        type(robot, "#paper-end", "10:10"); // 40 minutes: under the observation's minimum of 54, and no reason given
        robot.clickOn("#paper-enter");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#paper-end-problem")).startsWith("Ending at 40:00 is before the minimum of 54:00")
                .endsWith("Give a reason.");
        assertThat(text(robot, "#paper-summary")).contains("End");
        assertThat(text(robot, "#paper-end")).isEqualTo("10:10"); // kept as typed
        assertThat(text(robot, "#paper-start")).isEqualTo("09:30"); // shown as the app shows times
        assertThat(workbench.sessions().list()).isEmpty(); // nothing stored

        type(robot, "#paper-end", "10:38");
        // checked again as it is typed: 68 minutes is over the maximum until the pause on the form is entered
        assertThat(text(robot, "#paper-end-problem")).startsWith("Ending at 68:00 is after the maximum of 66:00");
        reveal(robot, "#paper-add-pause");
        robot.clickOn("#paper-add-pause");
        type(robot, "#paper-pause-0-from", "10:05");
        type(robot, "#paper-pause-0-until", "10:12");
        type(robot, "#paper-pause-0-reason", "Fire alarm test");
        assertThat(robot.lookup("#paper-end-problem").queryAs(Label.class).isVisible()).isFalse(); // the message went
        reveal(robot, "#paper-add-questioning");
        robot.clickOn("#paper-add-questioning");
        type(robot, "#paper-questioning-0-from", "10:20");
        type(robot, "#paper-questioning-0-until", "10:28");
        reveal(robot, "#paper-judgement-S2-3-met");
        robot.clickOn("#paper-judgement-S2-3-met");
        type(robot, "#paper-judgement-S2-3-at", "09:50");
        type(robot, "#paper-judgement-S2-3-note", "Summarised the customer's needs before offering options");
        type(robot, "#paper-notes", "Apprentice moved to the returns desk at 10:15");
        robot.clickOn("#paper-enter");

        // stored, and opened on the session screen with its badge
        await(() -> main.sessionScreen() != null);
        await(() -> robot.lookup("#entered-from-paper-badge").tryQuery().isPresent());
        SessionSummary stored = workbench.sessions().list().get(0);
        assertThat(stored.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(stored.enteredFromPaper()).isTrue();
        var state = workbench.sessions().state(stored.id()).orElseThrow();
        assertThat(state.enteredFromPaper().orElseThrow().reason()).startsWith("Laptop battery failed on arrival");
        assertThat(state.elapsedAtLastEvent()).hasMinutes(61);

        // signed like any other, its record saying it was entered from paper
        robot.clickOn("#sign-record");
        await(() -> showing(robot, "#declarations-ok"));
        for (Node canvas : robot.lookup("#signature-canvas").queryAll()) {
            robot.interact(() -> scrollTo(canvas));
            robot.moveTo(canvas).moveBy(-120, 10).press(javafx.scene.input.MouseButton.PRIMARY).moveBy(60, -25).moveBy(60, 30)
                    .moveBy(70, -20).release(javafx.scene.input.MouseButton.PRIMARY);
        }
        robot.clickOn("#declarations-ok");
        await(() -> showing(robot, "#keystore-password"));
        robot.clickOn("#keystore-password").write("a long password");
        robot.clickOn("#keystore-password-again").write("a long password");
        robot.clickOn("#password-ok");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#info-message"));
        assertThat(robot.lookup("#info-message").queryAs(Label.class).getText())
                .contains("signature is valid and covers the whole document");
        var record = workbench.signedRecords().forSession(stored.id()).get(0);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(workbench.signedRecords().folder().resolve(record.fileName()).toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("ENTERED FROM PAPER").contains("Laptop battery failed on arrival");
        }
        // and waits in the outbox for export, record and session, as any other does
        var pending = new org.epaworkbench.sync.Outbox(new org.epaworkbench.store.SyncStore(workbench.database()),
                workbench.signedRecords().folder(), workbench.sessions().deviceId(), workbench.clock()).pending();
        assertThat(pending.sessionIds()).contains(stored.id());
        assertThat(pending.records()).extracting(r -> r.sessionId()).contains(stored.id());
        robot.type(KeyCode.ENTER);
        await(() -> !showing(robot, "#info-message"));

        // back in the list, marked as from paper
        robot.clickOn("#back-to-sessions");
        await(() -> main.sessionScreen() == null && robot.lookup("#session-table .paper-badge").tryQuery().isPresent());
        TableCell<?, ?> cell = robot.lookup("#session-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getGraphic() != null && c.getGraphic().getStyleClass().contains("paper-badge")).findFirst()
                .orElseThrow();
        assertThat(((Label) cell.getGraphic()).getText()).isEqualTo("Entered from paper");
        assertThat(cell.getText()).isEqualTo("Practical observation with Q&As");
        TableCell<?, ?> status = robot.lookup("#session-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableRow() == cell.getTableRow() && "Status".equals(c.getTableColumn().getText())).findFirst()
                .orElseThrow();
        assertThat(status.getText()).isEqualTo("Signed");
    }
}
