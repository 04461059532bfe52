package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.CertificateDetails;
import org.epaworkbench.app.CertificateFiles;
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
        subcommands = {KeysCommand.Init.class, KeysCommand.Import.class, KeysCommand.Show.class, KeysCommand.Request.class,
                KeysCommand.InstallCertificate.class})
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

    AssessorIdentity store() {
        return root.context().identity();
    }

    static void describe(PrintWriter out, AssessorIdentity store, X509Certificate certificate) {
        CertificateDetails cert = CertificateDetails.of(certificate);
        out.println("Signer:      " + cert.holder());
        out.println("Issued by:   " + (cert.selfSigned()
                ? "itself (self-signed: trusted elsewhere only once its SHA-256 is in their signer register; see keys request)"
                : cert.issuer() + " (the SHA-256 below is of your own certificate, not of the issuer's)"));
        out.println("Valid:       " + cert.validFrom() + " to " + cert.validUntil());
        out.println("Fingerprint: SHA-256 " + cert.fingerprint());
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
            AssessorProfile profile = ctx.apprentices().assessor().orElseThrow(() -> new BadInputException(
                    "There is no assessor profile to put in the certificate. Set it in the app (Assessor), "
                            + "or make sample data with: demo"));
            AssessorIdentity store = parent.store();
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
            AssessorIdentity store = parent.store();
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

    @Command(name = "request", description = {"Make a certificate signing request for this data folder's signing key, for",
            "the organisation to certify (org certify). The private key stays here. Creates the key first if there is none."})
    static final class Request implements Callable<Integer>, WritesData {
        @ParentCommand
        KeysCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE.csr", description = "Where to write the request.")
        Path out;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            AssessorProfile profile = ctx.apprentices().assessor().orElseThrow(() -> new BadInputException(
                    "There is no assessor profile to put in the request. Set it in the app (Assessor) first."));
            if (java.nio.file.Files.exists(out)) {
                throw new BadInputException(out + ": already exists; nothing was written. Choose another file with --out.");
            }
            AssessorIdentity store = parent.store();
            String pem;
            try {
                boolean created = !store.exists();
                char[] password = parent.passwords().keystorePassword(created);
                if (created) {
                    store.create(profile, password);
                    spec.commandLine().getOut().println("Created a signing identity for " + profile.name() + ".");
                }
                pem = store.certificateRequest(profile, password);
            } catch (KeyStoreProblem e) {
                throw new BadInputException(e.getMessage());
            }
            java.nio.file.Files.writeString(out, pem, java.nio.charset.StandardCharsets.US_ASCII);
            PrintWriter o = spec.commandLine().getOut();
            o.println("Wrote a certificate signing request for " + profile.name() + (profile.assessorNumber().isEmpty() ? ""
                    : ", assessor number " + profile.assessorNumber()) + " to " + out + ".");
            o.println("Send it to your organisation's office; they issue your certificate with: org certify " + out.getFileName());
            o.println("Then install what they send back with: keys install-certificate FILE.crt. Your private key stays here.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "install-certificate", description = {"Install the certificate your organisation issued for this",
            "data folder's key (the file org certify wrote). Records signed afterwards carry it and its root."})
    static final class InstallCertificate implements Callable<Integer>, WritesData {
        @ParentCommand
        KeysCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE.crt")
        Path file;

        @Override
        public Integer call() throws Exception {
            java.util.List<X509Certificate> offered;
            try {
                offered = CertificateFiles.readAll(file);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new BadInputException(file + ": no such file");
            } catch (java.security.cert.CertificateException | java.io.IOException | RuntimeException e) {
                throw new BadInputException(file + ": not a certificate (PEM or DER expected)");
            }
            AssessorIdentity store = parent.store();
            java.util.List<X509Certificate> chain;
            try {
                chain = store.installCertificate(offered, parent.passwords().keystorePassword(false));
            } catch (KeyStoreProblem | org.epaworkbench.keys.CertificateProblem e) {
                throw new BadInputException(e.getMessage());
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("Installed the certificate from " + file + ".");
            describe(o, store, chain.get(0));
            if (parent.root.context().services().organisation().rootStillToTrust(chain)) {
                o.println("Your organisation's root is not trusted in this data folder yet. To check records signed by your "
                        + "colleagues, install it (after checking its SHA-256 with the office): org trust organisation-root.crt");
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
            AssessorIdentity store = parent.store();
            X509Certificate cert = store.certificate().orElseThrow(() -> new BadInputException(
                    "There is no signing identity yet. Create one with: keys init"));
            describe(spec.commandLine().getOut(), store, cert);
            return ExitCodes.OK;
        }
    }
}
