package org.epaworkbench.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.epaworkbench.ui.common.Background;

/**
 * Opt-in start-up timing for the benchmarks, off unless the JVM is started with
 * {@code -Depa.bench.firstFrame=true}. Then the app prints {@code EPA-BENCH first-frame} on standard
 * output once its first window has been through a pulse, {@code EPA-BENCH home-ready} once the main
 * window is shown with its lists loaded, and exits. The benchmark measures the time from starting the
 * JVM to each line. Nothing else changes.
 */
public final class StartupProbe {

    public static final String PROPERTY = "epa.bench.firstFrame";
    public static final String MARKER = "EPA-BENCH ";

    private StartupProbe() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** WorkbenchApp calls this when its first window is showing. */
    static void windowShown(Scene scene) {
        if (enabled()) {
            afterNextPulse(scene, () -> mark("first-frame"));
        }
    }

    /**
     * WorkbenchApp calls this when the main window has replaced the loading screen. The home screen's
     * lists load on the single background thread, so they are shown once work queued after them is done.
     */
    static void mainWindowShown(Scene scene, Background background) {
        if (enabled()) {
            background.run(() -> null, ok -> afterNextPulse(scene, () -> {
                mark("home-ready");
                Platform.exit();
            }), failure -> startupFailed());
        }
    }

    /** WorkbenchApp calls this when the data folder could not be opened. */
    static void startupFailed() {
        if (enabled()) {
            mark("startup-failed");
            Platform.exit();
        }
    }

    /**
     * Runs {@code then} on the FX thread just after the next pulse has laid out {@code scene}, once,
     * and asks for that pulse. Call on the FX thread.
     */
    public static void afterNextPulse(Scene scene, Runnable then) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    then.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /** Prints {@code EPA-BENCH <what>} on standard output. */
    public static void mark(String what) {
        System.out.println(MARKER + what);
        System.out.flush();
    }
}
