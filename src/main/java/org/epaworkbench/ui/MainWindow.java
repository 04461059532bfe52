package org.epaworkbench.ui;

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
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.ui.apprentice.ApprenticeScreen;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.home.AssessorDialog;
import org.epaworkbench.ui.home.HomeView;
import org.epaworkbench.ui.plans.PlansView;
import org.epaworkbench.ui.records.RecordsView;
import org.epaworkbench.ui.sync.ImportView;
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
    private Theme theme;
    private final ToggleButton sessionsNav = new ToggleButton("Sessions");
    private final ToggleButton plansNav = new ToggleButton("Plans");
    private final ToggleButton recordsNav = new ToggleButton("Records");
    private final ToggleButton outboxNav = new ToggleButton("Outbox");
    private final ToggleButton importNav = new ToggleButton("Import");
    private RecordsView records;
    private ApprenticeScreen apprenticeScreen;
    private final Label notice = new Label();

    public MainWindow(Workbench workbench, Background background, Theme initialTheme) {
        this.workbench = workbench;
        this.background = background;
        this.theme = initialTheme;
        getStyleClass().add("main-window");
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
            setCenter(new OutboxView(workbench, background));
        });
        importNav.setOnAction(e -> {
            importNav.setSelected(true);
            setCenter(new ImportView(workbench, background));
        });
        VBox rail = new VBox(4, sessionsNav, recordsNav, outboxNav, importNav, plansNav);
        rail.setPadding(new Insets(8, 6, 8, 6));
        rail.getStyleClass().add("nav-rail");
        setLeft(rail);

        home = new HomeView(workbench, background, this::openSession, this::openApprentice);
        showSessions();
    }

    private HBox topBar() {
        FontIcon logo = new FontIcon("mdi2c-clipboard-check-outline");
        logo.getStyleClass().add("app-logo");
        Label name = new Label(AppInfo.NAME);
        name.getStyleClass().add("app-name");
        Label folder = new Label(workbench.directory().root().toString());
        folder.getStyleClass().add("data-folder");
        folder.setTooltip(new Tooltip("Data folder: the database and files are kept here"));
        folder.setGraphic(new FontIcon("mdi2f-folder-outline"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button assessor = new Button("Assessor");
        assessor.setId("assessor-button");
        assessor.getStyleClass().add("flat");
        assessor.setGraphic(new FontIcon("mdi2a-account-tie-outline"));
        assessor.setOnAction(e -> editAssessor());
        Button settings = new Button("Settings");
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
        about.setOnAction(e -> AboutDialog.show(window(), workbench.directory().root()));
        HBox top = new HBox(10, logo, name, spacer, folder, assessor, settings, themeButton, about);
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

    public void showSessions() {
        sessionsNav.setSelected(true);
        if (sessionScreen != null) {
            setCenter(sessionScreen);
            return;
        }
        home.reload();
        setCenter(home);
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

    /** Opens a session's live screen (reusing it if it is the one already open). */
    public void openSession(String sessionId) {
        if (sessionScreen != null && sessionScreen.model().recorded().id().equals(sessionId)) {
            showSessions();
            return;
        }
        LiveSessionModel.open(workbench, background, sessionId, model -> {
            if (sessionScreen != null) {
                sessionScreen.model().stop();
            }
            sessionScreen = new SessionScreen(model, this::closeSession);
            showSessions();
        }, failure -> Dialogs.problem(window(), "Cannot open the session", failure.getMessage()));
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

    private void closeSession() {
        sessionScreen = null;
        showSessions();
    }

    public SessionScreen sessionScreen() {
        return sessionScreen;
    }

    /** Whether the app may close now; a running session is paused first (the assessor can cancel). */
    /** A message for the whole window (e.g. a failed automatic backup), until clicked away. */
    public void showNotice(String message) {
        notice.setText(message);
    }

    public boolean confirmClose(Runnable close) {
        int unsaved = sessionScreen == null ? 0 : sessionScreen.model().unsavedProperty().get().actions();
        if (unsaved > 0) {
            return Dialogs.confirm(window(), "Not everything is saved", sessionScreen.model().unsavedProperty().get().message()
                    + "\n\nIf you close now, " + (unsaved == 1 ? "that action is" : "those " + unsaved + " actions are")
                    + " lost.", "Close and lose them");
        }
        if (sessionScreen == null || sessionScreen.model().snapshot().state().status() != SessionStatus.RUNNING) {
            return true;
        }
        if (Dialogs.confirm(window(), "A session is running", "Pause the running session and close EPA Workbench? "
                + "It will open paused next time.", "Pause and close")) {
            sessionScreen.model().perform(l -> l.pause("EPA Workbench was closed"), close);
        }
        return false;
    }

    private void editAssessor() {
        background.run(() -> workbench.people().assessor().orElse(null),
                current -> AssessorDialog.show(window(), current).ifPresent(p -> background.run(() -> {
                    workbench.people().saveAssessor(p);
                    return p;
                }, ok -> { }, failure -> Dialogs.problem(window(), "Not saved", failure.getMessage()))),
                failure -> Dialogs.problem(window(), "Cannot read the profile", failure.getMessage()));
    }

    private void editSettings() {
        background.run(() -> workbench.settings().sessionSettings(),
                current -> SettingsDialog.show(window(), current).ifPresent(s -> background.run(() -> {
                    workbench.settings().saveSessionSettings(s);
                    return s;
                }, ok -> { }, failure -> Dialogs.problem(window(), "Not saved", failure.getMessage()))),
                failure -> Dialogs.problem(window(), "Cannot read settings", failure.getMessage()));
    }
}
