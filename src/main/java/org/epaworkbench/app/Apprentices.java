package org.epaworkbench.app;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.store.PeopleStore;

/** The people an assessor works with: the apprentices in this data folder and the assessor's own profile. */
public final class Apprentices {

    private final PeopleStore store;

    Apprentices(PeopleStore store) {
        this.store = store;
    }

    /** Every apprentice, by name. */
    public List<Apprentice> all() throws SQLException {
        return store.apprentices();
    }

    /** The apprentice with this id; empty when there is none. */
    public Optional<Apprentice> apprentice(String id) throws SQLException {
        return store.apprentice(id);
    }

    /** Adds or changes an apprentice; each field changed is recorded as changed in this data folder now. */
    public void save(Apprentice apprentice) throws SQLException {
        store.save(apprentice);
    }

    /** The assessor's profile (name, assessor number, organisation); empty until it is filled in. */
    public Optional<AssessorProfile> assessor() throws SQLException {
        return store.assessor();
    }

    public void saveAssessor(AssessorProfile profile) throws SQLException {
        store.saveAssessor(profile);
    }
}
