package org.epaworkbench.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epaworkbench.packs.JsonFiles;
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
    /** Sixteen months before the usual gateway of 2 Feb 2026, so every plan's minimum time on programme is met. */
    static final LocalDate START = LocalDate.of(2024, 10, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    static AssessmentPlan plan(String id) {
        return PLANS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** A built-in pack with one change, read through the real reader. */
    static AssessmentPlan variant(String id, java.util.function.Consumer<ObjectNode> change) throws Exception {
        try (InputStream in = EpaCheckTest.class.getResourceAsStream("/org/epaworkbench/plan/packs/" + id + ".json")) {
            ObjectNode pack = (ObjectNode) JsonFiles.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            change.accept(pack);
            return new PlanPackReader().read(id + "-variant.json", JsonFiles.pretty(pack));
        }
    }

    static GatewayRecord gateway(LocalDate gatewayDate) {
        return gateway(START, gatewayDate);
    }

    /** A complete gateway: qualifications, declarations, and the project proposal brought to the gateway meeting and approved. */
    static GatewayRecord gateway(LocalDate start, LocalDate gatewayDate) {
        return new GatewayRecord(start, gatewayDate.minusDays(1), gatewayDate, new GatewayRecord.Qualification(true, "certificate"),
                new GatewayRecord.Qualification(true, "certificate"), true, true, "Passport", "",
                new GatewayRecord.ProjectProposal("", gatewayDate, GatewayRecord.ProposalDecision.APPROVED, "", gatewayDate));
    }

    static List<Flag> flags(String planId, GatewayRecord g, EpaSchedule s, LocalDate today) {
        return EpaCheck.check(plan(planId), g, s, today).flags();
    }

    static List<Flag> problems(List<Flag> flags) {
        return flags.stream().filter(f -> f.severity() == Flag.Severity.PROBLEM).toList();
    }

    static EpaSchedule schedule(Map<String, LocalDate> planned, Map<String, LocalDate> notice, Map<String, LocalDate> submitted) {
        return EpaSchedule.firstAttempts(planned, notice, submitted);
    }

    static Attempt attempt(String component, AttemptKind kind, LocalDate on, Grade grade) {
        return new Attempt(component, kind, on, grade);
    }

    @Nested
    class MinimumTimeOnProgramme {
        /** 372 days (Highfield 002), 366 days (PAL 003), 12 months (VTCT 004); the minimum itself is allowed. */
        @ParameterizedTest(name = "{0}: gateway {1} days after start → flagged {2}")
        @CsvSource({"highfield-css-l3, 371, true", "highfield-css-l3, 372, false",
                "pal-css-l3, 365, true", "pal-css-l3, 366, false"})
        void inDays(String planId, int days, boolean flagged) {
            List<Flag> f = flags(planId, gateway(START.plusDays(days)), EpaSchedule.EMPTY, TODAY);
            assertThat(f.stream().anyMatch(x -> x.message().contains("the plan requires at least"))).isEqualTo(flagged);
        }

        @Test
        void inMonths() {
            assertThat(flags("vtct-css-l3", gateway(START.plusMonths(12).minusDays(1)), EpaSchedule.EMPTY, TODAY))
                    .anySatisfy(f -> assertThat(f.message()).contains("at least 12 months").contains("not before 1 Oct 2025"));
            assertThat(flags("vtct-css-l3", gateway(START.plusMonths(12)), EpaSchedule.EMPTY, TODAY))
                    .noneSatisfy(f -> assertThat(f.message()).contains("on programme"));
        }

        @Test
        void practitionerSourcesStateNoMinimum() {
            assertThat(flags("highfield-csp-l2", gateway(START.plusDays(10)), EpaSchedule.EMPTY, TODAY))
                    .noneSatisfy(f -> assertThat(f.message()).contains("on programme"));
        }

        /** 002: "The apprentice may start the end-point assessment at the earliest after 15 months on-programme." */
        @Test
        void highfieldsFifteenMonthsIsAProblemEvenWhenThe372DaysAreMet() {
            LocalDate start = LocalDate.of(2024, 11, 30);
            LocalDate earliest = LocalDate.of(2026, 2, 28); // 30 Nov + 15 months: the end of February
            List<Flag> early = flags("highfield-css-l3", gateway(start, earliest.minusDays(1)), EpaSchedule.EMPTY, TODAY);
            assertThat(problems(early)).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo("Gateway");
                assertThat(f.message()).contains("before the earliest start of the EPA").contains("15 months on programme")
                        .contains("from 28 Feb 2026");
                assertThat(f.source().ref()).isEqualTo("002");
                assertThat(f.source().section()).isEqualTo("On-programme requirements");
            });
            assertThat(problems(flags("highfield-css-l3", gateway(start, earliest), EpaSchedule.EMPTY, TODAY))).isEmpty();
            // PAL and VTCT state no such minimum
            assertThat(problems(flags("pal-css-l3", gateway(start, earliest.minusDays(1)), EpaSchedule.EMPTY, TODAY))).isEmpty();
        }

        @Test
        void withoutAGatewayTheFirstPlannedComponentIsCheckedAgainstTheFifteenMonths() {
            LocalDate start = LocalDate.of(2024, 11, 30);
            GatewayRecord noGateway = GatewayRecord.EMPTY.withDates(start, null, null);
            var report = EpaCheck.check(plan("highfield-css-l3"), noGateway,
                    schedule(Map.of("wbp-interview", LocalDate.of(2026, 2, 27)), Map.of(), Map.of()), TODAY);
            assertThat(report.flags()).anySatisfy(f -> assertThat(f.message())
                    .isEqualTo("Planned for 27 Feb 2026, before the earliest start of the EPA on 28 Feb 2026 (15 months on programme)."));
            assertThat(report.deadlines()).extracting(Deadline::what).contains("Earliest start of the EPA (15 months on programme)",
                    "Earliest gateway (372 days on programme)");
            assertThat(EpaCheck.check(plan("highfield-css-l3"), noGateway, schedule(Map.of("wbp-interview", LocalDate.of(2026, 2, 28)),
                    Map.of(), Map.of()), TODAY).flags()).isEmpty();
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

    /**
     * English and maths come from the plan (issue 13): 002 and 003 name level 2, 004 names no level ("in line with the
     * apprenticeship funding rules"), 001 states no requirement at all.
     */
    @Test
    void englishAndMathsAreCheckedOnlyWhereThePlanStatesThemAndAtTheLevelItNames() {
        GatewayRecord neither = new GatewayRecord(START, null, START.plusDays(400), GatewayRecord.Qualification.NONE,
                GatewayRecord.Qualification.NONE, true, true, "", "", GatewayRecord.ProjectProposal.NONE);
        assertThat(flags("highfield-csp-l2", neither, EpaSchedule.EMPTY, TODAY))
                .noneSatisfy(x -> assertThat(x.message()).containsAnyOf("English", "Maths"));
        assertThat(flags("vtct-css-l3", neither, EpaSchedule.EMPTY, TODAY)).filteredOn(x -> x.subject().equals("Gateway"))
                .extracting(Flag::message).contains("English is not recorded as achieved.", "Maths is not recorded as achieved.")
                .noneSatisfy(m -> assertThat(m).contains("level"));
        assertThat(flags("highfield-css-l3", neither, EpaSchedule.EMPTY, TODAY)).filteredOn(x -> x.message().startsWith("English"))
                .singleElement().satisfies(x -> {
                    assertThat(x.message()).isEqualTo("English at level 2 is not recorded as achieved.");
                    assertThat(x.source().ref()).isEqualTo("002");
                });
        assertThat(flags("vtct-css-l3", neither, EpaSchedule.EMPTY, TODAY)).filteredOn(x -> x.message().startsWith("Maths"))
                .singleElement().satisfies(x -> assertThat(x.source().ref()).isEqualTo("004"));
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
                            Map.of()), TODAY)).anySatisfy(f -> {
                                assertThat(f.severity()).isEqualTo(Flag.Severity.PROBLEM);
                                assertThat(f.message()).contains("after the EPA window ends on 2 May 2026");
                            });
        }

        @Test
        void aComponentBeforeTheGatewayIsFlaggedAndOneOnTheGatewayDayIsNot() {
            assertThat(flags("vtct-css-l3", gateway(gateway), schedule(Map.of("wbp-interview", gateway.minusDays(1)), Map.of(),
                    Map.of("project report", gateway.minusDays(20))), TODAY))
                    .anySatisfy(f -> assertThat(f.message()).contains("before the gateway"));
            assertThat(flags("highfield-css-l3", gateway(gateway), schedule(Map.of("observation", gateway),
                    Map.of("observation", gateway.minusDays(14)), Map.of()), TODAY)).isEmpty();
        }

        /** 004: "within a period lasting typically three months": a warning, not a problem. */
        @Test
        void vtctsTypicalThreeMonthsIsAWarning() {
            EpaSchedule late = schedule(Map.of("observation", LocalDate.of(2026, 5, 3)), Map.of("observation", LocalDate.of(2026, 4, 1)),
                    Map.of("portfolio of evidence", gateway));
            assertThat(flags("vtct-css-l3", gateway(gateway), late, TODAY)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING);
                assertThat(f.message()).isEqualTo("Planned for 3 May 2026, after the EPA window (typically 3 months) ends on 2 May 2026.");
            });
            assertThat(EpaCheck.check(plan("vtct-css-l3"), gateway(gateway), late, TODAY).deadlines()).extracting(Deadline::what)
                    .contains("EPA window ends (typically 3 months from gateway)");
        }

        /** Month ends: 30 Nov + 3 months is 28 Feb, or 29 Feb in a leap year. */
        @ParameterizedTest(name = "gateway {0}: window ends {1}")
        @CsvSource({"2025-11-30, 2026-02-28", "2023-11-30, 2024-02-29", "2025-10-31, 2026-01-31"})
        void monthArithmeticKeepsToTheMonthsLastDay(LocalDate gatewayDate, LocalDate windowEnd) {
            GatewayRecord g = gateway(gatewayDate.minusMonths(16), gatewayDate);
            EpaSchedule lastDay = schedule(Map.of("observation", windowEnd), Map.of("observation", windowEnd.minusDays(20)), Map.of());
            EpaSchedule dayAfter = schedule(Map.of("observation", windowEnd.plusDays(1)), Map.of("observation", windowEnd.minusDays(20)),
                    Map.of());
            assertThat(flags("pal-css-l3", g, lastDay, gatewayDate)).noneSatisfy(f -> assertThat(f.message()).contains("window"));
            assertThat(flags("pal-css-l3", g, dayAfter, gatewayDate)).anySatisfy(f -> assertThat(f.message()).contains("window"));
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
            assertThat(problems(reportSubmitted(null, interview.minusDays(14)))).isEmpty();
            assertThat(reportSubmitted(null, interview.minusDays(13)))
                    .anySatisfy(f -> assertThat(f.message()).startsWith("Not submitted, and it was due by 16 Mar 2026"));
        }

        /** A due date is a warning from 14 days before it, so it is seen before it passes. */
        @Test
        void anUnsubmittedReportIsAWarningFromFourteenDaysBeforeItIsDue() {
            LocalDate due = interview.minusDays(14);
            assertThat(reportSubmitted(null, due.minusDays(15))).isEmpty();
            assertThat(reportSubmitted(null, due.minusDays(14))).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING);
                assertThat(f.message()).isEqualTo("Not submitted yet: due by 16 Mar 2026 (in 14 days), 14 days before the "
                        + "work-based project supported by an interview on 30 Mar 2026.");
            });
            assertThat(reportSubmitted(null, due)).singleElement().satisfies(f -> assertThat(f.message()).contains("(today)"));
            assertThat(reportSubmitted(due.minusDays(1), due)).isEmpty();
        }

        @Test
        void theProjectMustBeCompletedWithinTwoMonthsOfGateway() {
            assertThat(reportSubmitted(LocalDate.of(2026, 4, 2), TODAY)).noneSatisfy(f -> assertThat(f.message()).contains("project deadline"));
            assertThat(reportSubmitted(LocalDate.of(2026, 4, 3), TODAY))
                    .anySatisfy(f -> assertThat(f.message()).contains("after the project deadline of 2 Apr 2026"));
        }

        @Test
        void notSubmittedAndTheProjectDeadlinePassedIsAProblemFromTheDayAfter() {
            EpaSchedule none = EpaSchedule.EMPTY;
            LocalDate due = LocalDate.of(2026, 4, 2);
            assertThat(problems(flags("highfield-css-l3", gateway(gateway), none, due))).isEmpty();
            assertThat(flags("highfield-css-l3", gateway(gateway), none, due)).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("Not submitted yet: the project is to be completed by 2 Apr 2026 (today)."));
            assertThat(problems(flags("highfield-css-l3", gateway(gateway), none, due.plusDays(1)))).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("Not submitted, and the project deadline of 2 Apr 2026 has passed."));
        }

        /** 31 Dec + 2 months is 28 Feb, or 29 Feb in a leap year. */
        @ParameterizedTest(name = "gateway {0}: project due {1}")
        @CsvSource({"2025-12-31, 2026-02-28", "2023-12-31, 2024-02-29"})
        void theProjectDeadlineKeepsToTheMonthsLastDay(LocalDate gatewayDate, LocalDate due) {
            GatewayRecord g = gateway(gatewayDate.minusMonths(16), gatewayDate);
            assertThat(EpaCheck.check(plan("highfield-css-l3"), g, EpaSchedule.EMPTY, gatewayDate).deadlines())
                    .anySatisfy(d -> {
                        assertThat(d.what()).startsWith("Project completed");
                        assertThat(d.date()).isEqualTo(due);
                    });
            assertThat(flags("highfield-css-l3", g, schedule(Map.of(), Map.of(), Map.of("project report", due.plusDays(1))), gatewayDate))
                    .anySatisfy(f -> assertThat(f.message()).contains("after the project deadline"));
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

        /** 004 The Gateway Stage: "The portfolio of evidence must be submitted to VTCT Skills at the gateway stage". */
        @Test
        void vtctsPortfolioIsDueAtTheGateway() {
            LocalDate pd = LocalDate.of(2026, 3, 10);
            EpaSchedule onGatewayDay = schedule(Map.of("professional-discussion", pd), Map.of(), Map.of("portfolio of evidence", gateway));
            EpaSchedule dayAfter = schedule(Map.of("professional-discussion", pd), Map.of(),
                    Map.of("portfolio of evidence", gateway.plusDays(1)));
            assertThat(flags("vtct-css-l3", gateway(gateway), onGatewayDay, TODAY)).isEmpty();
            assertThat(flags("vtct-css-l3", gateway(gateway), dayAfter, TODAY)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Flag.Severity.PROBLEM);
                assertThat(f.message()).isEqualTo("Submitted 3 Feb 2026, after the gateway on 2 Feb 2026; the plan asks for it at the gateway.");
                assertThat(f.source().section()).isEqualTo("The Gateway Stage — Assessment Method 3");
            });
            // Highfield and PAL ask for it before the discussion only
            assertThat(flags("pal-css-l3", gateway(gateway), dayAfter, TODAY)).isEmpty();
            assertThat(problems(flags("vtct-css-l3", gateway(gateway), EpaSchedule.EMPTY, gateway.plusDays(1))))
                    .anySatisfy(f -> assertThat(f.message()).contains("it was due at the gateway on 2 Feb 2026"));
        }

        /** The report is due 14 days before the interview, and the project starts after the gateway. */
        @Test
        void anInterviewTooSoonAfterTheGatewayLeavesNoTimeForTheProject() {
            EpaSchedule fifteen = schedule(Map.of("wbp-interview", gateway.plusDays(15)), Map.of(), Map.of());
            EpaSchedule fourteen = schedule(Map.of("wbp-interview", gateway.plusDays(14)), Map.of(), Map.of());
            assertThat(problems(flags("highfield-css-l3", gateway(gateway), fifteen, TODAY))).isEmpty();
            assertThat(problems(flags("highfield-css-l3", gateway(gateway), fourteen, TODAY))).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("leaves no time for the project")
                            .contains("by 2 Feb 2026, which is not after the gateway on 2 Feb 2026"));
        }

        /** An interview so late that 14 days before it is after the 2-month project deadline: the earlier date binds. */
        @Test
        void anInterviewThatPutsTheReportsDueDateAfterTheProjectDeadlineIsFlagged() {
            LocalDate deadline = LocalDate.of(2026, 4, 2);
            EpaSchedule onDeadline = schedule(Map.of("wbp-interview", deadline.plusDays(14)), Map.of(), Map.of());
            EpaSchedule dayAfter = schedule(Map.of("wbp-interview", deadline.plusDays(15)), Map.of(), Map.of());
            assertThat(flags("highfield-css-l3", gateway(gateway), onDeadline, TODAY)).isEmpty();
            assertThat(flags("highfield-css-l3", gateway(gateway), dayAfter, TODAY)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING);
                assertThat(f.message()).contains("puts the report's due date (3 Apr 2026, 14 days before) after the project deadline "
                        + "of 2 Apr 2026").contains("the report must be completed by 2 Apr 2026");
            });
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
        void missingNoticeIsAWarningUntilItCanNoLongerBeGiven() {
            EpaSchedule s = schedule(Map.of("observation", observation), Map.of(), Map.of("portfolio of evidence", gateway));
            assertThat(flags("vtct-css-l3", gateway(gateway), s, observation.minusDays(14))).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING);
                assertThat(f.message()).isEqualTo("No notice recorded yet: give 14 days' notice of the practical observation with "
                        + "questions and answers on 20 Mar 2026 by 6 Mar 2026 (today).");
            });
            assertThat(flags("vtct-css-l3", gateway(gateway), s, observation.minusDays(13))).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("can no longer be given"));
        }
    }

    @Nested
    class Order {
        final LocalDate gateway = LocalDate.of(2026, 2, 2);

        @Test
        void theRecommendedOrderIsAWarningNotAProblem() {
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
        void twoComponentsOnTheSameDayKeepTheOrder() {
            LocalDate day = LocalDate.of(2026, 3, 10);
            EpaSchedule s = schedule(Map.of("wbp-interview", day, "professional-discussion", day), Map.of(),
                    Map.of("project report", LocalDate.of(2026, 2, 20), "portfolio of evidence", LocalDate.of(2026, 2, 20)));
            assertThat(flags("highfield-css-l3", gateway(gateway), s, TODAY)).isEmpty();
            assertThat(flags("highfield-css-l3", gateway(gateway), s.withPlanned("wbp-interview", 1, day.plusDays(1)), TODAY))
                    .anySatisfy(f -> assertThat(f.message()).contains("recommends the work-based project"));
        }

        /** A resit of a failed project after the discussion is not a breach of the recommended order. */
        @Test
        void aResitOfAFailedComponentIsNotHeldToTheOrder() {
            EpaSchedule s = schedule(Map.of("wbp-interview", LocalDate.of(2026, 2, 20), "professional-discussion", LocalDate.of(2026, 3, 1)),
                    Map.of(), Map.of("project report", LocalDate.of(2026, 2, 5), "portfolio of evidence", LocalDate.of(2026, 2, 10)))
                    .withPlanned("wbp-interview", 2, LocalDate.of(2026, 3, 15))
                    .withSubmitted("project report", 2, LocalDate.of(2026, 3, 1));
            List<Attempt> failed = List.of(attempt("wbp-interview", AttemptKind.FIRST, LocalDate.of(2026, 2, 20), Grade.FAIL));
            assertThat(EpaCheck.check(plan("highfield-css-l3"), gateway(gateway), s, failed, LocalDate.of(2026, 2, 21)).flags())
                    .noneSatisfy(f -> assertThat(f.message()).contains("recommends"));
        }
    }

    @Nested
    class Proposal {
        final LocalDate decided = LocalDate.of(2026, 2, 2);
        final GatewayRecord.ProjectProposal rejected = new GatewayRecord.ProjectProposal("word ".repeat(250), decided,
                GatewayRecord.ProposalDecision.NOT_APPROVED, "Too narrow", decided);

        @Test
        void aRejectedProposalMustBeResubmittedWithinAWeek() {
            GatewayRecord g = gateway(decided).withProposal(rejected);
            assertThat(problems(flags("highfield-css-l3", g, EpaSchedule.EMPTY, decided.plusDays(7)))).isEmpty();
            assertThat(flags("highfield-css-l3", g, EpaSchedule.EMPTY, decided.plusDays(7)))
                    .anySatisfy(f -> assertThat(f.message()).isEqualTo("Not approved on 2 Feb 2026: the revised proposal is due by 9 Feb 2026 (today)."));
            assertThat(flags("highfield-css-l3", g, EpaSchedule.EMPTY, decided.plusDays(8)))
                    .anySatisfy(f -> assertThat(f.message()).contains("within 7 days, by 9 Feb 2026"));
        }

        /** 002: "the apprentice must resubmit a revised proposal within 1 week": both versions are kept and checked. */
        @Test
        void theRevisedProposalIsCheckedAgainstTheWeek() {
            GatewayRecord onTime = gateway(decided).withProposals(List.of(rejected, new GatewayRecord.ProjectProposal("word ".repeat(260),
                    decided.plusDays(7), GatewayRecord.ProposalDecision.APPROVED, "", decided.plusDays(8))));
            GatewayRecord late = gateway(decided).withProposals(List.of(rejected, new GatewayRecord.ProjectProposal("word ".repeat(260),
                    decided.plusDays(8), GatewayRecord.ProposalDecision.PENDING, "", null)));
            assertThat(flags("highfield-css-l3", onTime, EpaSchedule.EMPTY, decided.plusDays(30))).isEmpty();
            assertThat(EpaCheck.check(plan("highfield-css-l3"), onTime, EpaSchedule.EMPTY, decided.plusDays(30)).deadlines())
                    .noneSatisfy(d -> assertThat(d.what()).startsWith("Revised project proposal"));
            assertThat(flags("highfield-css-l3", late, EpaSchedule.EMPTY, decided.plusDays(30))).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Flag.Severity.PROBLEM);
                assertThat(f.message()).isEqualTo("The revised proposal was submitted on 10 Feb 2026, 8 days after it was not approved "
                        + "on 2 Feb 2026; it was due within 7 days, by 9 Feb 2026.");
            });
        }

        /** 000 Summary of end-point assessments: "The project proposal must be completed and brought along to the gateway meeting." */
        @Test
        void highfieldsProposalIsDueAtTheGatewayMeeting() {
            GatewayRecord none = gateway(decided).withProposals(List.of());
            assertThat(flags("highfield-css-l3", none, EpaSchedule.EMPTY, decided.plusDays(1))).filteredOn(f -> f.subject().equals("Project proposal"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Flag.Severity.PROBLEM);
                        assertThat(f.message()).isEqualTo("No proposal is recorded, and it was due at the gateway meeting on 2 Feb 2026.");
                        assertThat(f.source().ref()).isEqualTo("000");
                        assertThat(f.source().quote()).isEqualTo("The project proposal must be completed and brought along to the gateway meeting.");
                    });
            assertThat(flags("highfield-css-l3", none, EpaSchedule.EMPTY, decided.minusDays(3))).filteredOn(f -> f.subject().equals("Project proposal"))
                    .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING));
            GatewayRecord late = gateway(decided).withProposal(new GatewayRecord.ProjectProposal("word ".repeat(250), decided.plusDays(1),
                    GatewayRecord.ProposalDecision.PENDING, "", null));
            assertThat(flags("highfield-css-l3", late, EpaSchedule.EMPTY, decided.plusDays(2))).anySatisfy(f -> assertThat(f.message())
                    .isEqualTo("Submitted 3 Feb 2026, after the gateway on 2 Feb 2026; the proposal must be completed and brought along "
                            + "to the gateway meeting."));
            GatewayRecord onTime = gateway(decided).withProposal(new GatewayRecord.ProjectProposal("word ".repeat(250), decided,
                    GatewayRecord.ProposalDecision.PENDING, "", null));
            assertThat(flags("highfield-css-l3", onTime, EpaSchedule.EMPTY, decided.plusDays(2))).isEmpty();
            assertThat(EpaCheck.check(plan("highfield-css-l3"), onTime, EpaSchedule.EMPTY, decided.plusDays(2)).deadlines())
                    .extracting(Deadline::what).contains("Project proposal completed and brought to the gateway meeting");
            // PAL and VTCT state no such rule
            assertThat(flags("pal-css-l3", none, EpaSchedule.EMPTY, decided.plusDays(1))).noneSatisfy(f -> assertThat(f.subject())
                    .isEqualTo("Project proposal"));
        }

        @ParameterizedTest(name = "{0} words → flagged {1}")
        @CsvSource({"199, true", "200, false", "300, false", "301, true"})
        void theSynopsisHas200To300Words(int words, boolean flagged) {
            GatewayRecord g = gateway(decided).withProposal(new GatewayRecord.ProjectProposal("word ".repeat(words), decided,
                    GatewayRecord.ProposalDecision.APPROVED, "", decided));
            List<Flag> f = flags("highfield-css-l3", g, EpaSchedule.EMPTY, TODAY);
            assertThat(f.stream().anyMatch(x -> x.message().equals("The synopsis has " + words + " words; the plan asks for 200 to 300.")))
                    .isEqualTo(flagged);
        }
    }

    @Test
    void theDeadlinesAreListedInDateOrder() {
        LocalDate gateway = LocalDate.of(2026, 2, 2);
        var report = EpaCheck.check(plan("highfield-css-l3"), gateway(gateway), schedule(Map.of("wbp-interview",
                LocalDate.of(2026, 3, 30), "observation", LocalDate.of(2026, 4, 20)), Map.of(), Map.of()), TODAY);
        assertThat(report.deadlines()).extracting(Deadline::date).isSorted();
        assertThat(report.deadlines()).extracting(Deadline::what).contains("EPA window ends (3 months from gateway)",
                "Project completed (2 months from gateway)", "Project report due (14 days before the work-based project supported by an interview)");
    }

    @Nested
    class Reassessment {
        final LocalDate gateway = LocalDate.of(2026, 2, 2);
        final LocalDate failedOn = LocalDate.of(2026, 3, 31);
        final Attempt failedObservation = attempt("observation", AttemptKind.FIRST, failedOn, Grade.FAIL);
        /** The first attempt's dates, all inside the rules; the report in. */
        final EpaSchedule firstAttempt = schedule(Map.of("observation", failedOn), Map.of("observation", LocalDate.of(2026, 3, 10)),
                Map.of("project report", LocalDate.of(2026, 3, 1)));

        List<Flag> flagsFor(List<Attempt> attempts, EpaSchedule s, LocalDate today) {
            return EpaCheck.check(plan("highfield-css-l3"), gateway(gateway), s, attempts, today).flags();
        }

        EpaSchedule resitOn(LocalDate day) {
            return firstAttempt.withPlanned("observation", 2, day).withNotice("observation", 2, day.minusDays(20));
        }

        @Test
        void aResitWithinTwelveMonthsIsFineEvenAfterTheWindow() {
            // 000: "Apprentices should retake within 12 months"; the EPA window governs the first attempt only
            assertThat(flagsFor(List.of(failedObservation), resitOn(failedOn.plusMonths(12)), failedOn.plusDays(1))).isEmpty();
        }

        @Test
        void aResitPlannedAfterTwelveMonthsIsAProblem() {
            assertThat(flagsFor(List.of(failedObservation), resitOn(failedOn.plusMonths(12).plusDays(1)), failedOn.plusDays(1)))
                    .singleElement().satisfies(f -> assertThat(f.message()).contains("after the 12-month limit").contains("by 31 Mar 2027"));
        }

        /** Item 1 of the audit: the resit's date no longer replaces the first attempt's, so a passed resit leaves nothing to flag. */
        @Test
        void aResitPassedAfterTheWindowInTimeHasNoProblem() {
            LocalDate resit = LocalDate.of(2026, 7, 15); // after the window (2 May 2026), within 12 months
            List<Attempt> attempts = List.of(failedObservation, attempt("observation", AttemptKind.RESIT, resit, Grade.PASS));
            EpaSchedule s = resitOn(resit);
            assertThat(flagsFor(attempts, s, resit.plusDays(1))).isEmpty();
            assertThat(flagsFor(attempts, s, resit.plusMonths(14))).isEmpty();
            assertThat(s.plannedDate("observation")).contains(failedOn);
            assertThat(s.plannedDate("observation", 2)).contains(resit);
        }

        @Test
        void aReworkedProjectPassedAfterTheProjectDeadlineHasNoProblem() {
            LocalDate interview = LocalDate.of(2026, 3, 20);
            List<Attempt> attempts = List.of(attempt("wbp-interview", AttemptKind.FIRST, interview, Grade.FAIL),
                    attempt("wbp-interview", AttemptKind.RESIT, LocalDate.of(2026, 5, 20), Grade.PASS));
            EpaSchedule s = schedule(Map.of("wbp-interview", interview), Map.of(), Map.of("project report", LocalDate.of(2026, 3, 1)))
                    .withPlanned("wbp-interview", 2, LocalDate.of(2026, 5, 20))
                    .withSubmitted("project report", 2, LocalDate.of(2026, 4, 20)); // after the 2 Apr project deadline, within the month
            assertThat(flagsFor(attempts, s, LocalDate.of(2026, 6, 1))).isEmpty();
            // a rework a day late is flagged against the rework month (from the fail), not the project deadline, even once passed
            assertThat(flagsFor(attempts, s.withSubmitted("project report", 2, LocalDate.of(2026, 4, 21)), LocalDate.of(2026, 6, 1)))
                    .singleElement().satisfies(f -> assertThat(f.message())
                    .isEqualTo("Reworked report submitted 21 Apr 2026, after the rework deadline of 20 Apr 2026."));
        }

        @Test
        void aResitNotAfterTheFailIsAProblem() {
            assertThat(flagsFor(List.of(failedObservation), resitOn(failedOn), failedOn)).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo("Resit or retake planned for 31 Mar 2026, not after the failed "
                            + "attempt on 31 Mar 2026."));
        }

        @Test
        void anUnplannedResitIsAWarningUntilTheLimitPasses() {
            EpaSchedule s = firstAttempt;
            assertThat(flagsFor(List.of(failedObservation), s, LocalDate.of(2027, 3, 31))).allSatisfy(f ->
                    assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING)).anySatisfy(f -> assertThat(f.message())
                    .isEqualTo("Failed on 31 Mar 2026; plan the resit or retake by 31 Mar 2027."));
            assertThat(problems(flagsFor(List.of(failedObservation), s, LocalDate.of(2027, 4, 1)))).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("not reassessed within 12 months"));
        }

        /** 002: a retake goes through the gateway again; shown while the reassessment waits. */
        @Test
        void aRetakeNeedsTheGatewayAgain() {
            assertThat(flagsFor(List.of(failedObservation), firstAttempt, failedOn.plusDays(1))).anySatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING);
                assertThat(f.message()).contains("a new gateway");
                assertThat(f.source().section()).isEqualTo("Retake and resit information");
            });
        }

        /**
         * Item 2 of the audit: "There is no limit to the number of retakes/resits within the 12-month period" (000): one
         * period from the first fail; a second fail does not restart it.
         */
        @Test
        void aSecondFailDoesNotRestartTheTwelveMonths() {
            LocalDate secondFail = LocalDate.of(2026, 9, 30);
            List<Attempt> twice = List.of(failedObservation, attempt("observation", AttemptKind.RESIT, secondFail, Grade.FAIL));
            EpaSchedule s = resitOn(secondFail).withPlanned("observation", 3, LocalDate.of(2027, 3, 31))
                    .withNotice("observation", 3, LocalDate.of(2027, 3, 1));
            assertThat(flagsFor(twice, s, secondFail.plusDays(1))).isEmpty();
            assertThat(flagsFor(twice, s.withPlanned("observation", 3, LocalDate.of(2027, 4, 1)), secondFail.plusDays(1)))
                    .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("Resit or retake planned for 1 Apr 2027, after the "
                            + "12-month limit: the reassessment period began with the first fail, on 31 Mar 2026, so the practical "
                            + "observation with Q&As must be reassessed by 31 Mar 2027."));
            assertThat(EpaCheck.check(plan("highfield-css-l3"), gateway(gateway), resitOn(secondFail), twice, secondFail.plusDays(1))
                    .deadlines()).anySatisfy(d -> {
                        assertThat(d.what()).contains("within 12 months of the first fail on 31 Mar 2026");
                        assertThat(d.date()).isEqualTo(LocalDate.of(2027, 3, 31));
                    });
        }

        /** The period is the EPA's: a component failed later is reassessed within 12 months of the first fail too. */
        @Test
        void thePeriodRunsFromTheFirstFailOfAnyComponentUnlessThePlanSaysPerComponent() throws Exception {
            LocalDate discussionFail = LocalDate.of(2026, 4, 20);
            List<Attempt> attempts = List.of(failedObservation, attempt("professional-discussion", AttemptKind.FIRST, discussionFail,
                    Grade.FAIL));
            EpaSchedule s = firstAttempt.withPlanned("professional-discussion", 1, discussionFail)
                    .withSubmitted("portfolio of evidence", 1, LocalDate.of(2026, 4, 1))
                    .withPlanned("observation", 2, LocalDate.of(2026, 6, 1)).withNotice("observation", 2, LocalDate.of(2026, 5, 1))
                    .withPlanned("professional-discussion", 2, LocalDate.of(2027, 4, 10));
            assertThat(problems(flagsFor(attempts, s, LocalDate.of(2026, 5, 1)))).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("must be reassessed by 31 Mar 2027"));
            AssessmentPlan perComponent = variant("highfield-css-l3", pack -> ((ObjectNode) pack.get("epa").get("reassessment"))
                    .put("periodStarts", "component-first-fail"));
            assertThat(problems(EpaCheck.check(perComponent, gateway(gateway), s, attempts, LocalDate.of(2026, 5, 1)).flags())).isEmpty();
        }

        @Test
        void aFailedProjectIsReworkedWithinOneMonth() {
            List<Attempt> failedProject = List.of(attempt("wbp-interview", AttemptKind.FIRST, failedOn, Grade.FAIL));
            EpaSchedule base = schedule(Map.of("wbp-interview", failedOn), Map.of(), Map.of("project report", LocalDate.of(2026, 3, 1)))
                    .withPlanned("wbp-interview", 2, LocalDate.of(2026, 5, 20));
            EpaSchedule onTime = base.withSubmitted("project report", 2, LocalDate.of(2026, 4, 30));
            EpaSchedule late = base.withSubmitted("project report", 2, LocalDate.of(2026, 5, 1));
            LocalDate today = LocalDate.of(2026, 5, 2);
            assertThat(flagsFor(failedProject, onTime, today)).isEmpty();
            assertThat(flagsFor(failedProject, late, today)).anySatisfy(f -> assertThat(f.message())
                    .contains("Reworked report submitted 1 May 2026, after the rework deadline of 30 Apr 2026"));
            assertThat(EpaCheck.check(plan("highfield-css-l3"), gateway(gateway), EpaSchedule.EMPTY, failedProject, today)
                    .deadlines()).extracting(Deadline::date).contains(LocalDate.of(2026, 4, 30), LocalDate.of(2027, 3, 31));
        }

        /** 31 Jan + 1 month is 28 Feb; 29 Feb 2024 + 12 months is 28 Feb 2025. */
        @Test
        void reassessmentMonthsKeepToTheMonthsLastDay() {
            assertThat(ReassessmentDeadlines.after(plan("highfield-css-l3"), "wbp-interview", LocalDate.of(2026, 1, 31)))
                    .extracting(Deadline::date).containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2027, 1, 31));
            assertThat(ReassessmentDeadlines.after(plan("pal-css-l3"), "observation", LocalDate.of(2024, 2, 29)))
                    .extracting(Deadline::date).containsExactly(LocalDate.of(2025, 2, 28));
        }

        @Test
        void aPassedResitEndsTheReassessment() {
            List<Attempt> attempts = List.of(failedObservation, attempt("observation", AttemptKind.RESIT, LocalDate.of(2026, 5, 1), Grade.PASS));
            EpaSchedule reportIn = schedule(Map.of(), Map.of(), Map.of("project report", LocalDate.of(2026, 3, 1)));
            assertThat(flagsFor(attempts, reportIn, LocalDate.of(2027, 6, 1))).isEmpty();
        }
    }

    /** 001: "a period of further training and development lasting between 1 and 3 months must take place before a retake". */
    @Nested
    class PractitionerRetakeTraining {
        final LocalDate gateway = LocalDate.of(2026, 2, 2);
        final List<Attempt> twoFailed = List.of(attempt("observation", AttemptKind.FIRST, LocalDate.of(2026, 3, 1), Grade.FAIL),
                attempt("professional-discussion", AttemptKind.FIRST, LocalDate.of(2026, 3, 10), Grade.FAIL));

        List<Flag> retakeOn(List<Attempt> attempts, LocalDate day) {
            EpaSchedule s = EpaSchedule.EMPTY.withPlanned("observation", 2, day);
            return EpaCheck.check(plan("highfield-csp-l2"), gateway(gateway), s, attempts, LocalDate.of(2026, 3, 11)).flags()
                    .stream().filter(f -> f.subject().equals("Practical observation")).toList();
        }

        @Test
        void aRetakeWaitsAtLeastAMonthAfterTheLatestFail() {
            assertThat(retakeOn(twoFailed, LocalDate.of(2026, 4, 10))).isEmpty();
            assertThat(retakeOn(twoFailed, LocalDate.of(2026, 4, 9))).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Flag.Severity.PROBLEM);
                assertThat(f.message()).contains("only 30 days after the fail on 10 Mar 2026").contains("2 components failed")
                        .contains("1 to 3 months of further training first, so not before 10 Apr 2026");
                assertThat(f.source().ref()).isEqualTo("001");
            });
        }

        @Test
        void moreThanThreeMonthsIsAWarning() {
            assertThat(retakeOn(twoFailed, LocalDate.of(2026, 6, 10))).isEmpty();
            assertThat(retakeOn(twoFailed, LocalDate.of(2026, 6, 11))).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Flag.Severity.WARNING));
        }

        @Test
        void oneFailedComponentIsAResitWithoutTheTrainingPeriod() {
            assertThat(retakeOn(twoFailed.subList(0, 1), LocalDate.of(2026, 3, 5))).isEmpty();
            assertThat(ReassessmentDeadlines.of(plan("highfield-csp-l2"), "observation", new AttemptHistory(twoFailed)))
                    .extracting(Deadline::date).containsExactly(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 6, 10));
        }
    }
}
