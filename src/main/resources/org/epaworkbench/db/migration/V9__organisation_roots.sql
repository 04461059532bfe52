-- The organisation roots this data folder trusts (issue 12): a record or package is trusted when its
-- signer's certificate chains to one of these, or is in the signer register, or is this folder's own.
-- Installed by a person (org trust ROOT.crt, or org init for the office that made the root).

CREATE TABLE trusted_root (
    fingerprint      TEXT PRIMARY KEY,
    subject          TEXT NOT NULL,
    certificate_pem  TEXT NOT NULL,
    added_at         TEXT NOT NULL
);

-- Trust on first use is no longer the default: an unknown signer is refused unless first use was chosen
-- (import.trustOnFirstUse). The old setting meant the opposite and is dropped.
DELETE FROM setting WHERE key = 'import.strictSigners';
