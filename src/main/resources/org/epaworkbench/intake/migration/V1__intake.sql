-- The organisation's intake service (ADR 13): what delivered packages brought, kept as the ledger the
-- desktop's import rules check against. One history for PostgreSQL and SQLite: SQL both understand,
-- no triggers, times as ISO-8601 UTC text, ids as text.

-- Each package delivered, once: keyed by its id, bound to its exact bytes (SHA-256), with the receipt
-- the service signed for it.
CREATE TABLE intake_package (
    package_id               TEXT PRIMARY KEY,
    sha256                   TEXT NOT NULL,
    size_bytes               BIGINT NOT NULL,
    device_id                TEXT NOT NULL,
    assessor_key             TEXT NOT NULL,
    assessor_name            TEXT NOT NULL,
    certificate_fingerprint  TEXT NOT NULL,
    created_at               TEXT NOT NULL,
    received_at              TEXT NOT NULL,
    sessions                 INTEGER NOT NULL,
    records                  INTEGER NOT NULL,
    trust                    TEXT,
    receipt                  TEXT,
    receipt_signature        TEXT
);
CREATE INDEX intake_package_by_assessor ON intake_package (assessor_key, received_at);
CREATE INDEX intake_package_by_received ON intake_package (received_at);

-- Apprentices as their owner (the certificate whose package first brought them) last described them.
CREATE TABLE intake_apprentice (
    id                       TEXT PRIMARY KEY,
    name                     TEXT NOT NULL,
    uln                      TEXT,
    employer                 TEXT,
    training_provider        TEXT,
    plan_id                  TEXT,
    apprenticeship_start     TEXT,
    gateway_date             TEXT,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    owner_fingerprint        TEXT NOT NULL,
    package_id               TEXT NOT NULL
);

-- A change to an apprentice from a signer who does not own it: kept for the office, never applied.
CREATE TABLE intake_apprentice_proposal (
    apprentice_id            TEXT NOT NULL,
    package_id               TEXT NOT NULL,
    certificate_fingerprint  TEXT NOT NULL,
    field                    TEXT NOT NULL,
    value                    TEXT,
    received_at              TEXT NOT NULL,
    PRIMARY KEY (apprentice_id, package_id, field)
);

-- Sessions, owned by the certificate whose package first brought them (ADR 8).
CREATE TABLE intake_session (
    id                       TEXT PRIMARY KEY,
    apprentice_id            TEXT NOT NULL,
    plan_id                  TEXT NOT NULL,
    component_id             TEXT NOT NULL,
    attempt                  TEXT NOT NULL,
    created_at               TEXT NOT NULL,
    owner_fingerprint        TEXT NOT NULL,
    package_id               TEXT NOT NULL,
    received_at              TEXT NOT NULL
);
CREATE INDEX intake_session_by_apprentice ON intake_session (apprentice_id);

-- Every event as the package carried it, with its place in the session's hash chain; never changed.
-- Two versions of the same place in a log (two devices) are both kept: a conflict for a person.
CREATE TABLE intake_event (
    event_id                 TEXT PRIMARY KEY,
    session_id               TEXT NOT NULL REFERENCES intake_session (id),
    seq                      BIGINT NOT NULL,
    device_id                TEXT NOT NULL,
    type                     TEXT NOT NULL,
    at                       TEXT NOT NULL,
    session_time_ms          BIGINT NOT NULL,
    payload                  TEXT NOT NULL,
    prev_hash                TEXT,
    hash                     TEXT,
    owner_key                TEXT,
    package_id               TEXT NOT NULL
);
CREATE INDEX intake_event_by_session ON intake_event (session_id, seq);

-- Signed records; the PDF itself is a blob named by its SHA-256.
CREATE TABLE intake_record (
    id                       TEXT PRIMARY KEY,
    kind                     TEXT NOT NULL,
    session_id               TEXT,
    apprentice_id            TEXT,
    file_name                TEXT NOT NULL,
    sha256                   TEXT NOT NULL,
    size_bytes               BIGINT NOT NULL,
    signed_at                TEXT NOT NULL,
    certificate_fingerprint  TEXT NOT NULL,
    package_id               TEXT NOT NULL,
    received_at              TEXT NOT NULL
);
CREATE INDEX intake_record_by_session ON intake_record (session_id);
CREATE INDEX intake_record_by_apprentice ON intake_record (apprentice_id);

-- The office's register of assessor certificates, and the organisation roots it trusts (ADR 7).
CREATE TABLE intake_signer (
    assessor_key             TEXT PRIMARY KEY,
    certificate_fingerprint  TEXT NOT NULL,
    subject                  TEXT NOT NULL,
    certificate_pem          TEXT NOT NULL,
    pinned_at                TEXT NOT NULL,
    how                      TEXT NOT NULL CHECK (how IN ('first-use', 'added'))
);

CREATE TABLE intake_root (
    fingerprint              TEXT PRIMARY KEY,
    subject                  TEXT NOT NULL,
    certificate_pem          TEXT NOT NULL,
    added_at                 TEXT NOT NULL
);

-- What each package carried (its sessions and records), as its receipt lists them.
CREATE TABLE intake_package_item (
    package_id               TEXT NOT NULL REFERENCES intake_package (package_id),
    kind                     TEXT NOT NULL CHECK (kind IN ('session', 'record')),
    item_id                  TEXT NOT NULL,
    PRIMARY KEY (package_id, kind, item_id)
);
