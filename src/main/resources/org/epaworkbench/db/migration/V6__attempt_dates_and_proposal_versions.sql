-- Dates per attempt: a resit's or retake's planned date, notice and submissions are kept beside the
-- first attempt's instead of replacing them (attempt 1 is the first attempt, 2 the first resit or
-- retake, ...). Existing dates are first attempts.
CREATE TABLE epa_date_v6 (
    apprentice_id  TEXT NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('planned', 'notice', 'submitted')),
    subject        TEXT NOT NULL,
    attempt        INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    date           TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (apprentice_id, kind, subject, attempt)
);
INSERT INTO epa_date_v6 (apprentice_id, kind, subject, attempt, date, updated_at)
    SELECT apprentice_id, kind, subject, 1, date, updated_at FROM epa_date;
DROP TABLE epa_date;
ALTER TABLE epa_date_v6 RENAME TO epa_date;

-- Every version of the work-based project proposal: the first, and each revised proposal resubmitted
-- after one was not approved, each with its own decision and feedback.
CREATE TABLE project_proposal (
    apprentice_id  TEXT NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    version        INTEGER NOT NULL CHECK (version >= 1),
    synopsis       TEXT NOT NULL DEFAULT '',
    submitted_on   TEXT,
    decision       TEXT NOT NULL DEFAULT 'PENDING' CHECK (decision IN ('PENDING', 'APPROVED', 'NOT_APPROVED')),
    feedback       TEXT NOT NULL DEFAULT '',
    decided_on     TEXT,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (apprentice_id, version)
);
INSERT INTO project_proposal (apprentice_id, version, synopsis, submitted_on, decision, feedback, decided_on, updated_at)
    SELECT apprentice_id, 1, proposal_synopsis, proposal_submitted_on, proposal_decision, proposal_feedback, proposal_decided_on,
           updated_at
    FROM gateway
    WHERE proposal_synopsis <> '' OR proposal_submitted_on IS NOT NULL OR proposal_decision <> 'PENDING'
       OR proposal_feedback <> '' OR proposal_decided_on IS NOT NULL;
ALTER TABLE gateway DROP COLUMN proposal_synopsis;
ALTER TABLE gateway DROP COLUMN proposal_submitted_on;
ALTER TABLE gateway DROP COLUMN proposal_decision;
ALTER TABLE gateway DROP COLUMN proposal_feedback;
ALTER TABLE gateway DROP COLUMN proposal_decided_on;

-- Where the word count of the project report stopped: the annex heading's line and page (0 when unknown).
ALTER TABLE project_report ADD COLUMN annex_line INTEGER NOT NULL DEFAULT 0;
ALTER TABLE project_report ADD COLUMN annex_page INTEGER NOT NULL DEFAULT 0;
