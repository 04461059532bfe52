package org.epaworkbench.ui.home;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.store.SessionStore.SessionSummary;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.session.LiveSessionModel;
import org.kordamp.ikonli.javafx.FontIcon;
import org.epaworkbench.ui.common.TextColumn;

/**
 * The home screen: sessions (newest first) and apprentices, with the actions to add either. An empty
 * data folder offers "Try with sample data"; sample data is flagged and removable in one action.
 */
public final class HomeView extends BorderPane {

    private final Workbench workbench;
    private final Background background;
    private final Consumer<String> openSession;
    private final TableView<SessionSummary> sessions = new TableView<>();
    private final Consumer<String> openApprentice;
    private final ApprenticeListPane apprentices;
    private final UpcomingPane upcoming;
    private final Label problem = new Label();
    private final VBox sampleBanner = new VBox();

    /** The screen's state and decisions; this view builds the nodes and binds. */
    private final HomeViewModel model;
    private final Function<String, Optional<LiveSessionModel>> open;
    /** The paper-record screen while one is being typed (in place of the list), else null. */
    private org.epaworkbench.ui.paper.PaperSessionScreen paper;

    /**
     * @param open the session of that id if it is open in the app now (on screen or running in the background):
     *             its row then shows its live time and state
     */
    public HomeView(Workbench workbench, Background background, Consumer<String> openSession, Consumer<String> openApprentice,
            Function<String, Optional<LiveSessionModel>> open) {
        this.workbench = workbench;
        this.background = background;
        this.openSession = openSession;
        this.openApprentice = openApprentice;
        this.open = open;
        this.model = new HomeViewModel(workbench::apprenticeFiles, workbench.sessionService(),
                workbench.sampleApprentice(), workbench.plans(), background::run, ZoneId.systemDefault());
        this.apprentices = new ApprenticeListPane(f -> openApprentice.accept(f.apprentice().id()), () -> editApprentice(null),
                model::search);
        this.upcoming = new UpcomingPane(openApprentice);
        getStyleClass().add("home-view");
        setId("home-view");
        problem.getStyleClass().add("message-bar");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        buildTables();
        model.homeProperty().addListener((o, was, home) -> show(home));
        model.matchingProperty().addListener((o, was, ids) -> apprentices.matching(ids));
        reload();
    }

