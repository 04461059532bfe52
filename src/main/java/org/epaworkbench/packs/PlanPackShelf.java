package org.epaworkbench.packs;

import java.sql.SQLException;
import java.util.List;

/**
 * Where the plan packs an organisation imported are kept (the data folder's database, in the app).
 * The plan library reads and adds packs through this, so plans do not depend on the store.
 */
public interface PlanPackShelf {

    /** One imported pack as kept: the JSON text it was validated from, where it came from and when. */
    record StoredPack(String id, String json, String sourceName, String sha256, String importedAt) {
    }

    List<StoredPack> all() throws SQLException;

    boolean exists(String id) throws SQLException;

    StoredPack save(String id, String json, String sourceName) throws SQLException;
}
