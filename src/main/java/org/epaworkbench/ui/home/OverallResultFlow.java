package org.epaworkbench.ui.home;

import java.util.Optional;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.Records;
import org.epaworkbench.app.Services;
import org.epaworkbench.store.Backups;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.KeystorePassword;
import org.epaworkbench.ui.common.ProgressWindow;

/**
 * The overall EPA result for an apprentice: graded from the latest session of each component, shown for
 * the assessor to confirm, then signed as one flow ({@link OverallSigning}) with its progress shown.
 */
public final class OverallResultFlow {

    private final Services services;
    private final Records records;
    private final AssessorIdentity identity;
    private final Background background;
    private final Window owner;

    public OverallResultFlow(Workbench workbench, Background background, Window owner) {
        this.services = workbench.services();
        this.records = services.records();
        this.identity = services.assessorIdentity();
        this.background = background;
        this.owner = owner;
    }

    /** What the flow needs before asking anything, read in the background. */
    private record Prepared(Records.Overall overall, boolean keyExists, byte[] drawnSignature) {
    }

    public void start(Apprentice apprentice) {
        start(apprentice, () -> { });
    }

    /** As {@link #start(Apprentice)}, running {@code afterSigned} once the signed result is saved. */
    public void start(Apprentice apprentice, Runnable afterSigned) {
        background.run(() -> new Prepared(records.overall(apprentice.id()), identity.exists(),
                identity.drawnSignature().orElse(null)),
                prepared -> confirm(prepared, afterSigned),
                failure -> Dialogs.problem(owner, "No overall result yet", failure.getMessage()));
    }

    private void confirm(Prepared p, Runnable afterSigned) {
        if (!Dialogs.confirm(owner, "Overall result", OverallSigning.summary(p.overall()), "Sign the overall result…")) {
            return;
        }
        Optional<char[]> password = KeystorePassword.ask(owner, p.keyExists());
        if (password.isEmpty()) {
            finish(new OverallSigning.Cancelled(), afterSigned);
            return;
        }
        String apprenticeId = p.overall().apprentice().id();
        Task<OverallSigning.Outcome> task = new Task<>() {
            @Override
            protected OverallSigning.Outcome call() {
                return new OverallSigning(records, () -> services.backUp(Backups.Reason.SIGNING), apprenticeId,
                        p.drawnSignature(), password.get(), this::updateMessage).call();
            }
        };
        Stage progress = ProgressWindow.of(owner, "Signing the overall result…", task);
        task.setOnSucceeded(e -> {
            progress.close();
            finish(task.getValue(), afterSigned);
        });
        task.setOnFailed(e -> {
            progress.close();
            finish(new OverallSigning.Failed(task.getException().getMessage()), afterSigned);
        });
        background.flow(task);
        progress.show();
    }

    /** Says how signing ended. */
    private void finish(OverallSigning.Outcome outcome, Runnable afterSigned) {
        if (outcome instanceof OverallSigning.Signed signed) {
            signed.backupProblem().ifPresent(problem -> Dialogs.problem(owner, "Backup failed", problem));
            Dialogs.info(owner, "Overall result signed", "Saved and in the outbox:\n" + signed.file());
            afterSigned.run();
        } else if (outcome instanceof OverallSigning.Failed failed) {
            Dialogs.problem(owner, "Not signed", failed.message());
        } // cancelled: nothing signed, nothing to say
    }
}
