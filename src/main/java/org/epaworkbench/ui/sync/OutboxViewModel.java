package org.epaworkbench.ui.sync;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epaworkbench.Wording;
import org.epaworkbench.app.CertificateFiles;
import org.epaworkbench.app.Delivery;
import org.epaworkbench.app.ExportFlow;
import org.epaworkbench.store.SignedRecords.SignedRecord;

/**
 * The Outbox screen's state and decisions: what waits to be exported and the packages made, what the
 * summary says, and what an export needs before it runs (a folder, the organisation's certificate when
 * encrypting). No nodes: the view builds them and binds; tested with plain JUnit.
 */
public final class OutboxViewModel {

    /** Questions to the assessor, on the FX thread; each empty when they cancel. */
    public interface Asker {
        /** The folder to export to (a USB stick, a synced folder). */
        Optional<Path> folder();

        /** The organisation's certificate file to encrypt to. */
        Optional<Path> certificate();

        /** Tells of a problem that stops the export. */
        void problem(String title, String message);
    }

    /** The outbox as read: what waits, the packages, and whether sample data is here. */
    public record Loaded(Delivery.Waiting pending, List<Delivery.Package> packages, boolean sample) {
    }

    private final Delivery delivery;
    private final ObservableList<SignedRecord> pending = FXCollections.observableArrayList();
    private final ObservableList<Delivery.Package> packages = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty nothingWaiting = new SimpleBooleanProperty(true);
    private final BooleanProperty encrypt = new SimpleBooleanProperty(false);
    private List<String> pendingSessions = List.of();

    public OutboxViewModel(Delivery delivery) {
        this.delivery = delivery;
    }

    public ObservableList<SignedRecord> pending() {
        return pending;
    }

    public ObservableList<Delivery.Package> packages() {
        return packages;
    }

    public StringProperty summary() {
        return summary;
    }

    /** True while nothing waits: "Export all pending" has nothing to do. */
    public BooleanProperty nothingWaiting() {
        return nothingWaiting;
    }

    /** Whether the package is encrypted to the organisation's certificate. */
    public BooleanProperty encrypt() {
        return encrypt;
    }

    /** The sessions with changes not yet exported, as last read. */
    public List<String> pendingSessions() {
        return pendingSessions;
    }

    /** Reads the outbox; off the FX thread. */
    public Loaded load() throws SQLException {
        return new Loaded(delivery.pending(), delivery.packages(), delivery.sampleDataPresent());
    }

    /** Shows what was read; on the FX thread. */
    public void show(Loaded loaded) {
        pending.setAll(loaded.pending().records());
        pendingSessions = loaded.pending().sessionIds();
        packages.setAll(loaded.packages());
        summary.set(summaryOf(loaded));
        nothingWaiting.set(loaded.pending().isEmpty());
    }

    public void cannotRead(Throwable failure) {
        summary.set("Cannot read the outbox: " + failure.getMessage());
    }

    static String summaryOf(Loaded loaded) {
        return Wording.count(loaded.pending().records().size(), "signed record") + " and "
                + Wording.count(loaded.pending().sessionIds().size(), "session") + " with unexported changes waiting. "
                + "A package carries each session's whole event log, so exporting again never does harm."
                + (loaded.sample() ? " Sample data is never exported." : "");
    }

    /**
     * What to export ({@code all} pending, or the chosen records) and where, asking for the folder and, when
     * encrypting, the organisation's certificate; empty when the assessor cancels or the certificate is not one.
     */
    public Optional<ExportFlow.Request> request(boolean all, List<String> chosenRecordIds, Asker asker) {
        Optional<Path> folder = asker.folder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        X509Certificate recipient = null;
        if (encrypt.get()) {
            Optional<Path> file = asker.certificate();
            if (file.isEmpty()) {
                return Optional.empty();
            }
            try {
                recipient = CertificateFiles.read(file.get());
            } catch (Exception e) {
                asker.problem("Not a certificate", file.get() + " is not a PEM certificate: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new ExportFlow.Request(folder.get(), all, chosenRecordIds, recipient));
    }

    /** The export itself; off the FX thread, in the long-flow lane. The password is wiped when done. */
    public ExportFlow.Outcome export(ExportFlow.Request request, char[] password, ExportFlow.Progress progress) {
        return new ExportFlow(delivery).run(request, password, progress);
    }

    /** Marks a package handed over; off the FX thread. */
    public boolean markUploaded(Delivery.Package p) throws SQLException {
        return delivery.markUploaded(p.packageId());
    }
}
