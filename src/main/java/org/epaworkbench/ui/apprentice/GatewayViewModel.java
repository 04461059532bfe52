package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.assessment.Deadline;
import org.epaworkbench.assessment.EpaCheck;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.assessment.GatewayRecord.ProposalDecision;
import org.epaworkbench.assessment.WordCount;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.ui.common.Dates;

/**
 * What the Gateway tab decides, without FX: what is wrong with the form as typed, whether it may be
 * saved, whether it differs from what is saved (edits kept when another tab reloads), the earlier
 * proposal versions and when a revised one may be recorded, the synopsis's length against the plan,
 * and which of the plan's flags and dates belong on this tab.
 */
final class GatewayViewModel {

    /** Saves the gateway record. */
    interface Saver {
        void save(GatewayRecord gateway);
    }

    /** The synopsis's word count in words, and whether it is outside the plan's range. */
    record SynopsisLength(String text, boolean outside) {
    }

    private final EpaRules.ProjectProposal rule;
    private final Saver saver;
    /** The versions before the one in the form: each not approved, then resubmitted. */
    private final List<GatewayRecord.ProjectProposal> earlier = new ArrayList<>();
    private String savedNote = "";

    GatewayViewModel(EpaRules.ProjectProposal ruleOrNull, Saver saver) {
        this.rule = ruleOrNull;
        this.saver = saver;
    }

    /** Takes the saved record's earlier proposal versions (all but the last, which the form shows). */
    void showSaved(GatewayRecord saved) {
        earlier.clear();
        if (saved.proposals().size() > 1) {
            earlier.addAll(saved.proposals().subList(0, saved.proposals().size() - 1));
        }
    }

    /** Keeps {@code current} (the version in the form) as an earlier one: the form opens a new version for the revised proposal. */
    void recordResubmission(GatewayRecord.ProjectProposal current) {
        earlier.add(current);
    }

    List<GatewayRecord.ProjectProposal> earlier() {
        return List.copyOf(earlier);
    }

    /** The record as the form has it: {@code form} with the earlier proposal versions before the one in the form. */
    GatewayRecord withEarlierVersions(GatewayRecord form) {
        if (earlier.isEmpty()) {
            return form;
        }
        List<GatewayRecord.ProjectProposal> versions = new ArrayList<>(earlier);
        versions.add(form.proposal());
        return form.withProposals(versions);
    }

    /** Edits not yet saved are kept when another tab's change reloads the record. */
    static boolean keepsEdits(GatewayRecord formOrNull, GatewayRecord saved) {
        return formOrNull != null && !formOrNull.equals(saved);
    }

    /** "Unsaved changes" while the form differs from what is saved; "Saved" once this tab saved it; else nothing. */
    String savedState(GatewayRecord form, GatewayRecord saved) {
        return form.equals(saved) ? savedNote : "Unsaved changes";
    }

    /** A revised proposal may be recorded once this version was not approved, on a date, with feedback. */
    static boolean mayResubmit(GatewayRecord.ProjectProposal p) {
        return p.decision() == ProposalDecision.NOT_APPROVED && p.decidedOn() != null && !p.feedback().isBlank();
    }

    /** The synopsis's length against the plan's range; none when the plan has no proposal. */
    java.util.Optional<SynopsisLength> synopsisLength(String synopsis) {
        if (rule == null) {
            return java.util.Optional.empty();
        }
        int words = WordCount.count(synopsis);
        return java.util.Optional.of(new SynopsisLength(words + " words (the plan asks for " + rule.minWords() + " to "
                + rule.maxWords() + ")", words > 0 && (words < rule.minWords() || words > rule.maxWords())));
    }

