package org.epaworkbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.epaworkbench.ui.StartupProbe;

/**
 * Benchmark group {@code history} (issue 17, "years of records"): every row of the targets, each against a
 * baseline measured in the same run, over the fixtures of {@link HistoryFixtures} (built once, cached):
 * <ul>
 * <li>cold start to home screen ready with 500, 10,000 and 50,000 sessions stored (a fresh JVM each start, as
 * {@code startup} does), against a minimal JavaFX window started the same way; the 50,000 figure's ratio is
 * against the 500 figure. A start that does not finish within {@code bench.history.startSeconds} (default 120) is
 * stopped and reported as "over N s";
 * <li>in one child JVM ({@link HistoryProbe}) over the 10,000-session laptop: opening Records, Outbox and an
 * apprentice's EPA until its first rows are shown; searching the 2,000 apprentices keystroke by keystroke by name,
 * ULN and employer; then, with every list opened, used heap after GC;
 * <li>importing the package of the laptop's 10,000 sessions into an empty folder, in a child JVM limited to
 * {@code -Xmx256m}: its time and heap.
 * </ul>
 * Bounded throughout: no step waits longer than its timeout, and what did not finish is reported, not waited for.
 */
final class HistoryBench {

    static final String GROUP = "history";
    static final String MINIMAL = "a minimal JavaFX window started the same way";

    private HistoryBench() {
    }

