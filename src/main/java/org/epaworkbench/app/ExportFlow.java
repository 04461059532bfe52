package org.epaworkbench.app;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.epaworkbench.Wording;
import org.epaworkbench.keys.KeyStoreProblem;

/**
 * Making a package of what waits in the outbox, as one flow (the Outbox screen's export): unlock the
 * signing key, take what goes in, write and sign the package. It ends in one of four outcomes, said in
 * the assessor's words: exported, the password did not unlock the key (ask again), failed, cancelled.
 * It is handed only the outbox it exports from.
 */
public final class ExportFlow {

    /** How an export ended. */
    public sealed interface Outcome permits Succeeded, WrongPassword, Failed, Cancelled {
    }

    /** The package is written. */
    public record Succeeded(Delivery.Exported exported) implements Outcome {
        /** What it holds and where it is, in words. */
        public String summary() {
            Delivery.Exported x = exported;
            return Wording.count(x.records(), "signed record") + " and " + Wording.count(x.sessions(), "session")
                    + (x.records() + x.sessions() == 1 ? " is" : " are") + " in\n" + x.file()
                    + (x.encrypted() ? "\n(encrypted to the organisation)" : "");
        }
    }

    /** The password did not unlock the signing key: nothing was exported; {@code message} says so and where the package goes. */
    public record WrongPassword(String message) implements Outcome {
    }

    /** Nothing was exported, for the reason given. */
    public record Failed(String message) implements Outcome {
    }

    /** Stopped before the package was written; nothing was exported. */
    public record Cancelled() implements Outcome {
    }

    /** What to export and where: everything waiting, or the chosen records; encrypted to {@code encryptTo} when not null. */
    public record Request(Path folder, boolean all, List<String> chosenRecordIds, X509Certificate encryptTo) {
        public Request {
            chosenRecordIds = List.copyOf(chosenRecordIds);
        }
    }

    /** Where the flow tells its steps, and asks whether it should stop. */
    public interface Progress {
        void step(String words);

        boolean cancelled();
    }

    private final Delivery delivery;

    public ExportFlow(Delivery delivery) {
        this.delivery = delivery;
    }

    /** Runs the export off the FX thread; the password is wiped when done. */
    public Outcome run(Request request, char[] password, Progress progress) {
        try {
            progress.step("Unlocking the signing key");
            AssessorIdentity.Unlocked signer;
            try {
                signer = delivery.unlockSigningKey(password);
            } catch (KeyStoreProblem.WrongPassword e) {
                return new WrongPassword("That password does not unlock your signing key; nothing was exported. Type it "
                        + "again: the package goes to " + request.folder() + ".");
            }
            if (progress.cancelled()) {
                return new Cancelled();
            }
            Delivery.Waiting what = request.all() ? delivery.pending() : delivery.chosen(request.chosenRecordIds());
            if (what.isEmpty()) {
                return new Failed("Nothing to export: every signed record has been exported already.");
            }
            if (progress.cancelled()) {
                return new Cancelled();
            }
            progress.step("Writing and signing the package");
            return new Succeeded(delivery.export(what, request.folder(), signer, request.encryptTo()));
        } catch (Exception e) {
            return new Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
