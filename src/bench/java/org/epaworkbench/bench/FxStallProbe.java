package org.epaworkbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.record.RecordHtml;
import org.epaworkbench.record.RecordProducer;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.SessionRecording;
import org.epaworkbench.recording.OpusRecordingReader;
import org.epaworkbench.ui.StartupProbe;
import org.epaworkbench.ui.session.LiveSessionModel;
import org.epaworkbench.ui.session.SessionScreen;

/**
 * Child JVM for the FX-thread figure: the real main window over a data folder of 500 sessions, a new
 * session of the largest component open on its live screen, and an {@link AnimationTimer} noting the
 * time of every pulse. Phases: idle (the baseline); ticking criteria by key (M, N, A on the selected
 * criterion, then Down), as an assessor does; saving a 500-character note on each criterion through the
 * note field and its button; ending the session and signing its record three times as "Sign record"
 * does (declarations saved, then rendering and signing as a background task, its steps shown on the
 * session screen). Prints {@code EPA-BENCH pulses-PHASE maxGapMs p99GapMs gapsOver50 gaps maxFxCpuBetweenPulsesMs} per phase.
 *
 * <p>With a second argument {@code recording} (issue 16; the JVM given {@code -Depaworkbench.demoMicrophone=FILE.wav}):
 * after idle and ticking, the session is recorded through its Record button (the apprentice's consent recorded before
 * the screen opened), sits recording, and is ticked twice as long the same way while recording; then the recording is
 * stopped ({@code EPA-BENCH recorded DURATION_MS DECODABLE_MS POSITION_MS}) and the screen ticked once more without it
 * (phase "ticking again": A B B A). No notes or signing in that run.
 */
public final class FxStallProbe {

    private static final int MAX_PULSES = 200_000;
    private static final long[] PULSES = new long[MAX_PULSES];
    /** The FX thread's CPU time at each pulse: a long gap with little CPU is the thread waiting, not working. */
    private static final long[] CPU = new long[MAX_PULSES];
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static volatile int count;

    private FxStallProbe() {
    }

    /** A phase: its name and the range of pulses inside it. */
    private record Phase(String name, int from, int to) {
    }

