-- The EPA around the sessions: the gateway record, planned dates, the portfolio of evidence and the
-- work-based project report. The apprenticeship start and gateway dates stay on the apprentice row.

CREATE TABLE gateway (
    apprentice_id           TEXT PRIMARY KEY REFERENCES apprentice (id) ON DELETE CASCADE,
    on_programme_end        TEXT,
    english_achieved        INTEGER NOT NULL DEFAULT 0,
    english_evidence        TEXT NOT NULL DEFAULT '',
    maths_achieved          INTEGER NOT NULL DEFAULT 0,
    maths_evidence          TEXT NOT NULL DEFAULT '',
    employer_declared       INTEGER NOT NULL DEFAULT 0,
    provider_declared       INTEGER NOT NULL DEFAULT 0,
    id_seen                 TEXT NOT NULL DEFAULT '',
    reasonable_adjustments  TEXT NOT NULL DEFAULT '',
    proposal_synopsis       TEXT NOT NULL DEFAULT '',
    proposal_submitted_on   TEXT,
    proposal_decision       TEXT NOT NULL DEFAULT 'PENDING' CHECK (proposal_decision IN ('PENDING', 'APPROVED', 'NOT_APPROVED')),
    proposal_feedback       TEXT NOT NULL DEFAULT '',
    proposal_decided_on     TEXT,
    updated_at              TEXT NOT NULL
);

-- One date per apprentice and subject: when a component is planned, when notice of it was given,
-- when a submission (project report, portfolio of evidence) was made.
CREATE TABLE epa_date (
    apprentice_id  TEXT NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('planned', 'notice', 'submitted')),
    subject        TEXT NOT NULL,
    date           TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (apprentice_id, kind, subject)
);

CREATE TABLE portfolio_piece (
    id             TEXT PRIMARY KEY,
    apprentice_id  TEXT NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    number         INTEGER NOT NULL CHECK (number > 0),
    title          TEXT NOT NULL,
    type           TEXT NOT NULL,
    date           TEXT,
    reference      TEXT NOT NULL DEFAULT '',
    attachment     TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (apprentice_id, number)
);

CREATE TABLE portfolio_mapping (
    piece_id      TEXT NOT NULL REFERENCES portfolio_piece (id) ON DELETE CASCADE,
    criterion_id  TEXT NOT NULL,
    PRIMARY KEY (piece_id, criterion_id)
);

-- The work-based project report as submitted: the stored file, its words, and where the apprentice
-- says each criterion is evidenced.
CREATE TABLE project_report (
    apprentice_id             TEXT PRIMARY KEY REFERENCES apprentice (id) ON DELETE CASCADE,
    file_name                 TEXT NOT NULL,
    attachment                TEXT NOT NULL,
    sha256                    TEXT NOT NULL,
    words_total               INTEGER NOT NULL,
    words_excluding_annexes   INTEGER NOT NULL,
    first_annex_heading       TEXT,
    updated_at                TEXT NOT NULL
);

CREATE TABLE project_mapping (
    apprentice_id  TEXT NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    criterion_id   TEXT NOT NULL,
    location       TEXT NOT NULL,
    PRIMARY KEY (apprentice_id, criterion_id)
);
