package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.assessment.SubmittedReport;
import org.epaworkbench.assessment.WordCount;
import org.epaworkbench.documents.ProjectText;
import org.epaworkbench.store.Attachments;
import org.epaworkbench.store.EpaStore;

/**
 * What an assessor keeps for an apprentice's EPA besides the sessions: the gateway, the planned, notice
 * and submission dates, the portfolio and the project (its file counted and kept, where it evidences
 * each criterion), with copies of the files attached.
 */
public final class EpaDetails {

    private final EpaStore epa;
    private final Attachments attachments;

    EpaDetails(EpaStore epa, Attachments attachments) {
        this.epa = epa;
        this.attachments = attachments;
    }

    public void saveGateway(String apprenticeId, GatewayRecord gateway) throws SQLException {
        epa.saveGateway(apprenticeId, gateway);
    }

    /** Sets (or with {@code null} clears) one of the apprentice's dates; {@code attempt} 1 is the first. */
    public void setDate(String apprenticeId, EpaStore.DateKind kind, String subject, int attempt, LocalDate date) throws SQLException {
        epa.setDate(apprenticeId, kind, subject, attempt, date);
    }

    /** The portfolio's pieces, by number. */
    public List<PortfolioPiece> portfolio(String apprenticeId) throws SQLException {
        return epa.portfolio(apprenticeId);
    }

    /**
     * Saves a piece (new when its id is null), keeping a copy of {@code fileToAttach} when one is given.
     * A number another piece already has is refused with a message naming both.
     */
    public PortfolioPiece savePiece(String apprenticeId, PortfolioPiece piece, Optional<Path> fileToAttach)
            throws SQLException, IOException, EpaStore.PortfolioProblem {
        PortfolioPiece saving = piece;
        if (fileToAttach.isPresent()) {
            Attachments.Stored stored = attachments.store(apprenticeId, fileToAttach.get());
            saving = new PortfolioPiece(piece.id(), piece.number(), piece.title(), piece.type(), piece.date(),
                    piece.reference(), stored.name(), piece.criteria());
        }
        return epa.savePiece(apprenticeId, saving);
    }

    public void removePiece(String pieceId) throws SQLException {
        epa.removePiece(pieceId);
    }

    /**
     * Attaches the project: its text read and its words counted (annexes apart), a copy kept, and
     * recorded as the apprentice's project. A file that cannot be read is refused saying why, and nothing is kept.
     */
    public SubmittedReport attachProject(String apprenticeId, Path source)
            throws ProjectText.Unreadable, IOException, SQLException {
        WordCount.ReportWords counted = WordCount.report(ProjectText.extract(source));
        Attachments.Stored stored = attachments.store(apprenticeId, source);
        SubmittedReport project = new SubmittedReport(source.getFileName().toString(), stored.name(), stored.sha256(), counted);
        epa.saveReport(apprenticeId, project);
        return project;
    }

    /** Where the apprentice says the project evidences each criterion (criterion id to place). */
    public Map<String, String> projectMapping(String apprenticeId) throws SQLException {
        return epa.reportMapping(apprenticeId);
    }

    public void saveProjectMapping(String apprenticeId, String criterionId, String location) throws SQLException {
        epa.saveReportMapping(apprenticeId, criterionId, location);
    }

    /** The kept copy of an attached file, to open. */
    public Path attachedFile(String apprenticeId, String storedName) {
        return attachments.file(apprenticeId, storedName);
    }

    /** The folder the apprentice's attached files are kept in. */
    public Path attachmentsFolder(String apprenticeId) {
        return attachments.folder(apprenticeId);
    }

    /** The name a file had when it was attached (its kept copy's name without the prefix that keeps it apart). */
    public static String originalName(String storedName) {
        return Attachments.originalName(storedName);
    }
}
