package org.epaworkbench.app;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.EpaStore;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SampleData;
import org.epaworkbench.store.SessionStore;

/** The sample data to try the app with: one sample apprentice with completed sessions, made, replaced and removed in one go. */
public final class SampleApprentice {

    /** The plan the sample apprentice is assessed on. */
    public static final String PLAN_ID = SampleDataMaker.PLAN_ID;

    /** What making the sample data did: the apprentice and sessions made, and the sample data made before that it replaced. */
    public record Made(String apprenticeId, List<String> sessionIds, boolean replaced, int removedSessions) {
    }

    private final java.util.function.Supplier<PlanLibrary> plans;
    private final PeopleStore people;
    private final SessionStore sessions;
    private final EpaStore epa;
    private final Database database;
    private final Clock clock;

    SampleApprentice(java.util.function.Supplier<PlanLibrary> plans, PeopleStore people, SessionStore sessions, EpaStore epa,
            Database database, Clock clock) {
        this.plans = plans;
        this.people = people;
        this.sessions = sessions;
        this.epa = epa;
        this.database = database;
        this.clock = clock;
    }

    /** Whether there is sample data in this data folder. */
    public boolean present() throws SQLException {
        return new SampleData(database).present();
    }

    /** Makes the sample data, first removing any made before, so there is only ever one sample apprentice. */
    public Made make() throws SQLException {
        SampleDataMaker.Replaced r = new SampleDataMaker(plans.get(), people, sessions, epa, clock).replacing(new SampleData(database));
        return new Made(r.made().apprenticeId(), r.made().sessionIds(), r.replaced(), r.removedSessions());
    }

    /** Removes the sample apprentice with everything recorded for them, and the sample assessor profile; returns how many sessions went. */
    public int remove() throws SQLException {
        return new SampleData(database).remove();
    }
}
