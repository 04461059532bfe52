package org.epaworkbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.ui.StartupProbe;

/**
 * Cold start: a fresh JVM for each start, timed from starting the process to the first frame. The app
 * ({@code org.epaworkbench.Launcher}, exactly as the jar starts it, with {@code -Depa.bench.firstFrame=true})
 * against {@link MinimalWindow}, both with the same JVM flags and classpath under Monocle headless,
 * alternated (app first, then baseline first) so load on the machine weighs on both. The app also reports
 * when the home screen is ready (main window shown, its lists loaded from a data folder holding 500
 * sessions). One unrecorded start of each comes first, so the OS file cache is warm for all.
 */
final class StartupBench {

    static final int RUNS = 7;

    private StartupBench() {
    }

    static List<Figure> run() throws Exception {
        Path data = Fixtures.freshFolder("startup-data");
        Fixtures.copyTree(Fixtures.syncFixture(System.out::println), data);
        Path logs = Fixtures.freshFolder("startup-logs");
        List<String> flags = new ArrayList<>(ChildJvm.HEADLESS);
        flags.add("-D" + StartupProbe.PROPERTY + "=true");

        List<Double> app = new ArrayList<>();
        List<Double> home = new ArrayList<>();
        List<Double> minimal = new ArrayList<>();
        for (int i = -1; i < RUNS; i++) {
            boolean appFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean isApp = appFirst == (k == 0);
                Path log = logs.resolve((isApp ? "app-" : "minimal-") + i + ".log");
                ChildJvm.Result r = isApp
                        ? ChildJvm.run(flags, "org.epaworkbench.Launcher", List.of("--data-dir", data.toString()), log, 120)
                        : ChildJvm.run(flags, MinimalWindow.class.getName(), List.of(), log, 60);
                if (isApp && r.secondsToMarker().containsKey("startup-failed")) {
                    throw new IllegalStateException("the app could not open its data folder; see " + log);
                }
                if (i < 0) {
                    continue; // warm-up start, not recorded
                }
                if (isApp) {
                    app.add(r.seconds("first-frame"));
                    home.add(r.seconds("home-ready"));
                } else {
                    minimal.add(r.seconds("first-frame"));
                }
            }
            if (i >= 0) {
                System.out.println("start " + (i + 1) + ": app first frame " + Report.number(app.get(i)) + " s, home ready "
                        + Report.number(home.get(i)) + " s; minimal window " + Report.number(minimal.get(i)) + " s");
            }
        }
        double baseline = SyncBench.median(minimal);
        return List.of(
                Figure.of("startup", "app cold start to first frame (median of " + RUNS + ")", SyncBench.median(app), "s")
                        .against("a minimal JavaFX window started the same way", baseline).atMost(1.5).ratioAtMost(2)
                        .detail("runs", app).detail("baselineRuns", minimal),
                Figure.of("startup", "app cold start to home screen ready, 500 sessions stored (median)",
                        SyncBench.median(home), "s").against("a minimal JavaFX window started the same way", baseline)
                        .detail("runs", home));
    }
}