    public static void main(String[] args) throws Exception {
        boolean recording = args.length > 1 && args[1].equals("recording");
        org.epaworkbench.Logging.configure();
        FxDriver.startToolkit();
        List<Phase> phases = new ArrayList<>();
        try (FxDriver d = FxDriver.mainWindow(Path.of(args[0]))) {
            Fixtures.PlanComponent pc = Fixtures.largestComponent();
            Apprentice a = d.workbench.people().apprentice("bench-apprentice-0").orElseThrow();
            RecordedSession s = Fixtures.plan(d.workbench, a, pc, d.workbench.sessionClock());
            if (recording) {
                // the apprentice's consent, given before the screen opens: its Record button then records at once
                d.workbench.sessionRecording().consent(s, a.name(), SessionRecording.consentWording(pc.component()));
            }
            d.fx(() -> d.main.openSession(s.id()));
            d.waitFor("the session screen", () -> d.main.sessionScreen() != null, 60);
            SessionScreen screen = d.call(() -> d.main.sessionScreen());
            LiveSessionModel model = screen.model();
            d.fx(screen::startOrResume);
            d.drain();
            d.fx(() -> new AnimationTimer() {
                @Override
                public void handle(long now) {
                    int n = count;
                    if (n < MAX_PULSES) {
                        PULSES[n] = System.nanoTime();
                        CPU[n] = THREADS.getCurrentThreadCpuTime();
                        count = n + 1;
                    }
                }
            }.start());
            Thread.sleep(1_000);

            int from = count;
            Thread.sleep(3_000);
            phases.add(new Phase("idle", from, count));

            from = count;
            tick(d, screen, pc);
            phases.add(new Phase("ticking", from, count));

            if (recording) {
                // issue 16: the same ticking while the session is recorded, started by its Record button
                SessionRecording recorder = d.workbench.sessionRecording();
                String id = model.recorded().id();
                d.fx(() -> ((Button) d.scene.lookup("#recording-toggle")).fire());
                d.waitFor("the recording to start", () -> recorder.recording(id), 30);
                d.drain();
                Thread.sleep(1_000);
                from = count;
                Thread.sleep(3_000);
                phases.add(new Phase("recording", from, count));

                // twice, and once more without recording after it: A B B A, so warming up favours neither
                from = count;
                tick(d, screen, pc);
                tick(d, screen, pc);
                phases.add(new Phase("ticking while recording", from, count));
                long position = recorder.positionMillis(id);
                d.fx(() -> ((Button) d.scene.lookup("#recording-toggle")).fire());
                d.waitFor("the recording's end in the log", () -> !recorder.recording(id)
                        && !model.recorded().live().state().recordings().get(0).open(), 30);
                var kept = model.recorded().live().state().recordings().get(0);
                Path file = recorder.fileOf(id, kept.fileName());
                long decodable;
                try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
                    decodable = reader.durationMillis();
                }
                StartupProbe.mark("recorded " + kept.durationMillis() + " " + decodable + " " + position);
                d.drain();
                Thread.sleep(1_000);
                from = count;
                tick(d, screen, pc);
                phases.add(new Phase("ticking again", from, count));
            } else {
                notesAndSigning(d, screen, model, pc, a, phases);
            }
            d.fx(model::stop);
        }
        report(phases);
    }

    /** Saving a 500-character note on each criterion, then ending the session and signing its record three times. */
    private static void notesAndSigning(FxDriver d, SessionScreen screen, LiveSessionModel model, Fixtures.PlanComponent pc,
            Apprentice a, List<Phase> phases) throws Exception {
        int from = count;
        for (Criterion c : pc.component().criteria()) {
            d.fx(() -> {
                ((TextInputControl) d.scene.lookup("#note-input")).setText(Fixtures.longNote(c));
                ((Button) d.scene.lookup("#add-note")).fire();
            });
            Thread.sleep(150);
            d.drain();
            d.fx(() -> key(screen, KeyCode.DOWN));
        }
        d.drain();
        phases.add(new Phase("saving notes", from, count));

        from = count;
        d.fx(() -> model.perform(l -> l.end("benchmark: ended to sign the record")));
        d.drain();
        String png = Base64.getEncoder().encodeToString(Fixtures.signaturePng());
        d.fx(() -> model.perform(l -> l.declare("apprentice", a.name(),
                RecordHtml.declarationText(pc.plan(), "apprentice"), png)));
        d.fx(() -> model.perform(l -> l.declare("assessor", "Alex Morgan",
                RecordHtml.declarationText(pc.plan(), "assessor"), png)));
        d.drain();
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Void> signed = new CompletableFuture<>();
            d.fx(() -> sign(d, model, d.stage, signed));
            signed.get(120, TimeUnit.SECONDS);
            d.drain();
            Thread.sleep(300);
        }
        phases.add(new Phase("signing", from, count));
    }

    /** Prints each phase's gaps and exits. */
    private static void report(List<Phase> phases) {
        for (Phase p : phases) {
            List<Double> gaps = new ArrayList<>();
            double busiest = 0;
            for (int i = p.from() + 1; i < p.to(); i++) {
                gaps.add((PULSES[i] - PULSES[i - 1]) / 1e6);
                busiest = Math.max(busiest, (CPU[i] - CPU[i - 1]) / 1e6);
            }
            gaps.sort(null);
            double max = gaps.isEmpty() ? Double.NaN : gaps.get(gaps.size() - 1);
            double p99 = gaps.isEmpty() ? Double.NaN : gaps.get((int) Math.min(gaps.size() - 1, Math.ceil(gaps.size() * 0.99) - 1));
            long over = gaps.stream().filter(g -> g > 50).count();
            StartupProbe.mark("pulses-" + p.name().replace(' ', '-') + " " + max + " " + p99 + " " + over + " " + gaps.size() + " " + busiest);
        }
        System.exit(0);
    }

    /** Three rounds over every criterion: M, N or A on the selected one, then Down, as an assessor ticks. */
    private static void tick(FxDriver d, SessionScreen screen, Fixtures.PlanComponent pc) throws Exception {
        KeyCode[] judgements = {KeyCode.M, KeyCode.N, KeyCode.A};
        String first = pc.component().criteria().get(0).code();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < pc.component().criteria().size(); i++) {
                KeyCode k = judgements[(round + i) % judgements.length];
                d.fx(() -> key(screen, k));
                Thread.sleep(60);
                d.fx(() -> key(screen, KeyCode.DOWN));
                Thread.sleep(90);
            }
            d.fx(() -> screen.jumpTo(first));
            Thread.sleep(90);
        }
        d.drain();
    }

    private static void key(SessionScreen screen, KeyCode code) {
        screen.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
    }

    /** What SignRecordFlow does once the declarations are in and the password given. */
    private static void sign(FxDriver d, LiveSessionModel model, Stage owner, CompletableFuture<Void> done) {
        String sessionId = model.recorded().id();
        byte[] drawn = Fixtures.signaturePng();
        Task<RecordProducer.Produced> task = new Task<>() {
            @Override
            protected RecordProducer.Produced call() throws Exception {
                RecordProducer producer = Fixtures.producer(d.workbench);
                updateMessage("Unlocking the signing key");
                RecordProducer.Unlocked unlocked = producer.unlockOrCreate(Fixtures.PASSWORD.toCharArray());
                return producer.signSession(sessionId, unlocked.identity(), drawn, step -> updateMessage("Signing the record · " + step));
            }
        };
        model.showActivity(task); // as SignRecordFlow: the steps shown on the session screen
        task.setOnSucceeded(e -> {
            RecordProducer.Produced p = task.getValue();
            model.perform(l -> l.recordSigned(p.record().fileName(), p.record().sha256(), p.record().certificateFingerprint()),
                    () -> done.complete(null));
        });
        task.setOnFailed(e -> done.completeExceptionally(task.getException()));
        model.background().run(task);
    }
}