    static List<Figure> run() throws Exception {
        long startSeconds = Long.getLong("bench.history.startSeconds", 120);
        Path small = Fixtures.syncFixture(System.out::println);
        HistoryFixtures.Laptop laptop = HistoryFixtures.laptop(System.out::println);
        Path office = HistoryFixtures.office(System.out::println);
        Path logs = Fixtures.freshFolder("history-logs");
        List<Figure> figures = new ArrayList<>();

        // ---- cold starts ----
        List<String> flags = new ArrayList<>(ChildJvm.HEADLESS);
        flags.add("-D" + StartupProbe.PROPERTY + "=true");
        List<Double> minimal = new ArrayList<>();
        Path data500 = copy(small, "history-500");
        Start s500 = starts(flags, data500, Integer.getInteger("bench.history.starts", 3), startSeconds, logs, "500", minimal);
        Fixtures.deleteTree(data500);
        Path data10k = copy(laptop.data(), "history-10000");
        Start s10k = starts(flags, data10k, Integer.getInteger("bench.history.starts", 3), startSeconds, logs, "10000", minimal);
        Path data50k = copy(office, "history-50000");
        Start s50k = starts(flags, data50k, 1, startSeconds, logs, "50000", minimal);
        Fixtures.deleteTree(data50k);
        double baseline = SyncBench.median(minimal);
        figures.add(s500.figure("500").against(MINIMAL, baseline).detail("baselineRuns", minimal));
        figures.add(s10k.figure("10,000").against(MINIMAL, baseline).atMost(1.5).ratioAtMost(1.5)
                .detail("baselineRuns", minimal));
        figures.add(s50k.figure("50,000 (office copy)").against("the same with 500 sessions stored", s500.median()).ratioAtMost(2)
                .detail("minimalWindow", baseline));

        // ---- screens, search and heap over the 10,000-session laptop ----
        List<String> probeFlags = new ArrayList<>(ChildJvm.HEADLESS);
        probeFlags.add("-Xmx" + System.getProperty("bench.history.probeHeap", "1g"));
        probeFlags.add("-XX:+ExitOnOutOfMemoryError");
        long probeSeconds = Long.getLong("bench.history.probeSeconds", 600);
        probeFlags.add("-Dbench.drainSeconds=" + probeSeconds);
        probeFlags.add("-Dbench.history.stepSeconds=" + Long.getLong("bench.history.stepSeconds", 300));
        String apprentice = "laptop-apprentice-" + HistoryFixtures.LAPTOP_APPRENTICES / 2;
        long p0 = System.nanoTime();
        ChildJvm.Result p = ChildJvm.run(probeFlags, HistoryProbe.class.getName(),
                List.of("screens", data10k.toString(), apprentice), logs.resolve("screens.log"), probeSeconds);
        double probeRan = (System.nanoTime() - p0) / 1e9;
        System.out.println("history: screens probe ran " + Report.number(probeRan) + " s (exit " + p.exitCode() + "), printed "
                + p.payloads().keySet());
        String notShown = p.exitCode() == 0 ? "not shown within " + Long.getLong("bench.history.stepSeconds", 300) + " s"
                : "not reached: the probe " + (probeRan >= probeSeconds ? "was stopped after " + probeSeconds + " s" : "exited with " + p.exitCode())
                + " (" + logs.resolve("screens.log") + ")";
        double mainReady = number(p, "main-ready", 0);
        for (String[] screen : new String[][] {{"records", "Records"}, {"outbox", "Outbox"}, {"apprentice", "an apprentice's EPA"}}) {
            double ms = number(p, "open-" + screen[0], 0);
            figures.add(Figure.of(GROUP, "open " + screen[1] + " to first rows shown, 10,000 sessions"
                    + (Double.isNaN(ms) ? " (" + notShown + ")" : ""), ms, "ms").atMost(150)
                    .detail("mainWindowReadySeconds", mainReady));
        }
        List<Double> base = numbers(p, "search-baseline");
        double baseMean = mean(base);
        for (String[] kind : new String[][] {{"name", "name"}, {"uln", "ULN"}, {"employer", "employer"}}) {
            List<Double> ms = numbers(p, "search-" + kind[0]);
            figures.add(Figure.of(GROUP, "search 2,000 apprentices by " + kind[1] + ", per keystroke to results shown (mean of "
                    + ms.size() + ")" + (ms.isEmpty() ? " (" + notShown + ")" : ""), mean(ms), "ms")
                    .against("a keystroke into a plain text field that filters nothing, to its next layout pulse", baseMean)
                    .atMost(20).detail("keystrokesMs", ms).detail("maxMs", ms.stream().mapToDouble(x -> x).max().orElse(Double.NaN))
                    .detail("baselineMs", base).detail("plainScanOf2000Ms", number(p, "search-scan", 0)));
        }
        double mib = 1024.0 * 1024.0;
        double used = number(p, "heap", 0);
        figures.add(Figure.of(GROUP, "used heap after GC, 10,000 sessions, main window and every list opened"
                + (Double.isNaN(used) ? " (" + notShown + ")" : ""), used / mib, "MB").atMost(128)
                .detail("committedMB", number(p, "heap", 1) / mib).detail("sumOfPoolPeaksMB", number(p, "heap", 2) / mib)
                .detail("maxHeapMB", number(p, "heap", 3) / mib).detail("exitCode", p.exitCode())
                .detail("probeSeconds", probeRan));
        Fixtures.deleteTree(data10k);

        // ---- import the laptop's 10,000 sessions into an empty folder, -Xmx256m ----
        List<String> importFlags = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
        long importSeconds = Long.getLong("bench.history.importSeconds", 300);
        Path empty = Fixtures.freshFolder("history-import");
        long i0 = System.nanoTime();
        ChildJvm.Result r = ChildJvm.run(importFlags, HistoryProbe.class.getName(),
                List.of("import", empty.toString(), laptop.pkg().toString()), logs.resolve("import.log"), importSeconds);
        double importRan = (System.nanoTime() - i0) / 1e9;
        Fixtures.deleteTree(empty);
        long t0 = System.nanoTime();
        Path unzipped = Fixtures.freshFolder("history-unzipped");
        unzip(laptop.pkg(), unzipped);
        double unzip = SyncBench.seconds(t0);
        Fixtures.deleteTree(unzipped);
        double seconds = number(r, "imported", 0);
        int exit = (int) number(r, "imported", 5);
        String why = !Double.isNaN(seconds) && exit == 0 ? ""
                : !Double.isNaN(seconds) ? " (the import command failed, exit " + exit + ", after " + Report.number(seconds)
                        + " s: " + r.payloads().getOrDefault("import-said", "") + ")"
                : importRan >= importSeconds ? " (over " + importSeconds + " s: stopped)"
                : " (did not finish: the JVM exited with " + r.exitCode() + " after " + Report.number(importRan)
                        + " s; 3 is out of memory at -Xmx256m; see " + r.log() + ")";
        double ran = seconds;
        if (!why.isEmpty()) {
            seconds = Double.NaN;
        }
        long bytes = Files.size(laptop.pkg());
        figures.add(Figure.of(GROUP, "import a package of 10,000 sessions with their signed records into an empty folder, -Xmx256m"
                + why, seconds, "s").against("unzip the package into an empty folder", unzip).atMost(60)
                .detail("packageBytes", bytes).detail("childSeconds", importRan).detail("exitCode", r.exitCode())
                .detail("importSeconds", ran).detail("commandSaid", r.payloads().getOrDefault("import-said", "")));
        figures.add(Figure.of(GROUP, "peak used heap during that import (sampled every 20 ms)" + why, number(r, "imported", 1) / mib, "MB")
                .atMost(256).detail("sumOfPoolPeaksMB", number(r, "imported", 2) / mib)
                .detail("usedAfterGcMB", number(r, "imported", 3) / mib).detail("maxHeapMB", number(r, "imported", 4) / mib));
        figures.forEach(f -> f.detail("fixtures", laptop.buildNote()));
        return figures;
    }

