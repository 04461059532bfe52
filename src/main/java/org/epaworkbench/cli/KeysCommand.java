package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.people.AssessorProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code keys init | import | show}: the assessor's signing identity. */
@Command(name = "keys", description = "Create, import or show the assessor's signing identity (password from "
        + Passwords.VARIABLE + " or a prompt).",
        subcommands = {KeysCommand.Init.class, KeysCommand.Import.class, KeysCommand.Show.class})
final class KeysCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    Passwords.Source passwords() {
        return root.passwords();
    }

    AssessorKeyStore store() {
        return new AssessorKeyStore(root.context().dataDirectory().root(), root.context().clock());
    }

    static void describe(PrintWriter out, AssessorKeyStore store, X509Certificate cert) {
        out.println("Signer:      " + Certificates.describe(cert));
        out.println("Valid:       " + cert.getNotBefore().toInstant() + " to " + cert.getNotAfter().toInstant());
        out.println("Fingerprint: SHA-256 " + Certificates.fingerprint(cert));
        out.println("Keystore:    " + store.keystoreFile());
        out.println("Certificate: " + store.certificateFile());
    }

    @Command(name = "init", description = "Create a key pair and self-signed certificate from the assessor profile.")
    static final class Init implements Callable<Integer>, WritesData {
        @ParentCommand
        KeysCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            AssessorProfile profile = ctx.people().assessor().orElseThrow(() -> new BadInputException(
                    "There is no assessor profile to put in the certificate. Set it in the app (Assessor), "
                            + "or make sample data with: demo"));
            AssessorKeyStore store = parent.store();
            if (store.exists()) {
                throw new BadInputException("A signing identity already exists in " + store.keystoreFile() + "; nothing was changed.");
            }
            try {
                X509Certificate cert = store.create(profile, parent.passwords().keystorePassword(true));
                spec.commandLine().getOut().println("Created a signing identity for " + profile.name() + ".");
                describe(spec.commandLine().getOut(), store, cert);
            } catch (KeyStoreProblem e) {
                throw new BadInputException(e.getMessage());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = "Install an organisation-issued PKCS#12 (its password protects the copy).")
    static final class Import implements Callable<Integer>, WritesData {
        @ParentCommand
        KeysCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The .p12 / .pfx file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            AssessorKeyStore store = parent.store();
            try {
                X509Certificate cert = store.importFrom(file, parent.passwords().keystorePassword(false));
                spec.commandLine().getOut().println("Imported the signing identity from " + file + ".");
                describe(spec.commandLine().getOut(), store, cert);
            } catch (KeyStoreProblem e) {
                throw new BadInputException(e.getMessage());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show the signing certificate (no password needed).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        KeysCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AssessorKeyStore store = parent.store();
            X509Certificate cert = store.certificate().orElseThrow(() -> new BadInputException(
                    "There is no signing identity yet. Create one with: keys init"));
            describe(spec.commandLine().getOut(), store, cert);
            return ExitCodes.OK;
        }
    }
}
