-- The lists say which sessions were entered from paper (issue 17): found through this small index of those events,
-- not by reading every event of every session.
CREATE INDEX session_event_entered_from_paper ON session_event (session_id) WHERE type = 'entered-from-paper';
