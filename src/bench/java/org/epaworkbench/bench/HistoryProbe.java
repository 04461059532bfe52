package org.epaworkbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.ui.StartupProbe;

/**
 * Child JVMs of the {@code history} group (issue 17).
 *
 * <p>{@code screens DATA_DIR APPRENTICE_ID}: the real main window over a data folder (as {@link FxDriver} shows it,
 * under Monocle headless); prints {@code EPA-BENCH main-ready SECONDS} once its home lists are loaded, then opens
 * Records, Outbox and the apprentice's EPA screen by their buttons and prints {@code EPA-BENCH open-<screen> MS}:
 * the time from the click to the end of the first layout pulse that shows the screen's first rows (its table has
 * rows; for the apprentice, the title and tabs are filled). Then searches the apprentices on the home screen
 * keystroke by keystroke (a name, a ULN, an employer): {@code EPA-BENCH search-<kind> ms,ms,...} from setting the
 * search field's text to the end of the first layout pulse whose table (or count) shows the expected matches; and
 * the same keystrokes into a plain text field of a small window that filters nothing ({@code search-baseline}),
 * which is the pulse's own latency. Finally opens Import and Plans too, collects garbage and prints
 * {@code EPA-BENCH heap usedAfterGc committed peakSum max}.
 *
 * <p>{@code import DATA_DIR PACKAGE}: imports the package with the {@code import} command (in this JVM, as the
 * command line runs it) into the empty data folder, sampling used heap every 20 ms; prints
 * {@code EPA-BENCH imported SECONDS peakSampled peakSum usedAfterGc max exitCode}.
 */
public final class HistoryProbe {

    private static final long STEP_SECONDS = Long.getLong("bench.history.stepSeconds", 300);

