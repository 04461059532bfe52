package org.epaworkbench.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.ui.StartupProbe;

/**
 * The cold-start baseline: the smallest JavaFX app, started the way EPA Workbench starts (a plain main
 * class calling {@code Application.launch}), a window of the same size with one label; it prints the
 * same first-frame marker after its first pulse, then exits.
 */
public final class MinimalWindow {

    private MinimalWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("EPA Workbench")), 1280, 800);
            stage.setTitle("Minimal window");
            stage.setScene(scene);
            stage.show();
            StartupProbe.afterNextPulse(scene, () -> {
                StartupProbe.mark("first-frame");
                Platform.exit();
            });
        }
    }
}
