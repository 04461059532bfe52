package org.epaworkbench.ui.session;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.QuestioningBudget;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.StorageProblem;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;

/**
 * The live session as the screen sees it. Actions run on the background writer thread; the screen
 * changes only when the event is committed (a new {@link LiveSnapshot} arrives). The running timer,
 * duration state and questioning budget are recomputed from the snapshot and the monotonic clock
 * four times a second on the FX thread. While the model is open its session is among the app's
 * {@link org.epaworkbench.app.RunningSessions}, whose heartbeat saves its time every five seconds.
 */
public final class LiveSessionModel {

    private final Workbench workbench;
    private final Background background;
    private final RecordedSession recorded;
    private final Apprentice apprentice;
    private final ApprenticeEvidence evidence;
    private final ObjectProperty<LiveSnapshot> snapshot = new SimpleObjectProperty<>();
    private final ObjectProperty<Duration> elapsed = new SimpleObjectProperty<>(Duration.ZERO);
    private final ObjectProperty<DurationState> durationState = new SimpleObjectProperty<>();
    private final ObjectProperty<QuestioningBudget> questioning = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty activity = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final ObjectProperty<Unsaved> unsaved = new SimpleObjectProperty<>(Unsaved.NONE);
    private final Timeline ticker;

    private LiveSessionModel(Workbench workbench, Background background, RecordedSession recorded, Apprentice apprentice,
            ApprenticeEvidence evidence, LiveSnapshot first) {
        this.workbench = workbench;
        this.background = background;
        this.recorded = recorded;
        this.apprentice = apprentice;
        this.evidence = evidence;
        this.snapshot.set(first);
        tick();
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(250), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        workbench.running().open(recorded, background.writer(), new org.epaworkbench.app.RunningSessions.Listener() {
            @Override
            public void saved(org.epaworkbench.app.RunningSessions.Held held) {
                javafx.application.Platform.runLater(() -> showUnsaved(new Unsaved(held.actions(), held.because(), held.since())));
            }

            @Override
            public void failed(Exception e) {
                if (StorageProblem.of(e).isEmpty()) {
                    javafx.application.Platform.runLater(() -> problem.set("Could not save the timer checkpoint: " + e.getMessage()));
                }
            }
        });
    }

    /** Opens a stored session in the background, then hands the model to {@code onReady} on the FX thread. */
    public static void open(Workbench wb, Background background, String sessionId, Consumer<LiveSessionModel> onReady,
            Consumer<Throwable> onFailed) {
        background.run(() -> {
            RecordedSession r = wb.sessionService().open(sessionId, wb.sessionClock(),
                    wb.settings().sessionSettings()).journalTo(wb.heldJournal());
            Apprentice a = wb.apprentices().apprentice(r.live().state().details().apprenticeId()).orElseThrow();
            return new Opened(r, a, ApprenticeEvidence.load(wb, r.live().plan(), r.live().state().details()), r.live().snapshot());
        }, o -> onReady.accept(new LiveSessionModel(wb, background, o.recorded(), o.apprentice(), o.evidence(), o.snapshot())),
                onFailed);
    }

    /** What opening a session in the background hands back to the FX thread. */
    private record Opened(RecordedSession recorded, Apprentice apprentice, ApprenticeEvidence evidence, LiveSnapshot snapshot) {
    }

    /**
     * Recomputes the timer from the snapshot and the clock now (the ticker calls it four times a
     * second; tests call it after moving their clock).
     */
    public void tick() {
        LiveSnapshot s = snapshot.get();
        long now = workbench.sessionClock().monotonicNanos();
        // the state first: panels redraw when the elapsed time changes and read the state then
        durationState.set(s.state().ending().map(e -> e.durationState()).orElse(s.durationState(now)));
        questioning.set(s.questioning(now).orElse(null));
        elapsed.set(s.elapsed(now));
    }

