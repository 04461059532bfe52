package org.epaworkbench.app;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.intake.IntakePlanPacks;
import org.epaworkbench.intake.IntakeProblem;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.store.SyncStore.TrustedRoot;

/**
 * The organisation's intake service, wired once (ADR 13): its database (PostgreSQL or the SQLite file
 * in its data folder), its blobs, the plans, and {@link Intake}. The organisation root that issued the
 * service's certificate is trusted for assessors' certificates too, so every assessor the organisation
 * certified may deliver. Used by {@code serve} and the intake benchmark alike.
 */
public final class IntakeService implements AutoCloseable {

    private final IntakeDatabase database;
    private final Blobs blobs;
    private final ServicePlans plans;
    private final Intake intake;
    private final SigningIdentity identity;

    private IntakeService(IntakeDatabase database, Blobs blobs, ServicePlans plans, Intake intake, SigningIdentity identity) {
        this.database = database;
        this.blobs = blobs;
        this.plans = plans;
        this.intake = intake;
        this.identity = identity;
    }

    /**
     * @param jdbcUrl a PostgreSQL address, or null for the SQLite file in {@code dataFolder}
     * @param identity the service's key and certificate chain, ending at the organisation root
     */
    public static IntakeService open(Path dataFolder, String jdbcUrl, SigningIdentity identity, Clock clock)
            throws IntakeProblem {
        IntakeDatabase db = IntakeDatabase.open(jdbcUrl, dataFolder);
        try {
            ServicePlans plans = new ServicePlans(new IntakePlanPacks(db, clock));
            plans.get();
            IntakeLedger ledger = new IntakeLedger(db);
            X509Certificate root = identity.chain().get(identity.chain().size() - 1);
            ledger.addTrustedRoot(new TrustedRoot(Certificates.fingerprint(root), Certificates.describe(root),
                    Certificates.toPem(root), clock.instant()));
            Blobs blobs = new Blobs(dataFolder.resolve("blobs"));
            return new IntakeService(db, blobs, plans, new Intake(db, blobs, identity, clock, plans), identity);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw new IntakeProblem("Cannot prepare the intake database at " + db.where() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the service with its key and certificate from {@code p12} (org service-certificate wrote them; the
     * file is only read).
     */
    public static IntakeService open(Path dataFolder, String jdbcUrl, Path p12, char[] password, Clock clock)
            throws IntakeProblem, org.epaworkbench.keys.KeyStoreProblem {
        SigningIdentity identity = org.epaworkbench.keys.AssessorKeyStore.identityOf(p12, password,
                "It is the password given to org service-certificate.");
        return open(dataFolder, jdbcUrl, identity, clock);
    }

    /** Where the data is, in words: "PostgreSQL jdbc:postgresql://…" or "SQLite file …". */
    public String databaseInWords() {
        return (database.kind() == IntakeDatabase.Kind.POSTGRESQL ? "PostgreSQL " : "SQLite file ") + database.where();
    }

    /** The service's certificate in words (its host name first). */
    public CertificateDetails certificate() {
        return CertificateDetails.of(identity.certificate());
    }

    public Intake intake() {
        return intake;
    }

    public IntakeDatabase database() {
        return database;
    }

    public Blobs blobs() {
        return blobs;
    }

    /** The built-in plans and those the office imported into the service ({@code serve plans import}), as they are now. */
    public PlanLibrary plans() {
        return plans.get();
    }

    /** The plans as they are each time they are asked for: for what reads them while the service runs. */
    public java.util.function.Supplier<PlanLibrary> livePlans() {
        return plans;
    }

    public SigningIdentity identity() {
        return identity;
    }

    /** The organisation root assessors pin: the last certificate of the service's chain. */
    public X509Certificate root() {
        return identity.chain().get(identity.chain().size() - 1);
    }

    /** The registered assessors and trusted roots, for the office to see. */
    public List<TrustedRoot> trustedRoots() throws SQLException {
        return new IntakeLedger(database).trustedRoots();
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * The plans the service checks packages against: built in, and imported into its database. Read again
     * when the imported packs changed (an import while the service runs), so no restart is needed.
     */
    static final class ServicePlans implements java.util.function.Supplier<PlanLibrary> {
        private static final Logger LOG = Logger.getLogger(IntakeService.class.getName());
        private final IntakePlanPacks shelf;
        private List<String> loaded;
        private PlanLibrary library;

        ServicePlans(IntakePlanPacks shelf) {
            this.shelf = shelf;
        }

        @Override
        public synchronized PlanLibrary get() {
            try {
                List<String> now = shelf.versions();
                if (library == null || !now.equals(loaded)) {
                    List<String> skipped = new ArrayList<>();
                    library = PlanLibrary.load(new PlanPackReader(), shelf, skipped);
                    loaded = now;
                    skipped.forEach(m -> LOG.warning("A plan pack imported into the service no longer validates and is "
                            + "left out: " + m));
                }
            } catch (SQLException e) {
                if (library == null) {
                    throw new IllegalStateException("Cannot read the plan packs imported into the service: " + e.getMessage(), e);
                }
                LOG.log(Level.WARNING, "Cannot read the plan packs imported into the service; using those read before", e);
            }
            return library;
        }
    }
}
