-- Records are bound to their signer. A session brought by a package belongs to the certificate that
-- signed that package: later packages may add to it only when signed by the same certificate. A
-- session recorded here belongs to this data folder (and its own certificate), so it has no row.

CREATE TABLE session_owner (
    session_id               TEXT PRIMARY KEY REFERENCES session (id),
    certificate_fingerprint  TEXT NOT NULL,
    package_id               TEXT,
    owned_since              TEXT NOT NULL
);

-- Sessions imported before owners were recorded (any event from another device): owned by the
-- certificate their first signed record names.
INSERT OR IGNORE INTO session_owner (session_id, certificate_fingerprint, package_id, owned_since)
    SELECT e.session_id, json_extract(e.payload, '$.certificateFingerprint'), NULL, e.at
    FROM session_event e
    WHERE e.type = 'record-signed'
      AND json_extract(e.payload, '$.certificateFingerprint') IS NOT NULL
      AND e.seq = (SELECT min(f.seq) FROM session_event f WHERE f.session_id = e.session_id AND f.type = 'record-signed')
      AND EXISTS (SELECT 1 FROM session_event g WHERE g.session_id = e.session_id
                  AND g.device_id <> (SELECT value FROM setting WHERE key = 'device.id'));

-- Two events at the same place in a log from one device id (a copied data folder, a restored backup)
-- are both kept, as a conflict for a person to resolve, instead of one being dropped.
DROP INDEX session_event_one_per_device;

-- Records imported from a package are not this data folder's to export again.
ALTER TABLE signed_record ADD COLUMN imported_package TEXT;
UPDATE signed_record SET imported_package = 'before-ownership'
    WHERE session_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM session_event e WHERE e.session_id = signed_record.session_id
                      AND e.device_id = (SELECT value FROM setting WHERE key = 'device.id'));
