package org.epaworkbench.ui.home;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.ui.common.Background;

/**
 * Setting up a new session from anywhere: shows the assessor profile and session dialogs over {@code owner};
 * what is asked when, and the session's creation, are {@link NewSessionModel}'s.
 */
public final class NewSession {

    private final Workbench workbench;
    private final Window owner;
    private final Consumer<String> openSession;
    private final NewSessionModel model;

    public NewSession(Workbench workbench, Background background, Window owner, Consumer<String> openSession,
            Consumer<String> onProblem) {
        this.workbench = workbench;
        this.owner = owner;
        this.openSession = openSession;
        this.model = new NewSessionModel(workbench.apprentices(), workbench.sessionService(), workbench.assessorIdentity(),
                workbench.settings(), workbench.plans(), workbench.sessionClock(), background::run, onProblem);
    }

    /** Asks for a session for one of {@code apprentices}, with the apprentice, component and attempt chosen where given. */
    public void ask(List<Apprentice> apprentices, Apprentice preselected, String componentId, AttemptKind attempt) {
        model.ask(apprentices, dialogs(() -> NewSessionDialog.show(owner, apprentices, workbench.plans(), preselected,
                componentId, attempt)), openSession);
    }

    /**
     * For a session recorded on paper: makes sure there are apprentices and an assessor profile (its record names its
     * assessor), then {@code then} (which shows the paper-record screen).
     */
    public void askPaper(List<Apprentice> apprentices, Runnable then) {
        model.askPaper(apprentices, dialogs(Optional::empty), then);
    }

    private NewSessionModel.Questions dialogs(java.util.function.Supplier<Optional<SessionDetails>> details) {
        return new NewSessionModel.Questions() {
            @Override
            public Optional<AssessorProfile> assessorProfile() {
                return AssessorDialog.show(owner, null);
            }

            @Override
            public Optional<SessionDetails> details() {
                return details.get();
            }
        };
    }
}