    /**
     * A copy of a fixture, opened once untimed: a fixture built by an earlier version is migrated (and its session
     * summaries computed from the logs) here, as an assessor's folder is once after an update, not in the starts timed.
     */
    private static Path copy(Path fixture, String name) throws Exception {
        Path data = Fixtures.freshFolder(name);
        Fixtures.copyTree(fixture, data);
        long t0 = System.nanoTime();
        org.epaworkbench.app.Workbench.open(org.epaworkbench.store.DataDirectory.at(data), java.time.Clock.systemUTC()).close();
        System.out.println("history: first open of " + name + " (migrations, summaries brought up to date) took "
                + Report.number((System.nanoTime() - t0) / 1e9) + " s, untimed");
        return data;
    }

    /** Home-ready times of the app's starts over one data folder, each followed by a minimal window's start. */
    record Start(String size, List<Double> home, List<Double> firstFrame, boolean timedOut, long timeout) {
        double median() {
            return timedOut && home.isEmpty() ? Double.NaN : SyncBench.median(home);
        }

        Figure figure(String sessions) {
            String name = "cold start to home screen ready, " + sessions + " sessions stored ("
                    + (timedOut ? "over " + timeout + " s: stopped" : "median of " + home.size()) + ")";
            Figure f = Figure.of(GROUP, name, timedOut ? timeout : median(), "s").detail("runs", home)
                    .detail("firstFrameRuns", firstFrame).detail("timedOut", timedOut);
            return f;
        }
    }

    /**
     * {@code runs} starts of the app over {@code data} (after one unrecorded start when it is quick, to warm the OS
     * file cache), each beside a minimal window's start; stops at the first start that times out.
     */
    private static Start starts(List<String> flags, Path data, int runs, long timeout, Path logs, String size,
            List<Double> minimal) throws Exception {
        List<Double> home = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        boolean timedOut = false;
        for (int i = 0; i < runs; i++) {
            Path log = logs.resolve("app-" + size + "-" + i + ".log");
            long t0 = System.nanoTime();
            ChildJvm.Result r = ChildJvm.run(flags, "org.epaworkbench.Launcher", List.of("--data-dir", data.toString()), log, timeout);
            double ran = SyncBench.seconds(t0);
            if (r.secondsToMarker().containsKey("startup-failed")) {
                throw new IllegalStateException("the app could not open its data folder; see " + log);
            }
            Double h = r.secondsToMarker().get("home-ready");
            if (h == null) {
                if (ran < timeout - 1) {
                    throw new IllegalStateException("the app exited (" + r.exitCode() + ") before its home screen was ready; see " + log);
                }
                timedOut = true;
                System.out.println("history: start with " + size + " sessions stopped after " + timeout + " s");
            } else {
                home.add(h);
                first.add(r.secondsToMarker().getOrDefault("first-frame", Double.NaN));
                System.out.println("history: start with " + size + " sessions: home ready " + Report.number(h) + " s");
            }
            ChildJvm.Result m = ChildJvm.run(flags, MinimalWindow.class.getName(), List.of(), logs.resolve("minimal-" + size + "-" + i + ".log"), 60);
            minimal.add(m.seconds("first-frame"));
            if (timedOut || h > timeout / 3.0) {
                break; // a slow start is measured once: more would not change the picture, only the run's length
            }
        }
        return new Start(size, home, first, timedOut, timeout);
    }

    private static double number(ChildJvm.Result r, String marker, int index) {
        String payload = r.payloads().get(marker);
        if (payload == null) {
            return Double.NaN;
        }
        String[] parts = payload.strip().split(" ");
        return index < parts.length ? Double.parseDouble(parts[index]) : Double.NaN;
    }

    private static List<Double> numbers(ChildJvm.Result r, String marker) {
        String payload = r.payloads().get(marker);
        if (payload == null || payload.isBlank()) {
            return List.of();
        }
        return Arrays.stream(payload.strip().split(",")).map(Double::parseDouble).toList();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(x -> x).average().orElse(Double.NaN);
    }

    private static void unzip(Path zip, Path folder) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.BufferedInputStream(Files.newInputStream(zip)))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path p = folder.resolve(e.getName());
                Files.createDirectories(p.getParent());
                Files.copy(in, p);
            }
        }
    }
}
