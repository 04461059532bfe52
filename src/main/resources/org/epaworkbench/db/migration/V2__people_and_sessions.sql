-- Assessor profile (one row), apprentices, sessions and their append-only event logs.

CREATE TABLE assessor_profile (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    name             TEXT NOT NULL,
    assessor_number  TEXT NOT NULL,
    organisation     TEXT NOT NULL,
    sample           INTEGER NOT NULL DEFAULT 0,
    updated_at       TEXT NOT NULL
);

CREATE TABLE apprentice (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    uln                   TEXT NOT NULL,
    employer              TEXT NOT NULL,
    training_provider     TEXT NOT NULL,
    plan_id               TEXT NOT NULL,
    apprenticeship_start  TEXT,
    gateway_date          TEXT,
    sample                INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX apprentice_uln ON apprentice (uln);

-- One row per session: an index kept in step with the event log in the same transaction.
-- The log (session_event) is the record; these columns are derived from it.
CREATE TABLE session (
    id             TEXT PRIMARY KEY,
    apprentice_id  TEXT NOT NULL REFERENCES apprentice (id),
    plan_id        TEXT NOT NULL,
    component_id   TEXT NOT NULL,
    attempt        TEXT NOT NULL,
    status         TEXT NOT NULL,
    started_at     TEXT,
    ended_at       TEXT,
    elapsed_ms     INTEGER NOT NULL DEFAULT 0,
    last_seq       INTEGER NOT NULL,
    sample         INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);
CREATE INDEX session_apprentice ON session (apprentice_id);

CREATE TABLE session_event (
    event_id         TEXT PRIMARY KEY,
    session_id       TEXT NOT NULL REFERENCES session (id),
    seq              INTEGER NOT NULL,
    type             TEXT NOT NULL,
    at               TEXT NOT NULL,
    session_time_ms  INTEGER NOT NULL,
    payload          TEXT NOT NULL,
    UNIQUE (session_id, seq)
);

-- Events are never edited. Only sample data (made for newcomers to try the app) can be removed.
CREATE TRIGGER session_event_is_append_only BEFORE UPDATE ON session_event
BEGIN
    SELECT RAISE(ABORT, 'session events are append-only');
END;

CREATE TRIGGER session_event_kept_unless_sample BEFORE DELETE ON session_event
WHEN (SELECT sample FROM session WHERE id = OLD.session_id) IS NOT 1
BEGIN
    SELECT RAISE(ABORT, 'session events are append-only');
END;

-- The latest session time known while a session runs, written every few seconds, so that after a
-- crash the app knows when it stopped. Not part of the record.
CREATE TABLE session_heartbeat (
    session_id       TEXT PRIMARY KEY REFERENCES session (id),
    at               TEXT NOT NULL,
    session_time_ms  INTEGER NOT NULL
);

-- Interview question bank: example questions from the plans (origin 'plan', can be hidden) and the
-- assessor's own (origin 'assessor').
CREATE TABLE question_bank (
    id            TEXT PRIMARY KEY,
    plan_id       TEXT NOT NULL,
    component_id  TEXT NOT NULL,
    theme         TEXT NOT NULL,
    text          TEXT NOT NULL,
    origin        TEXT NOT NULL CHECK (origin IN ('plan', 'assessor')),
    hidden        INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
