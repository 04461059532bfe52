package org.epaworkbench.epa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Grade;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every date rule, at its boundary: the day it holds and the day it breaks. */
class EpaCheckTest {

    static final List<AssessmentPlan> PLANS = PlanLibrary.builtInPlans(new PlanPackReader());
    static final LocalDate START = LocalDate.of(2025, 1, 10);
    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    static AssessmentPlan plan(String id) {
        return PLANS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static GatewayRecord gateway(LocalDate gatewayDate) {
        return new GatewayRecord(START, gatewayDate.minusDays(1), gatewayDate, new GatewayRecord.Qualification(true, "certificate"),
                new GatewayRecord.Qualification(true, "certificate"), true, true, "Passport", "", GatewayRecord.ProjectProposal.NONE);
    }

    static List<Flag> flags(String planId, GatewayRecord g, EpaSchedule s, LocalDate today) {
        return EpaCheck.check(plan(planId), g, s, today).flags();
    }

    static EpaSchedule schedule(Map<String, LocalDate> planned, Map<String, LocalDate> notice, Map<String, LocalDate> submitted) {
        return new EpaSchedule(planned, notice, submitted);
    }

    @Nested
    class MinimumTimeOnProgramme {
        /** 372 days (Highfield 002), 366 days (PAL 003), 12 months (VTCT 004); the minimum itself is allowed. */
        @ParameterizedTest(name = "{0}: gateway {1} days after start → flagged {2}")
        @CsvSource({"highfield-css-l3, 371, true", "highfield-css-l3, 372, false",
                "pal-css-l3, 365, true", "pal-css-l3, 366, false"})
        void inDays(String planId, int days, boolean flagged) {
            List<Flag> f = flags(planId, gateway(START.plusDays(days)), EpaSchedule.EMPTY, TODAY);
            assertThat(f.stream().anyMatch(x -> x.message().contains("on programme"))).isEqualTo(flagged);
        }

        @Test
        void inMonths() {
            assertThat(flags("vtct-css-l3", gateway(START.plusMonths(12).minusDays(1)), EpaSchedule.EMPTY, TODAY))
                    .anySatisfy(f -> assertThat(f.message()).contains("at least 12 months").contains("not before 10 Jan 2026"));
            assertThat(flags("vtct-css-l3", gateway(START.plusMonths(12)), EpaSchedule.EMPTY, TODAY))
                    .noneSatisfy(f -> assertThat(f.message()).contains("on programme"));
        }

        @Test
        void practitionerSourcesStateNoMinimum() {
            assertThat(flags("highfield-csp-l2", gateway(START.plusDays(10)), EpaSchedule.EMPTY, TODAY))
                    .noneSatisfy(f -> assertThat(f.message()).contains("on programme"));
        }
    }

    @Test
    void englishAndMathsAndDeclarationsAreGatewayRequirements() {
        GatewayRecord g = new GatewayRecord(START, null, START.plusDays(400), GatewayRecord.Qualification.NONE,
                new GatewayRecord.Qualification(true, "GCSE"), false, true, "", "", GatewayRecord.ProjectProposal.NONE);
        List<Flag> f = flags("pal-css-l3", g, EpaSchedule.EMPTY, TODAY);
        assertThat(f).anySatisfy(x -> assertThat(x.message()).startsWith("English at level 2"));
        assertThat(f).anySatisfy(x -> assertThat(x.message()).contains("employer's gateway declaration"));
        assertThat(f).noneSatisfy(x -> assertThat(x.message()).startsWith("Maths"));
    }

    @Nested
    class Window {
        final LocalDate gateway = LocalDate.of(2026, 2, 2);

        @Test
        void theLastDayOfTheThreeMonthWindowIsInsideAndTheNextIsNot() {
            assertThat(flags("highfield-css-l3", gateway(gateway),
                    schedule(Map.of("observation", LocalDate.of(2026, 5, 2)), Map.of("observation", LocalDate.of(2026, 4, 1)),
                            Map.of()), TODAY)).noneSatisfy(f -> assertThat(f.message()).contains("window"));
            assertThat(flags("highfield-css-l3", gateway(gateway),
                    schedule(Map.of("observation", LocalDate.of(2026, 5, 3)), Map.of("observation", LocalDate.of(2026, 4, 1)),
                            Map.of()), TODAY)).anySatisfy(f -> assertThat(f.message()).contains("after the EPA window ends on 2 May 2026"));
        }

        @Test
        void aComponentBeforeTheGatewayIsFlagged() {
            assertThat(flags("vtct-css-l3", gateway(gateway), schedule(Map.of("wbp-interview", gateway.minusDays(1)), Map.of(),
                    Map.of("project report", gateway.minusDays(20))), TODAY))
                    .anySatisfy(f -> assertThat(f.message()).contains("before the gateway"));
        }
    }

    @Nested
    class Submissions {
        final LocalDate gateway = LocalDate.of(2026, 2, 2);
        final LocalDate interview = LocalDate.of(2026, 3, 30);

        List<Flag> reportSubmitted(LocalDate on, LocalDate today) {
            Map<String, LocalDate> submitted = new HashMap<>();
            if (on != null) {
                submitted.put("project report", on);
            }
            return flags("highfield-css-l3", gateway(gateway), schedule(Map.of("wbp-interview", interview), Map.of(), submitted), today);
        }

        @Test
        void theReportIsDueFourteenDaysBeforeTheInterview() {
            assertThat(reportSubmitted(interview.minusDays(14), TODAY)).noneSatisfy(f -> assertThat(f.subject()).isEqualTo("Project report"));
            assertThat(reportSubmitted(interview.minusDays(13), TODAY))
                    .anySatisfy(f -> assertThat(f.message()).contains("only 13 days before").contains("by 16 Mar 2026"));
        }

        @Test
        void anUnsubmittedReportIsFlaggedTheDayAfterItWasDue() {
            assertThat(reportSubmitted(null, interview.minusDays(14))).noneSatisfy(f -> assertThat(f.subject()).isEqualTo("Project report"));
            assertThat(reportSubmitted(null, interview.minusDays(13)))
                    .anySatisfy(f -> assertThat(f.message()).startsWith("Not submitted, and it was due by 16 Mar 2026"));
        }

        @Test
        void theProjectMustBeCompletedWithinTwoMonthsOfGateway() {
            assertThat(reportSubmitted(LocalDate.of(2026, 4, 2), TODAY)).noneSatisfy(f -> assertThat(f.message()).contains("project deadline"));
            assertThat(reportSubmitted(LocalDate.of(2026, 4, 3), TODAY))
                    .anySatisfy(f -> assertThat(f.message()).contains("after the project deadline of 2 Apr 2026"));
        }

        @Test
        void thePortfolioIsDueFourteenDaysBeforeTheDiscussion() {
            LocalDate pd = LocalDate.of(2026, 3, 1);
            assertThat(flags("pal-css-l3", gateway(gateway), schedule(Map.of("professional-discussion", pd), Map.of(),
                    Map.of("portfolio of evidence", pd.minusDays(14))), TODAY)).isEmpty();
            assertThat(flags("pal-css-l3", gateway(gateway), schedule(Map.of("professional-discussion", pd), Map.of(),
                    Map.of("portfolio of evidence", pd.minusDays(13))), TODAY))
                    .anySatisfy(f -> assertThat(f.subject()).isEqualTo("Portfolio of evidence"));
        }
    }

    @Nested
    class Notice {
        final LocalDate gateway = LocalDate.of(2026, 2, 2);
        final LocalDate observation = LocalDate.of(2026, 3, 20);

        @Test
        void twoWeeksNoticeIsEnoughAndThirteenDaysIsNot() {
            assertThat(flags("vtct-css-l3", gateway(gateway), schedule(Map.of("observation", observation),
                    Map.of("observation", observation.minusDays(14)), Map.of()), TODAY)).isEmpty();
            assertThat(flags("vtct-css-l3", gateway(gateway), schedule(Map.of("observation", observation),
                    Map.of("observation", observation.minusDays(13)), Map.of()), TODAY))
                    .singleElement().satisfies(f -> assertThat(f.message()).contains("only 13 days before").contains("14 days' notice"));
        }

        @Test
        void missingNoticeIsFlaggedOnceItCanNoLongerBeGiven() {
            EpaSchedule s = schedule(Map.of("observation", observation), Map.of(), Map.of());
            assertThat(flags("vtct-css-l3", gateway(gateway), s, observation.minusDays(14))).isEmpty();
            assertThat(flags("vtct-css-l3", gateway(gateway), s, observation.minusDays(13)))
                    .anySatisfy(f -> assertThat(f.message()).contains("can no longer be given"));
        }
    }

    @Test
    void theRecommendedOrderIsAWarningNotAProblem() {
        LocalDate gateway = LocalDate.of(2026, 2, 2);
        // the discussion before the project interview, every submission on time
        EpaSchedule s = schedule(Map.of("wbp-interview", LocalDate.of(2026, 3, 10), "professional-discussion", LocalDate.of(2026, 3, 1)),
                Map.of(), Map.of("project report", LocalDate.of(2026, 2, 20), "portfolio of evidence", LocalDate.of(2026, 2, 10)));
        List<Flag> f = flags("highfield-css-l3", gateway(gateway), s, TODAY);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Flag.Severity.WARNING);
            assertThat(x.message()).contains("recommends the work-based project").contains("first");
        });
        // PAL prefers the discussion first (003 Section 2): the same dates are fine there
        assertThat(flags("pal-css-l3", gateway(gateway), s, TODAY)).isEmpty();
    }

    @Test
    void aRejectedProposalMustBeResubmittedWithinAWeek() {
        LocalDate decided = LocalDate.of(2026, 2, 2);
        GatewayRecord g = gateway(LocalDate.of(2026, 2, 2)).withProposal(new GatewayRecord.ProjectProposal(
                "word ".repeat(250), decided, GatewayRecord.ProposalDecision.NOT_APPROVED, "Too narrow", decided));
        assertThat(flags("highfield-css-l3", g, EpaSchedule.EMPTY, decided.plusDays(7))).isEmpty();
        assertThat(flags("highfield-css-l3", g, EpaSchedule.EMPTY, decided.plusDays(8)))
                .anySatisfy(f -> assertThat(f.message()).contains("within 7 days, by 9 Feb 2026"));
        GatewayRecord shortSynopsis = g.withProposal(new GatewayRecord.ProjectProposal("word ".repeat(199), decided,
                GatewayRecord.ProposalDecision.APPROVED, "", decided));
        assertThat(flags("highfield-css-l3", shortSynopsis, EpaSchedule.EMPTY, TODAY))
                .anySatisfy(f -> assertThat(f.message()).contains("199 words; the plan asks for 200 to 300"));
    }

    @Test
    void theDeadlinesAreListedInDateOrder() {
        LocalDate gateway = LocalDate.of(2026, 2, 2);
        var report = EpaCheck.check(plan("highfield-css-l3"), gateway(gateway), schedule(Map.of("wbp-interview",
                LocalDate.of(2026, 3, 30), "observation", LocalDate.of(2026, 4, 20)), Map.of(), Map.of()), TODAY);
        assertThat(report.deadlines()).extracting(Deadline::date).isSorted();
        assertThat(report.deadlines()).extracting(Deadline::what).contains("EPA window ends (3 months from gateway)",
                "Project completed (2 months from gateway)");
    }

    @Nested
    class Reassessment {
        final LocalDate gateway = LocalDate.of(2026, 2, 2);
        final LocalDate failedOn = LocalDate.of(2026, 3, 31);
        final List<Attempt> failedObservation = List.of(new Attempt("observation", AttemptKind.FIRST, failedOn, Grade.FAIL));

        List<Flag> flagsFor(List<Attempt> attempts, EpaSchedule s, LocalDate today) {
            return EpaCheck.check(plan("highfield-css-l3"), gateway(gateway), s, attempts, today).flags();
        }

        @Test
        void aResitWithinTwelveMonthsIsFineEvenAfterTheWindow() {
            // 002: "must be taken within 12 months"; the EPA window no longer applies to the resit
            EpaSchedule s = schedule(Map.of("observation", failedOn.plusMonths(12)),
                    Map.of("observation", failedOn.plusMonths(11)), Map.of());
            assertThat(flagsFor(failedObservation, s, failedOn.plusDays(1))).isEmpty();
        }

        @Test
        void aResitPlannedAfterTwelveMonthsIsAProblem() {
            EpaSchedule s = schedule(Map.of("observation", failedOn.plusMonths(12).plusDays(1)),
                    Map.of("observation", failedOn.plusMonths(11)), Map.of());
            assertThat(flagsFor(failedObservation, s, failedOn.plusDays(1))).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("after the 12-month limit").contains("by 31 Mar 2027"));
        }

        @Test
        void anUnplannedResitIsAWarningUntilTheLimitPasses() {
            EpaSchedule reportIn = schedule(Map.of(), Map.of(), Map.of("project report", LocalDate.of(2026, 3, 1)));
            assertThat(flagsFor(failedObservation, reportIn, LocalDate.of(2027, 3, 31))).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING));
            assertThat(flagsFor(failedObservation, reportIn, LocalDate.of(2027, 4, 1))).singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Flag.Severity.PROBLEM);
                        assertThat(f.message()).contains("not reassessed within 12 months");
                    });
        }

        @Test
        void aFailedProjectIsReworkedWithinOneMonth() {
            List<Attempt> failedProject = List.of(new Attempt("wbp-interview", AttemptKind.FIRST, failedOn, Grade.FAIL));
            EpaSchedule onTime = schedule(Map.of("wbp-interview", LocalDate.of(2026, 5, 20)), Map.of(),
                    Map.of("project report", LocalDate.of(2026, 4, 30)));
            EpaSchedule late = schedule(Map.of("wbp-interview", LocalDate.of(2026, 5, 20)), Map.of(),
                    Map.of("project report", LocalDate.of(2026, 5, 1)));
            LocalDate today = LocalDate.of(2026, 5, 2);
            assertThat(flagsFor(failedProject, onTime, today)).isEmpty();
            assertThat(flagsFor(failedProject, late, today)).anySatisfy(f -> assertThat(f.message())
                    .contains("Reworked report submitted 1 May 2026, after the rework deadline of 30 Apr 2026"));
            assertThat(EpaCheck.check(plan("highfield-css-l3"), gateway(gateway), EpaSchedule.EMPTY, failedProject, today)
                    .deadlines()).extracting(Deadline::date).contains(LocalDate.of(2026, 4, 30), LocalDate.of(2027, 3, 31));
        }

        @Test
        void aPassedResitEndsTheReassessment() {
            List<Attempt> attempts = List.of(failedObservation.get(0),
                    new Attempt("observation", AttemptKind.RESIT, LocalDate.of(2026, 5, 1), Grade.PASS));
            EpaSchedule reportIn = schedule(Map.of(), Map.of(), Map.of("project report", LocalDate.of(2026, 3, 1)));
            assertThat(flagsFor(attempts, reportIn, LocalDate.of(2027, 6, 1))).isEmpty();
        }
    }
}
