package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.intake.IntakePlanPacks;
import org.epaworkbench.intake.IntakeProblem;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackException;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.store.SyncStore.PinnedSigner;
import org.epaworkbench.store.SyncStore.TrustedRoot;
import org.epaworkbench.sync.OrganisationRoots;
import org.epaworkbench.sync.SignerRegister;

/**
 * What the organisation keeps in its intake service besides what assessors deliver (issue 15): the
 * register of assessors' certificates, the organisation roots it trusts, and the plan packs it knows.
 * Works on the service's database (its data folder's SQLite file, or PostgreSQL) whether the service
 * runs or not: a running service reads the register and roots at every request and the plans when they
 * change, so a change counts from the next request on. Needs no key: it changes nothing the service signs.
 */
public final class IntakeAdministration implements AutoCloseable {

    private final IntakeDatabase database;
    private final IntakeLedger ledger;
    private final IntakePlanPacks packs;
    private final Clock clock;

    private IntakeAdministration(IntakeDatabase database, Clock clock) {
        this.database = database;
        this.ledger = new IntakeLedger(database);
        this.packs = new IntakePlanPacks(database, clock);
        this.clock = clock;
    }

    /** Opens the service's database: PostgreSQL at {@code jdbcUrl}, or with none the SQLite file in {@code dataFolder}. */
    public static IntakeAdministration open(Path dataFolder, String jdbcUrl, Clock clock) throws IntakeProblem {
        return new IntakeAdministration(IntakeDatabase.open(jdbcUrl, dataFolder), clock);
    }

    /** Where the data is, in words. */
    public String databaseInWords() {
        return (database.kind() == IntakeDatabase.Kind.POSTGRESQL ? "PostgreSQL " : "SQLite file ") + database.where();
    }

    // ---------------------------------------------------------------- the signer register

    /** The assessors' certificates registered one by one. */
    public List<Importing.Signer> signers() throws SQLException {
        return ledger.register().stream().map(IntakeAdministration::signer).toList();
    }

    private static Importing.Signer signer(PinnedSigner s) {
        return new Importing.Signer(s.assessorKey(), s.fingerprint(), s.subject(), s.pinnedAt(), s.how());
    }

    /**
     * Registers the assessor's certificate in {@code file} (checked with the assessor first), so they may deliver.
     * Never a service's certificate nor a certificate authority's (a root goes in with {@link #trustRoot}).
     */
    public Importing.SignerAdded addSigner(Path file) throws CertificateProblem, Importing.SignerNotAdded, SQLException {
        // the assessor's certificate, alone or first in its chain, as the desktop's signers add reads it
        X509Certificate cert = read(file, "an assessor's certificate (their keys/assessor.pem)").get(0);
        if (OrganisationAuthority.isServiceCertificate(cert)) {
            throw new CertificateProblem(file + ": is an intake service's certificate (for HTTPS and receipts), not an "
                    + "assessor's; it cannot deliver packages. Give the certificate the assessor's app shows (keys show).");
        }
        if (cert.getBasicConstraints() >= 0) {
            throw new CertificateProblem(file + ": is a certificate authority's, not an assessor's. To trust every assessor "
                    + "an organisation root certified, trust the root instead: serve roots add " + file.getFileName());
        }
        try {
            cert.checkValidity(java.util.Date.from(clock.instant()));
        } catch (CertificateException e) {
            throw new CertificateProblem(file + ": is not valid now (valid " + cert.getNotBefore().toInstant() + " to "
                    + cert.getNotAfter().toInstant() + "); its assessor could not deliver with it.");
        }
        try {
            SignerRegister.Added added = SignerRegister.add(new SignerRegister.Register() {
                @Override
                public Optional<PinnedSigner> pinned(String assessorKey) throws SQLException {
                    return ledger.pinned(assessorKey);
                }

                @Override
                public void addSigner(PinnedSigner s) throws SQLException {
                    ledger.addSigner(s);
                }

                @Override
                public String removeCommand() {
                    return "serve signers remove";
                }
            }, cert, clock.instant());
            return new Importing.SignerAdded(signer(added.signer()), added.alreadyThere());
        } catch (SignerRegister.Conflict e) {
            throw new Importing.SignerNotAdded(e.getMessage());
        }
    }

