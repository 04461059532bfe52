-- Sync: every event knows the device that recorded it; logs from several devices merge by event id.
-- A session recorded differently on two devices keeps both versions (the same seq twice): a conflict
-- for a person to resolve, never an overwrite.

INSERT INTO setting (key, value) VALUES ('device.id', lower(hex(randomblob(16)))) ON CONFLICT(key) DO NOTHING;

DROP TRIGGER session_event_is_append_only;
DROP TRIGGER session_event_kept_unless_sample;

CREATE TABLE session_event_v4 (
    event_id         TEXT PRIMARY KEY,
    session_id       TEXT NOT NULL REFERENCES session (id),
    seq              INTEGER NOT NULL,
    device_id        TEXT NOT NULL,
    type             TEXT NOT NULL,
    at               TEXT NOT NULL,
    session_time_ms  INTEGER NOT NULL,
    payload          TEXT NOT NULL
);
INSERT INTO session_event_v4 (event_id, session_id, seq, device_id, type, at, session_time_ms, payload)
    SELECT event_id, session_id, seq, (SELECT value FROM setting WHERE key = 'device.id'), type, at, session_time_ms, payload
    FROM session_event;
DROP TABLE session_event;
ALTER TABLE session_event_v4 RENAME TO session_event;
CREATE INDEX session_event_by_session ON session_event (session_id, seq);
-- one device never records two events at the same place in a log
CREATE UNIQUE INDEX session_event_one_per_device ON session_event (session_id, seq, device_id);

CREATE TRIGGER session_event_is_append_only BEFORE UPDATE ON session_event
BEGIN
    SELECT RAISE(ABORT, 'session events are append-only');
END;

CREATE TRIGGER session_event_kept_unless_sample BEFORE DELETE ON session_event
WHEN (SELECT sample FROM session WHERE id = OLD.session_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'session events are append-only');
END;

-- Set by an import that brings a second version of part of a session's log.
ALTER TABLE session ADD COLUMN conflicted INTEGER NOT NULL DEFAULT 0;

-- What has been exported: per session, the highest seq already in a package.
CREATE TABLE session_export (
    session_id     TEXT PRIMARY KEY REFERENCES session (id),
    exported_seq   INTEGER NOT NULL,
    package_id     TEXT NOT NULL,
    exported_at    TEXT NOT NULL
);

-- Packages made here (outbox) and packages imported here (office side).
CREATE TABLE package_exported (
    package_id   TEXT PRIMARY KEY,
    file_name    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    sessions     INTEGER NOT NULL,
    records      INTEGER NOT NULL,
    encrypted    INTEGER NOT NULL,
    uploaded_at  TEXT
);

CREATE TABLE package_imported (
    package_id               TEXT PRIMARY KEY,
    device_id                TEXT NOT NULL,
    created_at               TEXT NOT NULL,
    certificate_fingerprint  TEXT NOT NULL,
    imported_at              TEXT NOT NULL
);

-- The office's register of assessor certificates: trust on first use, or strict.
CREATE TABLE signer_register (
    assessor_key             TEXT PRIMARY KEY,
    certificate_fingerprint  TEXT NOT NULL,
    subject                  TEXT NOT NULL,
    certificate_pem          TEXT NOT NULL,
    pinned_at                TEXT NOT NULL,
    how                      TEXT NOT NULL CHECK (how IN ('first-use', 'added'))
);

-- How a person resolved a conflicting session: which device's version is the record.
CREATE TABLE conflict_resolution (
    session_id   TEXT NOT NULL REFERENCES session (id),
    seq          INTEGER NOT NULL,
    kept_event   TEXT NOT NULL REFERENCES session_event (event_id),
    reason       TEXT NOT NULL,
    resolved_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
