package org.epaworkbench.assessment;

import org.epaworkbench.Wording;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;

/**
 * Everything recorded about one apprentice's end-point assessment outside the sessions themselves:
 * the gateway, the planned dates, the portfolio of evidence, the project report and the criteria
 * mapping the apprentice supplied with it, the attempts so far, and whether the overall result is signed.
 *
 * @param reportMapping where the apprentice says the report evidences each criterion, by criterion id
 */
public record ApprenticeEpa(
        Apprentice apprentice,
        GatewayRecord gateway,
        EpaSchedule schedule,
        List<PortfolioPiece> portfolio,
        Optional<SubmittedReport> report,
        Map<String, String> reportMapping,
        List<Attempt> attempts,
        boolean overallSigned) {

    public ApprenticeEpa {
        gateway = gateway == null ? GatewayRecord.EMPTY : gateway;
        schedule = schedule == null ? EpaSchedule.EMPTY : schedule;
        portfolio = portfolio.stream().sorted(Comparator.comparingInt(PortfolioPiece::number)).toList();
        reportMapping = Map.copyOf(reportMapping);
        attempts = List.copyOf(attempts);
    }

    /** What the plan's rules say about this apprentice today. */
    public record Review(
            ApprenticeStatus status,
            List<Deadline> deadlines,
            List<Flag> flags,
            Optional<PortfolioCheck.Report> portfolio,
            Optional<Flag> reportLength) {

        public long problems() {
            return flags.stream().filter(f -> f.severity() == Flag.Severity.PROBLEM).count();
        }

        /** Deadlines on or after {@code today}, soonest first. */
        public List<Deadline> ahead(LocalDate today) {
            return deadlines.stream().filter(d -> !d.date().isBefore(today)).toList();
        }
    }

    public Review review(AssessmentPlan plan, LocalDate today) {
        EpaCheck.Report dates = EpaCheck.check(plan, gateway, schedule, attempts, today);
        List<Flag> flags = new ArrayList<>(dates.flags());
        Optional<PortfolioCheck.Report> portfolioCheck = PortfolioCheck.check(plan, portfolio);
        portfolioCheck.flatMap(PortfolioCheck.Report::countFlag).ifPresent(flags::add);
        portfolioCheck.filter(p -> !p.uncovered().isEmpty()).ifPresent(p -> flags.add(new Flag(Flag.Severity.WARNING, "Portfolio",
                "No portfolio evidence is mapped to " + p.uncovered().size() + " of the " + p.coverage().size() + " "
                        + Wording.inSentence(p.component().title()) + " criteria.", plan.epa().portfolio().source())));
        portfolioCheck.filter(p -> !p.unmapped().isEmpty()).ifPresent(p -> flags.add(new Flag(Flag.Severity.WARNING, "Portfolio",
                PortfolioCheck.unmappedSentence(p.unmapped()) + " Map each piece to the criteria it evidences.", null)));
        Optional<Flag> length = Optional.ofNullable(plan.epa().projectReport())
                .flatMap(rule -> report.flatMap(r -> r.lengthFlag(rule)));
        length.ifPresent(flags::add);
        flags.sort(Comparator.comparing(Flag::severity));
        return new Review(status(plan), dates.deadlines(), flags, portfolioCheck, length);
    }

    /** The attempts, numbered per component as the schedule numbers them. */
    public AttemptHistory history() {
        return new AttemptHistory(attempts);
    }

    /** Where the EPA stands: see {@link ApprenticeStatus#of}. */
    public ApprenticeStatus status(AssessmentPlan plan) {
        AttemptHistory h = history();
        boolean everyComponentEnded = plan.components().stream().map(Component::id).allMatch(id -> h.latest(id).isPresent());
        boolean resitDue = plan.components().stream().map(Component::id).anyMatch(h::awaitingReassessment);
        return ApprenticeStatus.of(gateway, plan.epa().qualifications().isPresent(), everyComponentEnded, resitDue, overallSigned);
    }

    /** The next planned attempt from {@code today} on that has not yet taken place, if any, by component id. */
    public Optional<Map.Entry<String, LocalDate>> nextPlanned(LocalDate today) {
        return upcoming(today).stream().findFirst().map(d -> Map.entry(d.subject(), d.date()));
    }

    /** Planned attempts from {@code today} on that have not yet taken place, soonest first. */
    public List<EpaSchedule.Dated> upcoming(LocalDate today) {
        AttemptHistory h = history();
        return schedule.plannedDates().stream().filter(d -> !d.date().isBefore(today) && !h.ended(d.subject(), d.attempt()))
                .toList();
    }
}
