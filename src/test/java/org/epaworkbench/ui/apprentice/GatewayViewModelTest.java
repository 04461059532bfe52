package org.epaworkbench.ui.apprentice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.assessment.GatewayRecord.ProjectProposal;
import org.epaworkbench.assessment.GatewayRecord.ProposalDecision;
import org.epaworkbench.assessment.GatewayRecord.Qualification;
import org.epaworkbench.plan.Citation;
import org.epaworkbench.plan.EpaRules;
import org.junit.jupiter.api.Test;

/** The Gateway tab's rules, decided without FX (issue 14): what stops a save, the proposal's versions, what is unsaved. */
class GatewayViewModelTest {

    static final LocalDate START = LocalDate.of(2025, 1, 6);
    final List<GatewayRecord> saved = new ArrayList<>();
    final GatewayViewModel model = new GatewayViewModel(new EpaRules.ProjectProposal(3, 6, 10, new Citation("000", "s", "q", null)),
            saved::add);

    static GatewayRecord gateway(LocalDate gatewayDate, ProjectProposal proposal) {
        return new GatewayRecord(START, null, gatewayDate, Qualification.NONE, Qualification.NONE, true, true, "Passport", "",
                proposal);
    }

    static ProjectProposal notApproved(String feedback) {
        return new ProjectProposal("one two three four", LocalDate.of(2026, 2, 1), ProposalDecision.NOT_APPROVED, feedback,
                LocalDate.of(2026, 2, 5));
    }

    @Test
    void aRecordWithProblemsIsNotSavedAndEachProblemIsSaid() {
        GatewayRecord before = gateway(LocalDate.of(2024, 12, 1), new ProjectProposal("", null, ProposalDecision.APPROVED, "", null));
        String refused = model.save(true, before);
        assertThat(refused).contains("Gateway date 1 Dec 2024 is before the apprenticeship start 6 Jan 2025.")
                .contains("Proposal decision: record the date it was made.");
        assertThat(model.save(true, gateway(null, notApproved(" ")))).contains("Proposal not approved: write the feedback");
        assertThat(saved).isEmpty();
    }

    @Test
    void aDateBoxThatHoldsNoDateStopsTheSaveBeforeAnyRuleIsChecked() {
        assertThat(model.save(false, gateway(null, ProjectProposal.NONE)))
                .isEqualTo("Not saved: a date is not a date (see the message beneath it).");
        assertThat(saved).isEmpty();
    }

    @Test
    void aSoundRecordIsSavedAndSaidSavedUntilTheFormChangesAgain() {
        GatewayRecord g = gateway(LocalDate.of(2026, 1, 10), ProjectProposal.NONE);
        GatewayRecord stored = gateway(null, ProjectProposal.NONE);
        assertThat(model.savedState(g, stored)).isEqualTo("Unsaved changes");
        assertThat(model.savedState(stored, stored)).isEmpty();
        assertThat(model.save(true, g)).isEmpty();
        assertThat(saved).containsExactly(g);
        assertThat(model.savedState(g, g)).isEqualTo("Saved");
        assertThat(GatewayViewModel.keepsEdits(g, stored)).isTrue();
        assertThat(GatewayViewModel.keepsEdits(g, g)).isFalse();
    }

    @Test
    void aRevisedProposalFollowsOneNotApprovedOnADateWithFeedbackAndTheEarlierVersionIsKept() {
        assertThat(GatewayViewModel.mayResubmit(notApproved("Narrow the scope"))).isTrue();
        assertThat(GatewayViewModel.mayResubmit(notApproved(""))).isFalse();
        assertThat(GatewayViewModel.mayResubmit(ProjectProposal.NONE)).isFalse();

        model.recordResubmission(notApproved("Narrow the scope"));
        assertThat(model.versionTitle()).isEqualTo("Version 2 (revised proposal)");
        assertThat(GatewayViewModel.versionLine(0, model.earlier().get(0)))
                .isEqualTo("Version 1 · submitted 1 Feb 2026 · Not approved on 5 Feb 2026 · 4 words");
        ProjectProposal revised = new ProjectProposal("a narrower scope", LocalDate.of(2026, 2, 1), ProposalDecision.PENDING, "", null);
        GatewayRecord form = model.withEarlierVersions(gateway(null, revised));
        assertThat(form.proposals()).containsExactly(notApproved("Narrow the scope"), revised);
        assertThat(model.save(true, form)).as("the revision was submitted before the first version was decided")
                .contains("Proposal version 2 submitted on 1 Feb 2026, before version 1 was decided on 5 Feb 2026.");

        model.showSaved(gateway(null, ProjectProposal.NONE));
        assertThat(model.earlier()).isEmpty();
        assertThat(model.versionTitle()).isEmpty();
    }

    @Test
    void theSynopsisIsCountedAgainstThePlansRange() {
        assertThat(model.synopsisLength("one two")).hasValueSatisfying(l -> {
            assertThat(l.text()).isEqualTo("2 words (the plan asks for 3 to 6)");
            assertThat(l.outside()).isTrue();
        });
        assertThat(model.synopsisLength("one two three")).hasValueSatisfying(l -> assertThat(l.outside()).isFalse());
        assertThat(model.synopsisLength("")).hasValueSatisfying(l -> assertThat(l.outside()).as("nothing typed yet").isFalse());
        assertThat(new GatewayViewModel(null, saved::add).synopsisLength("one")).isEmpty();
    }
}
