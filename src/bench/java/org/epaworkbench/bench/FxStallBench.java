package org.epaworkbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FX thread during a running session: {@link FxStallProbe} in a fresh JVM (the app's default heap,
 * Monocle headless), the longest gap between pulses while ticking, saving and signing, each against the
 * longest gap while the same screen sat idle.
 */
final class FxStallBench {

    private FxStallBench() {
    }

    static List<Figure> run() throws Exception {
        Path data = Fixtures.freshFolder("fx-data");
        Fixtures.copyTree(Fixtures.syncFixture(System.out::println), data);
        Path log = Fixtures.freshFolder("fx-logs").resolve("probe.log");
        ChildJvm.Result r = ChildJvm.run(ChildJvm.HEADLESS, FxStallProbe.class.getName(), List.of(data.toString()), log, 600);
        if (r.exitCode() != 0 || !r.payloads().containsKey("pulses-idle")) {
            throw new IllegalStateException("the FX probe exited with " + r.exitCode() + "; output " + r.output()
                    + "; stderr in " + log);
        }
        String[] idle = r.payloads().get("pulses-idle").split(" ");
        double idleMax = Double.parseDouble(idle[0]);
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, String> e : r.payloads().entrySet()) {
            if (!e.getKey().startsWith("pulses-") || e.getKey().equals("pulses-idle")) {
                continue;
            }
            String phase = e.getKey().substring("pulses-".length()).replace('-', ' ');
            String[] v = e.getValue().split(" ");
            figures.add(Figure.of("fx", "longest FX pulse gap while " + phase, Double.parseDouble(v[0]), "ms")
                    .against("longest gap with the session screen idle", idleMax).atMost(50)
                    .detail("p99GapMs", Double.parseDouble(v[1])).detail("gapsOver50ms", Long.parseLong(v[2]))
                    .detail("gaps", Long.parseLong(v[3])).detail("idleP99GapMs", Double.parseDouble(idle[1]))
                    .detail("idleGaps", Long.parseLong(idle[3])));
            figures.add(Figure.of("fx", "most FX-thread CPU between two pulses while " + phase, Double.parseDouble(v[4]), "ms")
                    .against("the same with the session screen idle", Double.parseDouble(idle[4])));
        }
        return figures;
    }
}
