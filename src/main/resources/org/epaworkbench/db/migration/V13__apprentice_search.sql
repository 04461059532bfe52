-- Apprentices found by any part of their name, ULN or employer (issue 17) through an index rather than by reading
-- every apprentice: an FTS5 table of trigrams (any three characters in a row, case ignored), kept in step with the
-- apprentice table by triggers in the same transaction. Searches shorter than three characters read the table.
CREATE VIRTUAL TABLE apprentice_search USING fts5(apprentice_id UNINDEXED, name, uln, employer, tokenize = 'trigram');

INSERT INTO apprentice_search (apprentice_id, name, uln, employer) SELECT id, name, uln, employer FROM apprentice;

CREATE TRIGGER apprentice_search_added AFTER INSERT ON apprentice
BEGIN
    INSERT INTO apprentice_search (apprentice_id, name, uln, employer) VALUES (NEW.id, NEW.name, NEW.uln, NEW.employer);
END;

CREATE TRIGGER apprentice_search_changed AFTER UPDATE OF id, name, uln, employer ON apprentice
BEGIN
    DELETE FROM apprentice_search WHERE apprentice_id = OLD.id;
    INSERT INTO apprentice_search (apprentice_id, name, uln, employer) VALUES (NEW.id, NEW.name, NEW.uln, NEW.employer);
END;

CREATE TRIGGER apprentice_search_removed AFTER DELETE ON apprentice
BEGIN
    DELETE FROM apprentice_search WHERE apprentice_id = OLD.id;
END;