    /** The earlier version {@code index} (from 0) in one line: when submitted, the decision, its date, its length. */
    static String versionLine(int index, GatewayRecord.ProjectProposal p) {
        return "Version " + (index + 1) + (index == 0 ? "" : " (revised)") + " · submitted "
                + (p.submittedOn() == null ? "(date not recorded)" : Dates.show(p.submittedOn())) + " · " + p.decision().label()
                + (p.decidedOn() == null ? "" : " on " + Dates.show(p.decidedOn())) + " · "
                + org.epaworkbench.Wording.count(WordCount.count(p.synopsis()), "word");
    }

    /** The title over the version in the form once there are earlier ones. */
    String versionTitle() {
        return earlier.isEmpty() ? "" : "Version " + (earlier.size() + 1) + " (revised proposal)";
    }

    /** The plan's flags about the gateway and the proposal. */
    static List<Flag> flags(EpaCheck.Report report) {
        return report.flags().stream().filter(f -> f.subject().equals("Gateway") || f.subject().equals("Project proposal")).toList();
    }

    /** The dates that belong to the gateway: earliest gateway and EPA start, what is due at it, the revised proposal, the window. */
    static List<Deadline> deadlines(EpaCheck.Report report) {
        return report.deadlines().stream().filter(d -> d.what().startsWith("Earliest gateway")
                || d.what().startsWith("Earliest start of the EPA") || d.what().endsWith("due at the gateway")
                || d.what().startsWith("Revised project proposal") || d.what().startsWith("EPA window")
                || d.what().startsWith("Project completed")).toList();
    }

    /** What is wrong with the record as typed, in the assessor's words; empty when it may be saved. */
    static List<String> problems(GatewayRecord g) {
        List<String> p = new ArrayList<>();
        LocalDate s = g.apprenticeshipStart();
        if (s != null && g.gatewayDate() != null && g.gatewayDate().isBefore(s)) {
            p.add("Gateway date " + Dates.show(g.gatewayDate()) + " is before the apprenticeship start " + Dates.show(s) + ".");
        }
        if (s != null && g.onProgrammeEnd() != null && g.onProgrammeEnd().isBefore(s)) {
            p.add("On-programme end " + Dates.show(g.onProgrammeEnd()) + " is before the apprenticeship start " + Dates.show(s) + ".");
        }
        List<GatewayRecord.ProjectProposal> versions = g.proposals();
        for (int i = 0; i < versions.size(); i++) {
            GatewayRecord.ProjectProposal pr = versions.get(i);
            String which = versions.size() == 1 ? "Proposal" : "Proposal version " + (i + 1);
            if (pr.decision() != ProposalDecision.PENDING && pr.decidedOn() == null) {
                p.add(which + " decision: record the date it was made.");
            }
            if (pr.decision() == ProposalDecision.NOT_APPROVED && pr.feedback().isBlank()) {
                p.add(which + " not approved: write the feedback the apprentice needs to revise it.");
            }
            if (pr.decidedOn() != null && pr.submittedOn() != null && pr.decidedOn().isBefore(pr.submittedOn())) {
                p.add(which + " decided on " + Dates.show(pr.decidedOn()) + ", before it was submitted on "
                        + Dates.show(pr.submittedOn()) + ".");
            }
            if (i > 0) {
                GatewayRecord.ProjectProposal before = versions.get(i - 1);
                if (pr.submittedOn() != null && before.decidedOn() != null && pr.submittedOn().isBefore(before.decidedOn())) {
                    p.add(which + " submitted on " + Dates.show(pr.submittedOn()) + ", before version " + i + " was decided on "
                            + Dates.show(before.decidedOn()) + ".");
                }
            }
        }
        return p;
    }

    /**
     * Saves the record unless a date box holds text that is not a date or the record has problems;
     * returns what to show beside the Save button (empty when saved).
     */
    String save(boolean everyDateRead, GatewayRecord g) {
        if (!everyDateRead) {
            return "Not saved: a date is not a date (see the message beneath it).";
        }
        List<String> problems = problems(g);
        if (!problems.isEmpty()) {
            return String.join("\n", problems);
        }
        saver.save(g);
        savedNote = "Saved";
        return "";
    }
}
