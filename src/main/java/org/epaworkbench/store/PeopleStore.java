package org.epaworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;

/** Apprentices and the assessor profile. */
public final class PeopleStore {

    private final Database database;
    private final Clock clock;

    public PeopleStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Saves an apprentice; each field changed is recorded as changed in this data folder now (see {@link ApprenticeProvenance}). */
    public void save(Apprentice a) throws SQLException {
        String now = clock.instant().toString();
        SessionSummaries summaries = database.summaries();
        boolean planChanges = database.inTransaction(c -> Sql.one(c, "SELECT plan_id FROM apprentice WHERE id = ?",
                rs -> !rs.getString(1).equals(a.planId()), a.id())).orElse(false);
        if (planChanges) {
            summaries.prepare();
        }
        database.inTransaction(c -> {
            var before = Sql.one(c, "SELECT * FROM apprentice WHERE id = ?", ApprenticeProvenance::row, a.id()).orElse(null);
            Sql.update(c,
                "INSERT INTO apprentice (id, name, uln, employer, training_provider, plan_id, apprenticeship_start, "
                        + "gateway_date, sample, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT(id) DO UPDATE SET name = excluded.name, uln = excluded.uln, employer = excluded.employer, "
                        + "training_provider = excluded.training_provider, plan_id = excluded.plan_id, "
                        + "apprenticeship_start = excluded.apprenticeship_start, gateway_date = excluded.gateway_date, "
                        + "updated_at = excluded.updated_at",
                a.id(), a.name().strip(), a.uln().value(), a.employer(), a.trainingProvider(), a.planId(),
                date(a.apprenticeshipStart()), date(a.gatewayDate()), a.sample(), now, now);
            var after = Sql.one(c, "SELECT * FROM apprentice WHERE id = ?", ApprenticeProvenance::row, a.id()).orElseThrow();
            ApprenticeProvenance.changedHere(c, before, after, clock.instant());
            if (before != null && !before.planId().equals(after.planId())) {
                // on another plan the sessions are graded by it, or (of the old plan) not at all
                summaries.regrade(c, a.id());
            }
            return null;
        });
    }

    public List<Apprentice> apprentices() throws SQLException {
        return database.inTransaction(c -> Sql.query(c, "SELECT * FROM apprentice ORDER BY name COLLATE NOCASE",
                PeopleStore::apprentice));
    }

    /**
     * The ids of the apprentices whose name or employer contains {@code text}, or whose ULN contains it with its spaces
     * left out, case ignored (issue 17): through the trigram index, or, for fewer than three characters, the table.
     * Blank text matches every apprentice.
     */
    public java.util.Set<String> apprenticesMatching(String text) throws SQLException {
        String q = text == null ? "" : text.strip();
        String digits = q.replace(" ", "");
        return database.inTransaction(c -> {
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            if (q.isEmpty()) {
                Sql.query(c, "SELECT id FROM apprentice", rs -> ids.add(rs.getString(1)));
            } else if (q.codePointCount(0, q.length()) >= 3) {
                String match = "{name employer} : " + phrase(q)
                        + (digits.codePointCount(0, digits.length()) >= 3 ? " OR uln : " + phrase(digits) : "");
                Sql.query(c, "SELECT apprentice_id FROM apprentice_search WHERE apprentice_search MATCH ?",
                        rs -> ids.add(rs.getString(1)), match);
            } else {
                // too short for a trigram: two characters at most, the table is read
                Sql.query(c, "SELECT id FROM apprentice WHERE name LIKE ? ESCAPE '\\' OR employer LIKE ? ESCAPE '\\' "
                        + "OR uln LIKE ? ESCAPE '\\'", rs -> ids.add(rs.getString(1)), containing(q), containing(q),
                        containing(digits));
            }
            return ids;
        });
    }

    /** A LIKE pattern for text anywhere, its wildcards taken as they are. */
    private static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Text as one FTS5 phrase: in double quotes, a double quote in it doubled; nothing in it is query syntax. */
    private static String phrase(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    public Optional<Apprentice> apprentice(String id) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM apprentice WHERE id = ?", PeopleStore::apprentice, id));
    }

    public Optional<AssessorProfile> assessor() throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT * FROM assessor_profile WHERE id = 1",
                rs -> new AssessorProfile(rs.getString("name"), rs.getString("assessor_number"),
                        rs.getString("organisation"), rs.getInt("sample") == 1)));
    }

    public void saveAssessor(AssessorProfile p) throws SQLException {
        database.inTransaction(c -> Sql.update(c,
                "INSERT INTO assessor_profile (id, name, assessor_number, organisation, sample, updated_at) "
                        + "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                        + "assessor_number = excluded.assessor_number, organisation = excluded.organisation, "
                        + "sample = excluded.sample, updated_at = excluded.updated_at",
                p.name().strip(), p.assessorNumber(), p.organisation(), p.sample(), clock.instant().toString()));
    }

    private static Apprentice apprentice(ResultSet rs) throws SQLException {
        return new Apprentice(rs.getString("id"), rs.getString("name"), new Uln(rs.getString("uln")),
                rs.getString("employer"), rs.getString("training_provider"), rs.getString("plan_id"),
                localDate(rs.getString("apprenticeship_start")), localDate(rs.getString("gateway_date")),
                rs.getInt("sample") == 1);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate localDate(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
