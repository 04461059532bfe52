package org.epaworkbench.ui.home;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.epaworkbench.app.Records;

/**
 * Signing an apprentice's overall result, as one flow off the FX thread once the assessor has seen the
 * result and given the password: open (or on first use create) the key, grade, lay out, sign and store
 * the result, then back the data folder up. It ends in one {@link Outcome}: signed (with the backup's
 * problem, if it failed), failed with the reason in words, or cancelled (before it started).
 */
public final class OverallSigning implements Callable<OverallSigning.Outcome> {

    /** How signing the overall result ended. */
    public sealed interface Outcome permits Signed, Failed, Cancelled {
    }

    /** Signed and stored in {@code file}; {@code backupProblem} says why the automatic backup failed, if it did. */
    public record Signed(Path file, Optional<String> backupProblem) implements Outcome {
    }

    /** Not signed, for the reason given. */
    public record Failed(String message) implements Outcome {
    }

    /** The assessor did not go on (the result not confirmed, the password not given). */
    public record Cancelled() implements Outcome {
    }

    /** Backs the data folder up after signing. */
    @FunctionalInterface
    public interface BackUp {
        void backUp() throws Exception;
    }

    private final Records records;
    private final BackUp backUp;
    private final String apprenticeId;
    private final byte[] drawnSignature;
    private final char[] password;
    private final Consumer<String> progress;

    /** {@code password} is cleared once the key is opened; {@code progress} hears each step in words. */
    public OverallSigning(Records records, BackUp backUp, String apprenticeId, byte[] drawnSignature, char[] password,
            Consumer<String> progress) {
        this.records = records;
        this.backUp = backUp;
        this.apprenticeId = apprenticeId;
        this.drawnSignature = drawnSignature;
        this.password = password;
        this.progress = progress;
    }

    @Override
    public Outcome call() {
        Records.Signed signed;
        try {
            progress.accept("Unlocking the signing key");
            var unlocked = records.unlockOrCreate(password);
            Arrays.fill(password, '\0');
            signed = records.signOverall(apprenticeId, unlocked, drawnSignature, progress);
        } catch (Exception e) {
            return new Failed(e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        try {
            backUp.backUp();
            return new Signed(signed.file(), Optional.empty());
        } catch (Exception e) {
            return new Signed(signed.file(), Optional.of("The overall result is signed, but the automatic backup failed: "
                    + e.getMessage()));
        }
    }

    /** The overall result in words, for the assessor to see before signing: each component, then the overall grade and why. */
    public static String summary(Records.Overall overall) {
        StringBuilder summary = new StringBuilder();
        for (Records.Line l : overall.lines()) {
            summary.append(l.component().title()).append(": ").append(l.result().grade().label())
                    .append(l.result().capped() ? " (capped)" : "").append(" — ").append(l.result().attempt().word())
                    .append("\n");
        }
        var result = overall.result();
        summary.append("\nOverall: ").append(result.grade().label()).append(result.capped() ? " (capped)" : "").append("\n");
        result.explanation().forEach(e -> summary.append(e).append("\n"));
        return summary.toString();
    }
}
