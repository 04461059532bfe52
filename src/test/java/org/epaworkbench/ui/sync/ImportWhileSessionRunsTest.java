package org.epaworkbench.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.epaworkbench.app.CertificateFiles;
import org.epaworkbench.app.ImportFlow;
import org.epaworkbench.app.Importing;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.sync.SyncTestSupport;
import org.epaworkbench.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14, done when: importing a large package while a session is running does not delay judgements.
 * The Import screen's own flow imports a real package through an import made slow (it waits for the
 * test); meanwhile the session's judgements and heartbeats go through the ordered writer and are in the
 * database before the import is let finish.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWhileSessionRunsTest {

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T15:00:00Z"));
    final CountDownLatch importStarted = new CountDownLatch(1);
    final CountDownLatch importMayFinish = new CountDownLatch(1);
    final Background background = new Background();
    Workbench office;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        importMayFinish.countDown();
        background.close();
        if (office != null) {
            office.close();
        }
    }

    @Test
    void judgementsAndTicksAreCommittedWhileALargePackageIsImported() throws Exception {
        Path laptop = dir.resolve("laptop");
        Path pkg = SyncTestSupport.deviceWithPackage(laptop, dir.resolve("usb"), false);
        office = Workbench.open(DataDirectory.at(dir.resolve("office")),
                Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC), clock);

        // a session running at the office
        Apprentice a = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
                "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);
        office.people().save(a);
        AssessmentPlan plan = office.plans().plan("highfield-css-l3").orElseThrow();
        RecordedSession session = RecordedSession.create(office.sessions(), plan, new SessionDetails(a.id(), plan.id(),
                plan.version(), "observation", AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Customer service desk", "Passport"),
                clock, SessionSettings.DEFAULT, false);
        session.perform(l -> l.start());

        // the office trusts the assessor; its import is the real one, made to take as long as the test wants
        Importing importing = office.services().importing();
        importing.addSigner(CertificateFiles.read(laptop.resolve("keys").resolve("assessor.pem")));
        ImportFlow.Importer slow = (file, key, firstUse, dryRun) -> {
            if (!dryRun) {
                importStarted.countDown();
                importMayFinish.await();
            }
            return importing.importPackage(file, key, firstUse, dryRun);
        };
        ImportViewModel model = new ImportViewModel(importing, office.services().assessorIdentity(), slow);
        ImportView view = WaitForAsyncUtils.asyncFx(() -> {
            ImportView screen = new ImportView(model, office.services().apprenticeSharing(), background);
            stage.setScene(new Scene(screen, 1280, 800));
            stage.show();
            return screen;
        }).get();

        // checked, then "Import" pressed: the import starts and does not finish
        WaitForAsyncUtils.asyncFx(() -> view.open(pkg)).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.lookup("#import-confirm") != null);
        WaitForAsyncUtils.asyncFx(() -> ((Button) view.lookup("#import-confirm")).fire()).get();
        assertThat(importStarted.await(20, TimeUnit.SECONDS)).isTrue();

        // meanwhile the assessor judges and the session's time is saved, through the ordered writer
        List<String> committed = new CopyOnWriteArrayList<>();
        clock.advance(Duration.ofSeconds(5));
        background.run(() -> {
            session.heartbeat();
            return "tick";
        }, committed::add, failure -> committed.add("tick failed: " + failure));
        background.run(() -> {
            session.perform(l -> l.judge("K3.3", CriterionState.MET));
            return "K3.3";
        }, committed::add, failure -> committed.add("judgement failed: " + failure));
        clock.advance(Duration.ofSeconds(5));
        background.run(() -> {
            session.perform(l -> l.judge("K3.4", CriterionState.NOT_MET));
            return "K3.4";
        }, committed::add, failure -> committed.add("judgement failed: " + failure));
        background.run(() -> {
            session.heartbeat();
            return "tick";
        }, committed::add, failure -> committed.add("tick failed: " + failure));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> committed.size() == 4);
        assertThat(committed).containsExactly("tick", "K3.3", "K3.4", "tick");

        // committed: in the database, read afresh, while the import still waits
        assertThat(importMayFinish.getCount()).as("the import is still running").isEqualTo(1);
        SessionStore fresh = new SessionStore(office.database());
        assertThat(fresh.events(session.id()).stream().map(e -> e.body()).filter(EventBody.CriterionJudged.class::isInstance)
                .map(b -> ((EventBody.CriterionJudged) b).criterionId())).containsExactly("K3.3", "K3.4");
        assertThat(fresh.lastHeartbeat(session.id())).isPresent();
        assertThat(fresh.list()).as("nothing imported yet").hasSize(1);

        // the import, let finish, is in too
        importMayFinish.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fresh.list().size() == 4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> model.shown().get()).get()
                .text().startsWith("Imported: 3 sessions"));
    }
}
