package org.epaworkbench.ui.sync;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epaworkbench.Wording;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.AutomaticDelivery;
import org.epaworkbench.app.Delivery;
import org.epaworkbench.app.OrganisationDelivery;
import org.epaworkbench.store.Deliveries;
import org.epaworkbench.sync.Receipt;
import org.epaworkbench.ui.common.Runner;

/**
 * Delivery to the organisation as the Outbox shows it (issue 15): the packages made for the intake service
 * and where each stands, the status line and progress bar of the automatic delivery, and what "Deliver now",
 * "Unlock to deliver", "Show receipt" and "Export receipt…" do. One per window: the main window lets it ask
 * for the key once per run. No nodes: tested with plain JUnit.
 */
public final class DeliveryViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    /** One package's line in the deliveries table. */
    public record Row(Deliveries.Delivery delivery, String contents, String state, String when, boolean localCopyKept) {
        public String packageId() {
            return delivery.packageId();
        }

        public boolean delivered() {
            return delivery.state() == Deliveries.State.DELIVERED;
        }

        /** The service refused it: "Deliver again" can send it once the office has put the reason right. */
        public boolean refused() {
            return delivery.state() == Deliveries.State.REFUSED;
        }
    }

    /** How asking for the key ended. */
    public sealed interface Unlock {
    }

    /** Unlocked: delivery goes on by itself for the rest of this run. */
    public record Unlocked() implements Unlock {
    }

    /** Not the password: ask again, saying so. */
    public record WrongPassword(String message) implements Unlock {
    }

    /** Something else stopped it (no key here, a damaged key store). */
    public record Failed(String message) implements Unlock {
    }

    private final OrganisationDelivery delivery;
    private final Delivery outbox;
    private final AutomaticDelivery automatic;
    private final Runner runner;
    private final Consumer<Runnable> fx;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty delivering = new SimpleBooleanProperty(false);
    private final BooleanProperty locked = new SimpleBooleanProperty(false);
    private final BooleanProperty setUp = new SimpleBooleanProperty(false);
    private AutomaticDelivery.Status current = new AutomaticDelivery.Status(AutomaticDelivery.Phase.NOT_SET_UP, "", null, 0, null);
    private boolean askedThisRun;
    private boolean started;
    private Runnable keyNeeded = () -> { };

    /**
     * @param fx hands work to the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param runner runs reads and writes off the FX thread
     */
    public DeliveryViewModel(OrganisationDelivery delivery, Delivery outbox, AutomaticDelivery automatic, Runner runner,
            Consumer<Runnable> fx, ZoneId zone) {
        this.delivery = delivery;
        this.outbox = outbox;
        this.automatic = automatic;
        this.runner = runner;
        this.fx = fx;
        this.zone = zone;
        automatic.listen(s -> fx.accept(() -> show(s)));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** The status line: where delivery stands as a whole. */
    public StringProperty status() {
        return status;
    }

    /** The share of the package being sent that the service holds (0 to 1). */
    public DoubleProperty progress() {
        return progress;
    }

    /** True while a package is being sent: the progress bar shows. */
    public ReadOnlyBooleanProperty delivering() {
        return delivering;
    }

    /** True while delivery waits for the key ("Unlock to deliver" shows). */
    public ReadOnlyBooleanProperty locked() {
        return locked;
    }

    /** True once the organisation's service is set up ("Deliver now" can do something). */
    public ReadOnlyBooleanProperty setUp() {
        return setUp;
    }

    /** Called (on the FX thread) when delivery first needs the key in this run: the window asks for it once. */
    public void onKeyNeeded(Runnable ask) {
        this.keyNeeded = ask;
    }

    /** Starts the automatic delivery (the app's window, once it shows). */
    public void start() {
        started = true;
        automatic.start();
    }

    /** The delivery settings were saved: look again at once (a new service is tried now). */
    public void settingsChanged() {
        if (started) {
            automatic.start();
        }
        reload();
    }

    /** Shows a status of the automatic delivery; on the FX thread. */
    void show(AutomaticDelivery.Status s) {
        AutomaticDelivery.Phase before = current.phase();
        current = s;
        status.set(s.words());
        setUp.set(s.phase() != AutomaticDelivery.Phase.NOT_SET_UP);
        boolean sending = s.phase() == AutomaticDelivery.Phase.DELIVERING;
        delivering.set(sending);
        progress.set(sending && s.delivery() != null && s.delivery().sizeBytes() > 0
                ? Math.min(1.0, (double) s.bytesHeld() / s.delivery().sizeBytes()) : 0);
        locked.set(s.phase() == AutomaticDelivery.Phase.NEEDS_KEY || s.phase() == AutomaticDelivery.Phase.PAUSED);
        if (s.phase() == AutomaticDelivery.Phase.NEEDS_KEY && !askedThisRun) {
            keyNeeded.run();
        }
        if (before != s.phase() || sending && s.bytesHeld() == 0) {
            reload();
        } else if (sending) {
            rows.replaceAll(r -> r.packageId().equals(s.delivery().packageId()) ? rowOf(r.delivery(), r.contents(), r.localCopyKept()) : r);
        }
    }

    /**
     * Whether to ask for the key now: delivery needs it and it has not been asked for in this run. Asking
     * counts as asked (the answer may be "not now"): the next time it is the assessor who asks, by "Unlock to deliver".
     */
    public boolean askNow() {
        if (askedThisRun || current.phase() != AutomaticDelivery.Phase.NEEDS_KEY) {
            return false;
        }
        askedThisRun = true;
        return true;
    }

    /** Unlocks the key with {@code password}, off the FX thread; {@code then} hears how it ended, on the FX thread. */
    public void unlock(char[] password, Consumer<Unlock> then) {
        askedThisRun = true;
        runner.run(() -> {
            automatic.unlock(password);
            return (Unlock) new Unlocked();
        }, then, failure -> then.accept(AssessorIdentity.wrongPassword(failure) ? new WrongPassword(failure.getMessage())
                : new Failed(failure.getMessage())));
    }

    /** The assessor would not unlock the key: "Delivery paused — unlock to deliver". */
    public void decline() {
        askedThisRun = true;
        automatic.decline();
    }

    /**
     * "Deliver now": every package waiting goes now, whatever its next try. Returns false when the key is
     * still locked: the view asks for it first (unlocking delivers).
     */
    public boolean deliverNow() {
        if (!automatic.unlocked()) {
            return false;
        }
        automatic.deliverNow();
        return true;
    }

    /**
     * "Deliver again" on a refused package (the office has imported the plan it names, or registered the
     * assessor): it waits again and goes now, or as soon as the key is unlocked. Returns false when the key is
     * still locked: the view asks for it (unlocking delivers). {@code failed} hears a problem, on the FX thread.
     */
    public boolean deliverAgain(Row row, Consumer<String> failed) {
        boolean unlocked = automatic.unlocked();
        if (!unlocked) {
            askedThisRun = true; // the view asks for the key now: the round this starts must not ask a second time
        }
        runner.run(() -> {
            automatic.deliverAgain(row.packageId());
            return row;
        }, done -> reload(), failure -> failed.accept(failure.getMessage()));
        return unlocked;
    }

    /** Reads the deliveries again, off the FX thread. */
    public void reload() {
        runner.run(this::load, loaded -> rows.setAll(loaded), failure -> status.set("Cannot read the deliveries: "
                + failure.getMessage()));
    }

    List<Row> load() throws Exception {
        Map<String, Delivery.Package> packages = outbox.packages().stream()
                .collect(Collectors.toMap(Delivery.Package::packageId, Function.identity(), (a, b) -> a));
        List<Row> out = new ArrayList<>();
        for (Deliveries.Delivery d : delivery.deliveries()) {
            Delivery.Package p = packages.get(d.packageId());
            String contents = p == null ? "" : Wording.count(p.records(), "record") + ", " + Wording.count(p.sessions(), "session");
            out.add(rowOf(d, contents, delivery.localCopyKept(d)));
        }
        return out;
    }

    private Row rowOf(Deliveries.Delivery d, String contents, boolean kept) {
        return new Row(d, contents, stateOf(d, current, zone), whenOf(d, zone), kept);
    }

    /** Where one package stands, in words: waiting (next try, last problem), delivering (how far), delivered, refused (why). */
    static String stateOf(Deliveries.Delivery d, AutomaticDelivery.Status now, ZoneId zone) {
        if (now.phase() == AutomaticDelivery.Phase.DELIVERING && now.delivery() != null
                && now.delivery().packageId().equals(d.packageId()) && d.state() == Deliveries.State.WAITING) {
            long pct = d.sizeBytes() == 0 ? 0 : Math.min(100, now.bytesHeld() * 100 / d.sizeBytes());
            return "Delivering (" + pct + "%)";
        }
        return switch (d.state()) {
            case DELIVERED -> "Delivered, receipt kept";
            case REFUSED -> "Refused: " + d.problem();
            case WAITING -> d.attempts() == 0 ? "Waiting"
                    : "Waiting" + (d.nextAttemptAt() == null ? "" : ", next try " + WHEN.format(d.nextAttemptAt().atZone(zone)))
                            + (d.problem() == null ? "" : "; last problem: " + d.problem());
        };
    }

    /** When: the receipt's time for a delivered package, the last try otherwise. */
    static String whenOf(Deliveries.Delivery d, ZoneId zone) {
        if (d.state() == Deliveries.State.DELIVERED && d.receivedAt() != null) {
            return "received " + WHEN.format(d.receivedAt().atZone(zone));
        }
        return d.lastAttemptAt() == null ? "not tried yet" : "tried " + WHEN.format(d.lastAttemptAt().atZone(zone));
    }

    /** The receipt of a delivered package, in the words "Show receipt" gives; off the FX thread. */
    public Optional<String> receiptText(Row row) throws Exception {
        Optional<OrganisationDelivery.ShownReceipt> shown = delivery.shownReceipt(row.delivery());
        return shown.map(s -> receiptText(s, zone));
    }

    static String receiptText(OrganisationDelivery.ShownReceipt shown, ZoneId zone) {
        Receipt r = shown.receipt();
        return "Package: " + r.packageId() + "\n"
                + "SHA-256: " + r.sha256() + "\n"
                + "Accepted: " + Wording.count(r.sessions().size(), "session") + " and " + Wording.count(r.records().size(), "record")
                + "\n"
                + "Received at: " + WHEN.format(r.receivedAt().atZone(zone)) + " (" + r.receivedAt() + ")\n"
                + "Signed by: " + shown.signedBy();
    }

    /** Writes the receipt (JSON and its .p7s signature) to {@code folder}; off the FX thread. Returns what was written, in words. */
    public String exportReceipt(Row row, Path folder) throws Exception {
        List<Path> files = delivery.exportReceipt(row.delivery(), folder);
        return "The receipt of package " + row.packageId() + " was written to " + folder + ": " + files.get(0).getFileName()
                + " and its signature " + files.get(1).getFileName() + ".";
    }
}
