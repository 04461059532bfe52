package org.epaworkbench.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.ExampleQuestion;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.store.EpaStore;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SampleData;
import org.epaworkbench.store.SessionStore;

/**
 * Makes the sample data a newcomer can try the app with: a clearly labelled sample apprentice on
 * {@code highfield-css-l3} with one completed session per component, recorded through the same
 * engine as real sessions (pauses, questioning time, questions, notes and evidence), dated in the
 * past week. Everything it makes is marked as sample and removable in one action.
 */
public final class SampleDataMaker {

    public static final String PLAN_ID = "highfield-css-l3";
    public static final String LABEL = "(sample)";

    /** What was made. */
    public record Made(String apprenticeId, List<String> sessionIds) {
    }

    private final PlanLibrary plans;
    private final PeopleStore people;
    private final SessionStore sessions;
    private final Clock clock;
    private final EpaStore epa;
    private String ownerKey;

    public SampleDataMaker(PlanLibrary plans, PeopleStore people, SessionStore sessions, Clock clock) {
        this(plans, people, sessions, null, clock);
    }

    /** With {@code epa}, the sample apprentice also gets a gateway record, planned dates and a portfolio. */
    public SampleDataMaker(PlanLibrary plans, PeopleStore people, SessionStore sessions, EpaStore epa, Clock clock) {
        this.plans = plans;
        this.people = people;
        this.sessions = sessions;
        this.epa = epa;
        this.clock = clock;
    }

    /** The sessions made are planned with this key known (their ids made from it), as an assessor with a key plans them. */
    public SampleDataMaker ownedBy(String ownerKey) {
        this.ownerKey = ownerKey;
        return this;
    }

    public Made make() throws SQLException {
        return make(true);
    }

    /** What {@link #replacing} did: the sample data made, and how many sample sessions made earlier it removed first. */
    public record Replaced(Made made, boolean replaced, int removedSessions) {
    }

    /**
     * Makes the sample data, first removing any made before (with everything attached to the sample
     * apprentice), so there is only ever one sample apprentice however often it is asked for.
     */
    public Replaced replacing(SampleData existing) throws SQLException {
        boolean present = existing.present();
        int removed = present ? existing.remove() : 0;
        return new Replaced(make(), present, removed);
    }

    /**
     * Makes the data; with {@code markAsSample} false it is stored as ordinary data (for tests and
     * demonstrations of export, which never carries sample data).
     */
    public Made make(boolean markAsSample) throws SQLException {
        AssessmentPlan plan = plans.plan(PLAN_ID).orElseThrow(() -> new IllegalStateException("built-in plan missing"));
        if (people.assessor().isEmpty()) {
            people.saveAssessor(new AssessorProfile("Sam Assessor " + LABEL, "EPA-000123", "Highfield Assessment", markAsSample));
        }
        ZoneId zone = ZoneId.of("Europe/London");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Apprentice apprentice = new Apprentice(UUID.randomUUID().toString(), "Jordan Taylor " + LABEL,
                Uln.of("9182736455"), "Northgate Home Furnishings " + LABEL, "Riverside Training " + LABEL, PLAN_ID,
                today.minusMonths(18), today.minusDays(70), markAsSample);
        people.save(apprentice);
        if (epa != null) {
            epaAround(plan, apprentice, today);
        }

        List<String> ids = new ArrayList<>();
        try {
            ids.add(interview(plan, apprentice, at(today.minusDays(9), 10, 0, zone), markAsSample));
            ids.add(discussion(plan, apprentice, at(today.minusDays(6), 14, 0, zone), markAsSample));
            ids.add(observation(plan, apprentice, at(today.minusDays(2), 9, 30, zone), markAsSample));
        } catch (SessionRuleException e) {
            throw new IllegalStateException("sample session breaks a session rule: " + e.getMessage(), e);
        }
        return new Made(apprentice.id(), ids);
    }

