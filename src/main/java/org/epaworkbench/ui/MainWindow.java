package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.AppInfo;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.ui.apprentice.ApprenticeScreen;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.DialogPlacement;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.home.AssessorDialog;
import org.epaworkbench.ui.home.HomeView;
import org.epaworkbench.ui.plans.PlansView;
import org.epaworkbench.ui.records.RecordsView;
import org.epaworkbench.ui.sync.ImportView;
import org.epaworkbench.ui.sync.DeliveryViewModel;
import org.epaworkbench.ui.sync.OutboxView;
import org.epaworkbench.ui.session.LiveSessionModel;
import org.epaworkbench.ui.session.SessionScreen;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: a top bar, navigation (sessions, plans) and the current screen. */
public final class MainWindow extends BorderPane {

    private final Workbench workbench;
    private final Background background;
    private final HomeView home;
    private PlansView plans;
    private SessionScreen sessionScreen;
    /** Delivery to the organisation: one for the window, shown on the Outbox. */
    private final DeliveryViewModel deliveries;
    private Theme theme;
    private final ToggleButton sessionsNav = new ToggleButton("Sessions");
    private final ToggleButton plansNav = new ToggleButton("Plans");
    private final ToggleButton recordsNav = new ToggleButton("Records");
    private final ToggleButton outboxNav = new ToggleButton("Outbox");
    private final ToggleButton importNav = new ToggleButton("Import");
    private RecordsView records;
    private ApprenticeScreen apprenticeScreen;
    private final Label notice = new Label();
    /** Sessions left running (or with actions not yet saved): still open, heartbeat and all, shown in the top bar. */
    private final List<SessionScreen> openInBackground = new ArrayList<>();
    private final Set<SessionScreen> watched = new HashSet<>();
    private final HBox runningBar = new HBox(6);

    public MainWindow(Workbench workbench, Background background, Theme initialTheme) {
        this.workbench = workbench;
        this.background = background;
        this.theme = initialTheme;
        this.deliveries = new DeliveryViewModel(workbench.services().organisationDelivery(), workbench.services().delivery(),
                workbench.automaticDelivery(), background::run, javafx.application.Platform::runLater, workbench.zone());
        // asked once per run, when delivery first needs the key; never over a session on screen (asked later)
        deliveries.onKeyNeeded(() -> {
            if (sessionScreen == null && getScene() != null && getScene().getWindow() != null && deliveries.askNow()) {
                org.epaworkbench.ui.sync.DeliveriesPane.askToUnlock(window(), deliveries, null);
            }
        });
        getStyleClass().add("main-window");
        // every dialog opens centred on this window, at a size that shows its content
        DialogPlacement.install();
        notice.setId("main-notice");
        notice.getStyleClass().add("message-bar");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
        notice.setTooltip(new Tooltip("Click to dismiss"));
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setOnMouseClicked(e -> notice.setText(""));
        setTop(new VBox(topBar(), notice));

        ToggleGroup nav = new ToggleGroup();
        sessionsNav.setId("nav-sessions");
        sessionsNav.setGraphic(new FontIcon("mdi2c-clipboard-text-clock-outline"));
        plansNav.setId("nav-plans");
        plansNav.setGraphic(new FontIcon("mdi2b-book-open-page-variant-outline"));
        recordsNav.setId("nav-records");
        recordsNav.setGraphic(new FontIcon("mdi2f-file-certificate-outline"));
        outboxNav.setId("nav-outbox");
        outboxNav.setGraphic(new FontIcon("mdi2p-package-up"));
        importNav.setId("nav-import");
        importNav.setGraphic(new FontIcon("mdi2p-package-down"));
        for (ToggleButton b : new ToggleButton[] {sessionsNav, plansNav, recordsNav, outboxNav, importNav}) {
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-button");
            b.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        }
        sessionsNav.setOnAction(e -> showSessions());
        plansNav.setOnAction(e -> showPlans());
        recordsNav.setOnAction(e -> showRecords());
        outboxNav.setOnAction(e -> {
            outboxNav.setSelected(true);
            setCenter(new OutboxView(workbench.services().delivery(), background, deliveries));
        });
        importNav.setOnAction(e -> {
            importNav.setSelected(true);
            setCenter(new ImportView(workbench.services().importing(), workbench.services().assessorIdentity(),
                    workbench.services().apprenticeSharing(), background));
        });
        VBox rail = new VBox(4, sessionsNav, recordsNav, outboxNav, importNav, plansNav);
        rail.setPadding(new Insets(8, 6, 8, 6));
        rail.getStyleClass().add("nav-rail");
        setLeft(rail);

        home = new HomeView(workbench, background, this::openSession, this::openApprentice,
                id -> openSessions().stream().filter(s -> idOf(s).equals(id)).findFirst().map(SessionScreen::model));
        showSessions();
    }

