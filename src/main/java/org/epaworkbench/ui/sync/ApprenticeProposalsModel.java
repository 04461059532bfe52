package org.epaworkbench.ui.sync;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.app.ApprenticeSharing;
import org.epaworkbench.store.ApprenticeProvenance;
import org.epaworkbench.ui.common.Dates;

/**
 * The proposed changes to apprentices on the Import screen: changes that packages brought from assessors
 * who do not own the apprentice, kept until someone here accepts or rejects each with a reason. Decides
 * what the list shows and what a decision says; no JavaFX, so it is tested with plain JUnit.
 */
public final class ApprenticeProposalsModel {

    /** Asks the person for a reason; empty when they cancel. */
    public interface Asker {
        Optional<String> reason(String title, String question);
    }

    /** One row of the list, in words. */
    public record Row(String id, String apprentice, String field, String now, String proposed, String by, String dated) {
    }

    private final ApprenticeSharing sharing;

    public ApprenticeProposalsModel(ApprenticeSharing sharing) {
        this.sharing = sharing;
    }

    /** The open proposals, oldest first. Off the FX thread. */
    public List<Row> load() throws SQLException {
        return sharing.proposals(false).stream().map(ApprenticeProposalsModel::row).toList();
    }

    static Row row(ApprenticeProvenance.Proposal p) {
        return new Row(p.id(), p.apprenticeName(), p.words(), shown(p.currentValue()), shown(p.proposedValue()),
                p.proposedByName(), Dates.dayAndTime(p.proposedAt()));
    }

    private static String shown(String value) {
        return value == null || value.isBlank() ? "(not set)" : value;
    }

    /** The question asked before a decision, naming the apprentice, the field and both values. */
    public static String question(Row row, boolean accept) {
        return (accept ? "Change " : "Keep ") + row.apprentice() + "'s " + row.field() + (accept ? " from “" + row.now()
                + "” to “" + row.proposed() + "”, as " + row.by() + " proposed?" : " as “" + row.now() + "”, not “"
                + row.proposed() + "” as " + row.by() + " proposed?") + " The reason is kept with the decision.";
    }

    /** Takes the reason on the FX thread; empty when the person cancelled. */
    public Optional<String> reasonFor(Row row, boolean accept, Asker asker) {
        return asker.reason(accept ? "Accept a proposed change" : "Reject a proposed change", question(row, accept))
                .map(String::strip).filter(r -> !r.isEmpty());
    }

    /** Applies the decision (off the FX thread) and says what it did. */
    public String decide(Row row, boolean accept, String reason) throws SQLException {
        try {
            return sharing.decide(row.id(), accept, reason).message();
        } catch (ApprenticeSharing.NotDecided e) {
            return e.getMessage();
        }
    }
}
