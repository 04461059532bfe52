package org.epaworkbench.app;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.store.ApprenticeProvenance;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.SyncStore;

/**
 * What an office does with apprentice details that several assessors share (issue 12, finding 4):
 * see who changed each field and when, and accept or reject the changes that packages brought from
 * assessors who do not own the apprentice. The desktop app's Import screen and the command line's
 * {@code apprentice changes} and {@code apprentice proposals} both use this.
 */
public final class ApprenticeSharing {

    /** A decision taken on a proposal, with what it did in words. */
    public record Decided(ApprenticeProvenance.Proposal proposal, boolean accepted) {
        public String message() {
            ApprenticeProvenance.Proposal p = proposal;
            return (accepted ? "Accepted: " : "Rejected: ") + p.apprenticeName() + "'s " + p.words()
                    + (accepted ? " is now \"" + nz(p.proposedValue()) + "\"." : " stays \"" + nz(p.currentValue()) + "\".");
        }
    }

    /** Why a decision could not be taken, in the office's words. */
    public static final class NotDecided extends Exception {
        NotDecided(String message) {
            super(message);
        }
    }

    private final SyncStore store;
    private final Clock clock;

    public ApprenticeSharing(Database database, Clock clock) {
        this.store = new SyncStore(database);
        this.clock = clock;
    }

    /** Proposals not yet decided, oldest first; {@code all}: decided ones too. */
    public List<ApprenticeProvenance.Proposal> proposals(boolean all) throws SQLException {
        return store.apprenticeProposals(!all);
    }

    /** Each field of an apprentice with who last changed it and when; empty for an unknown apprentice. */
    public List<ApprenticeProvenance.Field> changes(String apprenticeId) throws SQLException {
        return store.apprenticeFields(apprenticeId);
    }

    /** The certificate (SHA-256) that owns an apprentice; empty when it was recorded in this data folder. */
    public Optional<String> owner(String apprenticeId) throws SQLException {
        return store.apprenticeOwner(apprenticeId);
    }

    /** Applies a proposed change as a change made here now, or keeps the apprentice as it is; a reason is required. */
    public Decided decide(String proposalId, boolean accept, String reason) throws SQLException, NotDecided {
        if (reason == null || reason.isBlank()) {
            throw new NotDecided("Give a reason for " + (accept ? "accepting" : "rejecting") + " the change.");
        }
        Optional<ApprenticeProvenance.Proposal> done = store.decideProposal(proposalId, accept, reason.strip(), clock.instant());
        if (done.isEmpty()) {
            throw new NotDecided("There is no open proposed change '" + proposalId + "' (it may have been decided already).");
        }
        return new Decided(done.get(), accept);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
