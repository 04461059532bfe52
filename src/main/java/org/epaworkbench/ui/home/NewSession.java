package org.epaworkbench.ui.home;

import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;

/**
 * Setting up a new session from anywhere: makes sure the assessor profile exists (a record names its
 * assessor), asks for the session's details, creates it and opens it.
 */
public final class NewSession {

    private final Workbench workbench;
    private final Background background;
    private final Window owner;
    private final Consumer<String> openSession;
    private final Consumer<String> onProblem;

    public NewSession(Workbench workbench, Background background, Window owner, Consumer<String> openSession,
            Consumer<String> onProblem) {
        this.workbench = workbench;
        this.background = background;
        this.owner = owner;
        this.openSession = openSession;
        this.onProblem = onProblem;
    }

    /** Asks for a session for one of {@code apprentices}, with the apprentice, component and attempt chosen where given. */
    public void ask(List<Apprentice> apprentices, Apprentice preselected, String componentId, AttemptKind attempt) {
        if (apprentices.isEmpty()) {
            onProblem.accept("Add an apprentice first: a session belongs to one apprentice.");
            return;
        }
        withAssessor(() -> NewSessionDialog.show(owner, apprentices, workbench.plans(), preselected, componentId, attempt)
                .ifPresent(this::create));
    }

    /**
     * For a session recorded on paper: makes sure there are apprentices and an assessor profile (its record names its
     * assessor), then {@code then} (which shows the paper-record screen).
     */
    public void askPaper(List<Apprentice> apprentices, Runnable then) {
        if (apprentices.isEmpty()) {
            onProblem.accept("Add an apprentice first: a session belongs to one apprentice.");
            return;
        }
        withAssessor(then);
    }

    /** {@code then}, once there is an assessor profile (asked for first when there is none). */
    private void withAssessor(Runnable then) {
        background.run(() -> workbench.apprentices().assessor().orElse(null), assessor -> withAssessor(assessor, then),
                failure -> onProblem.accept("Cannot read the assessor profile: " + failure.getMessage()));
    }

    private void withAssessor(AssessorProfile assessor, Runnable then) {
        if (assessor == null) {
            var profile = AssessorDialog.show(owner, null);
            if (profile.isEmpty()) {
                return;
            }
            background.run(() -> {
                workbench.apprentices().saveAssessor(profile.get());
                return profile.get();
            }, saved -> withAssessor(saved, then), failure -> onProblem.accept("Not saved: " + failure.getMessage()));
            return;
        }
        then.run();
    }

    private void create(SessionDetails details) {
        background.run(() -> {
            var plan = workbench.plans().plan(details.planId()).orElseThrow();
            // the session is bound to the assessor's key from its first event (or, with no key yet, when it is made)
            String ownerKey = workbench.assessorIdentity().ownerKey().orElse(null);
            return workbench.sessionService().create(plan, details, workbench.sessionClock(),
                    workbench.settings().sessionSettings(), ownerKey).id();
        }, openSession::accept, failure -> onProblem.accept("Could not create the session: " + failure.getMessage()));
    }
}