    /**
     * Takes an assessor out of the register, named as listed ({@code number:EPA-000123}, {@code name:…}) or by their
     * certificate's SHA-256; empty when no entry has that name. Their next request is refused.
     */
    public Optional<Importing.Signer> removeSigner(String keyOrFingerprint) throws SQLException {
        String given = keyOrFingerprint.strip();
        String sha = given.replace(":", "").toLowerCase(Locale.ROOT);
        for (PinnedSigner s : ledger.register()) {
            if (s.assessorKey().equals(given) || s.fingerprint().equals(sha)) {
                ledger.removeSigner(s.assessorKey());
                return Optional.of(signer(s));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- organisation roots

    /** The organisation roots whose assessors may deliver (the service's own is added each time it starts). */
    public List<Importing.Root> roots() throws SQLException {
        return ledger.trustedRoots().stream().map(r -> new Importing.Root(r.fingerprint(), r.subject(), r.addedAt())).toList();
    }

    /**
     * Trusts the organisation root in {@code file}: every assessor it certified may then deliver. Only a root: a
     * self-signed certificate authority, valid now; never a service's or an assessor's certificate.
     */
    public Organisation.TrustedRoot trustRoot(Path file) throws CertificateProblem, SQLException {
        X509Certificate only = readOne(file, "the organisation's root certificate alone (organisation-root.crt)");
        if (OrganisationAuthority.isServiceCertificate(only)) {
            throw new CertificateProblem(file + ": is an intake service's certificate, not an organisation root. Give the "
                    + "root that issued it (organisation-root.crt, from the folder org init made).");
        }
        X509Certificate root = OrganisationRoots.read(file, clock.instant());
        TrustedRoot r = new TrustedRoot(Certificates.fingerprint(root), Certificates.describe(root), Certificates.toPem(root),
                clock.instant());
        boolean added = ledger.addTrustedRoot(r);
        return new Organisation.TrustedRoot(r.fingerprint(), r.subject(), r.addedAt(), !added);
    }

    /** Stops trusting a root, by its SHA-256; false when it was not trusted. */
    public boolean removeRoot(String fingerprint) throws SQLException {
        return ledger.removeTrustedRoot(fingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- plans

    /** Every plan the service knows: built in, and imported into it. */
    public List<PlanLibrary.InstalledPlan> plans() throws SQLException {
        List<String> skipped = new ArrayList<>();
        return PlanLibrary.load(new PlanPackReader(), packs, skipped).all();
    }

    /**
     * Validates a plan pack as the desktop's {@code plans import} does and keeps it in the service's database, so
     * packages with sessions on that plan are checked against it. Never in place of a built-in plan; in place of an
     * earlier import of the same id only with {@code replace}.
     */
    public AssessmentPlan importPlan(Path file, boolean replace) throws PlanPackException, Plans.Refused, SQLException {
        PlanLibrary library = PlanLibrary.load(new PlanPackReader(), packs, new ArrayList<>());
        try {
            return library.importPack(file, replace);
        } catch (PlanLibrary.ImportRefused e) {
            throw new Plans.Refused(e.getMessage(), e);
        }
    }

    private static X509Certificate readOne(Path file, String expected) throws CertificateProblem {
        List<X509Certificate> all = read(file, expected);
        if (all.size() != 1) {
            throw new CertificateProblem(file + ": holds " + all.size() + " certificates; give " + expected + ".");
        }
        return all.get(0);
    }

    private static List<X509Certificate> read(Path file, String expected) throws CertificateProblem {
        List<X509Certificate> all;
        try {
            all = Certificates.readAll(file);
        } catch (NoSuchFileException e) {
            throw new CertificateProblem(file + ": no such file");
        } catch (CertificateException | IOException | RuntimeException e) {
            throw new CertificateProblem(file + ": not a certificate (PEM or DER expected); give " + expected + ".");
        }
        if (all.isEmpty()) {
            throw new CertificateProblem(file + ": holds no certificate; give " + expected + ".");
        }
        return all;
    }

    @Override
    public void close() {
        database.close();
    }
}
