package org.epaworkbench.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * What the gateway established for an apprentice: dates, English and maths at level 2 with their
 * evidence, the employer's and training provider's declarations, the ID seen, reasonable adjustments,
 * and the work-based project proposal, every version of it: the first, and each revised proposal
 * resubmitted after one was not approved.
 */
public record GatewayRecord(
        LocalDate apprenticeshipStart,
        LocalDate onProgrammeEnd,
        LocalDate gatewayDate,
        Qualification english,
        Qualification maths,
        boolean employerDeclared,
        boolean providerDeclared,
        String idSeen,
        String reasonableAdjustments,
        List<ProjectProposal> proposals) {

    public static final GatewayRecord EMPTY = new GatewayRecord(null, null, null, Qualification.NONE, Qualification.NONE,
            false, false, "", "", List.of());

    /** With one version of the proposal (none when {@code proposal} is {@link ProjectProposal#NONE}). */
    public GatewayRecord(LocalDate apprenticeshipStart, LocalDate onProgrammeEnd, LocalDate gatewayDate, Qualification english,
            Qualification maths, boolean employerDeclared, boolean providerDeclared, String idSeen, String reasonableAdjustments,
            ProjectProposal proposal) {
        this(apprenticeshipStart, onProgrammeEnd, gatewayDate, english, maths, employerDeclared, providerDeclared, idSeen,
                reasonableAdjustments, proposal == null || proposal.equals(ProjectProposal.NONE) ? List.of() : List.of(proposal));
    }

    public GatewayRecord {
        english = english == null ? Qualification.NONE : english;
        maths = maths == null ? Qualification.NONE : maths;
        idSeen = idSeen == null ? "" : idSeen.strip();
        reasonableAdjustments = reasonableAdjustments == null ? "" : reasonableAdjustments.strip();
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    /** The latest version of the proposal, or {@link ProjectProposal#NONE}. */
    public ProjectProposal proposal() {
        return proposals.isEmpty() ? ProjectProposal.NONE : proposals.get(proposals.size() - 1);
    }

    /** A level 2 qualification and the evidence seen for it (certificate, PLR...). */
    public record Qualification(boolean achieved, String evidence) {
        public static final Qualification NONE = new Qualification(false, "");

        public Qualification {
            evidence = evidence == null ? "" : evidence.strip();
        }
    }

    /** One version of the work-based project proposal (synopsis), when it was submitted, and the assessor's decision. */
    public record ProjectProposal(String synopsis, LocalDate submittedOn, ProposalDecision decision, String feedback,
            LocalDate decidedOn) {
        public static final ProjectProposal NONE = new ProjectProposal("", null, ProposalDecision.PENDING, "", null);

        public ProjectProposal {
            synopsis = synopsis == null ? "" : synopsis;
            decision = decision == null ? ProposalDecision.PENDING : decision;
            feedback = feedback == null ? "" : feedback.strip();
        }
    }

    public enum ProposalDecision {
        PENDING("Awaiting decision"),
        APPROVED("Approved"),
        NOT_APPROVED("Not approved");

        private final String label;

        ProposalDecision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public GatewayRecord withDates(LocalDate start, LocalDate programmeEnd, LocalDate gateway) {
        return new GatewayRecord(start, programmeEnd, gateway, english, maths, employerDeclared, providerDeclared, idSeen,
                reasonableAdjustments, proposals);
    }

    /** With {@code p} as the only version of the proposal. */
    public GatewayRecord withProposal(ProjectProposal p) {
        return new GatewayRecord(apprenticeshipStart, onProgrammeEnd, gatewayDate, english, maths, employerDeclared,
                providerDeclared, idSeen, reasonableAdjustments, p);
    }

    public GatewayRecord withProposals(List<ProjectProposal> versions) {
        return new GatewayRecord(apprenticeshipStart, onProgrammeEnd, gatewayDate, english, maths, employerDeclared,
                providerDeclared, idSeen, reasonableAdjustments, versions);
    }
}
