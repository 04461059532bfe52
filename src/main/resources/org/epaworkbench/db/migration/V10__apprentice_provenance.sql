-- Shared apprentice data with provenance (issue 12, finding 4). A package could rewrite any
-- apprentice: the later updatedAt won, so a change dated 2099 by any signer beat every correction.
-- Now an apprentice belongs to whoever first brought it (as a session does), each field keeps who
-- last changed it and when, and a change from a signer who does not own the apprentice is kept as a
-- proposal for a person to accept or reject, never applied by itself.

-- The certificate whose package first brought the apprentice; no row: recorded in this data folder.
CREATE TABLE apprentice_owner (
    apprentice_id            TEXT PRIMARY KEY REFERENCES apprentice (id) ON DELETE CASCADE,
    certificate_fingerprint  TEXT NOT NULL,
    package_id               TEXT,
    owned_since              TEXT NOT NULL
);

-- Per field, the change now in the apprentice row: when, and by whom (a certificate's SHA-256 and its
-- holder in words; NULL: this data folder). A field without a row has the row's updated_at.
CREATE TABLE apprentice_field (
    apprentice_id    TEXT NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    field            TEXT NOT NULL,
    changed_at       TEXT NOT NULL,
    changed_by       TEXT,
    changed_by_name  TEXT NOT NULL,
    package_id       TEXT,
    PRIMARY KEY (apprentice_id, field)
);

-- Changes a package brought for an apprentice its signer does not own: kept, not applied.
CREATE TABLE apprentice_proposal (
    id                TEXT PRIMARY KEY,
    apprentice_id     TEXT NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    field             TEXT NOT NULL,
    proposed_value    TEXT,
    proposed_at       TEXT NOT NULL,
    proposed_by       TEXT NOT NULL,
    proposed_by_name  TEXT NOT NULL,
    package_id        TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    decided_at        TEXT,
    reason            TEXT
);
CREATE INDEX apprentice_proposal_open ON apprentice_proposal (status, apprentice_id);

-- Apprentices imported before owners were recorded: owned by the one certificate that owns all their
-- imported sessions, when there is exactly one and every session of theirs was imported.
INSERT INTO apprentice_owner (apprentice_id, certificate_fingerprint, package_id, owned_since)
    SELECT s.apprentice_id, MIN(o.certificate_fingerprint), NULL, MIN(o.owned_since)
    FROM session s JOIN session_owner o ON o.session_id = s.id
    GROUP BY s.apprentice_id
    HAVING COUNT(DISTINCT o.certificate_fingerprint) = 1
       AND COUNT(*) = (SELECT COUNT(*) FROM session s2 WHERE s2.apprentice_id = s.apprentice_id);
