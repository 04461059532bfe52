package org.epaworkbench.bench;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.epaworkbench.ui.MainWindow;
import org.epaworkbench.ui.Theme;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;

/**
 * Drives the real desktop app from a probe's main thread: the toolkit started as the app starts it
 * (under Monocle headless when the JVM is told so), the main window over a data folder, and helpers
 * to act on the FX thread and wait for the single background thread to finish what was queued.
 */
final class FxDriver implements AutoCloseable {

    /** How long {@link #drain} waits for the background thread ({@code -Dbench.drainSeconds}, default 120). */
    static final long WAIT_SECONDS = Long.getLong("bench.drainSeconds", 120);

    final Workbench workbench;
    final Background background;
    Stage stage;
    Scene scene;
    MainWindow main;

    private FxDriver(Workbench workbench, Background background) {
        this.workbench = workbench;
        this.background = background;
    }

    static void startToolkit() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }

    /** Opens the data folder and shows the main window as WorkbenchApp does, with its lists loaded. */
    static FxDriver mainWindow(Path dataDir) throws Exception {
        FxDriver d = new FxDriver(Fixtures.open(dataDir), new Background());
        d.fx(() -> {
            d.stage = new Stage();
            d.main = new MainWindow(d.workbench, d.background, Theme.LIGHT);
            d.scene = new Scene(d.main, 1280, 800);
            Theme.LIGHT.apply(d.scene);
            d.stage.setScene(d.scene);
            d.stage.show();
        });
        d.drain();
        return d;
    }

    /** Runs on the FX thread and waits. */
    void fx(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    <T> T call(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(Math.max(60, WAIT_SECONDS), TimeUnit.SECONDS);
    }

    /** Waits until the background thread has done everything queued so far and its results are on screen. */
    void drain() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        fx(() -> background.run(() -> null, ok -> done.complete(null), done::completeExceptionally));
        done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        fx(() -> { });
    }

    /** Polls a condition on the FX thread. */
    void waitFor(String what, BooleanSupplier condition, long seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Clicks a navigation button of the main window. */
    void nav(String id) throws Exception {
        fx(() -> ((ToggleButton) scene.lookup("#" + id)).fire());
        drain();
    }

    @Override
    public void close() {
        background.close();
        workbench.close();
    }
}