    private HBox topBar() {
        FontIcon logo = new FontIcon("mdi2c-clipboard-check-outline");
        logo.getStyleClass().add("app-logo");
        Label name = new Label(AppInfo.NAME);
        name.getStyleClass().add("app-name");
        Label folder = new Label(workbench.folder().root().toString());
        folder.getStyleClass().add("data-folder");
        folder.setTooltip(new Tooltip("Data folder: the database and files are kept here"));
        folder.setGraphic(new FontIcon("mdi2f-folder-outline"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        runningBar.setId("running-sessions");
        runningBar.setAlignment(Pos.CENTER_LEFT);
        runningBar.visibleProperty().bind(Bindings.isNotEmpty(runningBar.getChildren()));
        runningBar.managedProperty().bind(runningBar.visibleProperty());
        Button assessor = new Button("Assessor");
        assessor.setId("assessor-button");
        assessor.getStyleClass().add("flat");
        assessor.setGraphic(new FontIcon("mdi2a-account-tie-outline"));
        assessor.setOnAction(e -> editAssessor());
        Button settings = new Button("Settings");
        settings.setId("settings-button");
        settings.getStyleClass().add("flat");
        settings.setGraphic(new FontIcon("mdi2c-cog-outline"));
        settings.setOnAction(e -> editSettings());
        Button themeButton = new Button();
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().add("flat");
        updateThemeButton(themeButton);
        themeButton.setOnAction(e -> {
            theme = theme.other();
            theme.apply(getScene());
            updateThemeButton(themeButton);
            background.run(() -> {
                workbench.settings().saveTheme(theme.name());
                return null;
            }, ok -> { }, failure -> { });
        });
        Button about = new Button("About");
        about.setId("about-button");
        about.getStyleClass().add("flat");
        about.setGraphic(new FontIcon("mdi2i-information-outline"));
        about.setTooltip(new Tooltip("About EPA Workbench: version, data folder, Java and licences"));
        about.setOnAction(e -> AboutDialog.show(window(), workbench.folder().root()));
        HBox top = new HBox(10, logo, name, runningBar, spacer, folder, assessor, settings, themeButton, about);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 12, 6, 16));
        top.getStyleClass().add("top-bar");
        return top;
    }

    private void updateThemeButton(Button b) {
        b.setText(theme == Theme.LIGHT ? "Dark" : "Light");
        b.setGraphic(new FontIcon(theme == Theme.LIGHT ? "mdi2w-weather-night" : "mdi2w-white-balance-sunny"));
        b.setTooltip(new Tooltip(theme == Theme.LIGHT ? "Switch to the dark appearance" : "Switch to the light appearance"));
    }

    private Window window() {
        return getScene().getWindow();
    }

    /**
     * The list of sessions and apprentices (the Sessions item in the sidebar). A session on screen is set
     * aside: one still running (or with actions not yet saved) stays open, shown in the top bar with a way back.
     */
    public void showSessions() {
        if (sessionScreen != null) {
            SessionScreen left = sessionScreen;
            sessionScreen = null;
            setAside(left);
        }
        apprenticeScreen = null;
        sessionsNav.setSelected(true);
        home.reload();
        setCenter(home);
    }

    /** The session screen in place of the list. */
    private void showSessionScreen() {
        sessionsNav.setSelected(true);
        setCenter(sessionScreen);
    }

    public void showPlans() {
        plansNav.setSelected(true);
        if (plans == null) {
            plans = new PlansView(workbench.plans());
        }
        setCenter(plans);
    }

    public void showRecords() {
        recordsNav.setSelected(true);
        if (records == null) {
            records = new RecordsView(workbench, background);
        } else {
            records.reload();
        }
        setCenter(records);
    }

    /**
     * Opens a session's live screen: the one on screen, or one kept open in the background (its live
     * model reused, so no crash-gap question), or else the session as stored.
     */
    public void openSession(String sessionId) {
        openSession(sessionId, screen -> { }, () -> { });
    }

