package org.epaworkbench.ui.session;

import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.GapQuestion;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.ui.common.Badges;
import org.epaworkbench.ui.common.Dialogs;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The screen an assessor uses for an hour while watching an apprentice work: timer and duration
 * window, questioning budget or interview questions, grade so far, the criteria to judge, and the
 * selected criterion's notes and evidence. Everything frequent has a key (F1 lists them).
 */
public final class SessionScreen extends BorderPane implements SessionActions, CriterionActions {

    private final LiveSessionModel model;
    private final SessionDecisions decisions;
    private final CriteriaPanel criteria;
    private final CriterionDetailPanel detail;
    /** Below this width the screen has two columns, not three. */
    static final double NARROW = 1500;
    private GradePreviewPanel grade;
    private VBox left;
    private Boolean narrow;
    private final Label problem = new Label();
    private final Label saving = new Label("Saving…");
    private final Runnable onBack;
    private final FlowPane tags = new FlowPane(6, 4);
    private final RecordingModel recording;
    private final RecordingBar recordingBar;

    public SessionScreen(LiveSessionModel model, Runnable onBack) {
        this.model = model;
        this.decisions = new SessionDecisions(new SessionDecisions.Session() {
            @Override
            public LiveSnapshot snapshot() {
                return model.snapshot();
            }

            @Override
            public Duration elapsedNow() {
                return model.elapsedNow();
            }

            @Override
            public DurationState durationStateNow() {
                return model.durationStateNow();
            }

            @Override
            public SessionClock.Reading now() {
                return model.workbench().sessionClock().read();
            }

            @Override
            public void perform(org.epaworkbench.app.RecordedSession.Action action, Runnable afterCommit) {
                model.perform(action, afterCommit);
            }
        });
        this.onBack = onBack;
        getStyleClass().add("session-screen");
        setId("session-screen");
        LiveSnapshot first = model.snapshot();
        Component component = first.component();

        this.recording = new RecordingModel(new RecordingModel.Session() {
            @Override
            public LiveSnapshot snapshot() {
                return model.snapshot();
            }

            @Override
            public void act(RecordingModel.Work work, Runnable afterCommit) {
                model.act(work, () -> {
                    recordingBar().refresh();
                    afterCommit.run();
                }, failure -> recordingBar().refresh()); // a recording that could not start says why in the bar
            }

            @Override
            public void start(Runnable afterCommit) {
                model.perform(l -> l.start(), afterCommit);
            }

            @Override
            public <T> void beside(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> then,
                    java.util.function.Consumer<Throwable> failed) {
                model.background().flow(work, then, failure -> {
                    failed.accept(failure);
                    recordingBar().refresh();
                });
            }
        }, model.recorded(), model.workbench().sessionRecording(), model.workbench().playback(), model.apprentice().name());
        this.recordingBar = new RecordingBar(recording, this::window);
        // with the session's tick: the recording's time, level and warnings; a microphone gone quiet is noticed here
        model.elapsedProperty().addListener((o, a, b) -> {
            recording.tick();
            recordingBar.refresh();
        });
        model.snapshotProperty().addListener((o, a, b) -> recordingBar.refresh());

        TimerPanel timer = new TimerPanel(model, this);
        VBox left = new VBox(12, timer);
        if (component.questioning() != null) {
            left.getChildren().add(new QuestioningPanel(model, this));
        }
        if (component.questionCount() != null) {
            left.getChildren().add(new InterviewPanel(model, this));
        }
        if (component.questioning() == null && component.questionCount() == null) {
            // a discussion: neither a questioning budget nor a question count, and the screen says so
            // one small line; the source document's reference in brackets, its title and section in the tooltip
            var source = component.timing().source();
            Label none = new Label("No questioning limit in this component (" + source.ref() + ")");
            none.setId("no-questioning-limit");
            none.getStyleClass().add("plan-subtitle");
            none.setPadding(new Insets(0, 4, 0, 4));
            none.setTooltip(new Tooltip("The plan sets this component's length (" + component.timing().describe()
                    + ") but no limit on questioning time and no number of questions. Source: "
                    + first.plan().source(source.ref()).map(d -> d.ref() + " " + d.title()).orElse(source.ref())
                    + ", " + source.section() + "."));
            left.getChildren().add(none);
        }
        // below what is glanced at while the apprentice works (timer, questioning): the recording, set going once
        left.getChildren().add(recordingBar);
        grade = new GradePreviewPanel(model, this);
        left.getChildren().add(grade);
        // below the timer, questioning and grade, which are glanced at: the plan's rules for this attempt, read before starting
        PlanRulesPanel rules = new PlanRulesPanel(first.plan(), component, first.state().details().attempt());
        if (rules.hasRules()) {
            left.getChildren().add(rules);
        }
        left.setPadding(new Insets(12));
        ScrollPane leftScroll = new ScrollPane(left);
        // beside the clock, always in view: whether the session is being recorded (the Recording panel sits below the
        // questions, out of view at 1280 x 720 in an interview); a click scrolls the panel into view
        timer.besideHeading(recordingBar.glance(() -> revealIn(leftScroll, recordingBar)));
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(380);
        leftScroll.setMinWidth(340);
        leftScroll.getStyleClass().add("edge-to-edge");
        setLeft(leftScroll);

        criteria = new CriteriaPanel(model, this);
        criteria.setPadding(new Insets(12, 8, 8, 8));
        setCenter(criteria);

        detail = new CriterionDetailPanel(model, this);
        detail.setPrefWidth(330);
        detail.setMinWidth(280);
        BorderPane.setMargin(detail, new Insets(12, 12, 12, 0));
        setRight(detail);
        criteria.selectedProperty().addListener((o, a, c) -> detail.show(c));
        detail.show(criteria.selectedProperty().get());
        this.left = left;
        // a laptop's 1280 or 1366 pixels: the criteria keep their width (no third column squeezing them), the
        // selected criterion's notes and evidence fold under it in the list, and the grade sits above the list
        widthProperty().addListener((o, a, w) -> arrange(w.doubleValue() < NARROW));

        setTop(new VBox(header(), messageBar()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // after a button (Start, Pause, Ask question…) the keyboard goes back to the criteria, where M, N and A judge
        addEventHandler(javafx.event.ActionEvent.ACTION, e -> {
            if (e.getTarget() instanceof Button) {
                Platform.runLater(this::keyboardBackToCriteria);
            }
        });
        // the shortcuts work from the moment the screen opens, not only after a click on it
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(criteria::focusCriteria);
            }
        });
        model.snapshotProperty().addListener((o, a, b) -> b.gap().ifPresent(g -> askAboutGap()));
        if (first.gap().isPresent()) {
            // ask once the screen is shown, so the question sits over it
            sceneProperty().addListener((o, a, scene) -> {
                if (scene != null) {
                    Platform.runLater(this::askAboutGap);
                }
            });
        }
    }

    /** Three columns (wide), or two with the detail folded under the selected criterion (narrow). */
    private void arrange(boolean narrowNow) {
        if (Boolean.valueOf(narrowNow).equals(narrow)) {
            return;
        }
        narrow = narrowNow;
        if (narrowNow) {
            setRight(null);
            left.getChildren().remove(grade);
            grade.setCompact(true);
            VBox centre = new VBox(0, grade, criteria);
            VBox.setMargin(grade, new Insets(12, 8, 0, 8));
            VBox.setVgrow(criteria, Priority.ALWAYS);
            detail.setFolded(true);
            detail.setPrefWidth(Region.USE_COMPUTED_SIZE);
            detail.setMinWidth(0);
            criteria.fold(detail);
            setCenter(centre);
        } else {
            criteria.fold(null);
            detail.setFolded(false);
            detail.setPrefWidth(330);
            detail.setMinWidth(280);
            grade.setCompact(false);
            VBox.setMargin(grade, null);
            setCenter(criteria);
            if (grade.getParent() != left) { // on opening wide it is already there
                left.getChildren().add(Math.min(left.getChildren().size(), gradeIndex()), grade);
            }
            setRight(detail);
        }
    }

    /** Where the grade goes in the left column: after the timer and the questioning or interview panel. */
    private int gradeIndex() {
        int i = 0;
        for (Node n : left.getChildren()) {
            if (n instanceof PlanRulesPanel) {
                return i;
            }
            i++;
        }
        return i;
    }

    private Node header() {
        LiveSnapshot s = model.snapshot();
        Button back = new Button("Sessions");
        back.setId("back-to-sessions");
        back.setGraphic(new FontIcon("mdi2a-arrow-left"));
        back.getStyleClass().add("flat");
        back.setOnAction(e -> leave());

        Label who = new Label(model.apprentice().name());
        who.getStyleClass().add("session-apprentice");
        Label uln = new Label("ULN " + model.apprentice().uln());
        uln.getStyleClass().add("plan-subtitle");
        uln.setMinWidth(Label.USE_PREF_SIZE);
        HBox whoRow = new HBox(10, who, uln);
        whoRow.setAlignment(Pos.BASELINE_LEFT);
        Label what = new Label(s.component().title() + " · " + s.plan().title());
        what.getStyleClass().add("plan-subtitle");
        what.setId("session-subtitle");
        // the component and plan in full: on two lines where the window is too narrow for one
        what.setWrapText(true);
        tags.setId("session-details");
        tags.getStyleClass().add("session-details");
        tags.setCursor(javafx.scene.Cursor.HAND);
        Tooltip.install(tags, new Tooltip("Record the mode, location and ID check (Ctrl+D)"));
        tags.setOnMouseClicked(e -> {
            // the edit button handles its own clicks
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != tags; n = n.getParent()) {
                if (n instanceof Button) {
                    return;
                }
            }
            editDetails();
        });
        showDetails();
        model.snapshotProperty().addListener((o, a, b) -> showDetails());
        VBox title = new VBox(2, whoRow, what, tags);
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.SOMETIMES);

        Button note = new Button("Session note");
        note.setGraphic(new FontIcon("mdi2n-note-text-outline"));
        note.setTooltip(new Tooltip("Add a note on the whole session (Ctrl+Shift+N)"));
        note.setOnAction(e -> sessionNote());
        Button audit = new Button("Audit trail");
        audit.setId("audit-button");
        audit.setGraphic(new FontIcon("mdi2h-history"));
        audit.setTooltip(new Tooltip("Every event of this session, in order (Ctrl+Shift+A)"));
        audit.setOnAction(e -> showAudit());
        Button sign = new Button("Sign record");
        sign.setId("sign-record");
        sign.setGraphic(new FontIcon("mdi2f-file-sign"));
        sign.setTooltip(new Tooltip("Declarations, then a signed PDF record (after the session has ended)"));
        sign.setOnAction(e -> new SignRecordFlow(model, window()).start());
        sign.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !model.snapshot().state().ended(), model.snapshotProperty()));
        // the keyboard icon alone (F1 says the same), so the apprentice and plan fit beside the buttons at 1366 px
        Button keys = new Button();
        keys.setId("shortcuts-button");
        keys.setGraphic(new FontIcon("mdi2k-keyboard-outline"));
        keys.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        keys.setAccessibleText("Keyboard shortcuts");
        keys.setOnAction(e -> ShortcutsDialog.show(window()));
        saving.getStyleClass().add("plan-subtitle");
        saving.visibleProperty().bind(model.savingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Button b : new Button[] {back, note, sign, audit, keys}) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        saving.setMinWidth(Label.USE_PREF_SIZE);
        HBox bar = new HBox(12, back, title, spacer, saving, note, sign, audit, keys);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 8));
        bar.getStyleClass().add("session-header");
        return bar;
    }

    /** The attempt, mode, location and ID check as recorded now, with the way to change them. */
    private void showDetails() {
        SessionDetails d = model.snapshot().state().details();
        tags.getChildren().setAll(Badges.badge(capitalise(d.attempt().word()) + " attempt", "badge-neutral"),
                Badges.badge(d.mode().label(), "badge-neutral"));
        if (!d.location().isEmpty()) {
            tags.getChildren().add(Badges.badge(d.location(), "badge-neutral"));
        }
        Label id = Badges.badge(d.idDocumentSeen().isEmpty() ? "ID check not recorded" : "ID seen: " + d.idDocumentSeen(),
                d.idDocumentSeen().isEmpty() ? "badge-warning" : "badge-neutral");
        id.setId("id-check-badge");
        tags.getChildren().add(id);
        if (model.apprentice().sample()) {
            tags.getChildren().add(Badges.badge("Sample data", "badge-warning"));
        }
        model.snapshot().state().enteredFromPaper().ifPresent(p -> {
            Label paper = Badges.badge("Entered from paper", "badge-warning");
            paper.setId("entered-from-paper-badge");
            Tooltip.install(paper, new Tooltip("Recorded on the paper form and entered afterwards, on "
                    + org.epaworkbench.ui.common.Dates.dayAndTime(p.enteredAt()) + ". Reason: " + p.reason()));
            tags.getChildren().add(paper);
        });
        // words where something is missing; otherwise just the pencil, so the header stays one row high
        Button edit = new Button(d.idDocumentSeen().isEmpty() ? "Record ID check…" : null);
        edit.setId("edit-details");
        edit.getStyleClass().addAll("flat", "small", "details-edit");
        edit.setGraphic(new FontIcon("mdi2p-pencil-outline"));
        edit.setTooltip(new Tooltip("Record the mode, location and ID check (Ctrl+D)"));
        edit.setFocusTraversable(false);
        edit.setOnAction(e -> editDetails());
        tags.getChildren().add(edit);
    }

    /** Records the mode, location and ID check: directly while the session is open, as a reasoned amendment after the end. */
    void editDetails() {
        LiveSnapshot s = model.snapshot();
        if (s.gap().isPresent() || model.savingProperty().get()) {
            return;
        }
        boolean ended = s.state().ended();
        SessionDetailsDialog.show(window(), s.state().details(), ended).ifPresent(entered -> model.perform(ended
                ? l -> l.amend(entered.reason(), entered.details())
                : l -> l.recordDetails(entered.details().mode(), entered.details().location(), entered.details().idDocumentSeen())));
    }

    private Node messageBar() {
        problem.setId("session-problem");
        problem.getStyleClass().add("message-bar");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setOnMouseClicked(e -> model.problemProperty().set(""));
        return new VBox(unsavedBanner(), problem, burstBar(), portfolioWarning());
    }

    /**
     * Before and during a discussion whose portfolio breaks the plan's rule (too few or too many pieces, criteria no
     * piece covers, pieces mapped to nothing): said once, at the top, until the assessor dismisses it.
     */
    private Node portfolioWarning() {
        Label warning = new Label();
        warning.setId("session-portfolio-warning");
        warning.getStyleClass().addAll("message-bar", "portfolio-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setGraphic(new FontIcon("mdi2a-alert-outline"));
        java.util.List<String> gaps = model.evidence().portfolioGaps();
        boolean ended = model.snapshot().state().status() == SessionStatus.ENDED;
        warning.setText(gaps.isEmpty() ? "" : "Portfolio: " + String.join(" ", gaps)
                + " Check with the apprentice before the discussion. (Click to dismiss.)");
        warning.setVisible(!gaps.isEmpty() && !ended);
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setOnMouseClicked(e -> warning.setVisible(false));
        return warning;
    }

    /** Shown while actions are held in memory because the disk is full or the folder is read-only. */
    private Node unsavedBanner() {
        Label words = new Label();
        words.setId("unsaved-banner");
        words.setWrapText(true);
        words.setMaxWidth(Double.MAX_VALUE);
        words.setGraphic(new FontIcon("mdi2c-content-save-alert-outline"));
        words.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.unsavedProperty().get().message(), model.unsavedProperty()));
        HBox.setHgrow(words, Priority.ALWAYS);
        Button retry = new Button("Try saving now");
        retry.setId("unsaved-retry");
        retry.setMinWidth(Button.USE_PREF_SIZE);
        retry.setOnAction(e -> model.saveHeldNow());
        HBox banner = new HBox(12, words, retry);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("message-bar", "unsaved-banner");
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.unsavedProperty().get().actions() > 0, model.unsavedProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---- keyboard ----

    private void onKey(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        KeyCode k = e.getCode();
        boolean handled = true;
        if (dialogComing()) {
            // a dialog was asked for and is not in front yet: what is typed meanwhile was meant for it
            e.consume();
            return;
        }
        if (k == KeyCode.F1) {
            ShortcutsDialog.show(window());
        } else if (k == KeyCode.F8) {
            toggleQuestioning();
        } else if (e.isShortcutDown() && e.isShiftDown() && k == KeyCode.A) {
            showAudit();
        } else if (e.isShortcutDown() && e.isShiftDown() && k == KeyCode.N) {
            sessionNote();
        } else if (e.isShortcutDown() && k == KeyCode.ENTER && !typing) {
            startOrResume();
        } else if (e.isShortcutDown() && k == KeyCode.P) {
            pause();
        } else if (e.isShortcutDown() && k == KeyCode.E) {
            end();
        } else if (e.isShortcutDown() && k == KeyCode.D) {
            editDetails();
        } else if (e.isShortcutDown() && k == KeyCode.G) {
            criteria.focusGoTo();
        } else if (e.isShortcutDown() && k == KeyCode.N) {
            detail.focusNote();
        } else if (e.isShortcutDown() && k == KeyCode.R) {
            detail.focusEvidence();
        } else if (e.isShortcutDown() && e.isShiftDown() && k == KeyCode.K) {
            closeQuestion();
        } else if (e.isShortcutDown() && k == KeyCode.K) {
            askQuestion();
        } else if (e.isShortcutDown() && k == KeyCode.L) {
            followUp();
        } else if (k == KeyCode.ESCAPE && typing) {
            criteria.focusCriteria();
        } else if (typing || e.isShortcutDown() || e.isAltDown() || !criteria.hasKeyboard(e.getTarget())) {
            // single keys act only while the criteria list itself has the keyboard: never from a text box,
            // a button or anything else that happens to have it
            handled = false;
        } else if (k == KeyCode.Q) {
            toggleQuestioning();
        } else if (k == KeyCode.M) {
            judgeByKey(CriterionState.MET);
        } else if (k == KeyCode.N) {
            judgeByKey(CriterionState.NOT_MET);
        } else if (k == KeyCode.A) {
            judgeByKey(CriterionState.NOT_ARISEN);
        } else if (k == KeyCode.DOWN || k == KeyCode.J) {
            criteria.move(1);
        } else if (k == KeyCode.UP || k == KeyCode.K) {
            criteria.move(-1);
        } else if (k == KeyCode.SLASH) {
            criteria.focusGoTo();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void keyboardBackToCriteria() {
        if (getScene() != null && getScene().getFocusOwner() instanceof Button b && isAncestorOf(b)) {
            criteria.focusCriteria();
        }
    }

    private boolean isAncestorOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == this) {
                return true;
            }
        }
        return false;
    }

    /** Whether a dialog has been asked for and is not yet in front (read in the background, or still being shown). */
    private boolean dialogComing() {
        if (model.isDialogOpening()) {
            return true;
        }
        Window own = window();
        return own != null && Window.getWindows().stream().anyMatch(w -> w != own && w.isShowing()
                && w instanceof javafx.stage.Stage st && st.getOwner() == own && st.getModality() != javafx.stage.Modality.NONE);
    }

    /**
     * A judgement by key; one faster than a person judges is held by the decisions and offered in the bar
     * (see {@link SessionDecisions#judgeByKey}).
     */
    private void judgeByKey(CriterionState state) {
        Criterion c = criteria.selectedProperty().get();
        if (c == null) {
            return;
        }
        decisions.judgeByKey(c, state, model.workbench().sessionClock().monotonicNanos(), asker()).ifPresent(this::holdBurst);
    }

    private final Label burstText = new Label();
    private final Button burstApply = new Button();
    private final HBox burstBar = new HBox(12);
    private Runnable burstAction;

    /** What the held key asked for, stated and offered: applied only by the button. */
    private void holdBurst(SessionDecisions.Held held) {
        burstText.setText(held.text());
        burstApply.setText(held.apply());
        burstAction = () -> judge(held.criterion(), held.state());
        burstBar.setVisible(true);
    }

    private Node burstBar() {
        burstText.setId("judgement-burst");
        burstText.setWrapText(true);
        burstText.setMaxWidth(Double.MAX_VALUE);
        burstText.setGraphic(new FontIcon("mdi2k-keyboard-outline"));
        HBox.setHgrow(burstText, Priority.ALWAYS);
        burstApply.setId("judgement-burst-apply");
        burstApply.setMinWidth(Button.USE_PREF_SIZE);
        burstApply.setOnAction(e -> {
            Runnable apply = burstAction;
            dismissBurst();
            if (apply != null) {
                apply.run();
            }
        });
        Button dismiss = new Button("Keep as it is");
        dismiss.setId("judgement-burst-dismiss");
        dismiss.setMinWidth(Button.USE_PREF_SIZE);
        dismiss.setOnAction(e -> dismissBurst());
        burstBar.getChildren().setAll(burstText, burstApply, dismiss);
        burstBar.setAlignment(Pos.CENTER_LEFT);
        burstBar.setId("judgement-burst-bar");
        burstBar.getStyleClass().addAll("message-bar", "burst-bar");
        burstBar.setVisible(false);
        burstBar.managedProperty().bind(burstBar.visibleProperty());
        return burstBar;
    }

    private void dismissBurst() {
        burstAction = null;
        burstBar.setVisible(false);
        criteria.focusCriteria();
    }

    // ---- session actions ----

    @Override
    public void startOrResume() {
        if (model.snapshot().state().status() == SessionStatus.PLANNED) {
            recording.startSession(recordingBar.asker()); // offers to record where the plan requires it
        } else {
            decisions.startOrResume();
        }
    }

    @Override
    public void pause() {
        decisions.pause(asker());
    }

    @Override
    public void end() {
        if (recording.beforeEnd(recordingBar.asker())) {
            decisions.end(asker());
        }
    }

    @Override
    public void play(org.epaworkbench.session.RecordingPosition at) {
        recordingBar.play(at);
    }

    /** Scrolls {@code scroll} so that {@code node} (inside its content) shows. */
    private static void revealIn(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = Math.max(0, Math.min(b.getMinY(), contentHeight - viewport));
        scroll.setVvalue(scroll.getVmin() + (scroll.getVmax() - scroll.getVmin()) * top / (contentHeight - viewport));
    }

    private RecordingBar recordingBar() {
        return recordingBar;
    }

    /** The session's recording, as the bar shows it. */
    RecordingModel recording() {
        return recording;
    }

    @Override
    public void toggleQuestioning() {
        decisions.toggleQuestioning();
    }

    @Override
    public void askQuestion() {
        Optional<SessionDecisions.NextQuestion> next = decisions.nextQuestion();
        if (next.isEmpty() || model.isDialogOpening()) {
            return; // nothing to ask, or the bank is already on its way
        }
        LiveSnapshot s = model.snapshot();
        Runnable opened = model.dialogOpening();
        model.background().run(() -> model.workbench().questions().questions(s.plan(), s.component()), bank -> {
            try {
                new QuestionBankDialog(model.workbench().questions(), model.background(), s.plan(), s.component())
                        .show(window(), next.get().number(), bank, next.get().askedFromBank())
                        .ifPresent(choice -> decisions.ask(choice.text(), choice.bankId()));
            } finally {
                opened.run();
            }
        }, failure -> {
            opened.run();
            model.problemProperty().set("Cannot read the question bank: " + failure.getMessage());
        });
    }

    @Override
    public void followUp() {
        decisions.followUp(asker());
    }

    @Override
    public void closeQuestion() {
        decisions.closeQuestion();
    }

    @Override
    public void jumpTo(String code) {
        criteria.jumpTo(code);
    }

    // ---- criterion actions: live while the session runs, amendments after it ends ----

    @Override
    public void judge(Criterion criterion, CriterionState state) {
        decisions.judge(criterion, state, asker());
    }

    @Override
    public void addNote(Criterion criterion, String text) {
        // after the end the text stays in the box until the amendment is committed (kept if the reason is cancelled)
        decisions.note(criterion, text, detail::clearNoteInput, asker());
    }

    @Override
    public void addEvidence(Criterion criterion, String reference) {
        decisions.evidence(criterion, reference, detail::clearEvidenceInput, asker());
    }

    private void sessionNote() {
        decisions.sessionNote(asker());
    }

    /** The decisions' dialogs, shown over this screen; a detail (criteria never judged) under the question. */
    private SessionDecisions.Asker asker() {
        return new SessionDecisions.Asker() {
            @Override
            public Optional<String> reason(String title, String question, String prompt, String detail) {
                return Dialogs.reason(window(), title, question, prompt, detailLabel(detail));
            }

            @Override
            public boolean confirm(String title, String question, String yes, String detail) {
                return Dialogs.confirm(window(), title, question, yes, detailLabel(detail));
            }
        };
    }

    private static Label detailLabel(String detail) {
        if (detail == null) {
            return null;
        }
        Label l = new Label(detail);
        l.setId("end-not-judged");
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void showAudit() {
        if (model.isDialogOpening()) {
            return;
        }
        String title = model.apprentice().name() + ": " + model.snapshot().component().title();
        Runnable opened = model.dialogOpening();
        model.background().run(() -> model.workbench().sessionService().events(model.recorded().id()), events -> {
            try {
                AuditDialog.show(window(), title, events);
            } finally {
                opened.run();
            }
        }, failure -> {
            opened.run();
            model.problemProperty().set("Cannot read the audit trail: " + failure.getMessage());
        });
    }

    /** After a crash: was the time the app was closed session time? The default answer is yes. */
    private void askAboutGap() {
        decisions.gap(this::askCarriedOn);
    }

    private Optional<Boolean> askCarriedOn(GapQuestion g) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(window());
        a.setTitle("The app stopped during this session");
        a.setHeaderText(model.apprentice().name() + ", " + model.snapshot().component().title() + ": EPA Workbench stopped "
                + "while this session was running, at " + ElapsedText.format(g.stoppedAtSessionTime())
                + " session time. It was closed for " + ElapsedText.format(g.gap()) + ".");
        Label body = new Label("Every judgement and note saved before the stop is here. Did the session carry on while the "
                + "app was closed? If it did, that time counts as session time.");
        body.setWrapText(true);
        body.setMaxWidth(520);
        a.getDialogPane().setContent(body);
        ButtonType kept = new ButtonType("Yes, it kept running: count " + ElapsedText.format(g.gap()), ButtonBar.ButtonData.YES);
        ButtonType stopped = new ButtonType("No, it stopped too", ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(kept, stopped);
        a.getDialogPane().lookupButton(kept).setId("gap-counted");
        a.getDialogPane().lookupButton(stopped).setId("gap-not-counted");
        return a.showAndWait().map(b -> b != stopped);
    }

    /**
     * Leaves the screen. A running session asks first: pause it (with a reason), keep it running (it
     * stays open in the app, its heartbeat saving the time, and is shown as running with a way back),
     * or stay. A session with actions still held in memory also stays open, so they are saved.
     */
    void leave() {
        decisions.leave(this::askLeavingRunning, asker(), this::left);
    }

    /** The question on leaving a running session: pause it, keep it running, or stay. */
    private SessionDecisions.Leaving askLeavingRunning() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(window());
        a.setTitle("The session is running");
        a.setHeaderText(model.apprentice().name() + ": " + model.snapshot().component().title() + " is running ("
                + ElapsedText.format(model.elapsedNow()) + "). Pause it before leaving, or keep it running?");
        Label body = new Label("Kept running, the time goes on counting and the session stays open: it is shown at the top "
                + "of the window, one click from this screen.");
        body.setWrapText(true);
        body.setMaxWidth(520);
        a.getDialogPane().setContent(body);
        ButtonType pause = new ButtonType("Pause it…", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep it running", ButtonBar.ButtonData.OTHER);
        a.getButtonTypes().setAll(pause, keep, ButtonType.CANCEL);
        a.getDialogPane().lookupButton(pause).setId("leave-pause");
        a.getDialogPane().lookupButton(keep).setId("leave-keep-running");
        Optional<ButtonType> choice = a.showAndWait();
        if (choice.isEmpty() || choice.get() == ButtonType.CANCEL) {
            return SessionDecisions.Leaving.STAY;
        }
        return choice.get() == pause ? SessionDecisions.Leaving.PAUSE : SessionDecisions.Leaving.KEEP_RUNNING;
    }

    private void left() {
        if (!model.mustStayOpen()) {
            model.stop();
        }
        onBack.run();
    }

    public LiveSessionModel model() {
        return model;
    }

    /** The criterion the keys act on. */
    Criterion selectedCriterion() {
        return criteria.selectedProperty().get();
    }
}
