package org.epaworkbench.ui.home;

import java.util.Arrays;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.record.RecordHtml;
import org.epaworkbench.record.RecordProducer;
import org.epaworkbench.store.Backups;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.KeystorePassword;
import org.epaworkbench.ui.common.ProgressWindow;

/** The overall EPA result for an apprentice: graded from the latest session of each component, then signed. */
public final class OverallResultFlow {

    private final Workbench workbench;
    private final Background background;
    private final Window owner;

    public OverallResultFlow(Workbench workbench, Background background, Window owner) {
        this.workbench = workbench;
        this.background = background;
        this.owner = owner;
    }

    /** What the flow needs before asking anything, read in the background. */
    private record Prepared(RecordProducer producer, RecordProducer.Overall overall, boolean keyExists,
            byte[] drawnSignature) {
    }

    public void start(Apprentice apprentice) {
        start(apprentice, () -> { });
    }

    /** As {@link #start(Apprentice)}, running {@code afterSigned} once the signed result is saved. */
    public void start(Apprentice apprentice, Runnable afterSigned) {
        background.run(() -> {
            // the producer reads the report fonts from the jar: made here, off the FX thread
            RecordProducer producer = workbench.recordProducer();
            return new Prepared(producer, producer.overall(apprentice.id()), workbench.keyStore().exists(),
                    workbench.drawnSignature().load().orElse(null));
        }, prepared -> confirm(prepared.producer(), prepared, afterSigned),
                failure -> Dialogs.problem(owner, "No overall result yet", failure.getMessage()));
    }

    private void confirm(RecordProducer producer, Prepared p, Runnable afterSigned) {
        StringBuilder summary = new StringBuilder();
        for (RecordHtml.ComponentLine l : p.overall().lines()) {
            summary.append(l.component().title()).append(": ").append(l.result().grade().label())
                    .append(l.result().capped() ? " (capped)" : "").append(" — ").append(l.result().attempt().word())
                    .append("\n");
        }
        var overall = p.overall().result().overall();
        summary.append("\nOverall: ").append(overall.grade().label()).append(overall.capped() ? " (capped)" : "").append("\n");
        overall.explanation().forEach(e -> summary.append(e).append("\n"));
        if (!Dialogs.confirm(owner, "Overall result", summary.toString(), "Sign the overall result…")) {
            return;
        }
        KeystorePassword.ask(owner, p.keyExists()).ifPresent(password -> {
            String apprenticeId = p.overall().apprentice().id();
            Task<RecordProducer.Produced> task = new Task<>() {
                @Override
                protected RecordProducer.Produced call() throws Exception {
                    try {
                        updateMessage("Unlocking the signing key");
                        var unlocked = producer.unlockOrCreate(password);
                        return producer.signOverall(apprenticeId, unlocked.identity(), p.drawnSignature(), this::updateMessage);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                }
            };
            Stage progress = ProgressWindow.of(owner, "Signing the overall result…", task);
            task.setOnSucceeded(e -> {
                progress.close();
                background.run(() -> workbench.backUp(Backups.Reason.SIGNING), b -> { },
                        failure -> Dialogs.problem(owner, "Backup failed", "The overall result is signed, but the automatic "
                                + "backup failed: " + failure.getMessage()));
                Dialogs.info(owner, "Overall result signed", "Saved and in the outbox:\n" + task.getValue().file());
                afterSigned.run();
            });
            task.setOnFailed(e -> {
                progress.close();
                Dialogs.problem(owner, "Not signed", task.getException().getMessage());
            });
            background.run(task);
            progress.show();
        });
    }
}