    private void openSession(String sessionId, Consumer<SessionScreen> onShown, Runnable onFailed) {
        if (sessionScreen != null && idOf(sessionScreen).equals(sessionId)) {
            showSessionScreen();
            onShown.accept(sessionScreen);
            return;
        }
        Optional<SessionScreen> kept = openInBackground.stream().filter(s -> idOf(s).equals(sessionId)).findFirst();
        if (kept.isPresent()) {
            openInBackground.remove(kept.get());
            show(kept.get());
            onShown.accept(kept.get());
            return;
        }
        LiveSessionModel.open(workbench, background, sessionId, model -> {
            SessionScreen screen = new SessionScreen(model, this::closeSession);
            show(screen);
            onShown.accept(screen);
        }, failure -> {
            Dialogs.problem(window(), "Cannot open the session", failure.getMessage());
            onFailed.run();
        });
    }

    /**
     * After the app stopped with sessions running: opens each in turn, so that every one asks its
     * crash-gap question (the next opens once the last is answered). The last stays on screen; the
     * others, still running, stay open in the background.
     */
    public void recoverRunning(List<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        Runnable next = () -> recoverRunning(sessionIds.subList(1, sessionIds.size()));
        openSession(sessionIds.get(0), screen -> afterGapAnswered(screen, next), next);
    }

