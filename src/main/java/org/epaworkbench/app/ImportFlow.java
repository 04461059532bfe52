package org.epaworkbench.app;

import java.nio.file.Path;
import java.security.PrivateKey;
import org.epaworkbench.Wording;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.sync.PackageRefused;
import org.epaworkbench.sync.UntrustedSigner;

/**
 * Importing one package, as one flow (the Import screen): open the key if the package is encrypted,
 * check the whole package and say what it would change (nothing is changed), then, when the office
 * says so, import it in one transaction. Each step ends in an outcome said in the office's words:
 * succeeded, failed (nothing imported, and why) or cancelled. It runs in the long-flow lane, so a
 * large package never delays a session's judgements; it is handed only the import it runs.
 */
public final class ImportFlow {

    /** How a step of the flow ended. */
    public sealed interface Outcome permits Succeeded, Failed, Cancelled {
    }

    /** The package was checked ({@code imported().dryRun()}) or imported. */
    public record Succeeded(Importing.Imported imported) implements Outcome {
        /** What it did or would do, and who signed it, in words. */
        public String summary() {
            Importing.Imported o = imported;
            Importing.Changes a = o.applied();
            return (o.dryRun() ? "Checked: signature valid, every entry intact. Importing would add " : "Imported: ")
                    + Wording.count(a.newSessions(), "session") + ", " + Wording.count(a.newEvents(), "event") + ", "
                    + Wording.count(a.newRecords(), "signed record") + " and " + Wording.count(a.newApprentices(), "apprentice")
                    + " (" + a.updatedApprentices() + " updated). Signed by " + o.signer() + ", trusted: " + o.trust().reason()
                    + ".";
        }
    }

    /** Nothing was imported, for the reason given. */
    public record Failed(String message) implements Outcome {
    }

    /** Stopped before anything was imported. */
    public record Cancelled() implements Outcome {
    }

    /** Imports (or checks) a package under this data folder's trust: {@link Importing#importPackage}. */
    @FunctionalInterface
    public interface Importer {
        Importing.Imported importPackage(Path file, PrivateKey decryptionKey, boolean firstUseNow, boolean dryRun)
                throws Exception;
    }

    /** Opens the key an encrypted package is opened with. */
    @FunctionalInterface
    public interface KeyOpener {
        PrivateKey open() throws Exception;
    }

    private final Importer importer;
    private final Path file;
    private final KeyOpener keyOpener;
    private final boolean firstUseNow;
    private PrivateKey key;
    private boolean checked;

    /** {@code keyOpener}: null for a package that is not encrypted. {@code firstUseNow}: pin an unknown signer for this package. */
    public ImportFlow(Importer importer, Path file, KeyOpener keyOpener, boolean firstUseNow) {
        this.importer = importer;
        this.file = file;
        this.keyOpener = keyOpener;
        this.firstUseNow = firstUseNow;
    }

    public Path file() {
        return file;
    }

    /** Opens the key if needed and checks the whole package: what importing would change. Nothing is changed. */
    public synchronized Outcome check() {
        if (keyOpener != null && key == null) {
            try {
                key = keyOpener.open();
            } catch (Exception e) {
                return new Failed("Cannot open the key: " + e.getMessage());
            }
        }
        Outcome o = run(true);
        checked = o instanceof Succeeded;
        return o;
    }

    /** Imports the package checked: in one transaction, or refused with nothing changed. */
    public synchronized Outcome importNow() {
        if (!checked) {
            return new Failed("The package has not been checked; nothing was imported.");
        }
        if (Thread.currentThread().isInterrupted()) {
            return new Cancelled();
        }
        return run(false);
    }

    private Outcome run(boolean dryRun) {
        try {
            return new Succeeded(importer.importPackage(file, key, firstUseNow, dryRun));
        } catch (UntrustedSigner u) {
            return new Failed("Untrusted signer, nothing imported: " + u.reason());
        } catch (PackageRefused e) {
            return new Failed("Refused, nothing imported: " + e.getMessage());
        } catch (KeyStoreProblem e) {
            return new Failed("Cannot open the key: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Cancelled();
        } catch (Exception e) {
            return new Failed("Not imported: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
