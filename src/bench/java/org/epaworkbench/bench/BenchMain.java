package org.epaworkbench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.epaworkbench.record.PadesVerifier;
import org.epaworkbench.record.RecordProducer;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.MultisetStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the benchmarks of issue 7 and reports each figure against a baseline measured in the same run:
 * a table on the console, JSON in {@code target/bench/}. Started by {@code mvn -B -Pbench verify};
 * the argument lists the groups to run ({@code all}, or e.g. {@code append,fold}).
 */
public final class BenchMain {

    /** A group of figures. */
    @FunctionalInterface
    interface Group {
        List<Figure> run() throws Exception;
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Group> groups = new LinkedHashMap<>();
        groups.put("append", BenchMain::append);
        groups.put("fold", BenchMain::fold);
        groups.put("record", BenchMain::record);
        groups.put("sync", SyncBench::run);
        groups.put("startup", StartupBench::run);
        groups.put("heap", HeapBench::run);
        groups.put("fx", FxStallBench::run);
        groups.put("intake", IntakeBench::run);
        groups.put("recording", RecordingBench::run);
        groups.put("history", HistoryBench::run);

        String which = args.length == 0 ? "all" : String.join(",", args);
        List<String> chosen = which.equals("all") ? new ArrayList<>(groups.keySet())
                : Arrays.stream(which.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String g : chosen) {
            if (!groups.containsKey(g)) {
                System.err.println("No benchmark group '" + g + "'. Groups: " + String.join(", ", groups.keySet()));
                System.exit(2);
            }
        }
        if (System.getProperty("bench.run") == null) {
            System.setProperty("bench.run", "run-" + System.currentTimeMillis());
        }
        Path folder = Fixtures.benchFolder();
        Files.createDirectories(folder);
        Report report = new Report(folder);
        System.out.println("machine: " + Machine.oneLine(report.machine()));
        for (String g : chosen) {
            long t0 = System.nanoTime();
            System.out.println();
            System.out.println("=== " + g + " ===");
            waitForCalm();
            double loadBefore = Machine.loadAverage();
            try {
                List<Figure> figures = groups.get(g).run();
                double loadAfter = Machine.loadAverage();
                report.load(g, loadBefore, loadAfter);
                for (Figure f : figures) {
                    f.detail("loadAverage1m", List.of(loadBefore, loadAfter));
                }
                report.add(figures);
                for (Figure f : figures) {
                    System.out.println("  " + f.name() + ": " + Report.number(f.value()) + " " + f.unit() + " → " + f.result());
                }
            } catch (Exception | Error e) {
                e.printStackTrace();
                report.failed(g, e);
            }
            System.out.println("(" + g + " took " + (System.nanoTime() - t0) / 1_000_000_000 + " s)");
            report.write();
        }
        report.print(System.out);
        report.write();
        Fixtures.deleteTree(Fixtures.workFolder());
        if (Boolean.getBoolean("bench.strict") && !report.allPass()) {
            System.exit(3);
        }
    }

    /**
     * With {@code -Dbench.waitForLoad=N}, waits (at most {@code bench.waitMinutes}, default 15) until the
     * 1-minute load average is at most N before a group starts, for a shared machine. The load is
     * reported with the figures either way.
     */
    static void waitForCalm() throws InterruptedException {
        String limit = System.getProperty("bench.waitForLoad", "");
        if (limit.isBlank()) {
            return;
        }
        double max = Double.parseDouble(limit);
        long until = System.nanoTime() + Long.getLong("bench.waitMinutes", 15) * 60_000_000_000L;
        boolean said = false;
        while (Machine.loadAverage() > max && System.nanoTime() < until) {
            if (!said) {
                System.out.println("waiting for the load average (" + Report.number(Machine.loadAverage()) + ") to fall to "
                        + limit + "…");
                said = true;
            }
            Thread.sleep(10_000);
        }
    }

    // ---- JMH ----

