package org.epaworkbench.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.epaworkbench.cli.CliRunner;

/**
 * Moving 500 sessions to the office through the {@code export} and {@code import} commands, run
 * in-process as the command line runs them (each opens the data folder, as a fresh command does):
 * export everything pending from a device folder; import the package into an empty data folder; import
 * it again. Each is measured {@value #RUNS} times (the median is the figure), each time alongside its
 * baseline, the plain file work on the same bytes:
 * <ul>
 * <li>export: read the same PDFs from the records folder and write the package's entries as a zip, synced;
 * <li>import: unzip the package into an empty folder;
 * <li>re-import: read the package and hash it (the least that recognising it takes).
 * </ul>
 */
final class SyncBench {

    static final int RUNS = 3;

    private SyncBench() {
    }

    static List<Figure> run() throws Exception {
        Path fixture = Fixtures.syncFixture(System.out::println);
        List<Double> export = new ArrayList<>();
        List<Double> exportBase = new ArrayList<>();
        List<Double> imports = new ArrayList<>();
        List<Double> importBase = new ArrayList<>();
        List<Double> reimports = new ArrayList<>();
        List<Double> reimportBase = new ArrayList<>();
        Path pkg = null;
        for (int i = 0; i < RUNS; i++) {
            Path device = Fixtures.freshFolder("device");
            Fixtures.copyTree(fixture, device);
            Path usb = Fixtures.freshFolder("usb");
            long t0 = System.nanoTime();
            CliRunner.Run r = new CliRunner(device).withKeystorePassword(Fixtures.PASSWORD).run("export", "--out", usb.toString());
            export.add(seconds(t0));
            expect(r, "Exported " + Fixtures.SYNC_SESSIONS + " sessions and " + Fixtures.SYNC_SESSIONS + " signed records");
            try (var list = Files.list(usb)) {
                pkg = list.filter(p -> p.toString().endsWith(".epapkg")).findFirst().orElseThrow();
            }
            Map<String, byte[]> entries = unzip(Files.readAllBytes(pkg));
            Path records = device.resolve("records");
            t0 = System.nanoTime();
            zipLikeExport(entries, records, Fixtures.freshFolder("zip").resolve("copy.zip"));
            exportBase.add(seconds(t0));

            Path office = Fixtures.freshFolder("office");
            t0 = System.nanoTime();
            r = new CliRunner(office).run("import", pkg.toString());
            imports.add(seconds(t0));
            expect(r, Fixtures.SYNC_SESSIONS + " new sessions");
            t0 = System.nanoTime();
            unzipTo(Files.readAllBytes(pkg), Fixtures.freshFolder("unzipped"));
            importBase.add(seconds(t0));

            t0 = System.nanoTime();
            r = new CliRunner(office).run("import", pkg.toString());
            reimports.add(seconds(t0));
            expect(r, "imported before");
            t0 = System.nanoTime();
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pkg));
            reimportBase.add(seconds(t0));
            System.out.println("sync run " + (i + 1) + ": export " + last(export) + " s, import " + last(imports)
                    + " s, re-import " + last(reimports) + " s");
            Fixtures.deleteTree(device);
            Fixtures.deleteTree(office);
        }
        long size = Files.size(pkg);
        String n = Fixtures.SYNC_SESSIONS + " sessions";
        return List.of(
                Figure.of("sync", "export " + n + " (signed records, median of " + RUNS + ")", median(export), "s")
                        .against("read the same PDFs, write the same entries as a synced zip", median(exportBase))
                        .atMost(5).detail("runs", export).detail("baselineRuns", exportBase)
                        .detail("packageBytes", size),
                Figure.of("sync", "import them into an empty data folder (median)", median(imports), "s")
                        .against("unzip the package into an empty folder", median(importBase))
                        .atMost(10).detail("runs", imports).detail("baselineRuns", importBase),
                Figure.of("sync", "re-import the same package (median)", median(reimports), "s")
                        .against("read and SHA-256 the package", median(reimportBase))
                        .atMost(2).detail("runs", reimports).detail("baselineRuns", reimportBase));
    }

    private static void expect(CliRunner.Run r, String text) {
        if (r.exitCode() != 0 || !r.out().contains(text)) {
            throw new IllegalStateException("the command did not do what was measured (exit " + r.exitCode()
                    + "), expected “" + text + "”: " + r.out() + r.err());
        }
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String last(List<Double> l) {
        return Report.number(l.get(l.size() - 1));
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The PDFs read from the records folder, everything else from memory, zipped to a file and synced. */
    private static void zipLikeExport(Map<String, byte[]> entries, Path records, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                byte[] content = e.getKey().startsWith(org.epaworkbench.sync.PackageFormat.PDFS)
                        ? Files.readAllBytes(records.resolve(e.getKey().substring(org.epaworkbench.sync.PackageFormat.PDFS.length()))) : e.getValue();
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void unzipTo(byte[] zip, Path folder) throws IOException {
        for (Map.Entry<String, byte[]> e : unzip(zip).entrySet()) {
            Path p = folder.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }
}
