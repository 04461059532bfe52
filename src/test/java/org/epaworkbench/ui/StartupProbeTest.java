package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The benchmarks' start-up hook: off unless asked for; when used, it runs once, after a pulse. */
@ExtendWith(ApplicationExtension.class)
class StartupProbeTest {

    Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(new Label("probe")), 320, 200);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void isOffUnlessTheJvmIsToldToTimeTheStart() {
        assertThat(System.getProperty(StartupProbe.PROPERTY)).isNull();
        assertThat(StartupProbe.enabled()).isFalse();
    }

    @Test
    void runsItsActionOnceOnTheFxThreadAfterTheNextPulse() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Boolean> onFxThread = new CompletableFuture<>();
        Platform.runLater(() -> StartupProbe.afterNextPulse(scene, () -> {
            runs.incrementAndGet();
            onFxThread.complete(Platform.isFxApplicationThread());
        }));
        assertThat(onFxThread.get(10, TimeUnit.SECONDS)).isTrue();
        // later pulses do not run it again
        for (int i = 0; i < 5; i++) {
            Platform.runLater(Platform::requestNextPulse);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(runs.get()).isEqualTo(1);
    }
}
