-- Signed PDF records produced in this data folder: the outbox reads what has not been exported.
CREATE TABLE signed_record (
    id                       TEXT PRIMARY KEY,
    kind                     TEXT NOT NULL CHECK (kind IN ('session', 'overall')),
    session_id               TEXT REFERENCES session (id),
    apprentice_id            TEXT NOT NULL REFERENCES apprentice (id),
    file_name                TEXT NOT NULL,
    sha256                   TEXT NOT NULL,
    size_bytes               INTEGER NOT NULL,
    signed_at                TEXT NOT NULL,
    certificate_fingerprint  TEXT NOT NULL,
    sample                   INTEGER NOT NULL DEFAULT 0,
    exported_package         TEXT,
    exported_at              TEXT,
    uploaded_at              TEXT
);
CREATE INDEX signed_record_session ON signed_record (session_id);
