package org.epaworkbench.ui.home;

import org.epaworkbench.ui.common.Runner;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.epaworkbench.app.Apprentices;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.Sessions;
import org.epaworkbench.app.Settings;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionDetails;

/**
 * The decisions of setting up a new session from anywhere (issue 14): a session needs an apprentice; a record
 * names its assessor, so the assessor profile is asked for first when there is none (and saved); then the
 * session's details, and the session is created, bound to the assessor's key when there is one, and opened.
 * No JavaFX nodes: {@link NewSession} shows the dialogs; tests answer them and run the work in place.
 */
public final class NewSessionModel {


    /** The dialogs: the assessor profile (empty if cancelled) and the session's details (empty if cancelled). */
    public interface Questions {
        Optional<AssessorProfile> assessorProfile();

        Optional<SessionDetails> details();
    }

    static final String NO_APPRENTICE = "Add an apprentice first: a session belongs to one apprentice.";

    private final Apprentices apprentices;
    private final Sessions sessions;
    private final AssessorIdentity identity;
    private final Settings settings;
    private final PlanLibrary plans;
    private final SessionClock clock;
    private final Runner runner;
    private final Consumer<String> onProblem;

    public NewSessionModel(Apprentices apprentices, Sessions sessions, AssessorIdentity identity, Settings settings,
            PlanLibrary plans, SessionClock clock, Runner runner, Consumer<String> onProblem) {
        this.apprentices = apprentices;
        this.sessions = sessions;
        this.identity = identity;
        this.settings = settings;
        this.plans = plans;
        this.clock = clock;
        this.runner = runner;
        this.onProblem = onProblem;
    }

    /** Asks for a session for one of {@code forWhom} and creates it; {@code open} gets the new session's id. */
    public void ask(List<Apprentice> forWhom, Questions questions, Consumer<String> open) {
        if (forWhom.isEmpty()) {
            onProblem.accept(NO_APPRENTICE);
            return;
        }
        withAssessor(questions, () -> questions.details().ifPresent(details -> create(details, open)));
    }

    /** For a session recorded on paper: makes sure there are apprentices and an assessor profile, then {@code then}. */
    public void askPaper(List<Apprentice> forWhom, Questions questions, Runnable then) {
        if (forWhom.isEmpty()) {
            onProblem.accept(NO_APPRENTICE);
            return;
        }
        withAssessor(questions, then);
    }

    /** {@code then}, once there is an assessor profile (asked for first when there is none). */
    private void withAssessor(Questions questions, Runnable then) {
        runner.run(() -> apprentices.assessor().orElse(null), assessor -> withAssessor(assessor, questions, then),
                failure -> onProblem.accept("Cannot read the assessor profile: " + failure.getMessage()));
    }

    private void withAssessor(AssessorProfile assessor, Questions questions, Runnable then) {
        if (assessor != null) {
            then.run();
            return;
        }
        questions.assessorProfile().ifPresent(profile -> runner.run(() -> {
            apprentices.saveAssessor(profile);
            return profile;
        }, saved -> withAssessor(saved, questions, then), failure -> onProblem.accept("Not saved: " + failure.getMessage())));
    }

    private void create(SessionDetails details, Consumer<String> open) {
        runner.run(() -> {
            var plan = plans.plan(details.planId()).orElseThrow();
            // the session is bound to the assessor's key from its first event (or, with no key yet, when it is made)
            String ownerKey = identity.ownerKey().orElse(null);
            return sessions.create(plan, details, clock, settings.sessionSettings(), ownerKey).id();
        }, open, failure -> onProblem.accept("Could not create the session: " + failure.getMessage()));
    }
}
