package org.epaworkbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.epaworkbench.assessment.EpaSchedule;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.assessment.SubmittedReport;
import org.epaworkbench.assessment.WordCount;

/**
 * An apprentice's EPA outside the sessions: the gateway record with every version of the project
 * proposal, planned dates per attempt, portfolio of evidence and the project report. Every save is one transaction on the synchronous database, so a saved change
 * survives a crash. The apprenticeship start and gateway dates live on the apprentice row; the gateway
 * record reads and writes them there.
 */
public final class EpaStore {

    /** Which of an apprentice's dates. */
    public enum DateKind {
        /** When a component is planned, by component id. */
        PLANNED("planned"),
        /** When notice of a component was given, by component id. */
        NOTICE("notice"),
        /** When a submission was made, by what was submitted ("project report", "portfolio of evidence"). */
        SUBMITTED("submitted");

        private final String column;

        DateKind(String column) {
            this.column = column;
        }
    }

    private final Database database;
    private final Clock clock;

    public EpaStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public GatewayRecord gateway(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> gateway(c, apprenticeId));
    }

    private static GatewayRecord gateway(Connection c, String apprenticeId) throws SQLException {
        GatewayRecord g = gateways(c, ONE, apprenticeId).get(apprenticeId);
        if (g == null) {
            throw new SQLException("There is no apprentice " + apprenticeId + ".");
        }
        return g;
    }

    /** The apprentices' gateway records by apprentice id: of the apprentices {@code which} selects ({@link #ONE} or {@link #EVERY}). */
    private static Map<String, GatewayRecord> gateways(Connection c, String which, Object... args) throws SQLException {
        Map<String, List<GatewayRecord.ProjectProposal>> proposals = new HashMap<>();
        Sql.query(c, "SELECT * FROM project_proposal " + which + " ORDER BY apprentice_id, version", rs -> proposals
                .computeIfAbsent(rs.getString("apprentice_id"), k -> new java.util.ArrayList<>())
                .add(new GatewayRecord.ProjectProposal(rs.getString("synopsis"), date(rs.getString("submitted_on")),
                        GatewayRecord.ProposalDecision.valueOf(rs.getString("decision")), rs.getString("feedback"),
                        date(rs.getString("decided_on")))), args);
        Map<String, GatewayRecord> stored = new HashMap<>();
        Sql.query(c, "SELECT * FROM gateway " + which, rs -> stored.put(rs.getString("apprentice_id"), new GatewayRecord(null,
                date(rs.getString("on_programme_end")), null,
                new GatewayRecord.Qualification(rs.getInt("english_achieved") == 1, rs.getString("english_evidence")),
                new GatewayRecord.Qualification(rs.getInt("maths_achieved") == 1, rs.getString("maths_evidence")),
                rs.getInt("employer_declared") == 1, rs.getInt("provider_declared") == 1, rs.getString("id_seen"),
                rs.getString("reasonable_adjustments"), List.of())), args);
        Map<String, GatewayRecord> gateways = new HashMap<>();
        Sql.query(c, "SELECT id, apprenticeship_start, gateway_date FROM apprentice " + which.replace("apprentice_id", "id"),
                rs -> {
                    String id = rs.getString(1);
                    LocalDate start = date(rs.getString(2));
                    LocalDate gatewayDate = date(rs.getString(3));
                    GatewayRecord g = stored.getOrDefault(id, GatewayRecord.EMPTY);
                    return gateways.put(id, g.withDates(start, g.onProgrammeEnd(), gatewayDate)
                            .withProposals(proposals.getOrDefault(id, List.of())));
                }, args);
        return gateways;
    }

    /** Selects one apprentice's rows (the apprentice's id is the argument). */
    private static final String ONE = "WHERE apprentice_id = ?";
    /** Selects every apprentice's rows. */
    private static final String EVERY = "";

    /**
     * Saves the gateway record, every version of the project proposal, and the start and gateway dates on the
     * apprentice, together.
     */
    public void saveGateway(String apprenticeId, GatewayRecord g) throws SQLException {
        String now = clock.instant().toString();
        database.inTransaction(c -> {
            int found = Sql.update(c, "UPDATE apprentice SET apprenticeship_start = ?, gateway_date = ?, updated_at = ? WHERE id = ?",
                    text(g.apprenticeshipStart()), text(g.gatewayDate()), now, apprenticeId);
            if (found == 0) {
                throw new SQLException("There is no apprentice " + apprenticeId + ".");
            }
            Sql.update(c, "INSERT INTO gateway (apprentice_id, on_programme_end, english_achieved, english_evidence, "
                    + "maths_achieved, maths_evidence, employer_declared, provider_declared, id_seen, reasonable_adjustments, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(apprentice_id) DO UPDATE SET "
                    + "on_programme_end = excluded.on_programme_end, english_achieved = excluded.english_achieved, "
                    + "english_evidence = excluded.english_evidence, maths_achieved = excluded.maths_achieved, "
                    + "maths_evidence = excluded.maths_evidence, employer_declared = excluded.employer_declared, "
                    + "provider_declared = excluded.provider_declared, id_seen = excluded.id_seen, "
                    + "reasonable_adjustments = excluded.reasonable_adjustments, updated_at = excluded.updated_at",
                    apprenticeId, text(g.onProgrammeEnd()), g.english().achieved(), g.english().evidence(), g.maths().achieved(),
                    g.maths().evidence(), g.employerDeclared(), g.providerDeclared(), g.idSeen(), g.reasonableAdjustments(), now);
            Sql.update(c, "DELETE FROM project_proposal WHERE apprentice_id = ? AND version > ?", apprenticeId, g.proposals().size());
            for (int v = 1; v <= g.proposals().size(); v++) {
                GatewayRecord.ProjectProposal p = g.proposals().get(v - 1);
                Sql.update(c, "INSERT INTO project_proposal (apprentice_id, version, synopsis, submitted_on, decision, feedback, "
                        + "decided_on, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(apprentice_id, version) DO UPDATE SET "
                        + "synopsis = excluded.synopsis, submitted_on = excluded.submitted_on, decision = excluded.decision, "
                        + "feedback = excluded.feedback, decided_on = excluded.decided_on, updated_at = excluded.updated_at",
                        apprenticeId, v, p.synopsis(), text(p.submittedOn()), p.decision().name(), p.feedback(), text(p.decidedOn()), now);
            }
            return null;
        });
    }

    public EpaSchedule schedule(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> schedule(c, apprenticeId));
    }

    private static EpaSchedule schedule(Connection c, String apprenticeId) throws SQLException {
        return schedules(c, ONE, apprenticeId).getOrDefault(apprenticeId, noDates());
    }

    private static EpaSchedule noDates() {
        return new EpaSchedule(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private static Map<String, EpaSchedule> schedules(Connection c, String which, Object... args) throws SQLException {
        Map<String, Map<String, Map<EpaSchedule.Slot, LocalDate>>> byApprentice = new HashMap<>();
        Sql.query(c, "SELECT apprentice_id, kind, subject, attempt, date FROM epa_date " + which, rs -> byApprentice
                .computeIfAbsent(rs.getString("apprentice_id"), k -> {
                    Map<String, Map<EpaSchedule.Slot, LocalDate>> byKind = new HashMap<>();
                    for (DateKind kind : DateKind.values()) {
                        byKind.put(kind.column, new LinkedHashMap<>());
                    }
                    return byKind;
                }).get(rs.getString("kind"))
                .put(new EpaSchedule.Slot(rs.getString("subject"), rs.getInt("attempt")), LocalDate.parse(rs.getString("date"))),
                args);
        Map<String, EpaSchedule> schedules = new HashMap<>();
        byApprentice.forEach((id, byKind) -> schedules.put(id, new EpaSchedule(byKind.get("planned"), byKind.get("notice"),
                byKind.get("submitted"))));
        return schedules;
    }

    /** Sets one date of the first attempt, or clears it when {@code date} is null. */
    public void setDate(String apprenticeId, DateKind kind, String subject, LocalDate date) throws SQLException {
        setDate(apprenticeId, kind, subject, 1, date);
    }

    /** Sets one date of an attempt (1 the first, 2 the first resit or retake...), or clears it when {@code date} is null. */
    public void setDate(String apprenticeId, DateKind kind, String subject, int attempt, LocalDate date) throws SQLException {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt + " is not 1 or more");
        }
        database.inTransaction(c -> date == null
                ? Sql.update(c, "DELETE FROM epa_date WHERE apprentice_id = ? AND kind = ? AND subject = ? AND attempt = ?", apprenticeId,
                        kind.column, subject, attempt)
                : Sql.update(c, "INSERT INTO epa_date (apprentice_id, kind, subject, attempt, date, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT(apprentice_id, kind, subject, attempt) DO UPDATE SET date = excluded.date, "
                        + "updated_at = excluded.updated_at",
                        apprenticeId, kind.column, subject, attempt, date.toString(), clock.instant().toString()));
    }

    public List<PortfolioPiece> portfolio(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> portfolio(c, apprenticeId));
    }

    private static List<PortfolioPiece> portfolio(Connection c, String apprenticeId) throws SQLException {
        return portfolios(c, ONE, apprenticeId).getOrDefault(apprenticeId, List.of());
    }

    private static Map<String, List<PortfolioPiece>> portfolios(Connection c, String which, Object... args) throws SQLException {
        Map<String, Set<String>> mapping = new HashMap<>();
        Sql.query(c, "SELECT m.piece_id, m.criterion_id FROM portfolio_mapping m JOIN portfolio_piece p ON p.id = m.piece_id "
                + which.replace("apprentice_id", "p.apprentice_id"), rs -> mapping.computeIfAbsent(rs.getString(1),
                        k -> new HashSet<>()).add(rs.getString(2)), args);
        Map<String, List<PortfolioPiece>> pieces = new HashMap<>();
        Sql.query(c, "SELECT * FROM portfolio_piece " + which + " ORDER BY apprentice_id, number", rs -> pieces
                .computeIfAbsent(rs.getString("apprentice_id"), k -> new java.util.ArrayList<>()).add(new PortfolioPiece(
                rs.getString("id"), rs.getInt("number"), rs.getString("title"), rs.getString("type"), date(rs.getString("date")),
                rs.getString("reference"), rs.getString("attachment"), mapping.getOrDefault(rs.getString("id"), Set.of()))),
                args);
        return pieces;
    }

    /** The number the next piece gets: one more than the highest so far. */
    public int nextPieceNumber(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> Sql.one(c, "SELECT COALESCE(MAX(number), 0) + 1 FROM portfolio_piece WHERE apprentice_id = ?",
                rs -> rs.getInt(1), apprenticeId).orElse(1));
    }

    /**
     * Saves a piece and its criteria (new when its id is null). A number another piece already has is
     * refused with a message naming both.
     */
    public PortfolioPiece savePiece(String apprenticeId, PortfolioPiece piece) throws SQLException, PortfolioProblem {
        String id = piece.id() == null ? UUID.randomUUID().toString() : piece.id();
        String now = clock.instant().toString();
        PortfolioPiece saved = new PortfolioPiece(id, piece.number(), piece.title(), piece.type(), piece.date(), piece.reference(),
                piece.attachment(), piece.criteria());
        try {
            database.inTransaction(c -> {
                Optional<String> clash = Sql.one(c, "SELECT title FROM portfolio_piece WHERE apprentice_id = ? AND number = ? AND id <> ?",
                        rs -> rs.getString(1), apprenticeId, piece.number(), id);
                if (clash.isPresent()) {
                    throw new PortfolioClash("Piece number " + piece.number() + " is already “" + clash.get()
                            + "”: choose another number.");
                }
                Sql.update(c, "INSERT INTO portfolio_piece (id, apprentice_id, number, title, type, date, reference, attachment, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                        + "number = excluded.number, title = excluded.title, type = excluded.type, date = excluded.date, "
                        + "reference = excluded.reference, attachment = excluded.attachment, updated_at = excluded.updated_at",
                        id, apprenticeId, piece.number(), saved.title(), saved.type(), text(piece.date()), saved.reference(),
                        saved.attachment(), now, now);
                Sql.update(c, "DELETE FROM portfolio_mapping WHERE piece_id = ?", id);
                for (String criterion : saved.criteria()) {
                    Sql.update(c, "INSERT INTO portfolio_mapping (piece_id, criterion_id) VALUES (?, ?)", id, criterion);
                }
                return null;
            });
        } catch (PortfolioClash e) {
            throw new PortfolioProblem(e.getMessage());
        }
        return saved;
    }

    /** Maps or unmaps one piece to one criterion. */
    public void map(String pieceId, String criterionId, boolean mapped) throws SQLException {
        database.inTransaction(c -> mapped
                ? Sql.update(c, "INSERT INTO portfolio_mapping (piece_id, criterion_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        pieceId, criterionId)
                : Sql.update(c, "DELETE FROM portfolio_mapping WHERE piece_id = ? AND criterion_id = ?", pieceId, criterionId));
    }

    public void removePiece(String pieceId) throws SQLException {
        database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM portfolio_mapping WHERE piece_id = ?", pieceId);
            return Sql.update(c, "DELETE FROM portfolio_piece WHERE id = ?", pieceId);
        });
    }

    /** A portfolio change refused, e.g. a piece number already taken. */
    public static final class PortfolioProblem extends Exception {
        public PortfolioProblem(String message) {
            super(message);
        }
    }

    private static final class PortfolioClash extends RuntimeException {
        PortfolioClash(String message) {
            super(message);
        }
    }

    public Optional<SubmittedReport> report(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> report(c, apprenticeId));
    }

    private static Optional<SubmittedReport> report(Connection c, String apprenticeId) throws SQLException {
        return Optional.ofNullable(reports(c, ONE, apprenticeId).get(apprenticeId));
    }

    private static Map<String, SubmittedReport> reports(Connection c, String which, Object... args) throws SQLException {
        Map<String, SubmittedReport> reports = new HashMap<>();
        Sql.query(c, "SELECT * FROM project_report " + which, rs -> reports.put(rs.getString("apprentice_id"), new SubmittedReport(
                rs.getString("file_name"), rs.getString("attachment"), rs.getString("sha256"), new WordCount.ReportWords(
                        rs.getInt("words_total"), rs.getInt("words_excluding_annexes"), rs.getString("first_annex_heading"),
                        rs.getInt("annex_line"), rs.getInt("annex_page")))), args);
        return reports;
    }

    public void saveReport(String apprenticeId, SubmittedReport r) throws SQLException {
        database.inTransaction(c -> Sql.update(c, "INSERT INTO project_report (apprentice_id, file_name, attachment, sha256, "
                + "words_total, words_excluding_annexes, first_annex_heading, annex_line, annex_page, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT(apprentice_id) DO UPDATE SET file_name = excluded.file_name, attachment = excluded.attachment, "
                + "sha256 = excluded.sha256, words_total = excluded.words_total, "
                + "words_excluding_annexes = excluded.words_excluding_annexes, first_annex_heading = excluded.first_annex_heading, "
                + "annex_line = excluded.annex_line, annex_page = excluded.annex_page, "
                + "updated_at = excluded.updated_at", apprenticeId, r.fileName(), r.attachment(), r.sha256(), r.words().total(),
                r.words().excludingAnnexes(), r.words().firstAnnexHeading(), r.words().annexLine(), r.words().annexPage(),
                clock.instant().toString()));
    }

    public Map<String, String> reportMapping(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> reportMapping(c, apprenticeId));
    }

    private static Map<String, String> reportMapping(Connection c, String apprenticeId) throws SQLException {
        return reportMappings(c, ONE, apprenticeId).getOrDefault(apprenticeId, new LinkedHashMap<>());
    }

    private static Map<String, Map<String, String>> reportMappings(Connection c, String which, Object... args) throws SQLException {
        Map<String, Map<String, String>> byApprentice = new HashMap<>();
        Sql.query(c, "SELECT apprentice_id, criterion_id, location FROM project_mapping " + which, rs -> byApprentice
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3)), args);
        return byApprentice;
    }

    /** Where the apprentice says the report evidences a criterion ("Section 3, p. 6"); blank removes it. */
    public void saveReportMapping(String apprenticeId, String criterionId, String location) throws SQLException {
        String where = location == null ? "" : location.strip();
        database.inTransaction(c -> where.isEmpty()
                ? Sql.update(c, "DELETE FROM project_mapping WHERE apprentice_id = ? AND criterion_id = ?", apprenticeId, criterionId)
                : Sql.update(c, "INSERT INTO project_mapping (apprentice_id, criterion_id, location) VALUES (?, ?, ?) "
                        + "ON CONFLICT(apprentice_id, criterion_id) DO UPDATE SET location = excluded.location",
                        apprenticeId, criterionId, where));
    }

    /** Everything above for one apprentice, read in one transaction. */
    public record Stored(GatewayRecord gateway, EpaSchedule schedule, List<PortfolioPiece> portfolio,
            Optional<SubmittedReport> report, Map<String, String> reportMapping) {
    }

    /**
     * Every apprentice's stored EPA, by apprentice id, read together in a few queries (the apprentice list, issue 17),
     * equal to {@link #all(String)} of each.
     */
    public Map<String, Stored> everyApprentice() throws SQLException {
        return database.inTransaction(c -> {
            Map<String, GatewayRecord> gateways = gateways(c, EVERY);
            Map<String, EpaSchedule> schedules = schedules(c, EVERY);
            Map<String, List<PortfolioPiece>> portfolios = portfolios(c, EVERY);
            Map<String, SubmittedReport> reports = reports(c, EVERY);
            Map<String, Map<String, String>> mappings = reportMappings(c, EVERY);
            Map<String, Stored> all = new HashMap<>();
            gateways.forEach((id, g) -> all.put(id, new Stored(g, schedules.getOrDefault(id, noDates()),
                    portfolios.getOrDefault(id, List.of()), Optional.ofNullable(reports.get(id)),
                    mappings.getOrDefault(id, new LinkedHashMap<>()))));
            return all;
        });
    }

    public Stored all(String apprenticeId) throws SQLException {
        return database.inTransaction(c -> new Stored(gateway(c, apprenticeId), schedule(c, apprenticeId),
                portfolio(c, apprenticeId), report(c, apprenticeId), reportMapping(c, apprenticeId)));
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
