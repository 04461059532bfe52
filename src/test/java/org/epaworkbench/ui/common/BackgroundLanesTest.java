package org.epaworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14: one thread did every write, signing and import, so a long import queued the session's
 * ticks behind it. Long flows now run in a lane of their own; the writer's lane stays free.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundLanesTest {

    final Background background = new Background();
    final CountDownLatch importMayFinish = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        // the FX toolkit is all this needs
    }

    @AfterEach
    void close() {
        importMayFinish.countDown();
        background.close();
    }

    @Test
    void ticksAreCommittedWhileASlowImportRuns() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch importStarted = new CountDownLatch(1);
        background.flow(() -> {
            importStarted.countDown();
            importMayFinish.await(); // an import that takes as long as the test wants
            return "import";
        }, done::add, failure -> done.add("import failed"));
        assertThat(importStarted.await(10, TimeUnit.SECONDS)).isTrue();

        for (int tick = 1; tick <= 3; tick++) {
            int n = tick;
            background.run(() -> "tick " + n, done::add, failure -> done.add("tick failed"));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() == 3);
        assertThat(done).as("every tick committed while the import is still running").containsExactly("tick 1", "tick 2", "tick 3");

        importMayFinish.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() == 4);
        assertThat(done).endsWith("import");
    }

    @Test
    void longFlowsRunOneAfterAnotherInTheOrderStarted() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        background.flow(() -> {
            importMayFinish.await();
            return "sign";
        }, done::add, failure -> { });
        background.flow(() -> "export", done::add, failure -> { });
        importMayFinish.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() == 2);
        assertThat(done).containsExactly("sign", "export");
    }

    @Test
    void aFlowStartsOnlyOnceTheWritesAskedForBeforeItAreSaved() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch lastActionMaySave = new CountDownLatch(1);
        background.run(() -> {
            lastActionMaySave.await(); // the assessor's last judgement, still being saved
            done.add("judgement saved");
            return null;
        }, ok -> { }, failure -> { });
        background.flow(() -> {
            done.add("signing starts");
            return null;
        }, ok -> { }, failure -> { });
        lastActionMaySave.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.size() == 2);
        assertThat(done).containsExactly("judgement saved", "signing starts");
    }
}
