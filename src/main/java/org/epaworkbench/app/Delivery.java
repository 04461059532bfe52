package org.epaworkbench.app;

import java.sql.SQLException;
import java.util.List;
import org.epaworkbench.store.SampleData;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.Outbox;

/**
 * What an assessor does to get records to the organisation (the Outbox screen, {@code export},
 * {@code outbox}): see what waits, write it as a signed package, follow the packages made and mark
 * them handed over. Delivery to the organisation's service builds on this (issue 15).
 */
public final class Delivery {

    private final Services services;
    private final SyncStore sync;

    public Delivery(Services services) {
        this.services = services;
        this.sync = new SyncStore(services.database());
    }

    /** The outbox of this data folder: what waits, and exporting it. */
    public Outbox outbox() throws SQLException {
        return new Outbox(sync, services.signedRecords().folder(), services.sessions().deviceId(), services.clock());
    }

    /** The packages made here, newest first. */
    public List<SyncStore.ExportedPackage> packages() throws SQLException {
        return sync.exportedPackages();
    }

    /** Marks a package handed over (uploaded, given to the office); false when there is no such package. */
    public boolean markUploaded(String packageId) throws SQLException {
        return sync.markUploaded(packageId, services.clock().instant());
    }

    /** Whether the sample sessions are in this data folder (they are never exported). */
    public boolean sampleDataPresent() throws SQLException {
        return new SampleData(services.database()).present();
    }
}
