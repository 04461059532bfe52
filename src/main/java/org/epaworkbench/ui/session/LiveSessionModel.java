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
import org.epaworkbench.store.RecordedSession;
import org.epaworkbench.ui.Workbench;
import org.epaworkbench.ui.common.Background;

/**
 * The live session as the screen sees it. Actions run on the background writer thread; the screen
 * changes only when the event is committed (a new {@link LiveSnapshot} arrives). The running timer,
 * duration state and questioning budget are recomputed from the snapshot and the monotonic clock
 * four times a second on the FX thread; a heartbeat is saved every five seconds.
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
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final Timeline ticker;
    private final Timeline heartbeat;

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
        heartbeat = new Timeline(new KeyFrame(javafx.util.Duration.seconds(5), e -> saveHeartbeat()));
        heartbeat.setCycleCount(Animation.INDEFINITE);
        heartbeat.play();
    }

    /** Opens a stored session in the background, then hands the model to {@code onReady} on the FX thread. */
    public static void open(Workbench wb, Background background, String sessionId, Consumer<LiveSessionModel> onReady,
            Consumer<Throwable> onFailed) {
        background.run(() -> {
            RecordedSession r = RecordedSession.open(wb.sessions(), wb.plans(), sessionId, wb.sessionClock(),
                    wb.settings().sessionSettings());
            Apprentice a = wb.people().apprentice(r.live().state().details().apprenticeId()).orElseThrow();
            return new Opened(r, a, ApprenticeEvidence.load(wb, r.live().plan(), r.live().state().details()), r.live().snapshot());
        }, o -> onReady.accept(new LiveSessionModel(wb, background, o.recorded(), o.apprentice(), o.evidence(), o.snapshot())),
                onFailed);
    }

    /** What opening a session in the background hands back to the FX thread. */
    private record Opened(RecordedSession recorded, Apprentice apprentice, ApprenticeEvidence evidence, LiveSnapshot snapshot) {
    }

    /** Recomputes the timer from the snapshot and the clock now (the ticker calls it four times a second). */
    void tick() {
        LiveSnapshot s = snapshot.get();
        long now = workbench.sessionClock().monotonicNanos();
        elapsed.set(s.elapsed(now));
        durationState.set(s.state().ending().map(e -> e.durationState()).orElse(s.durationState(now)));
        questioning.set(s.questioning(now).orElse(null));
    }

    private void saveHeartbeat() {
        background.run(() -> {
            recorded.heartbeat();
            return null;
        }, ok -> { }, failure -> problem.set("Could not save the timer checkpoint: " + failure.getMessage()));
    }

    /**
     * Runs an action: it is checked, saved and only then shown. A refused action or a failed save
     * shows its reason and changes nothing.
     */
    public void perform(RecordedSession.Action action) {
        perform(action, () -> { });
    }

    public void perform(RecordedSession.Action action, Runnable afterCommit) {
        saving.set(true);
        background.run(() -> {
            recorded.perform(action);
            return recorded.live().snapshot();
        }, committed -> {
            saving.set(false);
            problem.set("");
            snapshot.set(committed);
            tick();
            afterCommit.run();
        }, failure -> {
            saving.set(false);
            problem.set(describe(failure));
        });
    }

    static String describe(Throwable failure) {
        if (failure instanceof SessionRuleException) {
            return failure.getMessage();
        }
        if (failure instanceof SQLException) {
            return "Not saved, so not recorded: " + failure.getMessage() + ". Nothing already saved is lost; try again.";
        }
        return "Something went wrong: " + failure;
    }

    public void stop() {
        ticker.stop();
        heartbeat.stop();
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

    /** Elapsed time right now, for decisions such as whether ending needs a reason. */
    public Duration elapsedNow() {
        return snapshot.get().elapsed(workbench.sessionClock().monotonicNanos());
    }

    public DurationState durationStateNow() {
        return snapshot.get().durationState(workbench.sessionClock().monotonicNanos());
    }
}