    /** The gateway passed ten weeks ago, dates that keep the plan's rules, and a portfolio covering the discussion. */
    private void epaAround(AssessmentPlan plan, Apprentice a, LocalDate today) throws SQLException {
        epa.saveGateway(a.id(), new GatewayRecord(a.apprenticeshipStart(), today.minusDays(72), a.gatewayDate(),
                new GatewayRecord.Qualification(true, "GCSE English language, grade 5: certificate seen"),
                new GatewayRecord.Qualification(true, "Functional Skills maths level 2: certificate seen"), true, true,
                "Passport", "None requested", new GatewayRecord.ProjectProposal(PROPOSAL, a.gatewayDate().minusDays(5),
                        GatewayRecord.ProposalDecision.APPROVED, "Clear scope and measures; approved.", a.gatewayDate().minusDays(3))));
        epa.setDate(a.id(), EpaStore.DateKind.PLANNED, "wbp-interview", today.minusDays(9));
        epa.setDate(a.id(), EpaStore.DateKind.PLANNED, "professional-discussion", today.minusDays(6));
        epa.setDate(a.id(), EpaStore.DateKind.PLANNED, "observation", today.minusDays(2));
        epa.setDate(a.id(), EpaStore.DateKind.NOTICE, "observation", today.minusDays(20));
        epa.setDate(a.id(), EpaStore.DateKind.SUBMITTED, "project report", today.minusDays(30));
        epa.setDate(a.id(), EpaStore.DateKind.SUBMITTED, "portfolio of evidence", today.minusDays(25));
        List<Criterion> criteria = plan.component("professional-discussion").orElseThrow().criteria();
        String[][] pieces = {
                {"Team meeting notes on the returns process", "Work product"},
                {"Witness statement from the customer service manager", "Witness testimony"},
                {"Customer thank-you emails (redacted)", "Customer feedback"},
                {"Complaint handling log, January to March", "Work product"},
                {"Reflective account: a difficult delivery complaint", "Reflective account"},
                {"Coaching plan for two new starters", "Work product"},
                {"Data protection refresher certificate", "Certificate"},
                {"Mystery shopper report", "Customer feedback"},
                {"Service improvement suggestion and outcome", "Work product"},
                {"Supervisor's observation record", "Observation record"},
                {"Reflective account: learning from feedback", "Reflective account"},
                {"Customer satisfaction survey summary", "Work product"}};
        for (int i = 0; i < pieces.length; i++) {
            java.util.Set<String> mapped = new java.util.HashSet<>();
            for (int k = i; k < criteria.size(); k += pieces.length) {
                mapped.add(criteria.get(k).id());
            }
            mapped.add(criteria.get((i * 5) % criteria.size()).id());
            try {
                epa.savePiece(a.id(), new org.epaworkbench.assessment.PortfolioPiece(null, i + 1, pieces[i][0], pieces[i][1],
                        today.minusDays(120 - i * 7), "e-portfolio item " + (i + 1), "", mapped));
            } catch (EpaStore.PortfolioProblem e) {
                throw new IllegalStateException("sample portfolio numbers clash: " + e.getMessage(), e);
            }
        }
    }

    private static final String PROPOSAL = "Late deliveries were the largest cause of repeat contacts to the Leeds customer "
            + "service desk in the last quarter. The project will map how delivery complaints are received, recorded and "
            + "resolved, measure how many customers contact us more than once about the same order, and identify the points "
            + "where information is lost between the desk, the warehouse and the courier. I will gather data from the "
            + "complaint log, survey customers who complained, and interview colleagues in the warehouse. The output will "
            + "be a recommendation for a callback promise with fixed time slots, a change to how delivery updates are shared "
            + "with the desk, and a set of measures to show whether repeat contacts fall. The project will be completed within "
            + "two months of gateway and presented to the store manager, who has agreed to support a four-week trial of the "
            + "recommendation if it is approved, so that its results can be reported in the final project report and interview. "
            + "Success will be judged by three measures agreed with the manager: the share of delivery complaints resolved at "
            + "first contact, the number of customers who contact us again within seven days, and the satisfaction score from "
            + "the follow-up survey. I will also record what the trial costs in staff time, so that the store can decide "
            + "whether to keep the callback promise after the trial ends.";

    private static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
        return ZonedDateTime.of(day.atTime(hour, minute), zone).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    private RecordedSession begin(AssessmentPlan plan, Apprentice a, String componentId, AssessmentMode mode,
            String location, String id, ManualClock clock, boolean sample) throws SQLException, SessionRuleException {
        return RecordedSession.create(sessions, plan, new SessionDetails(a.id(), plan.id(), plan.version(), componentId,
                AttemptKind.FIRST, mode, location, id), clock, SessionSettings.DEFAULT, sample, ownerKey);
    }

    private String interview(AssessmentPlan plan, Apprentice a, Instant start, boolean sample)
            throws SQLException, SessionRuleException {
        ManualClock clock = new ManualClock(start);
        RecordedSession s = begin(plan, a, "wbp-interview", AssessmentMode.REMOTE_VIDEO, "Video call (Teams)",
                "UK photocard driving licence", clock, sample);
        s.perform(l -> l.start());
        Component c = s.live().component();
        List<ExampleQuestion> bank = c.exampleQuestions();
        String[] own = {
                "Walk me through how you recorded the complaint and what the customer said they wanted.",
                "Which risks did you weigh before recommending the change to the returns policy?",
                "How did you check that your recommendation actually reduced repeat contacts?",
                "What would you do differently if the same challenge came up next month?"};
        int[] minutes = {5, 6, 4, 7, 5, 6, 5, 6, 5, 6};
        for (int i = 0; i < 10; i++) {
            String text = i < bank.size() ? bank.get(i).text() : own[i - bank.size()];
            String bankId = i < bank.size() ? "plan:" + plan.id() + ":" + c.id() + ":" + (i + 1) : null;
            s.perform(l -> l.askQuestion(text, bankId));
            clock.advance(Duration.ofMinutes(minutes[i]).minusSeconds(40));
            if (i == 2 || i == 6) {
                s.perform(l -> l.followUp("Can you explain that further, with an example from your project?"));
            }
            if (i == 4) {
                s.perform(l -> l.pause("Apprentice's video connection dropped"));
                clock.advanceSeconds(180);
                s.perform(l -> l.resume());
            }
            clock.advanceSeconds(40);
        }
        judgeAll(s, c, clock, Map.of("S5.4", CriterionState.NOT_MET), Map.of(
                "K1.1", "Linked the mission statement (“customers first, every time”) to the new callback promise.",
                "S2.11", "Showed the trend log of 38 repeat contacts about late deliveries and their causes.",
                "S5.4", "Compared only with one competitor; no analysis of other organisations' standards."));
        s.perform(l -> l.evidence("S2.11", "Project annex C: complaint trend log"));
        s.perform(l -> l.evidence("S3.1", "Project annex D: customer survey results"));
        clock.advanceSeconds(60);
        s.perform(l -> l.end(null));
        return s.id();
    }