    private void buildTables() {
        sessions.setId("session-table");
        sessions.setPlaceholder(new Label("No sessions yet. Create one with “New session”."));
        TableColumn<SessionSummary, String> who = TextColumn.of("Apprentice", 220, s -> s.apprenticeName());
        TableColumn<SessionSummary, String> what = TextColumn.of("Component", 300, model::componentTitle);
        // a session recorded on paper and entered afterwards says so in the list, as on its screen and record
        what.setCellFactory(c -> new ComponentCell());
        TableColumn<SessionSummary, String> attempt = TextColumn.of("Attempt", 90, s -> s.attempt().word());
        TableColumn<SessionSummary, String> status = TextColumn.live("Status", 110, s -> open.apply(s.id())
                .<ObservableValue<String>>map(m -> Bindings.createStringBinding(
                        () -> model.statusOf(s, m.snapshot().state().status()), m.snapshotProperty()))
                .orElseGet(() -> new ReadOnlyStringWrapper(model.statusOf(s, s.status()))));
        TableColumn<SessionSummary, String> grade = TextColumn.of("Grade", 110, model::gradeOf);
        TableColumn<SessionSummary, String> when = TextColumn.of("Started", 200, model::started);
        // a session open in the app shows its time as it runs, not the time of its last saved event
        TableColumn<SessionSummary, String> elapsed = TextColumn.live("Elapsed", 90, s -> open.apply(s.id())
                .<ObservableValue<String>>map(m -> Bindings.createStringBinding(() -> ElapsedText.format(m.elapsedProperty().get()),
                        m.elapsedProperty()))
                .orElseGet(() -> new ReadOnlyStringWrapper(ElapsedText.format(s.elapsed()))));
        elapsed.setId("session-elapsed-column");
        status.setId("session-status-column");
        grade.setId("session-grade-column");
        sessions.getColumns().setAll(List.of(who, what, attempt, status, grade, when, elapsed));
        sessions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        sessions.setRowFactory(t -> {
            TableRow<SessionSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openSession.accept(row.getItem().id());
                }
            });
            return row;
        });
        sessions.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && sessions.getSelectionModel().getSelectedItem() != null) {
                openSession.accept(sessions.getSelectionModel().getSelectedItem().id());
            }
        });

    }

    /** The component's title, with an "Entered from paper" badge for a session recorded on paper. */
    private static final class ComponentCell extends javafx.scene.control.TableCell<SessionSummary, String> {
        private final Label paper = org.epaworkbench.ui.common.Badges.badge("Entered from paper", "badge-warning", "paper-badge");

        ComponentCell() {
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setGraphicTextGap(8);
            javafx.scene.control.Tooltip.install(paper, new javafx.scene.control.Tooltip(
                    "Recorded on the paper form when the laptop could not be used, and entered afterwards"));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            SessionSummary s = empty || getTableView() == null || getIndex() < 0 || getIndex() >= getTableView().getItems().size()
                    ? null : getTableView().getItems().get(getIndex());
            setGraphic(s != null && s.enteredFromPaper() ? paper : null);
        }
    }

    /** Reads sessions and apprentices again, in the background. */
    public void reload() {
        model.reload();
    }

    private void show(HomeViewModel.Home loaded) {
        if (loaded.empty()) {
            setCenter(emptyState());
            return;
        }
        sessions.getItems().setAll(loaded.sessions());
        apprentices.show(loaded.apprentices(), loaded.today());
        upcoming.show(loaded.apprentices(), loaded.today());
        sampleBanner.getChildren().clear();
        if (loaded.sample()) {
            Label text = new Label("Sample data is shown (marked “sample”). It is there to try the app and can be removed at any time.");
            text.setWrapText(true);
            Button remove = new Button("Remove sample data");
            remove.setId("remove-sample");
            remove.setOnAction(e -> removeSample());
            HBox banner = new HBox(12, new FontIcon("mdi2f-flask-outline"), text, remove);
            HBox.setHgrow(text, Priority.ALWAYS);
            banner.setAlignment(Pos.CENTER_LEFT);
            banner.getStyleClass().add("callout-warning");
            sampleBanner.getChildren().add(banner);
        }
        Label heading = new Label("Sessions");
        heading.getStyleClass().add("pane-heading");
        Button open = new Button("Open");
        open.setId("open-session");
        open.setGraphic(new FontIcon("mdi2o-open-in-app"));
        open.disableProperty().bind(sessions.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSession.accept(sessions.getSelectionModel().getSelectedItem().id()));
        Button newSession = new Button("New session");
        newSession.setId("new-session");
        newSession.getStyleClass().add("accent");
        newSession.setGraphic(new FontIcon("mdi2p-plus"));
        newSession.setOnAction(e -> newSession());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // when the laptop failed on site: the session written on the paper form, entered afterwards
        Button paperRecord = new Button("Enter a paper record…");
        paperRecord.setId("enter-paper-record");
        paperRecord.setGraphic(new FontIcon("mdi2c-clipboard-text-outline"));
        paperRecord.setTooltip(new javafx.scene.control.Tooltip("Enter a session recorded on the paper form because the laptop "
                + "could not be used"));
        paperRecord.setOnAction(e -> enterPaperRecord());
        HBox sessionBar = new HBox(8, heading, spacer, open, paperRecord, newSession);
        sessionBar.setAlignment(Pos.CENTER_LEFT);

        VBox sessionPane = new VBox(8, sessionBar, sessions);
        VBox.setVgrow(sessions, Priority.ALWAYS);
        HBox.setHgrow(apprentices, Priority.ALWAYS);
        HBox top = new HBox(16, apprentices, upcoming);
        SplitPane split = new SplitPane(top, sessionPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        split.getStyleClass().add("home-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox content = new VBox(10, problem, sampleBanner, split);
        content.setPadding(new Insets(16));
        // a paper record being typed stays on screen, as typed, until it is entered or left
        setCenter(paper != null ? paper : content);
        loaded.running().ifPresent(sessions.getSelectionModel()::select);
    }

    private StackPane emptyState() {
        Label title = new Label("No apprentices or sessions yet");
        title.getStyleClass().add("plan-title");
        Label text = new Label("Add an apprentice to plan their first session, or try the app with a sample apprentice "
                + "who has one completed session per component (clearly marked, and removable in one click).");
        text.setWrapText(true);
        text.setMaxWidth(560);
        Button sample = new Button("Try with sample data");
        sample.setId("try-sample");
        sample.getStyleClass().add("accent");
        sample.setGraphic(new FontIcon("mdi2f-flask-outline"));
        sample.setOnAction(e -> makeSample());
        Button add = new Button("Add an apprentice");
        add.setId("empty-new-apprentice");
        add.setGraphic(new FontIcon("mdi2a-account-plus-outline"));
        add.setOnAction(e -> editApprentice(null));
        VBox box = new VBox(14, title, text, new HBox(10, sample, add), problem);
        box.setMaxWidth(620);
        box.setPadding(new Insets(32));
        box.getStyleClass().add("empty-state");
        return new StackPane(box);
    }

    private Window window() {
        return getScene().getWindow();
    }

    private void showProblem(String message) {
        model.problem(message);
    }

    private void makeSample() {
        model.makeSample();
    }

    private void removeSample() {
        model.removeSample(question -> Dialogs.confirm(window(), "Remove sample data", question, "Remove sample data"));
    }

    private void editApprentice(Apprentice existing) {
        new ApprenticeEditor(workbench, background, window(), saved -> reload(), this::showProblem).edit(existing);
    }

    /** The paper-record screen, in place of the list; the list again once the record is entered (and opened) or left. */
    private void enterPaperRecord() {
        List<Apprentice> people = apprentices.apprentices();
        Apprentice preselected = apprentices.selected();
        new NewSession(workbench, background, window(), openSession, this::showProblem).askPaper(people,
                () -> background.run(() -> workbench.settings().sessionSettings(), settings -> {
                    var form = new org.epaworkbench.ui.paper.PaperSessionForm(people, id -> workbench.plans().plan(id),
                            workbench.clock(), ZoneId.systemDefault(), settings);
                    if (preselected != null) {
                        people.stream().filter(a -> a.id().equals(preselected.id())).findFirst()
                                .ifPresent(form.apprenticeProperty()::set);
                    }
                    paper = new org.epaworkbench.ui.paper.PaperSessionScreen(form, background, entry -> () -> {
                        // the assessor's key owns it from its first event, as a session planned on screen
                        String ownerKey = workbench.assessorIdentity().ownerKey().orElse(null);
                        return workbench.sessionService().enterFromPaper(entry.plan(), entry.record(), settings, ownerKey);
                    }, id -> {
                        paper = null;
                        reload();
                        openSession.accept(id);
                    }, () -> {
                        paper = null;
                        reload();
                    });
                    setCenter(paper);
                }, failure -> showProblem("Cannot read the settings: " + failure.getMessage())));
    }

    /** The paper-record screen while one is being typed, else null. */
    public org.epaworkbench.ui.paper.PaperSessionScreen paperScreen() {
        return paper;
    }

    private void newSession() {
        new NewSession(workbench, background, window(), openSession, this::showProblem)
                .ask(apprentices.apprentices(), apprentices.selected(), null, AttemptKind.FIRST);
    }
}
