package org.epaworkbench.db.migration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.store.EventChain;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Session logs become hash chains (see {@link EventChain}): every event gets the hash of the one
 * before it and its own hash, and each session's first event names the key that owns it. Existing
 * logs are chained as they are stored. Owners: a session recorded here belongs to this data folder's
 * key (when it has one yet; otherwise it is bound when the key is made, before anything of it can be
 * signed or sent); a session imported from a package belongs to the key of the certificate that
 * brought it, as the signer register holds that certificate.
 *
 * <p>Where a log holds two versions of the same place (recorded on two devices), each event is
 * chained to the event before it from its own device, else to the version a person chose, else to
 * the first.
 */
public class V8__Session_event_chain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER session_event_is_append_only");
            st.execute("ALTER TABLE session_event ADD COLUMN prev_hash TEXT");
            st.execute("ALTER TABLE session_event ADD COLUMN hash TEXT");
            st.execute("ALTER TABLE session_event ADD COLUMN owner_key TEXT");
            st.execute("ALTER TABLE session ADD COLUMN head_hash TEXT");
            st.execute("CREATE INDEX session_event_by_hash ON session_event (session_id, prev_hash)");
        }
        String ownKey = ownKey(c);
        Map<String, String> importedOwners = importedOwners(c);
        List<String> sessions = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM session ORDER BY id")) {
            while (rs.next()) {
                sessions.add(rs.getString(1));
            }
        }
        for (String session : sessions) {
            String owner = importedOwners.containsKey(session) ? importedOwners.get(session) : ownKey;
            chain(c, session, owner);
        }
        try (Statement st = c.createStatement()) {
            // Events never change. The chain's own columns may be filled in only while a session recorded here
            // has no owner yet (it is bound to this data folder's key when the key is made).
            st.execute("CREATE TRIGGER session_event_is_append_only BEFORE UPDATE ON session_event "
                    + "WHEN NEW.event_id IS NOT OLD.event_id OR NEW.session_id IS NOT OLD.session_id OR NEW.seq IS NOT OLD.seq "
                    + "OR NEW.device_id IS NOT OLD.device_id OR NEW.type IS NOT OLD.type OR NEW.at IS NOT OLD.at "
                    + "OR NEW.session_time_ms IS NOT OLD.session_time_ms OR NEW.payload IS NOT OLD.payload "
                    + "OR (SELECT f.owner_key FROM session_event f WHERE f.session_id = OLD.session_id AND f.seq = 1 "
                    + "ORDER BY f.event_id LIMIT 1) IS NOT NULL "
                    + "OR EXISTS (SELECT 1 FROM session_owner o WHERE o.session_id = OLD.session_id) "
                    + "BEGIN SELECT RAISE(ABORT, 'session events are append-only'); END");
        }
    }

    private record Row(String id, long seq, String device, String type, String at, long sessionTimeMs, String payload) {
    }

    private static void chain(Connection c, String session, String owner) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, seq, device_id, type, at, session_time_ms, payload "
                + "FROM session_event WHERE session_id = ? ORDER BY seq, event_id")) {
            ps.setString(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getString(7)));
                }
            }
        }
        Map<Long, String> kept = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, kept_event FROM conflict_resolution WHERE session_id = ?")) {
            ps.setString(1, session);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kept.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        Map<Long, LinkedHashMap<String, String[]>> hashesBySeq = new HashMap<>(); // seq -> event id -> {device, hash}
        List<EventChain.Link> links = new ArrayList<>();
        try (PreparedStatement up = c.prepareStatement("UPDATE session_event SET prev_hash = ?, hash = ?, owner_key = ? "
                + "WHERE event_id = ?")) {
            for (Row r : rows) {
                String prev = EventChain.GENESIS;
                if (r.seq() > 1) {
                    LinkedHashMap<String, String[]> before = hashesBySeq.getOrDefault(r.seq() - 1, new LinkedHashMap<>());
                    prev = before.values().stream().filter(v -> v[0].equals(r.device())).map(v -> v[1]).findFirst()
                            .orElseGet(() -> before.containsKey(kept.get(r.seq() - 1)) ? before.get(kept.get(r.seq() - 1))[1]
                                    : before.values().stream().map(v -> v[1]).findFirst().orElse(EventChain.GENESIS));
                }
                String ownerKey = r.seq() == 1 ? owner : null;
                String hash;
                try {
                    hash = EventChain.hash(session, r.id(), r.seq(), r.device(), r.type(), r.at(), r.sessionTimeMs(),
                            r.payload(), prev, ownerKey);
                } catch (RuntimeException e) {
                    hash = null; // unreadable before this version already: reported as changed when the session is read
                }
                hashesBySeq.computeIfAbsent(r.seq(), k -> new LinkedHashMap<>()).put(r.id(), new String[] {r.device(),
                        hash == null ? "" : hash});
                up.setString(1, prev);
                up.setString(2, hash);
                up.setString(3, ownerKey);
                up.setString(4, r.id());
                up.executeUpdate();
                links.add(new EventChain.Link(r.id(), r.seq(), r.type(), r.at(), prev, hash, ownerKey, hash));
            }
        }
        String head = EventChain.walk(links, kept).headHash();
        try (PreparedStatement up = c.prepareStatement("UPDATE session SET head_hash = ? WHERE id = ?")) {
            up.setString(1, rows.isEmpty() ? null : head);
            up.setString(2, session);
            up.executeUpdate();
        }
    }

    /** This data folder's key: the public key of the certificate beside its keystore, if there is one yet. */
    private static String ownKey(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                if ("main".equals(rs.getString("name")) && rs.getString("file") != null && !rs.getString("file").isEmpty()) {
                    Path pem = Path.of(rs.getString("file")).toAbsolutePath().getParent().resolve("keys").resolve("assessor.pem");
                    if (Files.isRegularFile(pem)) {
                        return Certificates.publicKeyFingerprint(Certificates.fromPem(
                                Files.readString(pem, StandardCharsets.US_ASCII)));
                    }
                }
            }
        } catch (Exception e) {
            // no readable certificate: the sessions recorded here are bound when the key is made or opened
        }
        return null;
    }

    /** Sessions brought by packages: the key of the certificate that owns each, where the register holds it. */
    private static Map<String, String> importedOwners(Connection c) throws SQLException {
        Map<String, String> pems = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT certificate_fingerprint, certificate_pem FROM signer_register")) {
            while (rs.next()) {
                pems.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, String> owners = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT session_id, certificate_fingerprint FROM session_owner")) {
            while (rs.next()) {
                String key = null;
                String pem = pems.get(rs.getString(2));
                if (pem != null) {
                    try {
                        key = Certificates.publicKeyFingerprint(Certificates.fromPem(pem));
                    } catch (Exception e) {
                        key = null;
                    }
                }
                owners.put(rs.getString(1), key);
            }
        }
        return owners;
    }
}
