package org.epaworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.app.CertificateDetails;
import org.epaworkbench.app.CertificateFiles;
import org.epaworkbench.app.Organisation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code org init | certify | trust | roots | remove-root}: the organisation's own certificate
 * authority, and the organisation roots this data folder trusts. See docs/trust.md.
 */
@Command(name = "org", description = {"The organisation's certificate authority (init, certify) and the organisation roots",
        "this data folder trusts (trust, roots, remove-root). The organisation key's password comes from",
        OrgCommand.PASSWORD_VARIABLE + " or a prompt. See docs/trust.md."},
        subcommands = {OrgCommand.Init.class, OrgCommand.Certify.class, OrgCommand.ServiceCertificate.class,
                OrgCommand.Trust.class, OrgCommand.Roots.class, OrgCommand.RemoveRoot.class})
final class OrgCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "EPA_ORG_KEY_PASSWORD";

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    char[] organisationPassword(boolean confirmNew) throws BadInputException {
        String env = System.getenv(PASSWORD_VARIABLE);
        return env != null && !env.isEmpty() ? env.toCharArray() : root.passwords().keystorePassword(confirmNew);
    }

    /** How long a certificate issued for {@code --years} is valid: 1 to 10 years. */
    static Duration validity(int years) throws BadInputException {
        if (years < 1 || years > 10) {
            throw new BadInputException("--years " + years + ": give 1 to 10");
        }
        return Duration.ofDays(365L * years);
    }

    static void describeRoot(PrintWriter out, X509Certificate root) {
        CertificateDetails details = CertificateDetails.of(root);
        out.println("  Root:        " + details.holder());
        out.println("  SHA-256:     " + details.fingerprint());
        out.println("  Valid until: " + details.validUntil());
    }

    @Command(name = "init", description = {"Create the organisation's root certificate and key in a folder you choose",
            "(keep it safe, ideally offline). This data folder then trusts the root."})
    static final class Init implements Callable<Integer>, WritesData {
        @ParentCommand
        OrgCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--dir", required = true, paramLabel = "FOLDER", description = "Where the key and root certificate go.")
        Path dir;
        @Option(names = "--name", required = true, paramLabel = "ORGANISATION", description = "The organisation's name, as "
                + "every assessor's certificate will give it.")
        String name;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException(dir + ": is a file; --dir takes a folder");
            }
            Organisation.Authority ca;
            Organisation office = ctx.services().organisation();
            char[] password = parent.organisationPassword(true);
            try {
                ca = office.createAuthority(dir, name, password);
            } catch (KeyStoreProblem e) {
                throw new BadInputException(e.getMessage());
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created the organisation root for " + ca.organisation() + " in " + dir + ":");
            out.println("  " + Organisation.KEYSTORE + "  the root's private key: keep it and its password safe, "
                    + "ideally offline; it issues every assessor's certificate");
            out.println("  " + Organisation.ROOT + "  the root certificate: install it on every office computer and "
                    + "every assessor's app (org trust " + Organisation.ROOT + ")");
            describeRoot(out, ca.root());
            out.println("This data folder now trusts the root.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "certify", description = {"Issue an assessor's certificate from the signing request their app made",
            "(keys request). Writes the certificate and the root, for them to install (keys install-certificate)."})
    static final class Certify implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "REQUEST.csr")
        Path request;
        @Option(names = "--dir", required = true, paramLabel = "FOLDER", description = "The folder org init made.")
        Path dir;
        @Option(names = "--out", paramLabel = "FILE.crt", description = "Where to write the certificate (default: beside the "
                + "request, .crt).")
        Path out;
        @Option(names = "--years", paramLabel = "N", defaultValue = "3", description = "How long it is valid (default 3).")
        int years;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            Duration validity = validity(years);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(request);
            } catch (NoSuchFileException e) {
                throw new BadInputException(request + ": no such file");
            } catch (IOException e) {
                throw new BadInputException(request + ": cannot be read: " + e.getMessage());
            }
            Organisation.Request r;
            try {
                r = Organisation.readRequest(request.toString(), bytes);
            } catch (CertificateProblem e) {
                throw new BadInputException(e.getMessage());
            }
            Path target = out != null ? out : request.resolveSibling(request.getFileName().toString()
                    .replaceFirst("\\.(csr|req|pem)$", "") + ".crt");
            if (Files.exists(target)) {
                throw new BadInputException(target + ": already exists; nothing was issued. Choose another file with --out.");
            }
            char[] password = parent.organisationPassword(false);
            List<X509Certificate> chain;
            try {
                chain = Organisation.certify(dir, password, r, validity, ctx.clock());
            } catch (KeyStoreProblem e) {
                throw new BadInputException(e.getMessage());
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            StringBuilder pem = new StringBuilder();
            chain.forEach(c -> pem.append(CertificateFiles.toPem(c)));
            Files.writeString(target, pem, StandardCharsets.US_ASCII);
            CertificateDetails issued = CertificateDetails.of(chain.get(0));
            PrintWriter o = spec.commandLine().getOut();
            o.println("Issued a certificate to " + issued.holder() + ".");
            if (!r.organisation().isEmpty() && !r.organisation().equals(issued.organisation())) {
                o.println("  The request named the organisation \"" + r.organisation() + "\"; the certificate names the "
                        + "organisation as its root does.");
            }
            o.println("  Certificate SHA-256: " + issued.fingerprint());
            o.println("  Valid until:         " + issued.validUntil());
            o.println("Written to " + target + " (the certificate, then the root). The assessor installs it with: "
                    + "keys install-certificate " + target.getFileName());
            return ExitCodes.OK;
        }
    }

    @Command(name = "service-certificate", description = {"Issue the organisation's intake service its key and certificate",
            "(serve): for the host names it answers on, written as a PKCS#12 file whose password comes from",
            ServeCommand.PASSWORD_VARIABLE + " or a prompt. Copy it to the service's data folder."})
    static final class ServiceCertificate implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--dir", required = true, paramLabel = "FOLDER", description = "The folder org init made.")
        Path dir;
        @Option(names = "--host", required = true, paramLabel = "NAME", description = "A host name or address the service "
                + "answers on, as assessors type it (repeat for more).")
        List<String> hosts;
        @Option(names = "--out", required = true, paramLabel = "SERVICE.p12", description = "Where to write the key and "
                + "certificate.")
        Path out;
        @Option(names = "--years", paramLabel = "N", defaultValue = "2", description = "How long it is valid (default 2).")
        int years;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            Duration validity = validity(years);
            if (Files.exists(out)) {
                throw new BadInputException(out + ": already exists; nothing was issued. Choose another file with --out.");
            }
            for (String h : hosts) {
                if (!h.matches("[A-Za-z0-9.:-]+")) {
                    throw new BadInputException("--host " + h + ": a host name (intake.example.org) or an address, "
                            + "without https:// or a port");
                }
            }
            char[] password = parent.organisationPassword(false);
            String env = System.getenv(ServeCommand.PASSWORD_VARIABLE);
            char[] servicePassword = env != null && !env.isEmpty() ? env.toCharArray()
                    : parent.root.passwords().keystorePassword(true);
            X509Certificate issued;
            try {
                issued = Organisation.issueServiceIdentity(dir, password, hosts, validity, out,
                        servicePassword, ctx.clock());
            } catch (KeyStoreProblem e) {
                throw new BadInputException(e.getMessage());
            } finally {
                java.util.Arrays.fill(password, '\0');
                java.util.Arrays.fill(servicePassword, '\0');
            }
            CertificateDetails details = CertificateDetails.of(issued);
            PrintWriter o = spec.commandLine().getOut();
            o.println("Issued the intake service's certificate for " + String.join(", ", hosts) + ".");
            o.println("  Certificate SHA-256: " + details.fingerprint());
            o.println("  Valid until:         " + details.validUntil());
            o.println("Written to " + out + ". On the service's computer: serve --identity " + out.getFileName()
                    + " (its password from " + ServeCommand.PASSWORD_VARIABLE + ").");
            return ExitCodes.OK;
        }
    }

    @Command(name = "trust", description = {"Trust an organisation's root certificate in this data folder: records and",
            "packages signed with certificates it issued are then trusted. Check its SHA-256 with the organisation."})
    static final class Trust implements Callable<Integer>, WritesData {
        @ParentCommand
        OrgCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ROOT.crt")
        Path file;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            Organisation.TrustedRoot added;
            try {
                added = ctx.services().organisation().trustRoot(file);
            } catch (CertificateProblem e) {
                throw new BadInputException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println((added.alreadyThere() ? "Already trusted: " : "Now trusted: ") + added.subject());
            out.println("  SHA-256: " + added.fingerprint());
            out.println("Check this SHA-256 with your organisation (by phone or in person): a root you did not get from them "
                    + "would let its maker sign records that this data folder trusts.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "roots", description = "List the organisation roots this data folder trusts.")
    static final class Roots implements Callable<Integer> {
        @ParentCommand
        OrgCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var roots = SyncCommands.importing(parent.root.context()).roots();
            PrintWriter out = spec.commandLine().getOut();
            if (roots.isEmpty()) {
                out.println("No organisation root is trusted here. Install one with: org trust ROOT.crt");
            }
            for (var r : roots) {
                out.println(r.fingerprint() + "  " + r.subject() + "  (since " + r.addedAt() + ")");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove-root", description = "Stop trusting an organisation root (by its SHA-256, as org roots lists it).")
    static final class RemoveRoot implements Callable<Integer>, WritesData {
        @ParentCommand
        OrgCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "SHA-256")
        String fingerprint;

        @Override
        public Integer call() throws Exception {
            if (!SyncCommands.importing(parent.root.context()).removeRoot(fingerprint.toLowerCase(java.util.Locale.ROOT))) {
                throw new BadInputException("'" + fingerprint + "' is not a trusted root here; see: org roots");
            }
            spec.commandLine().getOut().println("No longer trusted: root " + fingerprint + ".");
            return ExitCodes.OK;
        }
    }
}
