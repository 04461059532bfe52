package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.record.PadesVerifier;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.SignedRecords;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.ui.Theme;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.records.RecordsView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Signing an ended session from its screen: declarations drawn, identity created, record signed and verified. */
@ExtendWith(ApplicationExtension.class)
class SignRecordFlowTest {

    @TempDir
    Path dir;
    Workbench workbench;
    Background background;
    StackPane root;
    volatile SessionScreen screen;

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
        if (screen != null) {
            WaitForAsyncUtils.asyncFx(() -> screen.model().stop()).get();
        }
        if (background != null) {
            background.close();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    /** Shown and visible as the robot sees it (a dialog's window can be showing a moment before its nodes are). */
    boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && org.testfx.util.NodeQueryUtils.isVisible().test(n)).isPresent();
    }

    /** Scrolls the declarations so that a signature pad is in view, to draw in it. */
    static void scrollTo(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        if (p instanceof javafx.scene.control.ScrollPane sp) {
            Node content = sp.getContent();
            javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double extra = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (extra > 0) {
                sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / extra)));
            }
            sp.layout();
        }
    }

    @Test
    void signingAnEndedSessionMakesAVerifiedRecordAndLogsIt(FxRobot robot) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        workbench = Workbench.open(DataDirectory.at(dir), clock, new ManualClock(clock.instant()));
        background = new Background();
        SampleDataMaker.Made made = new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), clock).make();
        String sessionId = made.sessionIds().get(1);
        Platform.runLater(() -> LiveSessionModel.open(workbench, background, sessionId, model -> {
            screen = new SessionScreen(model, () -> { });
            root.getChildren().setAll(screen);
        }, Throwable::printStackTrace));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen != null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#sign-record");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#declarations-ok"));
        // the apprentice signs on screen (face to face), and so does the assessor
        for (Node canvas : robot.lookup("#signature-canvas").queryAll()) {
            robot.interact(() -> scrollTo(canvas));
            robot.moveTo(canvas).moveBy(-120, 10).press(MouseButton.PRIMARY).moveBy(60, -25).moveBy(60, 30)
                    .moveBy(70, -20).release(MouseButton.PRIMARY);
        }
        robot.interact(() -> org.epaworkbench.ui.Screenshots.save(robot.lookup("#declarations-ok").query().getScene(),
                "declarations"));
        robot.clickOn("#declarations-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password"));
        robot.clickOn("#keystore-password").write("a long password");
        robot.clickOn("#keystore-password-again").write("a long password");
        java.util.List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> screen.model().activityProperty().addListener((o, was, now) -> steps.add(now)));
        robot.clickOn("#password-ok");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#info-message"));
        // the steps are shown on the session screen, then the bar goes
        assertThat(steps).contains("Signing the record · Signing", "Signing the record · Checking the signature").endsWith("");
        assertThat(robot.lookup("#info-message").queryAs(Label.class).getText())
                .contains("signature is valid and covers the whole document");

        var state = workbench.sessions().state(sessionId).orElseThrow();
        assertThat(state.declaration("apprentice")).hasValueSatisfying(d -> assertThat(d.signaturePngBase64()).isNotNull());
        assertThat(state.declaration("assessor")).isPresent();
        assertThat(state.signedRecords()).hasSize(1);
        var record = new SignedRecords(workbench.database()).forSession(sessionId).get(0);
        byte[] pdf = Files.readAllBytes(new SignedRecords(workbench.database()).folder().resolve(record.fileName()));
        assertThat(new PadesVerifier().verify("record", pdf).verified()).isTrue();
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "signed-discussion-record.pdf"), pdf);
        assertThat(workbench.assessorIdentity().drawnSignature()).isPresent();

        // the Records screen verifies it too
        robot.type(javafx.scene.input.KeyCode.ENTER);
        robot.interact(() -> root.getChildren().setAll(new RecordsView(workbench, background)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#records-table")
                .queryTableView().getItems().isEmpty());
        // issue 11: who, what, which attempt, the grade and when it was signed, each in a column
        javafx.scene.control.TableView<?> records = robot.lookup("#records-table").queryTableView();
        assertThat(records.getColumns()).extracting(c -> c.getText())
                .contains("Apprentice", "Component", "Attempt", "Grade", "Signed at");
        var summary = workbench.sessions().summary(sessionId).orElseThrow();
        java.util.function.Function<String, Object> cell = name -> records.getColumns().stream()
                .filter(c -> c.getText().equals(name)).findFirst().orElseThrow().getCellData(0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.apply("Apprentice")).isEqualTo(summary.apprenticeName());
        assertThat(cell.apply("Component")).isEqualTo(workbench.plans().plan(summary.planId())
                .flatMap(p -> p.component(summary.componentId())).orElseThrow().title());
        assertThat((String) cell.apply("Attempt")).isEqualToIgnoringCase(summary.attempt().word());
        assertThat((String) cell.apply("Grade")).isNotBlank();
        robot.interact(() -> robot.lookup("#records-table").queryTableView().getSelectionModel().selectFirst());
        robot.clickOn("#verify-selected");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#verification-verdict").tryQuery().isPresent());
        assertThat(robot.lookup("#verification-verdict").queryAs(Label.class).getText()).isEqualTo("Verified");
        // dates as UK assessors write them, not ISO: "valid until 1 Dec 2031", "Signing time 1 Dec 2026 21:04:05 GMT"
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signing-identity").queryAs(Label.class)
                .getText().contains("valid until"));
        assertThat(robot.lookup("#signing-identity").queryAs(Label.class).getText())
                .containsPattern("valid until \\d{1,2} [A-Z][a-z]{2} \\d{4}$");
        assertThat(robot.from(robot.lookup("#verification-result").queryAs(javafx.scene.Node.class))
                .lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} .+"));

        // and opens it in the system's PDF viewer
        java.util.List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.epaworkbench.ui.common.OpenFile.use(opened::add);
        try {
            robot.clickOn("#open-selected");
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            org.epaworkbench.ui.common.OpenFile.use((java.util.function.Consumer<String>) null);
        }
        SignedRecord shown = robot.lookup("#records-table").queryTableView().getItems().stream()
                .map(SignedRecord.class::cast).findFirst().orElseThrow();
        assertThat(opened).containsExactly(workbench.signedRecords().folder().resolve(shown.fileName()).toUri().toString());

        // a copy changed and signed again by someone else: every signature is valid, the record is not
        Path resigned = dir.resolve("resigned.pdf");
        Files.write(resigned, resignedByAnother(pdf));
        RecordsView view = (RecordsView) root.getChildren().get(0);
        robot.interact(() -> view.verify(resigned));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#verification-signature-count").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("2")).orElse(false));
        assertThat(robot.lookup("#verification-verdict").queryAs(Label.class).getText()).isEqualTo("Not verified");
        assertThat(robot.lookup("#verification-signature-count").queryAs(Label.class).getText()).contains("exactly one");
    }

    byte[] resignedByAnother(byte[] pdf) throws Exception {
        byte[] changed;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            doc.getDocumentInformation().setTitle("changed after signing");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            var out = new java.io.ByteArrayOutputStream();
            doc.saveIncremental(out);
            changed = out.toByteArray();
        }
        var keys = new org.epaworkbench.keys.AssessorKeyStore(dir.resolve("other-signer"), Clock.systemUTC());
        keys.create(new org.epaworkbench.people.AssessorProfile("Someone Else", "EPA-999", "Elsewhere", false),
                "another password".toCharArray());
        return new org.epaworkbench.record.PadesSigner().sign(changed, keys.unlock("another password".toCharArray()),
                new org.epaworkbench.record.SignatureLook(null, "again", "elsewhere", null), Instant.now(),
                java.time.ZoneId.of("UTC"));
    }

    @Test
    void aWrongPasswordSaysSoAndRecordsNothingSoSigningCanSimplyBeTriedAgain(FxRobot robot) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        workbench = Workbench.open(DataDirectory.at(dir), clock, new ManualClock(clock.instant()));
        background = new Background();
        SampleDataMaker.Made made = new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), clock).make();
        workbench.assessorIdentity().create(workbench.people().assessor().orElseThrow(), "the right password".toCharArray());
        String sessionId = made.sessionIds().get(2);
        long before = workbench.sessions().events(sessionId).size();
        Platform.runLater(() -> LiveSessionModel.open(workbench, background, sessionId, model -> {
            screen = new SessionScreen(model, () -> { });
            root.getChildren().setAll(screen);
        }, Throwable::printStackTrace));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen != null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#sign-record");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#declarations-ok"));
        robot.interact(() -> ((javafx.scene.control.CheckBox) robot.lookup("#apprentice-signs").query()).setSelected(false));
        for (Node canvas : robot.lookup("#signature-canvas").queryAll()) {
            if (!canvas.isDisabled()) {
                robot.interact(() -> scrollTo(canvas));
                robot.moveTo(canvas).moveBy(-100, 10).press(MouseButton.PRIMARY).moveBy(60, -25).moveBy(60, 30)
                        .release(MouseButton.PRIMARY);
            }
        }
        robot.clickOn("#declarations-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password"));
        robot.clickOn("#keystore-password").write("the wrong password");
        robot.clickOn("#password-ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> showing(robot, "#problem-message"));
        assertThat(robot.lookup("#problem-message").queryAs(Label.class).getText())
                .containsIgnoringCase("password").contains("Nothing was recorded").doesNotContain("Something went wrong")
                .doesNotContain("org.epaworkbench");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(workbench.sessions().events(sessionId)).hasSize((int) before);
        assertThat(workbench.sessions().state(sessionId).orElseThrow().declaration("assessor")).isEmpty();
    }

    /** Item 1: "signs on this screen" with a blank pad is refused; a remote way is chosen with a reason, and the PDF says which. */
    @Test
    void aBlankApprenticePadIsRefusedAndARemoteConfirmationIsRecordedWithItsReason(FxRobot robot) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        workbench = Workbench.open(DataDirectory.at(dir), clock, new ManualClock(clock.instant()));
        background = new Background();
        SampleDataMaker.Made made = new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), clock).make();
        workbench.assessorIdentity().create(workbench.people().assessor().orElseThrow(), "the right password".toCharArray());
        String sessionId = made.sessionIds().get(1);
        long before = workbench.sessions().events(sessionId).size();
        Platform.runLater(() -> LiveSessionModel.open(workbench, background, sessionId, model -> {
            screen = new SessionScreen(model, () -> { });
            root.getChildren().setAll(screen);
        }, Throwable::printStackTrace));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen != null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#sign-record");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#declarations-ok"));
        // the apprentice is to sign on this screen, but only the assessor draws
        robot.interact(() -> ((javafx.scene.control.CheckBox) robot.lookup("#apprentice-signs").query()).setSelected(true));
        robot.interact(() -> ((javafx.scene.control.RadioButton) robot.lookup("#apprentice-way-drawn").query()).setSelected(true));
        java.util.List<Node> canvases = new java.util.ArrayList<>(robot.lookup("#signature-canvas").queryAll());
        Node assessorCanvas = canvases.get(canvases.size() - 1);
        robot.interact(() -> scrollTo(assessorCanvas));
        robot.moveTo(assessorCanvas).moveBy(-100, 10).press(MouseButton.PRIMARY).moveBy(60, -25).moveBy(60, 30)
                .release(MouseButton.PRIMARY);
        robot.clickOn("#declarations-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(robot, "#declarations-ok")).as("the dialog stays open").isTrue();
        assertThat(robot.lookup("#declarations-problem").queryAs(Label.class).getText())
                .contains("has not signed in the box").contains("remotely");
        assertThat(robot.lookup("#keystore-password").tryQuery()).isEmpty();
        assertThat(workbench.sessions().events(sessionId)).hasSize((int) before);

        // a remote confirmation needs its reason
        robot.clickOn("#apprentice-way-voice");
        robot.clickOn("#declarations-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#declarations-problem").queryAs(Label.class).getText()).contains("Say why");
        robot.clickOn("#apprentice-way-reason").write("Remote session by video call; confirmed aloud at 14:52");
        robot.clickOn("#declarations-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#keystore-password"));
        robot.clickOn("#keystore-password").write("the right password");
        robot.clickOn("#password-ok");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#info-message"));
        robot.type(javafx.scene.input.KeyCode.ENTER);

        var state = workbench.sessions().state(sessionId).orElseThrow();
        assertThat(state.declaration("apprentice")).hasValueSatisfying(d -> {
            assertThat(d.way()).isEqualTo(org.epaworkbench.session.DeclarationWay.VOICE);
            assertThat(d.reason()).isEqualTo("Remote session by video call; confirmed aloud at 14:52");
            assertThat(d.signaturePngBase64()).isNull();
        });
        var record = new SignedRecords(workbench.database()).forSession(sessionId).get(0);
        byte[] pdf = Files.readAllBytes(new SignedRecords(workbench.database()).folder().resolve(record.fileName()));
        String text;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("confirmed remotely by voice (phone or video call), not signed on screen")
                .contains("Remote session by video call; confirmed aloud at 14:52")
                .doesNotContain("no drawn signature");
    }
}
