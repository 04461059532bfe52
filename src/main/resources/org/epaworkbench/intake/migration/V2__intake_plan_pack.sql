-- Plan packs the organisation imported into the service (serve plans import), as the JSON text they were
-- validated from: packages carrying sessions on these plans are checked against them, as the desktop does.
CREATE TABLE intake_plan_pack (
    id                       TEXT PRIMARY KEY,
    json                     TEXT NOT NULL,
    source_name              TEXT NOT NULL,
    sha256                   TEXT NOT NULL,
    imported_at              TEXT NOT NULL
);
