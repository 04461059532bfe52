-- Plan packs an organisation imported with `plans import` (built-in packs ship inside the app).
CREATE TABLE imported_plan_pack (
    id           TEXT PRIMARY KEY,
    json         TEXT NOT NULL,
    source_name  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    imported_at  TEXT NOT NULL
);
