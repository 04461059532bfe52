package org.epaworkbench.app;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.service.IntakeServer;
import org.epaworkbench.service.OfficePages;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.sync.SyncTestSupport;

/**
 * An assessor's laptop (three sessions with signed records, nothing exported) that trusts an organisation
 * root, and that organisation's intake service (SQLite), started in this process on a port kept for it,
 * all on one clock a test moves; the automatic delivery on a scheduler the test runs.
 */
public final class IntakeFixture implements AutoCloseable {

    public final MovableClock clock = new MovableClock(SyncTestSupport.clock().instant());
    public final ManualScheduler scheduler = new ManualScheduler(clock);
    public final OrganisationAuthority authority;
    public final Workbench laptop;
    public final AutomaticDelivery automatic;
    public final int port;
    private final Path dir;
    private final SigningIdentity serviceIdentity;
    private final IntakeDatabase db;
    private IntakeServer server;

    public IntakeFixture(Path dir) throws Exception {
        this.dir = dir;
        SyncTestSupport.device(dir.resolve("laptop"));
        authority = OrganisationAuthority.create(dir.resolve("authority"), "Highfield Assessment",
                "authority-password".toCharArray(), SyncTestSupport.clock());
        serviceIdentity = Identities.service(authority, "localhost", "127.0.0.1");
        db = IntakeDatabase.open(null, dir.resolve("service"));
        laptop = Workbench.open(DataDirectory.at(dir.resolve("laptop")), clock, new ManualClock(clock.instant()));
        laptop.services().organisation().trustRoot(dir.resolve("authority").resolve(OrganisationAuthority.ROOT));
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        automatic = new AutomaticDelivery(laptop.services().organisationDelivery(), laptop.services().assessorIdentity(),
                laptop.services().sessionService(), clock, scheduler);
    }

    /** The service's address, set as where the laptop delivers. */
    public String address() {
        return "https://localhost:" + port;
    }

    public String rootFingerprint() {
        return Certificates.fingerprint(authority.root());
    }

    /** Sets the laptop to deliver to this organisation's service. */
    public IntakeFixture targetSet() throws Exception {
        laptop.services().organisationDelivery().setTarget(address(), rootFingerprint());
        return this;
    }

    /** Registers the laptop's assessor with the service (the office adds them to its signer register). */
    public IntakeFixture registered() throws Exception {
        new IntakeLedger(db).addSigner(SyncTestSupport.registrationOf(dir.resolve("laptop")));
        return this;
    }

    /** Starts the service on its port. */
    public IntakeFixture serviceUp() throws Exception {
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        Blobs blobs = new Blobs(dir.resolve("service/blobs"));
        var pw = OfficePages.OfficePassword.loadOrCreate(dir.resolve("service/office-password"));
        server = new IntakeServer(new Intake(db, blobs, serviceIdentity, clock, plans), dir.resolve("service/uploads"),
                serviceIdentity, new OfficePages(db, blobs, plans, pw.getKey(), ZoneOffset.UTC), clock);
        server.start("127.0.0.1", port);
        return this;
    }

    /** Stops the service: nothing answers on its port. */
    public void serviceDown() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** How many rows the service has in {@code table}. */
    public long count(String table) throws Exception {
        return db.inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        automatic.close();
        serviceDown();
        laptop.close();
        db.close();
    }
}
