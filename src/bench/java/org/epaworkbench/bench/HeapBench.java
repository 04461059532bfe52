package org.epaworkbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap during a live session with 500 sessions stored: {@link HeapProbe} in a JVM limited to
 * {@code -Xmx256m} (so finishing at all proves the app fits), used heap after a full collection, against
 * the same probe showing a minimal JavaFX window with the same flags.
 */
final class HeapBench {

    static final String MAX_HEAP = "-Xmx256m";

    private HeapBench() {
    }

    static List<Figure> run() throws Exception {
        Path data = Fixtures.freshFolder("heap-data");
        Fixtures.copyTree(Fixtures.syncFixture(System.out::println), data);
        Path logs = Fixtures.freshFolder("heap-logs");
        List<String> flags = new ArrayList<>(ChildJvm.HEADLESS);
        flags.add(MAX_HEAP);
        flags.add("-XX:+HeapDumpOnOutOfMemoryError");
        flags.add("-XX:HeapDumpPath=" + logs);
        ChildJvm.Result app = ChildJvm.run(flags, HeapProbe.class.getName(), List.of("app", data.toString()),
                logs.resolve("app.log"), 300);
        ChildJvm.Result minimal = ChildJvm.run(flags, HeapProbe.class.getName(), List.of("minimal"),
                logs.resolve("minimal.log"), 120);
        long[] a = parse(app);
        long[] m = parse(minimal);
        double mib = 1024.0 * 1024.0;
        return List.of(Figure.of("heap", "used heap after GC, live session + 500 stored sessions (-Xmx256m)", a[0] / mib, "MB")
                .against("a minimal JavaFX window, same flags", m[0] / mib).atMost(256)
                .detail("committedMB", a[1] / mib).detail("sumOfPoolPeaksMB", a[2] / mib).detail("maxHeapMB", a[3] / mib)
                .detail("baselineCommittedMB", m[1] / mib).detail("exitCode", app.exitCode()));
    }

    private static long[] parse(ChildJvm.Result r) {
        String[] parts = r.payloads().getOrDefault("heap", "").split(" ");
        if (parts.length < 4 || r.exitCode() != 0) {
            r.seconds("heap"); // throws, naming the output and the log (an OutOfMemoryError shows there)
            throw new IllegalStateException("the heap probe exited with " + r.exitCode() + "; see " + r.log());
        }
        long[] v = new long[4];
        for (int i = 0; i < 4; i++) {
            v[i] = Long.parseLong(parts[i]);
        }
        return v;
    }
}