    /** What is held in memory now; read on the background writer, shown on the FX thread. */
    private Unsaved unsaved() {
        return new Unsaved(recorded.held(), recorded.heldBecause().orElse(null), recorded.heldSince().orElse(null));
    }

    /**
     * Actions done but held in memory because they could not be saved, why, and when the oldest was
     * done (what the screen shows from then on is marked "not saved yet").
     */
    public record Unsaved(int actions, StorageProblem because, java.time.Instant since) {
        static final Unsaved NONE = new Unsaved(0, null, null);

        /** Whether something done at {@code at} is among the held actions. */
        public boolean covers(java.time.Instant at) {
            return since != null && at != null && !at.isBefore(since);
        }

        /** The banner's words, or empty when everything is saved. */
        public String message() {
            if (actions == 0) {
                return "";
            }
            String what = actions == 1 ? "1 action is" : actions + " actions are";
            String cause = because == null ? "Saving failed" : because.plainWords();
            String cure = because == StorageProblem.DISK_FULL ? "free some space on the disk"
                    : because == StorageProblem.BUSY ? "close the other program" : "make the data folder writable again";
            return cause + ": " + what + " kept in memory, not yet saved. Keep working: " + cure
                    + " and they will be saved within seconds. Do not close EPA Workbench until this message goes.";
        }
    }

    /**
     * Runs an action: it is checked, saved and only then shown. A refused action or a failed save
     * shows its reason and changes nothing.
     */
    public void perform(RecordedSession.Action action) {
        perform(action, () -> { });
    }

    public void perform(RecordedSession.Action action, Runnable afterCommit) {
        perform(action, afterCommit, failure -> { });
    }

    /** As {@link #perform(RecordedSession.Action, Runnable)}; {@code onFailed} also hears a refused action or a failed save. */
    public void perform(RecordedSession.Action action, Runnable afterCommit, Consumer<Throwable> onFailed) {
        act(() -> {
            recorded.perform(action);
            follow();
        }, afterCommit, onFailed);
    }

    /**
     * The recording follows the session after each action (issue 16): paused with it, resumed with it, ended with it.
     * A recording that cannot follow is said, but the action stays saved.
     */
    private void follow() {
        var recording = workbench.sessionRecording();
        if (recording.recording(recorded.id())) {
            try {
                recording.follow(recorded);
            } catch (SessionRuleException | SQLException | RuntimeException e) {
                String why = e.getMessage();
                javafx.application.Platform.runLater(() -> problem.set("The recording could not follow the session: " + why));
            }
        }
    }

    /**
     * Runs {@code work} on the session's writer (recording, consent, exemption: issue 16), then shows the session as
     * saved; a refusal or a failure shows its reason.
     */
    public void act(RecordingModel.Work work, Runnable afterCommit, Consumer<Throwable> onFailed) {
        saving.set(true);
        background.run(() -> {
            work.run();
            return new Performed(recorded.live().snapshot(), unsaved());
        }, done -> {
            saving.set(false);
            problem.set("");
            snapshot.set(done.snapshot());
            showUnsaved(done.unsaved());
            tick();
            afterCommit.run();
        }, failure -> {
            saving.set(false);
            problem.set(describe(failure));
            onFailed.accept(failure);
        });
    }

    /** An action's outcome, handed from the background writer to the FX thread. */
    private record Performed(LiveSnapshot snapshot, Unsaved unsaved) {
    }

    private void showUnsaved(Unsaved now) {
        unsaved.set(now);
    }

    static String describe(Throwable failure) {
        if (failure instanceof SessionRuleException) {
            return failure.getMessage();
        }
        if (failure instanceof SQLException) {
            return "Not saved, so not recorded: " + failure.getMessage() + ". Nothing already saved is lost; try again.";
        }
        if (failure instanceof org.epaworkbench.app.SessionRecording.CannotRecord) {
            return failure.getMessage(); // written for the assessor
        }
        if (failure instanceof org.epaworkbench.keys.KeyStoreProblem
                || failure instanceof org.epaworkbench.app.Records.CannotSign
                || failure instanceof org.epaworkbench.store.StorageException) {
            return failure.getMessage(); // written for the assessor
        }
        if (failure instanceof java.io.IOException && failure.getMessage() != null) {
            return "A file could not be read or written: " + failure.getMessage();
        }
        return "Something went wrong: " + failure;
    }

