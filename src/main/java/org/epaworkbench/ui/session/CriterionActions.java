package org.epaworkbench.ui.session;

import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.Criterion;

/** What can be done to a criterion; after the session ends each becomes a reasoned amendment. */
interface CriterionActions {
    /** Judges the criterion; judging it with the state it already has clears the judgement. */
    void judge(Criterion criterion, CriterionState state);

    void addNote(Criterion criterion, String text);

    void addEvidence(Criterion criterion, String reference);

    /** Plays the session's recording from a few seconds before this moment (issue 16). */
    void play(org.epaworkbench.session.RecordingPosition at);
}
