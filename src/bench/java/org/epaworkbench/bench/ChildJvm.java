package org.epaworkbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epaworkbench.ui.StartupProbe;

/**
 * A fresh JVM with this JVM's classpath, for what must start cold or be measured alone. It reports
 * through {@code EPA-BENCH <name> [payload]} lines on standard output; each is timed from just before
 * the process was started.
 */
final class ChildJvm {

    /** How the tests run JavaFX headless (the surefire argLine): Monocle, software rendering. */
    static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dheadless.geometry=1920x1200-32", "-Djava.awt.headless=true");

    /** What a child printed. */
    record Result(int exitCode, Map<String, Double> secondsToMarker, Map<String, String> payloads, List<String> output,
            Path log) {
        double seconds(String marker) {
            Double s = secondsToMarker.get(marker);
            if (s == null) {
                throw new IllegalStateException("the child JVM never printed " + marker + " (exit " + exitCode
                        + "); its output: " + String.join("\n", output) + "; stderr in " + log);
            }
            return s;
        }
    }

    private ChildJvm() {
    }

    /**
     * The command for a child JVM with this JVM's classpath (and {@code -Dbench.childJvmArgs}), its standard error to
     * {@code log}; for a caller that reads its output as it comes (to kill it at a moment of its own choosing).
     */
    static ProcessBuilder builder(List<String> jvmArgs, String mainClass, List<String> args, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        // -Dbench.childJvmArgs="-Xlog:gc ..." adds flags to every child JVM, to look into a figure
        String extra = System.getProperty("bench.childJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.environment().remove("DISPLAY");
        return pb;
    }

    static Result run(List<String> jvmArgs, String mainClass, List<String> args, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = builder(jvmArgs, mainClass, args, log);
        Map<String, Double> times = new LinkedHashMap<>();
        Map<String, String> payloads = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        long t0 = System.nanoTime();
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long now = System.nanoTime();
                    synchronized (output) {
                        if (line.startsWith(StartupProbe.MARKER)) {
                            String rest = line.substring(StartupProbe.MARKER.length());
                            int sp = rest.indexOf(' ');
                            String name = sp < 0 ? rest : rest.substring(0, sp);
                            times.putIfAbsent(name, (now - t0) / 1e9);
                            payloads.putIfAbsent(name, sp < 0 ? "" : rest.substring(sp + 1));
                        } else if (output.size() < 200) {
                            output.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5_000);
        synchronized (output) {
            return new Result(p.isAlive() ? -1 : p.exitValue(), new LinkedHashMap<>(times), new LinkedHashMap<>(payloads),
                    new ArrayList<>(output), log);
        }
    }
}
