package org.epaworkbench.epa;

import java.time.LocalDate;

/**
 * What the gateway established for an apprentice: dates, English and maths at level 2 with their
 * evidence, the employer's and training provider's declarations, the ID seen, reasonable adjustments,
 * and the work-based project proposal.
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
        ProjectProposal proposal) {

    public static final GatewayRecord EMPTY = new GatewayRecord(null, null, null, Qualification.NONE, Qualification.NONE,
            false, false, "", "", ProjectProposal.NONE);

    public GatewayRecord {
        english = english == null ? Qualification.NONE : english;
        maths = maths == null ? Qualification.NONE : maths;
        idSeen = idSeen == null ? "" : idSeen.strip();
        reasonableAdjustments = reasonableAdjustments == null ? "" : reasonableAdjustments.strip();
        proposal = proposal == null ? ProjectProposal.NONE : proposal;
    }

    /** A level 2 qualification and the evidence seen for it (certificate, PLR...). */
    public record Qualification(boolean achieved, String evidence) {
        public static final Qualification NONE = new Qualification(false, "");

        public Qualification {
            evidence = evidence == null ? "" : evidence.strip();
        }
    }

    /** The work-based project proposal (synopsis) and the assessor's decision. */
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
                reasonableAdjustments, proposal);
    }

    public GatewayRecord withProposal(ProjectProposal p) {
        return new GatewayRecord(apprenticeshipStart, onProgrammeEnd, gatewayDate, english, maths, employerDeclared,
                providerDeclared, idSeen, reasonableAdjustments, p);
    }
}
