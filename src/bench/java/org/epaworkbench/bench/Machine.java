package org.epaworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: cores, CPU model, memory, Java and OS, as the README reports them. */
public final class Machine {

    private Machine() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")));
        m.put("ramMiB", firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.valueOf(Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024)).orElse("unknown"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(v -> v.replace("\"", ""))
                .orElse(System.getProperty("os.name")) + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return m;
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int sep = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
                if (sep > 0 && line.substring(0, sep).strip().equals(key)) {
                    return java.util.Optional.of(line.substring(sep + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: say unknown
        }
        return java.util.Optional.empty();
    }

    /** The 1-minute load average (runnable threads, averaged), or -1 where the OS does not say. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    public static String oneLine(Map<String, Object> m) {
        return m.get("nproc") + " × " + m.get("cpu") + ", " + m.get("ramMiB") + " MiB RAM, " + m.get("java") + ", " + m.get("os");
    }
}