    private HistoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        org.epaworkbench.Logging.configure();
        if (args[0].equals("import")) {
            importPackage(Path.of(args[1]), Path.of(args[2]));
            System.exit(0);
        }
        FxDriver.startToolkit();
        long t0 = System.nanoTime();
        try (FxDriver d = FxDriver.mainWindow(Path.of(args[1]))) {
            StartupProbe.mark("main-ready " + (System.nanoTime() - t0) / 1e9);
            open(d, "records", () -> nav(d, "nav-records"), s -> hasRows(s, "#records-table"));
            open(d, "outbox", () -> nav(d, "nav-outbox"), s -> hasRows(s, "#outbox-records"));
            Apprentice a = d.workbench.people().apprentice(args[2]).orElseThrow();
            open(d, "apprentice", () -> d.main.openApprentice(a.id()), s -> {
                Node title = s.lookup("#apprentice-title");
                Node tabs = s.lookup("#apprentice-tabs");
                return title instanceof Label l && a.name().equals(l.getText()) && tabs instanceof TabPane t
                        && !t.getTabs().isEmpty();
            });
            d.fx(() -> nav(d, "nav-sessions"));
            d.drain();
            search(d);
            d.fx(() -> nav(d, "nav-import"));
            d.drain();
            d.fx(() -> nav(d, "nav-plans"));
            d.drain();
            d.fx(() -> nav(d, "nav-records"));
            d.drain();
            d.fx(() -> nav(d, "nav-outbox"));
            d.drain();
            Thread.sleep(1_000);
            heap();
        }
        System.exit(0);
    }

    private static void nav(FxDriver d, String id) {
        ((ToggleButton) d.scene.lookup("#" + id)).fire();
    }

    private static boolean hasRows(Scene s, String id) {
        Node n = s.lookup(id);
        return n instanceof TableView<?> t && !t.getItems().isEmpty() && t.isVisible() && t.getScene() != null
                || n instanceof ListView<?> l && !l.getItems().isEmpty();
    }

    /** Runs {@code action} on the FX thread and times it to the end of the first layout pulse after which {@code shown} holds. */
    private static double untilShown(FxDriver d, Scene scene, Runnable action, Predicate<Scene> shown) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        long[] start = new long[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!done.isDone() && shown.test(scene)) {
                done.complete((System.nanoTime() - start[0]) / 1e6);
                Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            }
        };
        d.fx(() -> {
            scene.addPostLayoutPulseListener(listener[0]);
            start[0] = System.nanoTime();
            action.run();
            Platform.requestNextPulse();
        });
        try {
            return done.get(STEP_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            d.fx(() -> scene.removePostLayoutPulseListener(listener[0]));
            return Double.NaN;
        }
    }

    private static void open(FxDriver d, String what, Runnable click, Predicate<Scene> shown) throws Exception {
        double ms = untilShown(d, d.scene, click, shown);
        StartupProbe.mark("open-" + what + " " + ms);
        d.drain();
    }

    /** Keystrokes into the home screen's apprentice search, and into a plain field (the baseline). */
    private static void search(FxDriver d) throws Exception {
        List<Apprentice> all = d.workbench.people().apprentices();
        Apprentice someone = all.get(all.size() / 2);
        String[][] queries = {
            {"name", someone.name()},
            {"uln", someone.uln().value()},
            {"employer", someone.employer()},
        };
        Stage[] plain = new Stage[1];
        TextField field = new TextField();
        d.fx(() -> {
            plain[0] = new Stage();
            plain[0].setScene(new Scene(new StackPane(field), 400, 100));
            plain[0].show();
        });
        Node node = d.call(() -> d.scene.lookup("#apprentice-search"));
        if (!(node instanceof TextField search)) {
            throw new IllegalStateException("no apprentice search field on the home screen");
        }
        List<Double> baseline = new ArrayList<>();
        long scanNanos = 0;
        int scans = 0;
        for (String[] q : queries) {
            List<Double> times = new ArrayList<>();
            for (int i = 1; i <= q[1].length(); i++) {
                String typed = q[1].substring(0, i);
                String query = typed.strip().toLowerCase(Locale.ROOT);
                long s0 = System.nanoTime();
                long expected = all.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).contains(query)
                        || a.employer().toLowerCase(Locale.ROOT).contains(query)
                        || a.uln().value().contains(query.replace(" ", ""))).count();
                scanNanos += System.nanoTime() - s0;
                scans++;
                times.add(untilShown(d, d.scene, () -> search.setText(typed), s -> showsMatches(s, expected)));
                baseline.add(untilShown(d, plain[0].getScene(), () -> field.setText(typed), s -> typed.equals(field.getText())));
            }
            d.fx(() -> search.setText(""));
            d.drain();
            StartupProbe.mark("search-" + q[0] + " " + join(times));
        }
        StartupProbe.mark("search-baseline " + join(baseline));
        StartupProbe.mark("search-scan " + scanNanos / 1e6 / scans);
        d.fx(() -> plain[0].close());
    }

    private static boolean showsMatches(Scene s, long expected) {
        Node table = s.lookup("#apprentice-table");
        if (table instanceof TableView<?> t && t.getItems().size() == expected) {
            return true;
        }
        Node count = s.lookup("#apprentice-count");
        return count instanceof Label l && l.getText() != null && l.getText().replace(",", "").startsWith(expected + " ");
    }

    private static String join(List<Double> values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }

    private static void heap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        StartupProbe.mark("heap " + heap.getUsed() + " " + heap.getCommitted() + " " + poolPeaks() + " "
                + Runtime.getRuntime().maxMemory());
    }

    private static long poolPeaks() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void importPackage(Path office, Path pkg) throws Exception {
        long[] sampled = new long[1];
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled[0] = Math.max(sampled[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        CliRunner.Run r = new CliRunner(office).run("import", pkg.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println(r.out());
        System.err.println(r.err());
        String said = (r.err().isBlank() ? r.out() : r.err()).strip().replace('\n', ' ');
        StartupProbe.mark("import-said " + (said.length() > 300 ? said.substring(0, 300) + "…" : said));
        StartupProbe.mark("imported " + seconds + " " + sampled[0] + " " + poolPeaks() + " " + used + " "
                + Runtime.getRuntime().maxMemory() + " " + r.exitCode());
    }
}
