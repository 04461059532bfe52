package org.epaworkbench.plan;

import java.util.List;
import java.util.Optional;

/**
 * A plan's rules around the sessions, each with its citation: minimum time on programme, the earliest
 * start of the EPA, the EPA window, the project deadline, what must be submitted how long before which
 * component (or by the gateway), notice periods, the recommended order, the portfolio, the project
 * report and proposal, reassessment time limits, the further training before a retake, the gateway
 * a retake goes through again and the English and maths the gateway asks for. Every part is optional: a
 * plan states what its sources state.
 */
public record EpaRules(
        MinimumOnProgramme minimumOnProgramme,
        EarliestEpaStart earliestEpaStart,
        Window window,
        ProjectDeadline projectDeadline,
        List<Submission> submissions,
        List<AtGateway> dueAtGateway,
        List<Notice> notices,
        List<Order> order,
        PortfolioRule portfolio,
        ProjectReport projectReport,
        ProjectProposal projectProposal,
        Reassessment reassessment,
        RetakeTraining retakeTraining,
        RetakeGateway retakeGateway,
        EnglishAndMaths englishAndMaths,
        FurtherDevelopment furtherDevelopment) {

    public static final EpaRules NONE = new EpaRules(null, null, null, null, List.of(), List.of(), List.of(), List.of(), null, null,
            null, null, null, null, null, null);

    public EpaRules {
        submissions = List.copyOf(submissions);
        dueAtGateway = List.copyOf(dueAtGateway);
        notices = List.copyOf(notices);
        order = List.copyOf(order);
    }

    /** How hard a rule is: a {@code PROBLEM} breaks the plan; a {@code WARNING} goes against what it says is typical or recommended. */
    public enum Severity {
        PROBLEM,
        WARNING
    }

    /** Days or months, whichever the source states. */
    public record MinimumOnProgramme(Integer days, Integer months, Citation source) {
        public String describe() {
            return days != null ? days + " days" : months + " months";
        }
    }

    /**
     * The earliest the end-point assessment may start, counted from the apprenticeship start: neither the
     * gateway nor any component's first attempt before it.
     */
    public record EarliestEpaStart(Integer days, Integer months, Severity severity, Citation source) {
        public EarliestEpaStart {
            severity = severity == null ? Severity.PROBLEM : severity;
        }

        public String describe() {
            return days != null ? days + " days" : months + " months";
        }
    }

    /** The EPA window: first attempts at every component within {@code months} of the gateway. */
    public record Window(int months, Severity severity, Citation source) {
        public Window {
            severity = severity == null ? Severity.PROBLEM : severity;
        }

        public Window(int months, Citation source) {
            this(months, Severity.PROBLEM, source);
        }
    }

    public record ProjectDeadline(String component, int months, Citation source) {
    }

    /** Something the apprentice submits at least {@code daysBefore} days before a component. */
    public record Submission(String what, String component, int daysBefore, Citation source) {
    }

    /** Something the apprentice submits by the gateway (on or before the gateway date). */
    public record AtGateway(String what, Citation source) {
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

    /**
     * The project proposal's synopsis length and resubmission; {@code atGateway}, where the source says so, cites that the
     * proposal is completed and brought along to the gateway meeting (so one submitted after the gateway is late).
     */
    public record ProjectProposal(int minWords, int maxWords, int resubmitWithinDays, Citation source, Citation atGateway) {
        public ProjectProposal(int minWords, int maxWords, int resubmitWithinDays, Citation source) {
            this(minWords, maxWords, resubmitWithinDays, source, null);
        }

        public Optional<Citation> dueAtGateway() {
            return Optional.ofNullable(atGateway);
        }
    }

    /** Further development the apprentice is given before the attempts listed ("Further development must be provided prior to a resit"). */
    public record FurtherDevelopment(java.util.Set<AttemptKind> before, Citation source) {
        public FurtherDevelopment {
            before = java.util.Set.copyOf(before);
            java.util.Objects.requireNonNull(source, "source");
        }
    }

    /** Where the reassessment period starts. */
    public enum PeriodStart {
        /** One period for the whole EPA, from the first failed attempt at any component. */
        FIRST_FAIL("first-fail"),
        /** One period per component, from that component's first failed attempt. */
        COMPONENT_FIRST_FAIL("component-first-fail");

        private final String word;

        PeriodStart(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static PeriodStart of(String word) {
            for (PeriodStart p : values()) {
                if (p.word.equals(word)) {
                    return p;
                }
            }
            throw new IllegalArgumentException(word);
        }
    }

    /**
     * Resits and retakes within {@code withinMonths}, counted from where {@code periodStarts} says (repeated
     * fails inside the period do not restart it); a failed project's report reworked within {@code projectReworkMonths}.
     */
    public record Reassessment(int withinMonths, PeriodStart periodStarts, Integer projectReworkMonths, Citation source) {
        public Reassessment {
            periodStarts = periodStarts == null ? PeriodStart.FIRST_FAIL : periodStarts;
        }

        public Reassessment(int withinMonths, Integer projectReworkMonths, Citation source) {
            this(withinMonths, PeriodStart.FIRST_FAIL, projectReworkMonths, source);
        }
    }

    /**
     * Further training before a retake, once the apprentice has failed {@code whenFailedAtLeast} components: the
     * retake no earlier than {@code minMonths} after the latest fail (a problem), and a warning beyond {@code maxMonths}.
     */
    public record RetakeTraining(int minMonths, int maxMonths, int whenFailedAtLeast, Citation source) {
    }

    /** A retake (unlike a resit) follows further learning and a new gateway. */
    public record RetakeGateway(Citation source) {
    }

    /**
     * English and maths qualifications the apprentice must have achieved by the gateway, at {@code level} where the
     * source names one (null where it says only "in line with the apprenticeship funding rules").
     */
    public record EnglishAndMaths(Integer level, Citation source) {
        /** "English at level 2" or, with no level stated, "English". */
        public String subject(String which) {
            return level == null ? which : which + " at level " + level;
        }
    }

    public Optional<EnglishAndMaths> qualifications() {
        return Optional.ofNullable(englishAndMaths);
    }

    public Optional<Submission> submission(String what) {
        return submissions.stream().filter(s -> s.what().equals(what)).findFirst();
    }
}