    static Map<String, RunResult> jmh(Class<?> benchmark) throws Exception {
        Path out = Fixtures.benchFolder().resolve("jmh");
        Files.createDirectories(out);
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve(benchmark.getSimpleName() + ".json").toString())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .jvmArgsAppend("-Dbench.run=" + System.getProperty("bench.run"))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, RunResult> byMethod = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byMethod.put(name.substring(name.lastIndexOf('.') + 1), r);
        }
        return byMethod;
    }

    /**
     * Runs two benchmark methods of a class in separate JMH runs in the order A B B A, and merges each
     * method's samples: slow drift in a shared machine's load then weighs on both alike.
     */
    static Map<String, Statistics> interleaved(Class<?> benchmark, String a, String b) throws Exception {
        Path out = Fixtures.benchFolder().resolve("jmh");
        Files.createDirectories(out);
        Map<String, MultisetStatistics> merged = new LinkedHashMap<>();
        merged.put(a, new MultisetStatistics());
        merged.put(b, new MultisetStatistics());
        String[] order = {a, b, b, a};
        for (int i = 0; i < order.length; i++) {
            String m = order[i];
            System.out.println("--- " + benchmark.getSimpleName() + "." + m + " (run " + (i + 1) + " of " + order.length + ")");
            Options options = new OptionsBuilder()
                    .include("^" + Pattern.quote(benchmark.getName() + "." + m) + "$")
                    .resultFormat(ResultFormatType.JSON)
                    .result(out.resolve(benchmark.getSimpleName() + "-" + (i + 1) + "-" + m + ".json").toString())
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.NORMAL)
                    .jvmArgsAppend("-Dbench.run=" + System.getProperty("bench.run"))
                    .build();
            for (RunResult r : new Runner(options).run()) {
                var raw = r.getPrimaryResult().getStatistics().getRawData();
                while (raw.hasNext()) {
                    var e = raw.next();
                    merged.get(m).addValue(e.getKey(), e.getValue());
                }
            }
        }
        for (var e : merged.entrySet()) {
            if (e.getValue().getN() == 0) {
                throw new IllegalStateException("JMH gave no result for " + e.getKey());
            }
        }
        return new LinkedHashMap<>(merged);
    }

    static Statistics stats(Map<String, RunResult> results, String method) {
        RunResult r = results.get(method);
        if (r == null) {
            throw new IllegalStateException("JMH gave no result for " + method);
        }
        return r.getPrimaryResult().getStatistics();
    }

    static Figure withStats(Figure f, Statistics s) {
        return f.detail("samples", s.getN()).detail("mean", s.getMean()).detail("p50", s.getPercentile(50))
                .detail("p90", s.getPercentile(90)).detail("p99", s.getPercentile(99)).detail("max", s.getMax());
    }

    // ---- groups ----

    static List<Figure> append() throws Exception {
        Map<String, Statistics> r = interleaved(AppendBenchmark.class, "judgement", "bareInsert");
        Statistics judge = r.get("judgement");
        Statistics bare = r.get("bareInsert");
        String base = "bare single-row SQLite insert, same pragmas (WAL, synchronous FULL)";
        return List.of(
                withStats(Figure.of("append", "judgement → committed event, p50", judge.getPercentile(50), "ms")
                        .against(base, bare.getPercentile(50)), judge),
                withStats(Figure.of("append", "judgement → committed event, p99", judge.getPercentile(99), "ms")
                        .against(base, bare.getPercentile(99)).atMost(10).ratioAtMost(2), judge)
                        .detail("baselineSamples", bare.getN()).detail("baselineMax", bare.getMax()));
    }

    static List<Figure> fold() throws Exception {
        Map<String, RunResult> r = jmh(FoldBenchmark.class);
        Statistics fold = stats(r, "fold");
        Statistics trivial = stats(r, "trivialPass");
        Statistics stored = stats(r, "loadAndFold");
        return List.of(
                Figure.of("fold", "fold 10,000 events into session state (mean)", fold.getMean(), "ms")
                        .against("a trivial pass over the same 10,000 events", trivial.getMean()).atMost(20)
                        .detail("errorMs", r.get("fold").getPrimaryResult().getScoreError()),
                Figure.of("fold", "read 10,000 stored events and fold them (mean)", stored.getMean(), "ms")
                        .against("folding them in memory", fold.getMean()));
    }

    static List<Figure> record() throws Exception {
        // sizes and a signature check from one run outside JMH
        RecordBenchmark.Made m = RecordBenchmark.make(Fixtures.freshFolder("record-size").resolve("data"));
        RecordProducer.Produced big;
        RecordProducer.Produced small;
        try {
            big = m.producer().signSession(m.largest(), m.identity(), Fixtures.signaturePng(), s -> { });
            small = m.producer().signSession(m.smallest(), m.identity(), Fixtures.signaturePng(), s -> { });
        } finally {
            m.workbench().close();
        }
        boolean verified = new PadesVerifier().verify("largest.pdf", big.pdf()).verified();
        if (!verified) {
            throw new IllegalStateException("the largest record does not verify");
        }
        Files.write(Fixtures.benchFolder().resolve("largest-record.pdf"), big.pdf());
        Fixtures.PlanComponent largest = Fixtures.largestComponent();
        Fixtures.PlanComponent smallest = Fixtures.smallestComponent();
        String what = largest.plan().id() + " " + largest.component().id() + ", " + largest.component().criteria().size()
                + " criteria";
        String baseline = "the smallest record (" + smallest.plan().id() + " " + smallest.component().id() + ", "
                + smallest.component().criteria().size() + " criteria, short notes), same path";

        Map<String, Statistics> r = interleaved(RecordBenchmark.class, "largestRecord", "smallestRecord");
        Statistics l = r.get("largestRecord");
        Statistics s = r.get("smallestRecord");
        return List.of(
                withStats(Figure.of("record", "render + sign largest record (" + what + "), warm mean", l.getMean(), "ms")
                        .against(baseline, s.getMean()).atMost(1000), l),
                Figure.of("record", "largest record PDF size", big.pdf().length / 1024.0, "KB")
                        .against(baseline, small.pdf().length / 1024.0).atMost(300)
                        .detail("verified", verified).detail("bytes", big.pdf().length));
    }
}
