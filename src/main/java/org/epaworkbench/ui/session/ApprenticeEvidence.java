package org.epaworkbench.ui.session;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.assessment.PortfolioCheck;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.app.Workbench;

/**
 * What the apprentice submitted for this session's component, so that during the discussion a
 * criterion's portfolio evidence (and during the project interview, where the report covers it) is
 * one click away.
 *
 * @param portfolio the pieces, when this session is the plan's portfolio component; empty otherwise
 * @param reportMapping criterion id to where the report evidences it, when this session is the project's component
 * @param attachments the folder the apprentice's attached files are kept in
 * @param portfolioGaps what the plan's portfolio rule finds wrong (count outside its range, criteria no piece covers,
 *        pieces mapped to no criterion), when this session is the portfolio component; empty otherwise
 */
public record ApprenticeEvidence(List<PortfolioPiece> portfolio, Map<String, String> reportMapping, Path attachments,
        List<String> portfolioGaps) {

    public ApprenticeEvidence(List<PortfolioPiece> portfolio, Map<String, String> reportMapping, Path attachments) {
        this(portfolio, reportMapping, attachments, List.of());
    }

    public static ApprenticeEvidence load(Workbench wb, AssessmentPlan plan, SessionDetails details) throws SQLException {
        EpaRules.PortfolioRule portfolioRule = plan.epa().portfolio();
        EpaRules.ProjectReport reportRule = plan.epa().projectReport();
        String apprenticeId = details.apprenticeId();
        boolean discussion = portfolioRule != null && portfolioRule.component().equals(details.componentId());
        var kept = wb.epaDetails();
        List<PortfolioPiece> pieces = discussion ? kept.portfolio(apprenticeId) : List.of();
        List<String> gaps = discussion ? PortfolioCheck.check(plan, pieces).map(PortfolioCheck.Report::gaps).orElse(List.of()) : List.of();
        Map<String, String> mapping = reportRule != null && reportRule.component().equals(details.componentId())
                ? kept.projectMapping(apprenticeId) : Map.of();
        return new ApprenticeEvidence(pieces, mapping, kept.attachmentsFolder(apprenticeId), gaps);
    }

    public List<PortfolioPiece> piecesFor(String criterionId) {
        return portfolio.stream().filter(p -> p.criteria().contains(criterionId)).toList();
    }

    public Optional<String> reportLocation(String criterionId) {
        return Optional.ofNullable(reportMapping.get(criterionId));
    }

    public Path file(PortfolioPiece p) {
        return attachments.resolve(p.attachment());
    }
}
