package org.epaworkbench.store;

import org.epaworkbench.app.RecordedSession;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.PendingEvent;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;

/**
 * A separate process for the crash test: records judgements and notes as fast as it can through the
 * real engine and store, printing "ACK id" after each event is committed, until it is killed.
 */
public final class CrashDriver {
    private static PendingEvent remember(String[] id, PendingEvent pending) {
        id[0] = pending.event().id();
        return pending;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Database db = Database.open(DataDirectory.at(dataDir));
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        AssessmentPlan plan = plans.plan("highfield-css-l3").orElseThrow();
        PeopleStore people = new PeopleStore(db, Clock.systemUTC());
        Apprentice a = new Apprentice("crash-apprentice", "Crash Test", Uln.of("9276308686"), "", "", plan.id(),
                LocalDate.of(2025, 1, 1), null, false);
        people.save(a);
        SessionStore store = new SessionStore(db);
        RecordedSession s = RecordedSession.create(store, plan, new SessionDetails(a.id(), plan.id(), plan.version(),
                "observation", AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "", ""), SessionClock.system(),
                SessionSettings.DEFAULT, false);
        System.out.println("SESSION " + s.id());
        s.perform(l -> l.start());
        List<Criterion> criteria = s.live().component().criteria();
        CriterionState[] states = CriterionState.values();
        for (long i = 0; ; i++) {
            Criterion c = criteria.get((int) (i % criteria.size()));
            CriterionState state = states[(int) (i % states.length)];
            String[] saved = new String[1];
            if (i % 5 == 4) {
                s.perform(l -> remember(saved, l.note(c.id(), "burst note " + System.nanoTime())));
            } else {
                s.perform(l -> remember(saved, l.judge(c.id(), state)));
            }
            // perform has returned and nothing is held in memory: the event is committed
            System.out.println((s.held() == 0 ? "ACK " : "HELD ") + saved[0]);
            System.out.flush();
        }
    }
}
