package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.epaworkbench.app.IntakeAdministration;
import org.epaworkbench.app.Importing;
import org.epaworkbench.app.Organisation;
import org.epaworkbench.app.Plans;
import org.epaworkbench.intake.IntakeProblem;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.store.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve signers | roots | plans}: what the organisation keeps in its intake service besides what is
 * delivered — the assessors registered one by one, the organisation roots it trusts, the plan packs it knows.
 * They act on the service's database (the same {@code --data-dir} and {@code --db} as {@code serve}), whether
 * the service runs or not; a running service sees a change from its next request on.
 */
final class ServeAdminCommands {

    private ServeAdminCommands() {
    }

    /** Where the service's data is: as given here, else as given to {@code serve} before the sub-command. */
    static final class Where {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "The service's data folder (default: "
                + "~/.epa-workbench-intake), as given to serve.")
        Path dataDir;
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The service's PostgreSQL database, as given to serve "
                + "(default: the SQLite file in the data folder).")
        String db;

        IntakeAdministration open(ServeCommand serve, java.time.Clock clock) throws BadInputException {
            Path folder = ServeCommand.dataFolder(dataDir != null ? dataDir : serve.dataDir);
            String url = db != null ? db : serve.db;
            try {
                return IntakeAdministration.open(folder, url, clock);
            } catch (IntakeProblem e) {
                throw new BadInputException(e.getMessage());
            }
        }
    }

    static StorageException failed(String what, SQLException e) {
        return new StorageException("Cannot " + what + " in the intake database: " + e.getMessage(), e);
    }

    // ---------------------------------------------------------------- signers

    @Command(name = "signers", description = {"The assessors registered in the service one by one (add, list, remove).",
            "An assessor whose certificate is here may deliver, as may every assessor a root the service trusts certified."},
            subcommands = {Signers.ListSigners.class, Signers.Add.class, Signers.Remove.class})
    static final class Signers implements Callable<Integer> {
        @ParentCommand
        ServeCommand serve;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.BAD_INPUT;
        }

        @Command(name = "list", description = "List the assessors registered in the service.")
        static final class ListSigners implements Callable<Integer> {
            @ParentCommand
            Signers parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Mixin
            Where where;
            @Option(names = "--json", description = "As JSON.")
            boolean json;

            @Override
            public Integer call() throws Exception {
                PrintWriter out = spec.commandLine().getOut();
                try (IntakeAdministration admin = where.open(parent.serve, parent.serve.root.clock())) {
                    var signers = admin.signers();
                    if (json) {
                        JsonOutput.array(out, signers, s -> {
                            ObjectNode n = JsonFiles.mapper().createObjectNode();
                            n.put("assessorKey", s.assessorKey());
                            n.put("sha256", s.fingerprint());
                            n.put("subject", s.subject());
                            n.put("since", s.pinnedAt().toString());
                            n.put("how", s.how());
                            return n;
                        });
                        return ExitCodes.OK;
                    }
                    if (signers.isEmpty()) {
                        out.println("No assessor is registered in the service (" + admin.databaseInWords() + "). Assessors "
                                + "certified by an organisation root it trusts may deliver (serve roots list); register "
                                + "others with: serve signers add CERT.pem");
                    }
                    for (Importing.Signer s : signers) {
                        out.println(s.assessorKey() + "  " + s.subject() + "  SHA-256 " + s.fingerprint() + "  (" + s.how()
                                + ", " + s.pinnedAt() + ")");
                    }
                    return ExitCodes.OK;
                } catch (SQLException e) {
                    throw failed("read the register", e);
                }
            }
        }

        @Command(name = "add", description = {"Register an assessor's certificate, so they may deliver.",
                "CERT.pem is the certificate they sent (keys/assessor.pem in their data folder); check its SHA-256 with them first."})
        static final class Add implements Callable<Integer> {
            @ParentCommand
            Signers parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Mixin
            Where where;
            @Parameters(paramLabel = "CERT.pem")
            Path cert;

            @Override
            public Integer call() throws Exception {
                try (IntakeAdministration admin = where.open(parent.serve, parent.serve.root.clock())) {
                    Importing.SignerAdded added = admin.addSigner(cert);
                    var s = added.signer();
                    PrintWriter out = spec.commandLine().getOut();
                    out.println((added.alreadyThere() ? "Already registered: " : "Registered: ") + s.assessorKey() + "  "
                            + s.subject());
                    out.println("  SHA-256: " + s.fingerprint());
                    out.println("Check this SHA-256 with the assessor (by phone or in person): whoever holds the key of a "
                            + "registered certificate may deliver as that assessor.");
                    return ExitCodes.OK;
                } catch (CertificateProblem | Importing.SignerNotAdded e) {
                    throw new BadInputException(e.getMessage());
                } catch (SQLException e) {
                    throw failed("register the certificate", e);
                }
            }
        }

        @Command(name = "remove", description = "Take an assessor out of the register: their next request is refused.")
        static final class Remove implements Callable<Integer> {
            @ParentCommand
            Signers parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Mixin
            Where where;
            @Parameters(paramLabel = "ASSESSOR_KEY|SHA-256", description = "As listed: number:EPA-000123, or the certificate's SHA-256.")
            String key;

            @Override
            public Integer call() throws Exception {
                try (IntakeAdministration admin = where.open(parent.serve, parent.serve.root.clock())) {
                    var removed = admin.removeSigner(key);
                    if (removed.isEmpty()) {
                        throw new BadInputException("'" + key + "' is not in the service's register (serve signers list "
                                + "shows it)");
                    }
                    spec.commandLine().getOut().println("Removed " + removed.get().assessorKey() + " (" + removed.get().subject()
                            + ") from the service's register: their next request is refused.");
                    return ExitCodes.OK;
                } catch (SQLException e) {
                    throw failed("change the register", e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- roots

    @Command(name = "roots", description = {"The organisation roots the service trusts (add, list, remove).",
            "Every assessor a trusted root certified may deliver. The root that issued the service's own certificate is",
            "trusted each time it starts."},
            subcommands = {Roots.ListRoots.class, Roots.Add.class, Roots.Remove.class})
    static final class Roots implements Callable<Integer> {
        @ParentCommand
        ServeCommand serve;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.BAD_INPUT;
        }

        @Command(name = "list", description = "List the organisation roots the service trusts.")
        static final class ListRoots implements Callable<Integer> {
            @ParentCommand
            Roots parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Mixin
            Where where;
            @Option(names = "--json", description = "As JSON.")
            boolean json;

            @Override
            public Integer call() throws Exception {
                PrintWriter out = spec.commandLine().getOut();
                try (IntakeAdministration admin = where.open(parent.serve, parent.serve.root.clock())) {
                    var roots = admin.roots();
                    if (json) {
                        JsonOutput.array(out, roots, r -> {
                            ObjectNode n = JsonFiles.mapper().createObjectNode();
                            n.put("sha256", r.fingerprint());
                            n.put("subject", r.subject());
                            n.put("since", r.addedAt().toString());
                            return n;
                        });
                        return ExitCodes.OK;
                    }
                    if (roots.isEmpty()) {
                        out.println("No organisation root is trusted in the service yet (" + admin.databaseInWords() + "); "
                                + "the one that issued its certificate is trusted when it starts.");
                    }
                    for (Importing.Root r : roots) {
                        out.println(r.fingerprint() + "  " + r.subject() + "  (since " + r.addedAt() + ")");
                    }
                    return ExitCodes.OK;
                } catch (SQLException e) {
                    throw failed("read the roots", e);
                }
            }
        }

        @Command(name = "add", description = {"Trust an organisation root: every assessor it certified may deliver.",
                "ROOT.crt is the root certificate alone (organisation-root.crt); check its SHA-256 with its organisation."})
        static final class Add implements Callable<Integer> {
            @ParentCommand
            Roots parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Mixin
            Where where;
            @Parameters(paramLabel = "ROOT.crt")
            Path file;

            @Override
            public Integer call() throws Exception {
                try (IntakeAdministration admin = where.open(parent.serve, parent.serve.root.clock())) {
                    Organisation.TrustedRoot added = admin.trustRoot(file);
                    PrintWriter out = spec.commandLine().getOut();
                    out.println((added.alreadyThere() ? "Already trusted: " : "Now trusted: ") + added.subject());
                    out.println("  SHA-256: " + added.fingerprint());
                    out.println("Check this SHA-256 with the organisation (by phone or in person): a root you did not get "
                            + "from them would let its maker certify assessors who may deliver here.");
                    return ExitCodes.OK;
                } catch (CertificateProblem e) {
                    throw new BadInputException(e.getMessage());
                } catch (SQLException e) {
                    throw failed("trust the root", e);
                }
            }
        }

        @Command(name = "remove", description = {"Stop trusting an organisation root, by its SHA-256 as serve roots list shows it.",
                "The root of the service's own certificate is trusted again when it starts."})
        static final class Remove implements Callable<Integer> {
            @ParentCommand
            Roots parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Mixin
            Where where;
            @Parameters(paramLabel = "SHA-256")
            String fingerprint;

            @Override
            public Integer call() throws Exception {
                try (IntakeAdministration admin = where.open(parent.serve, parent.serve.root.clock())) {
                    if (!admin.removeRoot(fingerprint)) {
                        throw new BadInputException("'" + fingerprint + "' is not a root the service trusts (serve roots list "
                                + "shows them)");
                    }
                    spec.commandLine().getOut().println("The service no longer trusts the root " + fingerprint + ".");
                    return ExitCodes.OK;
                } catch (SQLException e) {
                    throw failed("change the roots", e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- plans

    @Command(name = "plans", description = {"The plans the service checks packages against (import, list).",
            "The built-in ones and the plan packs imported into it: import those your office imported into its desktops."},
            subcommands = {PlanPacks.ListPlans.class, PlanPacks.ImportPack.class})
    static final class PlanPacks implements Callable<Integer> {
        @ParentCommand
        ServeCommand serve;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.BAD_INPUT;
        }

        @Command(name = "list", description = "List the plans the service knows.")
        static final class ListPlans implements Callable<Integer> {
            @ParentCommand
            PlanPacks parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Mixin
            Where where;
            @Option(names = "--json", description = "As JSON.")
            boolean json;

            @Override
            public Integer call() throws Exception {
                PrintWriter out = spec.commandLine().getOut();
                try (IntakeAdministration admin = where.open(parent.serve, parent.serve.root.clock())) {
                    var plans = admin.plans();
                    if (json) {
                        JsonOutput.array(out, plans, p -> {
                            ObjectNode n = JsonFiles.mapper().createObjectNode();
                            n.put("id", p.plan().id());
                            n.put("title", p.plan().title());
                            n.put("origin", p.origin().word());
                            return n;
                        });
                        return ExitCodes.OK;
                    }
                    for (PlanLibrary.InstalledPlan p : plans) {
                        out.println(p.plan().id() + "  " + p.plan().title() + "  (" + p.origin().word() + ")");
                    }
                    return ExitCodes.OK;
                } catch (SQLException e) {
                    throw failed("read the plans", e);
                }
            }
        }

        @Command(name = "import", description = {"Validate a plan pack as the desktop's plans import does, and keep it in the service.",
                "Packages with sessions on its plan are then accepted."})
        static final class ImportPack implements Callable<Integer> {
            @ParentCommand
            PlanPacks parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Mixin
            Where where;
            @Parameters(paramLabel = "PACK.json", description = "The plan pack (.json).")
            Path file;
            @Option(names = "--replace", description = "Replace an earlier import with the same id.")
            boolean replace;

            @Override
            public Integer call() throws Exception {
                try (IntakeAdministration admin = where.open(parent.serve, parent.serve.root.clock())) {
                    AssessmentPlan plan = admin.importPlan(file, replace);
                    spec.commandLine().getOut().println("Imported plan '" + plan.id() + "' (" + plan.title() + ") into the "
                            + "intake service (" + admin.databaseInWords() + ").");
                    return ExitCodes.OK;
                } catch (Plans.Refused e) {
                    throw new BadInputException(e.getMessage());
                } catch (SQLException e) {
                    throw failed("save the plan pack", e);
                }
            }
        }
    }
}