    private static void afterGapAnswered(SessionScreen screen, Runnable then) {
        if (screen.model().snapshot().gap().isEmpty()) {
            then.run();
            return;
        }
        ChangeListener<LiveSnapshot> answered = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends LiveSnapshot> o, LiveSnapshot was, LiveSnapshot now) {
                if (now.gap().isEmpty()) {
                    o.removeListener(this);
                    Platform.runLater(then);
                }
            }
        };
        screen.model().snapshotProperty().addListener(answered);
    }

    private void show(SessionScreen screen) {
        if (sessionScreen != null && sessionScreen != screen) {
            setAside(sessionScreen);
        }
        sessionScreen = screen;
        refreshRunning();
        showSessionScreen();
    }

    /** A session screen no longer shown: kept open if it must be (running, or actions unsaved), else stopped. */
    private void setAside(SessionScreen screen) {
        if (screen.model().mustStayOpen()) {
            if (!openInBackground.contains(screen)) {
                openInBackground.add(screen);
            }
            watch(screen);
        } else {
            screen.model().stop();
        }
        refreshRunning();
    }

    /** Drops a background session once it need not stay open (paused at close, or its actions saved). */
    private void watch(SessionScreen screen) {
        if (!watched.add(screen)) {
            return;
        }
        Runnable check = () -> {
            if (openInBackground.contains(screen) && !screen.model().mustStayOpen()) {
                openInBackground.remove(screen);
                screen.model().stop();
                refreshRunning();
            }
        };
        screen.model().snapshotProperty().addListener((o, a, b) -> check.run());
        screen.model().unsavedProperty().addListener((o, a, b) -> check.run());
    }

    /** The top bar's buttons back to each session kept open in the background, with its running time. */
    private void refreshRunning() {
        runningBar.getChildren().clear();
        for (SessionScreen s : openInBackground) {
            LiveSessionModel m = s.model();
            Button b = new Button();
            b.setId("running-" + idOf(s));
            b.getStyleClass().addAll("running-session", "small");
            b.setGraphic(new FontIcon("mdi2r-record-circle-outline"));
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.textProperty().bind(Bindings.createStringBinding(() -> {
                String state = m.unsavedProperty().get().actions() > 0 ? "not saved yet"
                        : m.snapshot().state().running() ? "running " + ElapsedText.format(m.elapsedProperty().get())
                        : m.snapshot().state().status().label().toLowerCase(java.util.Locale.ROOT);
                return m.apprentice().name() + " · " + state;
            }, m.elapsedProperty(), m.snapshotProperty(), m.unsavedProperty()));
            b.setTooltip(new Tooltip(m.snapshot().component().title() + " is still open and its time is running. "
                    + "Click to go back to it."));
            b.setOnAction(e -> openSession(idOf(s)));
            runningBar.getChildren().add(b);
        }
    }

    /** The sessions open in the app: the one on screen first, then those kept in the background. */
    public List<SessionScreen> openSessions() {
        List<SessionScreen> all = new ArrayList<>();
        if (sessionScreen != null) {
            all.add(sessionScreen);
        }
        all.addAll(openInBackground);
        return all;
    }

    private static String idOf(SessionScreen s) {
        return s.model().recorded().id();
    }

    /** Opens an apprentice's EPA record in place of the home screen. */
    public void openApprentice(String apprenticeId) {
        sessionsNav.setSelected(true);
        apprenticeScreen = new ApprenticeScreen(workbench, background, apprenticeId, this::closeApprentice, this::openSession);
        setCenter(apprenticeScreen);
    }

    private void closeApprentice() {
        apprenticeScreen = null;
        showSessions();
    }

    public ApprenticeScreen apprenticeScreen() {
        return apprenticeScreen;
    }

    /** The session screen was left: a session still running (or with unsaved actions) stays open in the background. */
    private void closeSession() {
        SessionScreen left = sessionScreen;
        sessionScreen = null;
        if (left != null) {
            setAside(left);
        }
        showSessions();
    }

    public SessionScreen sessionScreen() {
        return sessionScreen;
    }

    /** A message for the whole window (e.g. a failed automatic backup), until clicked away. */
    public void showNotice(String message) {
        notice.setText(message);
    }

    /**
     * Whether the app may close now. Every open session counts, the one on screen and those kept
     * running in the background: actions not yet saved are warned about; running sessions are paused
     * first (the assessor can cancel), and the app closes once every pause is saved.
     */
    public boolean confirmClose(Runnable close) {
        var paper = home.paperScreen();
        List<LiveSessionModel> open = openSessions().stream().map(SessionScreen::model).toList();
        // the sessions pause when the assessor asked to close, not when the question is answered
        org.epaworkbench.session.SessionClock.Reading pressed = workbench.sessionClock().read();
        List<ClosingDecision.OpenSession> asSeen = open.stream().map(m -> new ClosingDecision.OpenSession(m.apprentice().name(),
                m.snapshot().component().title(), m.elapsedNow(), m.snapshot().state().status() == SessionStatus.RUNNING,
                m.unsavedProperty().get().actions(), m.unsavedProperty().get().message())).toList();
        ClosingDecision.Outcome outcome = ClosingDecision.decide(paper != null && paper.form().typed(), asSeen,
                (title, message, action) -> Dialogs.confirm(window(), title, message, action));
        if (outcome instanceof ClosingDecision.PauseThenClose pause) {
            AtomicInteger waiting = new AtomicInteger(pause.running().size());
            for (int i : pause.running()) {
                open.get(i).perform(l -> l.pause("EPA Workbench was closed", pressed), () -> {
                    if (waiting.decrementAndGet() == 0) {
                        close.run();
                    }
                });
            }
            return false;
        }
        return outcome instanceof ClosingDecision.CloseNow;
    }

    private void editAssessor() {
        background.run(() -> workbench.apprentices().assessor().orElse(null),
                current -> AssessorDialog.show(window(), current).ifPresent(p -> background.run(() -> {
                    workbench.apprentices().saveAssessor(p);
                    return p;
                }, ok -> { }, failure -> Dialogs.problem(window(), "Not saved", failure.getMessage()))),
                failure -> Dialogs.problem(window(), "Cannot read the profile", failure.getMessage()));
    }

    private void editSettings() {
        var delivery = workbench.services().organisationDelivery();
        record Current(org.epaworkbench.session.SessionSettings session, DeliverySettingsForm.Values delivery,
                SettingsDialog.Microphones microphones) {
        }
        background.run(() -> new Current(workbench.settings().sessionSettings(),
                DeliverySettingsForm.read(delivery, workbench.settings()), new SettingsDialog.Microphones(
                        org.epaworkbench.app.SessionRecording.microphones(), workbench.settings().microphone())),
                current -> SettingsDialog.show(window(), current.session(), current.delivery(), current.microphones(),
                        (session, typed, microphone, then) -> background.run(() -> {
                            DeliverySettingsForm.Problems problems = DeliverySettingsForm.save(delivery, workbench.settings(), typed);
                            if (problems.none()) {
                                workbench.settings().saveSessionSettings(session);
                                workbench.settings().saveMicrophone(microphone);
                            }
                            return problems;
                        }, problems -> {
                            then.accept(problems);
                            if (problems.none()) {
                                deliveries.settingsChanged();
                            }
                        }, failure -> {
                            then.accept(new DeliverySettingsForm.Problems("Not saved: " + failure.getMessage(), null, null));
                        })),
                failure -> Dialogs.problem(window(), "Cannot read settings", failure.getMessage()));
    }

    /** Starts delivering to the organisation by itself (the app, once this window shows; tests leave it off). */
    public void startDelivery() {
        deliveries.start();
    }
}
