package org.epaworkbench.ui.records;

import org.epaworkbench.ui.common.Runner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.CertificateDetails;
import org.epaworkbench.app.Records;
import org.epaworkbench.app.Verification;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.ui.common.Dates;

/**
 * The Records screen's state and decisions (issue 14): the signed records with what each is about, the
 * signing identity in a line, making a certificate request, installing the issued certificate or the
 * organisation's key, and verifying a record; what to say after each. No JavaFX nodes: the view binds
 * to it and hands it the password dialog; tests run the work in place and answer the dialog themselves.
 */
public final class RecordsViewModel {


    /** The question the screen asks: the keystore password ({@code exists}: to open it, else a new one twice); empty if cancelled. */
    public interface Passwords {
        Optional<char[]> password(boolean exists);
    }

    /** The assessor's profile, as the request names them. */
    public interface Profile {
        Optional<AssessorProfile> assessor() throws Exception;
    }

    /** What the screen shows under the table. */
    public sealed interface Shown permits Message, Verified {
    }

    /** A message; {@code id} names it for tests and screen readers (may be null). */
    public record Message(String id, String text) implements Shown {
    }

    /** The result of verifying a record. */
    public record Verified(Verification.Checked checked) implements Shown {
    }

    static final String REQUEST_MESSAGE = "request-message";

    private final Records records;
    private final AssessorIdentity identity;
    private final Verification verification;
    private final Profile profile;
    private final Runner runner;
    private final ZoneId zone;
    private final ObservableList<SignedRecord> rows = FXCollections.observableArrayList();
    private Records.Listing listing = Records.Listing.EMPTY;
    private final StringProperty identityLine = new SimpleStringProperty("");
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>();

    public RecordsViewModel(Records records, AssessorIdentity identity, Verification verification, Profile profile,
            Runner runner, ZoneId zone) {
        this.records = records;
        this.identity = identity;
        this.verification = verification;
        this.profile = profile;
        this.runner = runner;
        this.zone = zone;
    }

    /** The signed records, newest first. */
    public ObservableList<SignedRecord> rows() {
        return rows;
    }

    /** What a row's record is about. */
    public Records.About about(SignedRecord r) {
        return listing.about(r);
    }

    /** The signing identity in a line: who signs, issued by whom, its fingerprint and until when it is valid. */
    public ReadOnlyStringProperty identityLineProperty() {
        return identityLine;
    }

    /** What is shown under the table: a message or a verification; null for nothing yet. */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown;
    }

    /** Where a record's PDF is. */
    public Path fileOf(SignedRecord r) {
        return records.fileOf(r);
    }

    /** Reads the identity and the records again. */
    public void reload() {
        runner.run(identity::details, details -> identityLine.set(identityLine(details, zone)),
                failure -> identityLine.set("The signing certificate cannot be read: " + failure.getMessage()));
        runner.run(records::listing, loaded -> {
            listing = loaded;
            rows.setAll(loaded.newestFirst());
        }, failure -> shown.set(new Message(null, "Cannot read the records: " + failure.getMessage())));
    }

    /** The identity line for {@code details} (none yet: how one comes to be). */
    static String identityLine(Optional<CertificateDetails> details, ZoneId zone) {
        return details.map(c -> "Signing as " + c.commonName() + " — " + (c.selfSigned() ? "self-signed" : "issued by " + c.issuer())
                + ", certificate SHA-256 " + c.fingerprint().substring(0, 16) + "…, valid until "
                + Dates.show(c.validUntil().atZone(zone).toLocalDate()))
                .orElse("No signing identity yet: it is created, with a password you choose, the first time you sign. "
                        + "Or import the PKCS#12 file your organisation issued.");
    }

    /**
     * Writes a certificate signing request for this data folder's key to {@code out}, creating the key
     * first (with a new password) if there is none, as {@code keys request} does. A request names the
     * assessor as the profile does, so there must be a real profile (not the sample one).
     */
    public void requestCertificate(Path out, Passwords passwords) {
        runner.run(profile::assessor, assessor -> {
            if (assessor.isEmpty() || assessor.get().sample()) {
                shown.set(new Message(null, "Set your assessor profile first (Assessor, at the top): the request names you "
                        + "as it does."));
                return;
            }
            passwords.password(identity.exists()).ifPresent(password -> runner.run(() -> {
                try {
                    if (!identity.exists()) {
                        identity.create(assessor.get(), password);
                    }
                    Files.writeString(out, identity.certificateRequest(assessor.get(), password), StandardCharsets.US_ASCII);
                    return out;
                } finally {
                    Arrays.fill(password, '\0');
                }
            }, written -> {
                reload();
                shown.set(new Message(REQUEST_MESSAGE, "Saved " + written.getFileName() + ". Send it to your organisation's "
                        + "office; they issue your certificate from it (org certify). Your private key stays here."));
            }, failure -> shown.set(new Message(REQUEST_MESSAGE, "No request was made: " + failure.getMessage()))));
        }, failure -> shown.set(new Message(null, "Cannot read the assessor profile: " + failure.getMessage())));
    }

    /** Installs the certificate (and chain) the organisation issued for this key, as {@code keys install-certificate} does. */
    public void installCertificate(Path file, Passwords passwords) {
        if (!identity.exists()) {
            shown.set(new Message(REQUEST_MESSAGE, "There is no signing key here to install a certificate for. Make a request "
                    + "first (Request a certificate…)."));
            return;
        }
        passwords.password(true).ifPresent(password -> runner.run(() -> {
            try {
                return identity.installCertificate(file, password);
            } catch (CertificateException e) {
                throw new CertificateProblem(file.getFileName() + " is not a certificate (PEM or DER expected).", e);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, chain -> {
            reload();
            CertificateDetails installed = CertificateDetails.of(chain.get(0));
            shown.set(new Message(REQUEST_MESSAGE, "Installed: you now sign as " + installed.holder() + ", issued by "
                    + installed.issuer() + ". Records you sign from now on carry it."));
        }, failure -> shown.set(new Message(REQUEST_MESSAGE, "Not installed: " + failure.getMessage()))));
    }

    /** Installs the organisation's PKCS#12 as this data folder's signing identity. */
    public void importKey(Path p12, Passwords passwords) {
        passwords.password(true).ifPresent(password -> runner.run(() -> identity.importFrom(p12, password), cert -> reload(),
                failure -> shown.set(new Message(null, "Not imported: " + failure.getMessage()))));
    }

    /** Verifies a record listed here. */
    public void verify(SignedRecord r) {
        verify(records.fileOf(r));
    }

    /** Verifies a file and shows the result. */
    public void verify(Path file) {
        runner.run(() -> verification.check(file), checked -> shown.set(new Verified(checked)),
                failure -> shown.set(new Message(null, "Cannot read " + file + ": " + failure.getMessage())));
    }
}
