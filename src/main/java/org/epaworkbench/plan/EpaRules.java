package org.epaworkbench.plan;

import java.util.List;
import java.util.Optional;

/**
 * A plan's rules around the sessions, each with its citation: minimum time on programme, the EPA
 * window, the project deadline, what must be submitted how long before which component, notice
 * periods, the recommended order, the portfolio, the project report and proposal, and reassessment
 * time limits. Every part is optional: a plan states what its sources state.
 */
public record EpaRules(
        MinimumOnProgramme minimumOnProgramme,
        Window window,
        ProjectDeadline projectDeadline,
        List<Submission> submissions,
        List<Notice> notices,
        List<Order> order,
        PortfolioRule portfolio,
        ProjectReport projectReport,
        ProjectProposal projectProposal,
        Reassessment reassessment) {

    public static final EpaRules NONE = new EpaRules(null, null, null, List.of(), List.of(), List.of(), null, null, null, null);

    public EpaRules {
        submissions = List.copyOf(submissions);
        notices = List.copyOf(notices);
        order = List.copyOf(order);
    }

    /** Days or months, whichever the source states. */
    public record MinimumOnProgramme(Integer days, Integer months, Citation source) {
        public String describe() {
            return days != null ? days + " days" : months + " months";
        }
    }

    public record Window(int months, Citation source) {
    }

    public record ProjectDeadline(String component, int months, Citation source) {
    }

    /** Something the apprentice submits at least {@code daysBefore} days before a component. */
    public record Submission(String what, String component, int daysBefore, Citation source) {
    }

    /** Notice the apprentice is given of a component, at least {@code daysBefore} days ahead. */
    public record Notice(String component, int daysBefore, Citation source) {
    }

    /** The plan recommends {@code first} before {@code then}. */
    public record Order(String first, String then, Citation source) {
    }

    public record PortfolioRule(String component, int minPieces, int maxPieces, Citation source) {
    }

    public record ProjectReport(String component, int words, double tolerancePercent, boolean annexesExcluded, Citation source) {
        public int minWords() {
            return (int) Math.ceil(words * (100 - tolerancePercent) / 100.0);
        }

        public int maxWords() {
            return (int) Math.floor(words * (100 + tolerancePercent) / 100.0);
        }
    }

    public record ProjectProposal(int minWords, int maxWords, int resubmitWithinDays, Citation source) {
    }

    public record Reassessment(int withinMonths, Integer projectReworkMonths, Citation source) {
    }

    public Optional<Submission> submission(String what) {
        return submissions.stream().filter(s -> s.what().equals(what)).findFirst();
    }
}
