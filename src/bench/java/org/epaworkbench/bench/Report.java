package org.epaworkbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures as a table on the console and as JSON under {@code target/bench/}. */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final Instant started = Instant.now();
    private final Map<String, Object> machine = Machine.describe();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, double[]> load = new LinkedHashMap<>();

    public Report(Path folder) {
        this.folder = folder;
    }

    public Map<String, Object> machine() {
        return machine;
    }

    public void add(List<Figure> group) {
        figures.addAll(group);
    }

    /** The machine's 1-minute load average when a group started and ended. */
    public void load(String group, double before, double after) {
        load.put(group, new double[] {before, after});
    }

    /** A group that could not be measured at all; reported as FAIL with the reason. */
    public void failed(String group, Throwable t) {
        failures.add(group + ": " + t);
    }

    public List<Figure> figures() {
        return figures;
    }

    public boolean allPass() {
        return failures.isEmpty() && figures.stream().allMatch(Figure::pass);
    }

    public static String number(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    public void print(PrintStream out) {
        out.println();
        out.println("EPA Workbench benchmarks, " + started);
        out.println("machine: " + Machine.oneLine(machine));
        String[] head = {"figure", "value", "baseline", "ratio", "target", "result"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (Figure f : figures) {
            rows.add(new String[] {f.group() + ": " + f.name(), number(f.value()) + " " + f.unit(),
                    f.baseline() == null ? "—" : number(f.baseline()) + " " + f.unit(),
                    f.ratio() == null ? "—" : number(f.ratio()) + "×", f.target(), f.result()});
        }
        int[] w = new int[head.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean right = i == 1 || i == 2 || i == 3;
                String cell = right ? " ".repeat(w[i] - r[i].length()) + r[i] : r[i] + " ".repeat(w[i] - r[i].length());
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.println(line.toString().stripTrailing());
            if (n == 0) {
                out.println("-".repeat(line.length()));
            }
        }
        out.println();
        out.println("baselines (measured in the same run):");
        String previous = null;
        for (Figure f : figures) {
            String key = f.group() + ": " + f.baselineName();
            if (f.baselineName() != null && !key.equals(previous)) {
                out.println("  " + f.group() + ": " + f.name() + " — against: " + f.baselineName());
            }
            previous = key;
        }
        if (!load.isEmpty()) {
            StringBuilder l = new StringBuilder("load average (1 min, start → end of each group; " + machine.get("nproc")
                    + " cores):");
            load.forEach((g, v) -> l.append(' ').append(g).append(' ').append(number(v[0])).append(" → ").append(number(v[1]))
                    .append(';'));
            out.println(l.substring(0, l.length() - 1));
        }
        for (String failure : failures) {
            out.println("NOT MEASURED (FAIL): " + failure);
        }
        long pass = figures.stream().filter(f -> f.hasTarget() && f.pass()).count();
        long fail = figures.stream().filter(f -> f.hasTarget() && !f.pass()).count() + failures.size();
        out.println();
        out.println(pass + " PASS, " + fail + " FAIL; JSON in " + folder);
    }

    /** Writes {@code <group>.json} for each group and {@code summary.json} with everything. */
    public void write() throws IOException {
        Files.createDirectories(folder);
        Map<String, List<Figure>> byGroup = new LinkedHashMap<>();
        for (Figure f : figures) {
            byGroup.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f);
        }
        ObjectNode summary = header();
        ArrayNode all = summary.putArray("figures");
        for (Map.Entry<String, List<Figure>> g : byGroup.entrySet()) {
            ObjectNode doc = header();
            doc.put("group", g.getKey());
            ArrayNode list = doc.putArray("figures");
            for (Figure f : g.getValue()) {
                list.add(json(f));
                all.add(json(f));
            }
            JSON.writeValue(folder.resolve(g.getKey() + ".json").toFile(), doc);
        }
        ObjectNode loads = summary.putObject("loadAverage1m");
        load.forEach((g, v) -> loads.putArray(g).add(v[0]).add(v[1]));
        ArrayNode notMeasured = summary.putArray("notMeasured");
        failures.forEach(notMeasured::add);
        summary.put("allPass", allPass());
        JSON.writeValue(folder.resolve("summary.json").toFile(), summary);
    }

    private ObjectNode header() {
        ObjectNode n = JSON.createObjectNode();
        n.put("startedAt", started.toString());
        n.set("machine", JSON.valueToTree(machine));
        return n;
    }

    private static ObjectNode json(Figure f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("group", f.group()).put("figure", f.name()).put("value", f.value()).put("unit", f.unit());
        if (f.baseline() != null) {
            n.put("baseline", f.baseline()).put("baselineIs", f.baselineName()).put("ratio", f.ratio());
        }
        n.put("target", f.target());
        if (f.limit() != null) {
            n.put("limit", f.limit());
        }
        if (f.maxRatio() != null) {
            n.put("maxRatio", f.maxRatio());
        }
        n.put("result", f.result());
        if (!f.details().isEmpty()) {
            n.set("details", JSON.valueToTree(f.details()));
        }
        return n;
    }
}
