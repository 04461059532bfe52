-- Session summaries (issue 17): what the lists show of an ended session, kept beside its log and written in
-- the same transaction as the event that changes it, so no screen folds a log to list it. The grade is the
-- component grade the session earned (the latest attempt at a component graded with the others, earlier
-- attempts each on their own); NULL before the end, without the plan, or when the sessions do not fit it.
ALTER TABLE session ADD COLUMN grade TEXT;
ALTER TABLE session ADD COLUMN grade_capped INTEGER NOT NULL DEFAULT 0;
CREATE INDEX session_by_start ON session (COALESCE(started_at, created_at) DESC);

-- Which rules and plans the summaries were computed with. A version or plans different from the running app's
-- (this migration leaves version 0) makes the app rebuild every summary from the logs when it opens the folder;
-- stale is set when a summary was due but no plans were at hand to grade it.
CREATE TABLE summary_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    version   INTEGER NOT NULL,
    plans     TEXT NOT NULL,
    stale     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO summary_state (id, version, plans, stale) VALUES (1, 0, '', 1);


-- Each apprentice's overall result as the grading engine gives it from those grades: a grade's name, INCOMPLETE
-- while a component has no ended attempt; no row without the plan or when the sessions do not fit it.
CREATE TABLE apprentice_summary (
    apprentice_id  TEXT PRIMARY KEY REFERENCES apprentice (id),
    overall        TEXT NOT NULL
);