    private String discussion(AssessmentPlan plan, Apprentice a, Instant start, boolean sample)
            throws SQLException, SessionRuleException {
        ManualClock clock = new ManualClock(start);
        RecordedSession s = begin(plan, a, "professional-discussion", AssessmentMode.FACE_TO_FACE,
                "Meeting room 2, Northgate head office", "Passport", clock, sample);
        s.perform(l -> l.start());
        Component c = s.live().component();
        clock.advance(Duration.ofMinutes(4));
        int item = 1;
        for (Criterion cr : c.criteria()) {
            clock.advance(Duration.ofSeconds(200));
            s.perform(l -> l.judge(cr.id(), CriterionState.MET));
            String ref = "Portfolio item " + (1 + (item++ % 12));
            s.perform(l -> l.evidence(cr.id(), ref));
        }
        s.perform(l -> l.note("K1.6", "Described coaching and democratic styles, with when each worked on the returns team."));
        s.perform(l -> l.note("B1.2", "Buddying two new starters raised their first-contact resolution; reflected on own learning."));
        s.perform(l -> l.note(null, "Apprentice referred to the portfolio throughout; all 12 items were relevant."));
        clock.advance(Duration.ofMinutes(9));
        s.perform(l -> l.end(null));
        return s.id();
    }

    private String observation(AssessmentPlan plan, Apprentice a, Instant start, boolean sample)
            throws SQLException, SessionRuleException {
        ManualClock clock = new ManualClock(start);
        RecordedSession s = begin(plan, a, "observation", AssessmentMode.FACE_TO_FACE,
                "Customer service desk, Northgate Leeds store", "Employee ID card", clock, sample);
        s.perform(l -> l.start());
        Component c = s.live().component();
        clock.advance(Duration.ofMinutes(6));
        s.perform(l -> l.judge("B5.1", CriterionState.MET));
        s.perform(l -> l.note("B5.1", "Greeted each customer by name where known; explained the price-match promise."));
        clock.advance(Duration.ofMinutes(8));
        s.perform(l -> l.toggleQuestioning());
        clock.advance(Duration.ofMinutes(3).plusSeconds(10));
        s.perform(l -> l.toggleQuestioning());
        clock.advance(Duration.ofMinutes(12));
        s.perform(l -> l.pause("Apprentice took a call with a customer's card details (data protection)"));
        clock.advance(Duration.ofMinutes(4));
        s.perform(l -> l.resume());
        clock.advance(Duration.ofMinutes(12));
        s.perform(l -> l.toggleQuestioning());
        clock.advance(Duration.ofMinutes(4).plusSeconds(35));
        s.perform(l -> l.toggleQuestioning());
        judgeAll(s, c, clock, Map.of("S2.8", CriterionState.NOT_ARISEN), Map.of(
                "S2.3", "Summarised the refund options back to the customer and agreed a part-refund plus voucher.",
                "B2.2", "Recognised the customer's frustration about the missed delivery and offered a fixed callback slot.",
                "S2.8", "No opportunity arose to offer additional solutions or recommendations during the observation."));
        clock.advance(Duration.ofMinutes(2));
        s.perform(l -> l.toggleQuestioning());
        clock.advance(Duration.ofSeconds(65));
        s.perform(l -> l.toggleQuestioning());
        clock.advance(Duration.ofMinutes(4));
        s.perform(l -> l.end(null));
        return s.id();
    }

    /** Judges every criterion met (15 seconds apart), except those given another state, with some notes. */
    private static void judgeAll(RecordedSession s, Component c, ManualClock clock, Map<String, CriterionState> except,
            Map<String, String> notes) throws SQLException, SessionRuleException {
        for (Criterion cr : c.criteria()) {
            clock.advanceSeconds(15);
            CriterionState state = except.getOrDefault(cr.id(), CriterionState.MET);
            s.perform(l -> l.judge(cr.id(), state));
            String note = notes.get(cr.id());
            if (note != null) {
                s.perform(l -> l.note(cr.id(), note));
            }
        }
    }
}
