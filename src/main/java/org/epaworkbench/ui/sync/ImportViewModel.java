package org.epaworkbench.ui.sync;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.CertificateFiles;
import org.epaworkbench.app.ImportFlow;
import org.epaworkbench.app.Importing;
import org.epaworkbench.app.Organisation;

/**
 * The Import screen's state and decisions: the organisation roots, the signer register, trust on first
 * use and the conflicts; choosing a package, opening it with the right key, checking it and importing it
 * (one {@link ImportFlow} per package, in the long-flow lane); and what each step says. No nodes: the
 * view builds them and binds; tested with plain JUnit.
 */
public final class ImportViewModel {

    /** Questions to the office, on the FX thread; each empty (or false) when they cancel. */
    public interface Asker {
        boolean confirm(String title, String question, String action);

        Optional<char[]> password(String title, String header, String action);

        Optional<String> choose(String title, String header, List<String> choices);

        Optional<String> reason(String title, String question, String example);
    }

    /**
     * What the screen says under the package bar: a message ({@code bad}: a refusal or a failure), or what a
     * package did or would do ({@code report}) with the notices its import gave, and whether to offer
     * "Import" for a package just checked.
     */
    public record Shown(String text, boolean bad, boolean report, List<String> notices, boolean offerImport) {
        static Shown ok(String text) {
            return new Shown(text, false, false, List.of(), false);
        }

        static Shown bad(String text) {
            return new Shown(text, true, false, List.of(), false);
        }
    }

    /** The roots, register, first-use setting and conflicts, read together. */
    public record Loaded(boolean firstUse, List<Importing.Root> roots, List<Importing.Signer> register,
            List<Importing.Conflict> conflicts) {
    }

    /** A conflict to resolve: the version kept and why. */
    public record Resolution(Importing.Conflict conflict, Importing.Version kept, String reason) {
    }

    static final String NOT_OPENED = "The package was not opened; nothing was imported.";

    private final Importing importing;
    private final AssessorIdentity identity;
    private final ImportFlow.Importer importer;
    private final ObservableList<Importing.Root> roots = FXCollections.observableArrayList();
    private final ObservableList<Importing.Signer> register = FXCollections.observableArrayList();
    private final ObservableList<Importing.Conflict> conflicts = FXCollections.observableArrayList();
    private final BooleanProperty firstUse = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> organisationKey = new SimpleObjectProperty<>();
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>();
    private ImportFlow checked;

    /** {@code identity}: this data folder's own key, which opens packages encrypted to it. */
    public ImportViewModel(Importing importing, AssessorIdentity identity) {
        this(importing, identity, importing::importPackage);
    }

    /** With the import itself given (a test's slow one). */
    ImportViewModel(Importing importing, AssessorIdentity identity, ImportFlow.Importer importer) {
        this.importing = importing;
        this.identity = identity;
        this.importer = importer;
    }

    public ObservableList<Importing.Root> roots() {
        return roots;
    }

    public ObservableList<Importing.Signer> register() {
        return register;
    }

    public ObservableList<Importing.Conflict> conflicts() {
        return conflicts;
    }

    /** Trust on first use, as the check box shows it. */
    public BooleanProperty firstUse() {
        return firstUse;
    }

    /** The organisation's PKCS#12 that opens encrypted packages, or null for this data folder's own key. */
    public ObjectProperty<Path> organisationKey() {
        return organisationKey;
    }

    /** What the screen says now; null until something happened. */
    public ObjectProperty<Shown> shown() {
        return shown;
    }

    /** Which key opens encrypted packages, in words. */
    public String keyChoice() {
        Path p12 = organisationKey.get();
        return p12 == null ? "Encrypted packages are opened with this data folder's own key."
                : "Encrypted packages are opened with the organisation key " + p12.getFileName() + ".";
    }

    /** Reads the roots, register, setting and conflicts; off the FX thread. */
    public Loaded load() throws SQLException {
        return new Loaded(importing.trustOnFirstUse(), importing.roots(), importing.register(), importing.conflicts());
    }

    /** Shows what was read; on the FX thread. */
    public void show(Loaded l) {
        firstUse.set(l.firstUse());
        roots.setAll(l.roots());
        register.setAll(l.register());
        conflicts.setAll(l.conflicts());
    }

    public void cannotRead(Throwable failure) {
        shown.set(Shown.bad("Cannot read the register: " + failure.getMessage()));
    }

    /**
     * The office ticked or unticked trust on first use: turning it on asks first (whoever reaches the
     * office first would be trusted). True when the choice stands and is to be saved ({@link #saveFirstUse}).
     */
    public boolean chooseFirstUse(boolean on, Asker asker) {
        if (on && !asker.confirm("Trust on first use", "Pin the certificate of any assessor not trusted here "
                + "when their first package arrives? Anyone can make a certificate with an assessor's name: whoever reaches "
                + "this office first would be trusted as that assessor. Installing the organisation's root is safer.",
                "Trust on first use")) {
            firstUse.set(false);
            return false;
        }
        firstUse.set(on);
        return true;
    }

    /** Saves trust on first use; off the FX thread. */
    public void saveFirstUse(boolean on) throws SQLException {
        importing.trustOnFirstUse(on);
    }

