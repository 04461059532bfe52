package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.epaworkbench.AppInfo;
import org.epaworkbench.store.Backups;
import org.epaworkbench.app.DataFolder;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.ClickThroughGuard;
import org.epaworkbench.ui.common.DialogPlacement;
import org.epaworkbench.ui.common.OpenFile;

/** The desktop app. Opens the data folder in the background and then shows the main window. */
public final class WorkbenchApp extends Application {

    private Background background;
    private Workbench workbench;
    private WindowPlaces places;
    private WindowPlaces.Tracker tracker;
    private String placeScreens;

    /** Starts the desktop app; {@code args} may be {@code --data-dir DIR}. */
    public static void launchDesktop(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        OpenFile.use(getHostServices());
        // a double-click on a dialog's confirm button is one action, whichever dialog it is
        ClickThroughGuard.install();
        DialogPlacement.install();
        Path dataDir = dataDirArgument(getParameters().getRaw());
        start(stage, DataFolder.chosen(dataDir));
    }

    /** Shows the loading screen on {@code stage} and opens {@code folder} (tests start here). */
    void start(Stage stage, DataFolder folder) {
        background = new Background();

        ProgressIndicator spinner = new ProgressIndicator();
        Label opening = new Label("Opening " + folder.root() + " …");
        VBox loading = new VBox(12, spinner, opening);
        loading.setAlignment(Pos.CENTER);
        Scene scene = new Scene(new StackPane(loading), 1280, 800);
        Theme theme = Theme.LIGHT;
        theme.apply(scene);
        stage.setTitle(AppInfo.NAME);
        var icon = WorkbenchApp.class.getResourceAsStream("/org/epaworkbench/ui/icon-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        // where the window was left on these screens (maximised on a first start), read before it shows
        String screens = WindowPlaces.screens();
        places = new WindowPlaces(folder.root());
        background.run(() -> places.read(screens), saved -> showAt(stage, scene, folder, theme, screens, saved),
                failure -> showAt(stage, scene, folder, theme, screens, java.util.Optional.empty()));
    }

    private void showAt(Stage stage, Scene scene, DataFolder folder, Theme theme, String screens,
            java.util.Optional<WindowPlaces.Place> saved) {
        WindowPlaces.Place applied = WindowPlaces.apply(stage, saved);
        stage.show();
        // some window managers (openbox) map a window at its minimum size, whatever it was given before showing:
        // given its place again once it is mapped
        if (!applied.maximized()) {
            WindowPlaces.keepWhileMapping(stage, applied);
        }
        WindowPlaces.keepMaximisedThroughDialogs(stage);
        StartupProbe.windowShown(scene);
        followPlace(stage, screens, applied);
        openData(stage, scene, folder, theme);
    }

    /** Keeps the window's place a second after it stops moving (so a crash keeps it too), and on closing. */
    private void followPlace(Stage stage, String screens, WindowPlaces.Place applied) {
        placeScreens = screens;
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        tracker = new WindowPlaces.Tracker(stage, applied, settle::playFromStart);
        settle.setOnFinished(e -> {
            WindowPlaces.Place now = tracker.place();
            background.run(() -> {
                places.write(screens, now);
                return null;
            }, ok -> { }, failure -> { }); // a window in its default place next time is no loss
        });
    }

    /** Opens the data folder in the background, then shows the main window (or why it cannot). */
    private void openData(Stage stage, Scene scene, DataFolder folder, Theme theme) {
        background.run(() -> {
            Workbench opened = Workbench.open(folder, Clock.systemUTC());
            Theme saved = opened.settings().theme().map(t -> t.equals("DARK") ? Theme.DARK : Theme.LIGHT).orElse(Theme.LIGHT);
            List<String> running = opened.sessionService().running().stream().map(s -> s.id()).toList();
            return new Opened(opened, saved, running);
        }, opened -> {
            workbench = opened.workbench();
            MainWindow main = new MainWindow(opened.workbench(), background, opened.theme());
            scene.setRoot(main);
            opened.theme().apply(scene);
            stage.setOnCloseRequest(e -> {
                if (!main.confirmClose(stage::close)) {
                    e.consume();
                }
            });
            int replayed = opened.workbench().actionsSavedOnOpen();
            if (replayed > 0) {
                main.showNotice(org.epaworkbench.Wording.count(replayed, "action") + " held in memory when EPA "
                        + "Workbench stopped (the disk was full) " + (replayed == 1 ? "was" : "were")
                        + " saved now from the copy kept outside the data folder.");
            }
            // a session still running means the app stopped without pausing it: reopen each and ask about its gap
            main.recoverRunning(opened.runningSessions());
            // the database has passed the quick check; the backup on start runs the full check first and keeps a copy
            // in the long-flow lane: with years of sessions the check takes a while, and the lists, searches and
            // sessions the assessor opens meanwhile must not wait for it (issue 17)
            background.flow(() -> opened.workbench().backUp(Backups.Reason.START), backup -> { }, failure -> {
                if (failure instanceof Backups.DatabaseDamaged damaged) {
                    damagedAfterStart(stage, scene, folder, theme, main, damaged);
                } else {
                    main.showNotice("The automatic backup on start failed: " + failure.getMessage());
                }
            });
            // the outbox delivers by itself to the organisation's service, once one is set up (Settings)
            main.startDelivery();
            StartupProbe.mainWindowShown(scene, background);
        }, failure -> {
            scene.setRoot(startupError(failure, failure instanceof Backups.DatabaseDamaged damaged
                    ? new RestoreBackupPane(folder, background, damaged.backups(), () -> {
                        scene.setRoot(new StackPane(new ProgressIndicator()));
                        openData(stage, scene, folder, theme);
                    }) : null));
            theme.apply(scene);
            StartupProbe.startupFailed();
        });
    }

    /**
     * The full check on start found damage the quick check did not (a session that cannot be read, an
     * index that no longer matches its table): say what, and offer the restore screen, rather than
     * work on with a home list that cannot show it. If a session is already open on screen its work
     * is not cut off: the notice says what was found and where the restore is.
     */
    private void damagedAfterStart(Stage stage, Scene scene, DataFolder folder, Theme theme, MainWindow main,
            Backups.DatabaseDamaged damaged) {
        if (!main.openSessions().isEmpty()) {
            main.showNotice(damaged.getMessage());
            return;
        }
        Workbench closing = workbench;
        workbench = null;
        background.run(() -> {
            closing.close();
            return null;
        }, closed -> {
            stage.setOnCloseRequest(null);
            showDamaged(stage, scene, folder, theme, damaged);
        }, failure -> showDamaged(stage, scene, folder, theme, damaged));
    }

    private void showDamaged(Stage stage, Scene scene, DataFolder folder, Theme theme, Backups.DatabaseDamaged damaged) {
        scene.setRoot(startupError(damaged, new RestoreBackupPane(folder, background, damaged.backups(), () -> {
            scene.setRoot(new StackPane(new ProgressIndicator()));
            openData(stage, scene, folder, theme);
        })));
        theme.apply(scene);
    }

    /** What opening the data folder in the background hands back. */
    private record Opened(Workbench workbench, Theme theme, List<String> runningSessions) {
    }

    static Path dataDirArgument(List<String> raw) {
        for (int i = 0; i < raw.size() - 1; i++) {
            if ("--data-dir".equals(raw.get(i))) {
                return Path.of(raw.get(i + 1));
            }
        }
        return null;
    }

    private static StackPane startupError(Throwable failure, javafx.scene.Node remedy) {
        Label title = new Label("EPA Workbench cannot open its data");
        title.getStyleClass().add("plan-title");
        Label message = new Label(failure.getMessage() != null ? failure.getMessage() : failure.toString());
        message.setId("startup-message");
        message.setWrapText(true);
        message.setMaxWidth(640);
        Button quit = new Button("Quit");
        quit.setDefaultButton(true);
        quit.setOnAction(e -> Platform.exit());
        VBox box = new VBox(16, title, message);
        if (remedy != null) {
            box.getChildren().add(remedy);
            quit.setDefaultButton(false);
        }
        box.getChildren().add(quit);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMaxWidth(680);
        box.setPadding(new Insets(32));
        return new StackPane(box);
    }

    @Override
    public void stop() {
        if (tracker != null && background != null) {
            WindowPlaces.Place last = tracker.place();
            String screens = placeScreens;
            try {
                background.run(() -> {
                    places.write(screens, last);
                    return null;
                }, ok -> { }, failure -> { }).get(3, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // the window opens in its default place next time
            }
        }
        if (workbench != null) {
            workbench.close();
        }
        if (background != null) {
            background.close();
        }
    }
}