    /** Stops the timer and the heartbeat: the screen no longer follows this session. */
    public void stop() {
        ticker.stop();
        workbench.running().close(recorded.id());
    }

    /** Whether the session is still open, heartbeat and all (a session kept running in the background). */
    public boolean active() {
        return workbench.running().isOpen(recorded.id());
    }

    /**
     * Whether this session must stay open in the app when its screen is left: it is running (its
     * heartbeat keeps the time it reached), or actions are held in memory waiting to be saved.
     */
    public boolean mustStayOpen() {
        return snapshot.get().state().running() || unsaved.get().actions() > 0;
    }

    public Workbench workbench() {
        return workbench;
    }

    public Background background() {
        return background;
    }

    public Apprentice apprentice() {
        return apprentice;
    }

    /** The apprentice's portfolio and report mapping, for the criteria of this session's component. */
    public ApprenticeEvidence evidence() {
        return evidence;
    }

    public RecordedSession recorded() {
        return recorded;
    }

    public ReadOnlyObjectProperty<LiveSnapshot> snapshotProperty() {
        return snapshot;
    }

    public LiveSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyObjectProperty<Duration> elapsedProperty() {
        return elapsed;
    }

    public ReadOnlyObjectProperty<DurationState> durationStateProperty() {
        return durationState;
    }

    public ReadOnlyObjectProperty<QuestioningBudget> questioningProperty() {
        return questioning;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    /**
     * Shows a background job (signing a record) on the session screen itself, its steps in words,
     * until it ends. Shown in place rather than in a window of its own, which costs the FX thread a
     * new window while the assessor may still be watching the timer.
     */
    public void showActivity(javafx.concurrent.Task<?> task) {
        activity.bind(task.messageProperty());
        javafx.event.EventHandler<javafx.concurrent.WorkerStateEvent> done = e -> {
            activity.unbind();
            activity.set("");
        };
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, done);
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, done);
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, done);
    }

    /** What is running in the background for this session, in words; empty when nothing is. */
    public javafx.beans.value.ObservableStringValue activityProperty() {
        return activity;
    }

    /** Actions held in memory because the disk is full or the folder cannot be written; NONE normally. */
    public ReadOnlyObjectProperty<Unsaved> unsavedProperty() {
        return unsaved;
    }

    /** Tries now to save what is held in memory (the banner's "Try again"). */
    public void saveHeldNow() {
        background.run(() -> {
            recorded.saveHeld();
            return unsaved();
        }, this::showUnsaved, failure -> problem.set(describe(failure)));
    }

    private int dialogsOpening;

    /**
     * Says a dialog is on its way (read in the background first, say): until the returned action runs,
     * the screen's single-letter keys do nothing, so a question typed before the dialog appears cannot
     * fall through to the criteria. Run the returned action once the dialog has closed, or failed to open.
     */
    public Runnable dialogOpening() {
        dialogsOpening++;
        boolean[] done = {false};
        return () -> {
            if (!done[0]) {
                done[0] = true;
                dialogsOpening--;
            }
        };
    }

    /** Whether a dialog has been asked for and has not closed yet. */
    public boolean isDialogOpening() {
        return dialogsOpening > 0;
    }

    /** Elapsed time right now, for decisions such as whether ending needs a reason. */
    public Duration elapsedNow() {
        return snapshot.get().elapsed(workbench.sessionClock().monotonicNanos());
    }

    public DurationState durationStateNow() {
        return snapshot.get().durationState(workbench.sessionClock().monotonicNanos());
    }
}