    /**
     * Starts the flow for a package (on the FX thread): an encrypted one asks for the password of the key
     * that opens it. Empty when the office cancels or the file cannot be read (then said).
     */
    public Optional<ImportFlow> open(Path file, Asker asker) {
        boolean encrypted;
        try {
            encrypted = Importing.encrypted(file);
        } catch (Exception e) {
            shown.set(Shown.bad("Cannot read " + file + ": " + e.getMessage()));
            return Optional.empty();
        }
        boolean firstUseNow = firstUse.get();
        if (!encrypted) {
            return Optional.of(new ImportFlow(importer, file, null, firstUseNow));
        }
        Path orgKey = organisationKey.get();
        String which = orgKey == null ? "this data folder's signing key" : orgKey.getFileName().toString();
        return asker.password("Open an encrypted package", "The package is encrypted for the organisation. It is opened with "
                + which + ".", "Open").map(pw -> new ImportFlow(importer, file, () -> {
                    try {
                        return orgKey == null ? identity.unlock(pw, NOT_OPENED).privateKey()
                                : AssessorIdentity.privateKeyOf(orgKey, pw, NOT_OPENED);
                    } finally {
                        Arrays.fill(pw, '\0');
                    }
                }, firstUseNow));
    }

    /** Shows how checking the package ended; a package checked is offered for import. On the FX thread. */
    public void checked(ImportFlow flow, ImportFlow.Outcome outcome) {
        checked = outcome instanceof ImportFlow.Succeeded ? flow : null;
        shown.set(said(outcome, true));
    }

    /** The package last checked, to import; null when none is. */
    public ImportFlow toImport() {
        return checked;
    }

    /** Shows how the import ended. On the FX thread. */
    public void imported(ImportFlow.Outcome outcome) {
        checked = null;
        shown.set(said(outcome, false));
    }

    static Shown said(ImportFlow.Outcome outcome, boolean checking) {
        if (outcome instanceof ImportFlow.Succeeded s) {
            return new Shown(s.summary(), false, true, s.imported().notices(), checking);
        }
        if (outcome instanceof ImportFlow.Failed f) {
            return Shown.bad(f.message());
        }
        return Shown.bad("Stopped: nothing was imported.");
    }

    /** The flow failed in a way it could not say itself. */
    public void failed(Throwable failure) {
        checked = null;
        shown.set(Shown.bad("Not imported: " + failure.getMessage()));
    }

    /** Trusts an organisation root, as {@code org trust} does; off the FX thread. */
    public Shown trustRoot(Path file) {
        try {
            Organisation.TrustedRoot added = importing.trustRoot(file);
            return Shown.ok((added.alreadyThere() ? "Already trusted: " : "Now trusted: ") + added.subject()
                    + " (SHA-256 " + added.fingerprint() + "). Check this SHA-256 with your organisation.");
        } catch (Exception e) {
            return Shown.bad("Not trusted: " + e.getMessage());
        }
    }

    /** Asks before a root stops being trusted (on the FX thread). */
    public boolean confirmRemove(Importing.Root r, Asker asker) {
        return r != null && asker.confirm("Remove an organisation root", "Stop trusting " + r.subject()
                + "? Records and packages signed with certificates it issued will no longer be trusted here.", "Remove");
    }

    /** Stops trusting a root; off the FX thread. */
    public Shown removeRoot(Importing.Root r) {
        try {
            importing.removeRoot(r.fingerprint());
            return Shown.ok("No longer trusted: " + r.subject() + ".");
        } catch (Exception e) {
            return Shown.bad("Not removed: " + e.getMessage());
        }
    }

    /** Adds an assessor's certificate to the register ahead of their first package; off the FX thread. */
    public Shown addCertificate(Path file) {
        try {
            Importing.SignerAdded added = importing.addSigner(CertificateFiles.read(file));
            return Shown.ok((added.alreadyThere() ? "Already in the register: " : "Added to the register: ")
                    + added.signer().subject() + " (" + added.signer().assessorKey() + ").");
        } catch (CertificateException e) {
            return Shown.bad("Not added: " + file + " is not a certificate (PEM or DER expected).");
        } catch (Exception e) {
            return Shown.bad("Not added: " + e.getMessage());
        }
    }

    /** Asks before a signer leaves the register (on the FX thread). */
    public boolean confirmRemove(Importing.Signer s, Asker asker) {
        return s != null && asker.confirm("Remove a signer", "Remove " + s.subject() + " (" + s.assessorKey()
                + ") from the register? Their packages will be refused unless their certificate is issued by an "
                + "organisation root installed here.", "Remove");
    }

    /** Takes a signer out of the register; off the FX thread. */
    public Shown removeSigner(Importing.Signer s) {
        try {
            importing.removeSigner(s.assessorKey());
            return Shown.ok("Removed " + s.assessorKey() + " from the register.");
        } catch (Exception e) {
            return Shown.bad("Not removed: " + e.getMessage());
        }
    }

    /** Asks which version of a conflict is the record, and why (on the FX thread); empty when cancelled. */
    public Optional<Resolution> resolution(Importing.Conflict c, Asker asker) {
        List<String> choices = c.versions().stream().map(v -> v.eventId() + " — device "
                + v.deviceId().substring(0, Math.min(8, v.deviceId().length())) + " — " + v.description()).toList();
        Optional<String> chosen = asker.choose("Resolve conflict", "Which version is the record? The other stays stored.", choices);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Importing.Version kept = c.versions().get(choices.indexOf(chosen.get()));
        return asker.reason("Resolve conflict", "Why this version?", "e.g. confirmed with the assessor")
                .map(String::strip).filter(r -> !r.isEmpty()).map(reason -> new Resolution(c, kept, reason));
    }

    /** Keeps the version chosen; off the FX thread. */
    public Shown resolve(Resolution r) {
        try {
            return importing.resolve(r.conflict().sessionId(), r.conflict().seq(), r.kept().eventId(), r.reason())
                    ? Shown.ok("Resolved: event " + r.kept().eventId() + " is the record at position " + r.conflict().seq() + ".")
                    : Shown.bad("Not resolved: the conflict was resolved already.");
        } catch (Exception e) {
            return Shown.bad("Not resolved: " + e.getMessage());
        }
    }
}
