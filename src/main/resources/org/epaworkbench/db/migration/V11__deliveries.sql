-- Delivery to the organisation's intake service (ADR 13): each package made for delivery, where its file
-- is kept until the service's receipt for its exact bytes is stored, and where its delivery stands.
CREATE TABLE package_delivery (
    package_id         TEXT PRIMARY KEY REFERENCES package_exported (package_id),
    file               TEXT NOT NULL,
    sha256             TEXT NOT NULL,
    size_bytes         INTEGER NOT NULL,
    state              TEXT NOT NULL CHECK (state IN ('waiting', 'delivered', 'refused')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    last_attempt_at    TEXT,
    next_attempt_at    TEXT,
    problem            TEXT,
    receipt            TEXT,
    receipt_signature  TEXT,
    received_at        TEXT,
    CHECK (state <> 'delivered' OR (receipt IS NOT NULL AND receipt_signature IS NOT NULL))
);
