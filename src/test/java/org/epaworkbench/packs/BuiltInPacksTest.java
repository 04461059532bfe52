package org.epaworkbench.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptCap;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.DistinctionRule;
import org.epaworkbench.plan.RecordingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in packs validate and hold what the seed documents say. */
class BuiltInPacksTest {

    static final List<AssessmentPlan> PLANS = PlanLibrary.builtInPlans(new PlanPackReader());

    static AssessmentPlan plan(String id) {
        return PLANS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyBuiltInPackValidatesAndTheFourPlansAreInstalled() {
        assertThat(PLANS).extracting(AssessmentPlan::id)
                .containsExactly("highfield-css-l3", "pal-css-l3", "vtct-css-l3", "highfield-csp-l2");
    }

    /**
     * Pass and distinction criteria per component, counted in the seeds:
     * Highfield 002 mock mark schemes; PAL 003 Tables 2–4; VTCT 004 grading descriptors plus one KSB requirement per method;
     * Highfield CSP 001 "Grading": 10, 5 and 4 distinction criteria, and "all pass criteria" without
     * their number, encoded as one pass criterion per component that stands for all of them.
     */
    @ParameterizedTest(name = "{0} {1}: {2} pass, {3} distinction")
    @CsvSource({
            "highfield-css-l3, wbp-interview, 16, 9",
            "highfield-css-l3, professional-discussion, 11, 3",
            "highfield-css-l3, observation, 21, 2",
            "pal-css-l3, wbp-interview, 16, 9",
            "pal-css-l3, professional-discussion, 12, 2",
            "pal-css-l3, observation, 20, 2",
            // VTCT: 004's pass descriptors and, per method, the KSB requirements its Pass Criteria add (issue 13, item 9)
            "vtct-css-l3, wbp-interview, 17, 9",
            "vtct-css-l3, professional-discussion, 13, 3",
            "vtct-css-l3, observation, 21, 2",
            "highfield-csp-l2, showcase, 1, 10",
            "highfield-csp-l2, observation, 1, 5",
            "highfield-csp-l2, professional-discussion, 1, 4",
    })
    void criteriaCountsMatchTheSeeds(String planId, String componentId, int pass, int distinction) {
        Component c = plan(planId).component(componentId).orElseThrow();
        assertThat(c.passCriteria()).hasSize(pass);
        assertThat(c.distinctionCriteria()).hasSize(distinction);
    }

    @Test
    void cssPlansHaveTheSameThreeComponentIds() {
        for (String id : List.of("highfield-css-l3", "pal-css-l3", "vtct-css-l3")) {
            assertThat(plan(id).components()).extracting(Component::id)
                    .containsExactly("wbp-interview", "professional-discussion", "observation");
        }
        assertThat(plan("highfield-csp-l2").components()).extracting(Component::id)
                .containsExactly("showcase", "observation", "professional-discussion");
    }

    @Test
    void criterionWordingIsVerbatimFromTheSeeds() {
        Criterion s23 = plan("highfield-css-l3").component("observation").orElseThrow().criterionByCode("S2.3").orElseThrow();
        assertThat(s23.text()).isEqualTo("Demonstrates through advanced questioning, listening and summarising, "
                + "the negotiation of mutually beneficial outcomes.");
        assertThat(s23.theme()).isEqualTo("Providing a positive customer experience");

        Criterion palP15 = plan("pal-css-l3").component("observation").orElseThrow().criterion("P15").orElseThrow();
        assertThat(palP15.text()).isEqualTo(
                "Demonstrates achievement of results through effective teamwork and collaboration with colleagues at all levels.");

        Criterion vtctD1 = plan("vtct-css-l3").component("observation").orElseThrow().criterion("D1").orElseThrow();
        assertThat(vtctD1.text()).isEqualTo("Demonstrates own communication with customers that ensures the best "
                + "solution to meet customer requirements and organisational needs.");
    }

    @Test
    void practitionerCriteriaSayTheirWordingIsNotInTheSource() {
        AssessmentPlan csp = plan("highfield-csp-l2");
        assertThat(csp.components()).allSatisfy(c -> assertThat(c.criteria())
                .allSatisfy(cr -> assertThat(cr.displayText()).isEqualTo("wording not provided in source")));
        assertThat(csp.allWordingProvided()).isFalse();
        assertThat(plan("highfield-css-l3").allWordingProvided()).isTrue();
    }

    /**
     * 001 requires "all pass criteria must be covered" for each component's pass without listing them:
     * each component has one pass criterion standing for all of them, with no invented wording.
     */
    @Test
    void practitionerPassCriterionStandsForAllPassCriteriaOfItsComponent() {
        for (Component c : plan("highfield-csp-l2").components()) {
            assertThat(c.passCriteria()).as(c.id()).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo("pass-all");
                assertThat(p.code()).isEqualTo("P");
                assertThat(p.text()).isNull();
                assertThat(p.displayText()).isEqualTo("wording not provided in source");
                assertThat(p.theme()).isEqualTo("Pass criteria");
                assertThat(p.source().ref()).isEqualTo("001");
                assertThat(p.source().section()).startsWith("Grading");
                assertThat(p.source().quote()).isEqualTo("all pass criteria must be covered");
                assertThat(p.source().note()).contains("stands for all").contains("mark it met only when every one");
            });
        }
    }

    /** 001 states no grade cap for a resit or retake: the pack leaves it out and says why, quoting 001. */
    @Test
    void practitionerPlanHasNoAttemptCapAndItsNotesSayWhy() {
        AssessmentPlan csp = plan("highfield-csp-l2");
        assertThat(csp.attemptCap()).isNull();
        assertThat(csp.notes()).anySatisfy(n -> assertThat(n)
                .contains("Apprentices cannot resit a pass grade in order to gain a distinction.")
                .contains("No resit or retake grade cap is encoded"));
    }

    /** Where the seed folder is at hand (beside the repository), the Practitioner pack's quotes are in 001 word for word. */
    @Test
    void practitionerQuotesAreVerbatimFromSeed001() throws Exception {
        java.nio.file.Path seed = java.nio.file.Path.of("..", "shared", "seeds", "001_1d9572c60ddb1c71.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(seed), "seed 001 not beside the repository");
        String source = java.nio.file.Files.readString(seed).replaceAll("\\s+", " ");
        AssessmentPlan csp = plan("highfield-csp-l2");
        List<org.epaworkbench.plan.Citation> citations = new java.util.ArrayList<>();
        for (Component c : csp.components()) {
            citations.add(c.timing().source());
            citations.add(c.gradingSource());
            c.criteria().forEach(cr -> citations.add(cr.source()));
        }
        citations.add(csp.overallSource());
        csp.carryOver().forEach(r -> citations.add(r.source()));
        assertThat(citations).allSatisfy(cit -> cit.quoteText().ifPresent(q ->
                assertThat(source).contains(q.replaceAll("\\s+", " "))));
        assertThat(csp.notes()).anySatisfy(n -> assertThat(source).contains(
                "Apprentices cannot resit a pass grade in order to gain a distinction."));
    }

    @Test
    void timingsFollowTheSeeds() {
        Component obs = plan("highfield-css-l3").component("observation").orElseThrow();
        assertThat(obs.timing().plannedMinutes()).isEqualTo(60);
        assertThat(obs.timing().minMinutes()).isEqualTo(54);
        assertThat(obs.timing().maxMinutes()).isEqualTo(66);

        AssessmentPlan csp = plan("highfield-csp-l2");
        assertThat(csp.component("observation").orElseThrow().timing().plannedMinutes()).isEqualTo(90);
        assertThat(csp.component("showcase").orElseThrow().timing().maxMinutes()).isEqualTo(30);
        assertThat(csp.component("professional-discussion").orElseThrow().timing().maxMinutes()).isEqualTo(60);
    }

    @Test
    void interviewsHaveTenQuestionsWhereTheSourceSaysSo() {
        assertThat(plan("highfield-css-l3").component("wbp-interview").orElseThrow().questions())
                .hasValueSatisfying(q -> assertThat(q.exactly()).isEqualTo(10));
        assertThat(plan("pal-css-l3").component("wbp-interview").orElseThrow().questions())
                .hasValueSatisfying(q -> assertThat(q.exactly()).isEqualTo(10));
        // 004 does not state a number of interview questions.
        assertThat(plan("vtct-css-l3").component("wbp-interview").orElseThrow().questions()).isEmpty();
    }

    @Test
    void gradingRulesAreDataNotCode() {
        assertThat(plan("highfield-csp-l2").components()).extracting(Component::distinctionRule)
                .containsExactly(DistinctionRule.atLeast(7), DistinctionRule.atLeast(4), DistinctionRule.atLeast(3));
        assertThat(plan("highfield-css-l3").attemptCap().scope()).isEqualTo(AttemptCap.Scope.COMPONENT);
        assertThat(plan("pal-css-l3").attemptCap().scope()).isEqualTo(AttemptCap.Scope.OVERALL);
        assertThat(plan("vtct-css-l3").attemptCap().scope()).isEqualTo(AttemptCap.Scope.OVERALL);
        assertThat(plan("highfield-csp-l2").carryOver()).singleElement()
                .satisfies(r -> {
                    assertThat(r.fromComponent()).isEqualTo("observation");
                    assertThat(r.toComponent()).isEqualTo("professional-discussion");
                });
    }

    @Test
    void everyCitationNamesASourceTheSeedFolderHas() {
        Map<String, String> files = PLANS.stream().flatMap(p -> p.sources().stream())
                .collect(Collectors.toMap(s -> s.ref(), s -> s.file(), (a, b) -> a));
        assertThat(files).containsOnlyKeys("000", "001", "002", "003", "004");
        assertThat(files.values()).allSatisfy(f -> assertThat(f).matches("00[0-4]_[0-9a-f]{16}\\.txt"));
    }

    /** The rules issue 6's audit found missing, each with the seed it comes from. */
    @Test
    void theRulesAroundTheSessionsCiteTheirSeeds() {
        var highfield = plan("highfield-css-l3").epa();
        assertThat(highfield.earliestEpaStart().months()).isEqualTo(15);
        assertThat(highfield.earliestEpaStart().severity()).isEqualTo(org.epaworkbench.plan.EpaRules.Severity.PROBLEM);
        assertThat(highfield.earliestEpaStart().source().ref()).isEqualTo("002");
        assertThat(highfield.minimumOnProgramme().days()).isEqualTo(372);
        assertThat(highfield.minimumOnProgramme().source().note()).doesNotContain("not a rule").contains("15 months");
        for (String id : List.of("highfield-css-l3", "pal-css-l3", "vtct-css-l3")) {
            var epa = plan(id).epa();
            assertThat(epa.reassessment().periodStarts()).as(id).isEqualTo(org.epaworkbench.plan.EpaRules.PeriodStart.FIRST_FAIL);
            assertThat(epa.retakeGateway()).as(id).isNotNull();
        }
        var vtct = plan("vtct-css-l3").epa();
        assertThat(vtct.window().severity()).isEqualTo(org.epaworkbench.plan.EpaRules.Severity.WARNING);
        assertThat(vtct.dueAtGateway()).singleElement().satisfies(a -> assertThat(a.what()).isEqualTo("portfolio of evidence"));
        assertThat(plan("pal-css-l3").epa().window().severity()).isEqualTo(org.epaworkbench.plan.EpaRules.Severity.PROBLEM);
        var csp = plan("highfield-csp-l2").epa().retakeTraining();
        assertThat(List.of(csp.minMonths(), csp.maxMonths(), csp.whenFailedAtLeast())).containsExactly(1, 3, 2);
        assertThat(csp.source().ref()).isEqualTo("001");
    }

    /**
     * Every quote of the rules around the sessions is in its seed, word for word (spacing aside), when the seeds are
     * beside the project (../shared/seeds, as the README says); skipped where they are not.
     */
    @Test
    void everyEpaRuleQuoteIsVerbatimInItsSeed() throws Exception {
        java.nio.file.Path seeds = java.nio.file.Path.of("..", "shared", "seeds");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(seeds), "seeds not beside the project");
        for (AssessmentPlan p : PLANS) {
            Map<String, String> text = new java.util.HashMap<>();
            for (var source : p.sources()) {
                java.nio.file.Path file = seeds.resolve(source.file());
                if (java.nio.file.Files.exists(file)) {
                    text.put(source.ref(), normalise(java.nio.file.Files.readString(file)));
                }
            }
            var e = p.epa();
            List<org.epaworkbench.plan.Citation> cites = new java.util.ArrayList<>();
            java.util.stream.Stream.of(e.minimumOnProgramme(), e.earliestEpaStart(), e.window(), e.projectDeadline(), e.portfolio(),
                    e.projectReport(), e.projectProposal(), e.reassessment(), e.retakeTraining(), e.retakeGateway(), e.englishAndMaths())
                    .filter(java.util.Objects::nonNull).forEach(r -> cites.add(citation(r)));
            if (e.furtherDevelopment() != null) {
                cites.add(e.furtherDevelopment().source());
            }
            if (e.projectProposal() != null) {
                e.projectProposal().dueAtGateway().ifPresent(cites::add);
            }
            for (Component c : p.components()) {
                c.inOneSession().ifPresent(x -> cites.add(x.source()));
                c.followUpOnResit().ifPresent(x -> cites.add(x.source()));
                c.recording().faceToFace().citation().ifPresent(cites::add);
                c.recording().remote().citation().ifPresent(cites::add);
                c.recording().exemptionSource().ifPresent(cites::add);
            }
            e.submissions().forEach(x -> cites.add(x.source()));
            e.dueAtGateway().forEach(x -> cites.add(x.source()));
            e.notices().forEach(x -> cites.add(x.source()));
            e.order().forEach(x -> cites.add(x.source()));
            for (var c : cites) {
                if (c.quote() != null && text.containsKey(c.ref())) {
                    assertThat(text.get(c.ref())).as(p.id() + " " + c.shortForm()).contains(normalise(c.quote()));
                }
            }
        }
    }

    /**
     * Issue 16: whether sessions are recorded, per component and mode. PAL (003) requires a recording of the professional
     * discussion and of the presentation and interview, face to face and remote, each with its exemption footnote;
     * Highfield (002) allows one ("some footage may be recorded"); VTCT (004) and the Practitioner summary (001) say
     * nothing, so recording is optional there, with a note and no quote. Every quote is in its seed word for word.
     */
    @Test
    void recordingRulesFollowTheSeeds() throws Exception {
        RecordingRule.Requirement required = RecordingRule.Requirement.REQUIRED;
        RecordingRule.Requirement optional = RecordingRule.Requirement.OPTIONAL;
        for (String id : List.of("professional-discussion", "wbp-interview")) {
            RecordingRule r = plan("pal-css-l3").component(id).orElseThrow().recording();
            assertThat(r.faceToFace().requirement()).as(id).isEqualTo(required);
            assertThat(r.remote().requirement()).as(id).isEqualTo(required);
            assertThat(r.remote().source().quote()).isEqualTo(
                    "The video call will be recorded and submitted by the independent assessor for internal quality assurance.");
            assertThat(r.exemption().quote()).contains("a written record would still be required");
            for (var c : List.of(r.faceToFace().source(), r.remote().source(), r.exemption())) {
                assertThat(c.ref()).isEqualTo("003");
                assertThat(seed("003")).contains(normalise(c.quote()));
            }
        }
        assertThat(plan("pal-css-l3").component("professional-discussion").orElseThrow().recording().faceToFace().source()
                .quote()).isEqualTo("Where the assessment is completed face to face, the independent assessor should complete a "
                        + "digital recording² of the professional discussion.");
        assertThat(plan("pal-css-l3").component("wbp-interview").orElseThrow().recording().faceToFace().source().quote())
                .endsWith("digital recording³ of the presentation.");
        RecordingRule palObservation = plan("pal-css-l3").component("observation").orElseThrow().recording();
        assertThat(palObservation.requiredAnywhere()).isFalse();
        assertThat(palObservation.faceToFace().source().quote()).isNull();

        for (Component c : plan("highfield-css-l3").components()) {
            assertThat(c.recording().faceToFace().requirement()).isEqualTo(optional);
            assertThat(c.recording().remote().requirement()).isEqualTo(optional);
            assertThat(c.recording().faceToFace().source().ref()).isEqualTo("002");
            assertThat(seed("002")).contains(normalise(c.recording().faceToFace().source().quote()));
            assertThat(c.recording().faceToFace().source().quote()).contains("some footage may be recorded");
        }
        for (String planId : List.of("vtct-css-l3", "highfield-csp-l2")) {
            for (Component c : plan(planId).components()) {
                assertThat(c.recording().requiredAnywhere()).as(planId).isFalse();
                assertThat(c.recording().faceToFace().source().quote()).as(planId).isNull();
                assertThat(c.recording().faceToFace().source().note()).as(planId).contains("says nothing about recording");
            }
        }
    }

    /** A seed's text, spacing normalised; the test is skipped where the seeds are not beside the project. */
    static String seed(String ref) throws Exception {
        java.nio.file.Path seeds = java.nio.file.Path.of("..", "shared", "seeds");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(seeds), "seeds not beside the project");
        try (var files = java.nio.file.Files.list(seeds)) {
            java.nio.file.Path file = files.filter(f -> f.getFileName().toString().startsWith(ref + "_")).findFirst().orElseThrow();
            return normalise(java.nio.file.Files.readString(file));
        }
    }

    /**
     * Issue 13, item 6. 000 and 002 (Retake and resit information): "The maximum grade awarded to a resit will be pass,
     * unless Highfield Assessment identifies exceptional circumstances accounting for the original fail." No seed caps a
     * retake, so the Highfield pack caps resits only and its notes say why.
     */
    @Test
    void highfieldCapsResitsOnlyAsTheSeedsSay() throws Exception {
        String quote = "The maximum grade awarded to a resit will be pass, unless Highfield Assessment identifies exceptional "
                + "circumstances accounting for the original fail.";
        assertThat(seed("000")).contains(quote);
        assertThat(seed("002")).contains(quote);
        AssessmentPlan highfield = plan("highfield-css-l3");
        assertThat(highfield.attemptCap().attempts()).containsExactly(org.epaworkbench.plan.AttemptKind.RESIT);
        assertThat(highfield.attemptCap().source().quote()).isEqualTo(quote);
        assertThat(highfield.notes()).anySatisfy(n -> assertThat(n).contains("cap for a resit only")
                .contains("Apprentices cannot retake any part of the EPA to improve their pass grade to a distinction"));

        var engine = new org.epaworkbench.grading.GradingEngine();
        Component obs = highfield.component("observation").orElseThrow();
        Map<String, org.epaworkbench.grading.CriterionState> allMet = new java.util.LinkedHashMap<>();
        obs.criteria().forEach(c -> allMet.put(c.id(), org.epaworkbench.grading.CriterionState.MET));
        for (var attempt : org.epaworkbench.plan.AttemptKind.values()) {
            var result = engine.grade(highfield, new org.epaworkbench.grading.EpaJudgements(Map.of("observation",
                    new org.epaworkbench.grading.ComponentJudgements(attempt, allMet, Map.of(), false)))).component("observation")
                    .orElseThrow();
            assertThat(result.grade()).as(attempt.word()).isEqualTo(attempt == org.epaworkbench.plan.AttemptKind.RESIT
                    ? org.epaworkbench.plan.Grade.PASS : org.epaworkbench.plan.Grade.DISTINCTION);
        }
    }

    /**
     * Issue 13, item 7. English and maths at the gateway, as data, only where a seed states them: 002 "the level 2 English
     * and maths components of the apprenticeship must be successfully completed by the apprentice"; 003 "Evidence of Level
     * 2 English and maths requirements having been achieved."; 004 "The Apprentice must achieve English and maths
     * qualifications in line with the apprenticeship funding rules." (no level); 001 states none.
     */
    @Test
    void englishAndMathsAreRulesOfThePlansThatStateThem() throws Exception {
        Map<String, String> quotes = Map.of(
                "highfield-css-l3", "the level 2 English and maths components of the apprenticeship must be successfully completed by the apprentice",
                "pal-css-l3", "Evidence of Level 2 English and maths requirements having been achieved.",
                "vtct-css-l3", "The Apprentice must achieve English and maths qualifications in line with the apprenticeship funding rules.");
        Map<String, String> refs = Map.of("highfield-css-l3", "002", "pal-css-l3", "003", "vtct-css-l3", "004");
        for (var e : quotes.entrySet()) {
            var rule = plan(e.getKey()).epa().qualifications().orElseThrow();
            assertThat(rule.source().ref()).as(e.getKey()).isEqualTo(refs.get(e.getKey()));
            assertThat(rule.source().quote()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(seed(rule.source().ref())).as(e.getKey()).contains(e.getValue());
        }
        assertThat(plan("highfield-css-l3").epa().qualifications().orElseThrow().level()).isEqualTo(2);
        assertThat(plan("pal-css-l3").epa().qualifications().orElseThrow().level()).isEqualTo(2);
        assertThat(plan("vtct-css-l3").epa().qualifications().orElseThrow().level()).isNull();
        assertThat(plan("highfield-csp-l2").epa().qualifications()).isEmpty();
        assertThat(seed("001")).doesNotContainIgnoringCase("english").doesNotContainIgnoringCase("maths");
    }

    /** Issue 13, item 8. 000 Summary of end-point assessments: "The project proposal must be completed and brought along to the gateway meeting." */
    @Test
    void highfieldsProposalIsBroughtToTheGatewayMeeting() throws Exception {
        String quote = "The project proposal must be completed and brought along to the gateway meeting.";
        assertThat(seed("000")).contains(quote);
        var atGateway = plan("highfield-css-l3").epa().projectProposal().dueAtGateway().orElseThrow();
        assertThat(atGateway.ref()).isEqualTo("000");
        assertThat(atGateway.quote()).isEqualTo(quote);
    }

    /**
     * Issue 13, item 8. 001 Retake and Resit information: "If the apprentice fails the practical observation, Highfield will
     * offer a resit of this assessment component to the apprentice along with an additional professional discussion follow up
     * of 30 minutes if a suitable situation to evidence the criteria did not occur." 001 Summary of end-point assessments:
     * "The observation must be carried out in one session, except in exceptional circumstances (such as a business operating
     * different functions across 2 sites)."
     */
    @Test
    void practitionerObservationIsOneSessionAndItsResitComesWithAThirtyMinuteDiscussion() throws Exception {
        String resit = "If the apprentice fails the practical observation, Highfield will offer a resit of this assessment component "
                + "to the apprentice along with an additional professional discussion follow up of 30 minutes if a suitable situation to "
                + "evidence the criteria did not occur.";
        String one = "The observation must be carried out in one session, except in exceptional circumstances (such as a business "
                + "operating different functions across 2 sites).";
        assertThat(seed("001")).contains(resit).contains(one);
        AssessmentPlan csp = plan("highfield-csp-l2");
        Component obs = csp.component("observation").orElseThrow();
        assertThat(obs.oneSession().source().quote()).isEqualTo(one);
        var followUp = obs.resitFollowUp();
        assertThat(followUp.source().quote()).isEqualTo(resit);
        assertThat(followUp.activity()).isEqualTo("professional discussion");
        assertThat(followUp.minutes()).isEqualTo(30);
        assertThat(followUp.condition()).isEqualTo("if a suitable situation to evidence the criteria did not occur");
        assertThat(csp.remindersFor("observation", org.epaworkbench.plan.AttemptKind.RESIT)).extracting(r -> r.text())
                .containsExactly(one, "An additional professional discussion follow-up of 30 minutes, if a suitable situation to "
                        + "evidence the criteria did not occur.");
        assertThat(csp.remindersFor("observation", org.epaworkbench.plan.AttemptKind.FIRST)).extracting(r -> r.text()).containsExactly(one);
        assertThat(csp.remindersFor("showcase", org.epaworkbench.plan.AttemptKind.RESIT)).isEmpty();
    }

    /**
     * Issue 13, item 8. 003 Section 3, Resits and retakes: "Further development must be provided prior to a resit." 004 Re-sits
     * and Re-takes: "If the Apprentice fails any part of the End-point Assessment, further development must be provided prior
     * to a re-sit or re-take."
     */
    @Test
    void furtherDevelopmentComesBeforeAResitAtPalAndBeforeAResitOrRetakeAtVtct() throws Exception {
        String pal = "Further development must be provided prior to a resit.";
        String vtct = "If the Apprentice fails any part of the End-point Assessment, further development must be provided prior to a "
                + "re-sit or re-take.";
        assertThat(seed("003")).contains(pal);
        assertThat(seed("004")).contains(vtct);
        var p = plan("pal-css-l3").epa().furtherDevelopment();
        assertThat(p.before()).containsExactly(org.epaworkbench.plan.AttemptKind.RESIT);
        assertThat(p.source().quote()).isEqualTo(pal);
        var v = plan("vtct-css-l3").epa().furtherDevelopment();
        assertThat(v.before()).containsExactlyInAnyOrder(org.epaworkbench.plan.AttemptKind.RESIT, org.epaworkbench.plan.AttemptKind.RETAKE);
        assertThat(v.source().quote()).isEqualTo(vtct);
        assertThat(plan("pal-css-l3").remindersFor("wbp-interview", org.epaworkbench.plan.AttemptKind.RESIT))
                .singleElement().satisfies(r -> {
                    assertThat(r.title()).isEqualTo("Before a resit");
                    assertThat(r.text()).isEqualTo(pal);
                });
        assertThat(plan("pal-css-l3").remindersFor("wbp-interview", org.epaworkbench.plan.AttemptKind.RETAKE)).isEmpty();
        assertThat(plan("vtct-css-l3").remindersFor("wbp-interview", org.epaworkbench.plan.AttemptKind.RETAKE))
                .extracting(r -> r.text()).containsExactly(vtct);
        assertThat(plan("vtct-css-l3").remindersFor("wbp-interview", org.epaworkbench.plan.AttemptKind.FIRST)).isEmpty();
    }

    /**
     * The same one-session rule where the other seeds state it for their observation: 000 "The 60-minute practical observation
     * +/- 10% tolerance either way, must be covered in 1 session."; 004 "The practical observation with questions and answers
     * is covered in one session, lasting 60 minutes +/- 10% tolerance either way." 003 states none.
     */
    @Test
    void observationsAreOneSessionWhereTheSeedsSaySo() throws Exception {
        Map<String, String> quotes = Map.of(
                "highfield-css-l3", "The 60-minute practical observation +/- 10% tolerance either way, must be covered in 1 session.",
                "vtct-css-l3", "The practical observation with questions and answers is covered in one session, lasting 60 minutes "
                        + "+/- 10% tolerance either way.");
        for (var e : quotes.entrySet()) {
            var one = plan(e.getKey()).component("observation").orElseThrow().oneSession();
            assertThat(one.source().quote()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(seed(one.source().ref())).as(e.getKey()).contains(e.getValue());
        }
        assertThat(plan("pal-css-l3").components()).allSatisfy(c -> assertThat(c.oneSession()).isNull());
    }

    /**
     * Issue 13, item 9. 004, Practical Observation with Questions and Answers, Pass Criteria: "The Apprentice will achieve a
     * Pass grade if they provide evidence to meet all the Knowledge, Skills and Behaviour requirements set out for the practical
     * observation with questions and answers and all the criteria below:" (and likewise for the other two methods). The pack
     * carries every KSB statement verbatim, links each descriptor to the statements of its standard area, and a pass needs
     * the KSB requirements met.
     */
    @Test
    void vtctCarriesTheKsbStatementsAndAPassNeedsThem() throws Exception {
        String seed = seed("004");
        Map<String, String> method = Map.of("observation", "practical observation with questions and answers",
                "wbp-interview", "work-based project, supported by an interview",
                "professional-discussion", "professional discussion supported by portfolio evidence");
        Map<String, Integer> statements = Map.of("observation", 20, "wbp-interview", 14, "professional-discussion", 13);
        AssessmentPlan vtct = plan("vtct-css-l3");
        for (Component c : vtct.components()) {
            String sentence = "The Apprentice will achieve a Pass grade if they provide evidence to meet all the Knowledge, Skills and "
                    + "Behaviour requirements set out for the " + method.get(c.id()) + " and all the criteria below:";
            assertThat(seed).as(c.id()).contains(sentence);
            assertThat(c.ksbRequirements()).as(c.id()).hasSize(statements.get(c.id()));
            assertThat(c.ksbRequirements()).allSatisfy(k -> {
                assertThat(seed).as(c.id() + " " + k.id()).contains(normalise(k.text()));
                assertThat(k.source().quote()).isEqualTo(k.text());
            });
            Criterion ksb = c.criterion("ksb").orElseThrow();
            assertThat(ksb.level()).isEqualTo(org.epaworkbench.plan.CriterionLevel.PASS);
            assertThat(ksb.source().quote()).isEqualTo(sentence);
            assertThat(seed).contains(ksb.text());
            assertThat(c.ksbRequirementsOf(ksb)).isEqualTo(c.ksbRequirements());
            // every descriptor sits beside the statements of its standard area, and every statement beside a descriptor
            for (Criterion d : c.criteria()) {
                assertThat(c.ksbRequirementsOf(d)).as(c.id() + " " + d.code()).isNotEmpty();
            }
            assertThat(c.ksbRequirements()).allSatisfy(k -> assertThat(c.criteria().stream()
                    .filter(d -> !d.id().equals("ksb")).anyMatch(d -> d.ksbRequirements().contains(k.id()))).as(k.id()).isTrue());
        }
        Component obs = vtct.component("observation").orElseThrow();
        assertThat(obs.ksbRequirementsOf(obs.criterion("P2").orElseThrow())).extracting(k -> k.text())
                .contains("Through advanced questioning, listening and summarising negotiate mutually beneficial outcomes.");
        assertThat(obs.ksbRequirements().get(0).kind()).isEqualTo(org.epaworkbench.plan.KsbRequirement.Kind.KNOWLEDGE);
        assertThat(obs.ksbRequirements().get(0).area()).isEqualTo("Knowing your customers and their needs/customer insight");

        // every descriptor met but the KSB requirements not evidenced: not a pass
        var engine = new org.epaworkbench.grading.GradingEngine();
        Map<String, org.epaworkbench.grading.CriterionState> states = new java.util.LinkedHashMap<>();
        obs.criteria().forEach(c -> states.put(c.id(), org.epaworkbench.grading.CriterionState.MET));
        states.put("ksb", org.epaworkbench.grading.CriterionState.NOT_MET);
        var result = engine.grade(vtct, new org.epaworkbench.grading.EpaJudgements(Map.of("observation",
                org.epaworkbench.grading.ComponentJudgements.firstAttempt(states)))).component("observation").orElseThrow();
        assertThat(result.grade()).isEqualTo(org.epaworkbench.plan.Grade.FAIL);
        assertThat(result.missingForPass()).extracting(Criterion::code).containsExactly("KSB");
    }

    private static String normalise(String s) {
        return s.replace("**", "").replaceAll("\\s+", " ").strip();
    }

    private static org.epaworkbench.plan.Citation citation(Object rule) {
        try {
            return (org.epaworkbench.plan.Citation) rule.getClass().getMethod("source").invoke(rule);
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }
}
