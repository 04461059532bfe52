package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import org.epaworkbench.record.PadesVerifier;
import org.epaworkbench.record.SignatureReport;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.SignerTrust;

/**
 * Checking a signed record (the Records screen and {@code verify}): is the file as it was signed, who
 * signed it and when, and is that signer trusted here, and why (docs/trust.md). One check for both.
 */
public final class Verification {

    /** What the check found: the signature itself, and the trust in its signer (null when there is no signer). */
    public record Checked(SignatureReport report, SignerTrust.Decision trust) {
        public boolean trusted() {
            return trust != null && trust.trusted();
        }
    }

    private final Services services;

    public Verification(Services services) {
        this.services = services;
    }

    /** Checks a file. */
    public Checked check(Path file) throws IOException, SQLException {
        return check(file.toString(), Files.readAllBytes(file), null);
    }

    /**
     * Checks a record's bytes, {@code name} naming it in the report; {@code extraRoot} (may be null) is an
     * organisation root trusted for this check only ({@code verify --root}).
     */
    public Checked check(String name, byte[] bytes, X509Certificate extraRoot) throws SQLException {
        SignatureReport report = new PadesVerifier().verify(name, bytes);
        if (report.signerCertificate() == null) {
            return new Checked(report, null);
        }
        SignerTrust here = SignerTrust.load(new SyncStore(services.database()), services.clock());
        if (extraRoot != null) {
            here = here.withRoot(extraRoot);
        }
        return new Checked(report, here.decide(report.signerCertificate(), report.certificates(),
                report.signingTime() != null ? report.signingTime() : services.clock().instant()));
    }
}
