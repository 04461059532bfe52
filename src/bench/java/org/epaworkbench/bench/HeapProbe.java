package org.epaworkbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.ui.StartupProbe;
import org.epaworkbench.ui.session.SessionScreen;

/**
 * Child JVM for the heap figure. {@code app DATA_DIR}: the real main window over a data folder of 500
 * stored sessions; the Records and Outbox screens visited (each lists the 500 signed records), then a new
 * session opened on its live screen, started, every criterion judged with a note, the ticker running.
 * {@code minimal}: one window with a label. Either way it then collects garbage and prints
 * {@code EPA-BENCH heap usedAfterGc committed peakSum} in bytes.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        org.epaworkbench.Logging.configure();
        FxDriver.startToolkit();
        if (args[0].equals("minimal")) {
            Stage[] stage = new Stage[1];
            java.util.concurrent.CompletableFuture<Void> shown = new java.util.concurrent.CompletableFuture<>();
            javafx.application.Platform.runLater(() -> {
                stage[0] = new Stage();
                stage[0].setScene(new Scene(new StackPane(new Label("EPA Workbench")), 1280, 800));
                stage[0].show();
                shown.complete(null);
            });
            shown.get();
            Thread.sleep(2_000);
            report();
            System.exit(0);
        }
        try (FxDriver d = FxDriver.mainWindow(Path.of(args[1]))) {
            d.nav("nav-records");
            d.nav("nav-outbox");
            d.nav("nav-sessions");
            Fixtures.PlanComponent pc = Fixtures.largestComponent();
            Apprentice a = d.workbench.people().apprentice("bench-apprentice-0").orElseThrow();
            RecordedSession s = Fixtures.plan(d.workbench, a, pc, d.workbench.sessionClock());
            d.fx(() -> d.main.openSession(s.id()));
            d.waitFor("the session screen", () -> d.main.sessionScreen() != null, 60);
            SessionScreen screen = d.call(() -> d.main.sessionScreen());
            d.fx(screen::startOrResume);
            d.drain();
            for (Criterion c : pc.component().criteria()) {
                d.fx(() -> {
                    screen.judge(c, CriterionState.MET);
                    screen.addNote(c, Fixtures.longNote(c));
                });
            }
            d.drain();
            d.waitFor("every judgement shown", () -> screen.model().snapshot().state().judgements().size()
                    == pc.component().criteria().size(), 60);
            Thread.sleep(2_000);
            report();
        }
        System.exit(0);
    }

    private static void report() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        StartupProbe.mark("heap " + heap.getUsed() + " " + heap.getCommitted() + " " + peak + " "
                + Runtime.getRuntime().maxMemory());
    }
}
