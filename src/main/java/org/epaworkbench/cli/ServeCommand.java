package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.epaworkbench.app.CertificateDetails;
import org.epaworkbench.app.IntakeService;
import org.epaworkbench.intake.IntakeProblem;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.service.IntakeServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the organisation's intake service (ADR 13, docs/intake-service.md). Runs until stopped.
 */
@Command(name = "serve", description = {"Run the organisation's intake service: assessors' apps deliver packages to it over HTTPS",
        "and get signed receipts; the office sees what arrived on its pages. PostgreSQL with --db, else an SQLite file in the",
        "data folder. The service's key (org service-certificate) is read from --identity; its password from "
                + ServeCommand.PASSWORD_VARIABLE + " or a prompt. See docs/intake-service.md.",
        "serve signers, serve roots and serve plans keep its register of assessors, the organisation roots it trusts and",
        "the plan packs it knows, in the same database, whether it runs or not."},
        subcommands = {ServeAdminCommands.Signers.class, ServeAdminCommands.Roots.class, ServeAdminCommands.PlanPacks.class})
final class ServeCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "EPA_SERVICE_KEY_PASSWORD";

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--port", defaultValue = "8443", paramLabel = "N", description = "The HTTPS port (default 8443).")
    int port;
    @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS", description = "The address to listen on "
            + "(default: all).")
    String host;
    @Option(names = "--db", paramLabel = "JDBC_URL", description = "A PostgreSQL database, e.g. "
            + "jdbc:postgresql://db.example.org/intake?user=intake&password=… (default: an SQLite file in the data folder).")
    String db;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "The service's own folder: the SQLite file, record PDFs "
            + "and packages (by hash), uploads in progress, the office password (default: ~/.epa-workbench-intake).")
    Path dataDir;
    @Option(names = "--identity", paramLabel = "SERVICE.p12", description = "The service's key and certificate "
            + "(default: service.p12 in the data folder).")
    Path identityFile;

    @Option(names = "--abandon-after", defaultValue = "7d", paramLabel = "TIME", description = "Remove pieces of uploads "
            + "not continued for this long: 7d (the default), 36h, …; at least 2h.")
    String abandonAfter;

    /** The service's data folder: the one given, else ~/.epa-workbench-intake. */
    static Path dataFolder(Path given) {
        return given != null ? given : Path.of(System.getProperty("user.home"), ".epa-workbench-intake");
    }

    /**
     * How long an upload may stand still before its pieces are removed: days (7d), hours (36h) or minutes; at least
     * two hours, since an assessor's app waits up to an hour between tries.
     */
    static java.time.Duration abandonAfter(String text) throws BadInputException {
        var m = java.util.regex.Pattern.compile("\\s*(\\d{1,6})\\s*([dhm])\\s*").matcher(text == null ? "" : text.toLowerCase(
                java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new BadInputException("--abandon-after " + text + ": give a number of days, hours or minutes, "
                    + "for example 7d, 36h or 180m");
        }
        long n = Long.parseLong(m.group(1));
        java.time.Duration d = switch (m.group(2)) {
            case "d" -> java.time.Duration.ofDays(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofMinutes(n);
        };
        if (d.compareTo(java.time.Duration.ofHours(2)) < 0) {
            throw new BadInputException("--abandon-after " + text + ": give at least 2h: an assessor's app waits up to an "
                    + "hour between tries, and would find its upload gone");
        }
        return d;
    }

    /** Lets a test stop the service; the command otherwise runs until the process is stopped. */
    CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port " + port + ": give 1 to 65535 (or 0 for any free port)");
        }
        java.time.Duration abandon = abandonAfter(abandonAfter);
        Path data = dataFolder(dataDir);
        Path idFile = identityFile != null ? identityFile : data.resolve("service.p12");
        if (!Files.isRegularFile(idFile)) {
            throw new BadInputException(idFile + ": the service has no key and certificate there. On the computer that holds "
                    + "the organisation's key, run: org service-certificate --dir ORG-FOLDER --host THIS-HOST --out service.p12, "
                    + "then copy service.p12 into " + data + " (or give --identity).");
        }
        String env = System.getenv(PASSWORD_VARIABLE);
        char[] password = env != null && !env.isEmpty() ? env.toCharArray() : root.passwords().keystorePassword(false);
        Clock clock = Clock.systemUTC();
        IntakeService service;
        try {
            service = IntakeService.open(data, db, idFile, password, clock);
        } catch (KeyStoreProblem | IntakeProblem e) {
            throw new BadInputException(e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        IntakeServer server = IntakeServer.forService(service, data, ZoneId.systemDefault(), clock).abandonAfter(abandon);
        int bound;
        try {
            bound = server.start(host, port);
        } catch (RuntimeException e) {
            service.close();
            throw new BadInputException("Cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "). Is another "
                    + "program using that port? Choose another with --port.");
        }
        PrintWriter out = spec.commandLine().getOut();
        CertificateDetails cert = service.certificate();
        CertificateDetails root = CertificateDetails.of(service.root());
        out.println("EPA Workbench intake service for " + root.organisation() + " is running.");
        out.println("  Address:        https://" + cert.commonName() + ":" + bound + "/  (listening on " + host + ":" + bound + ")");
        out.println("  Database:       " + service.databaseInWords());
        out.println("  Files:          " + data.resolve("blobs"));
        out.println("  Assessors pin:  organisation root SHA-256 " + root.fingerprint());
        out.println("  Uploads:        pieces not continued for " + inWords(abandon) + " are removed");
        if (!server.officePasswordShownOnce().isEmpty()) {
            out.println("  Office pages:   user office, password " + server.officePasswordShownOnce());
            out.println("                  (shown this once; delete " + data.resolve("office-password") + " to make another)");
        } else {
            out.println("  Office pages:   user office, with the password shown when the service first started");
        }
        out.println("Stop with Ctrl+C.");
        out.flush();
        Thread hook = new Thread(() -> {
            server.close();
            service.close();
        }, "intake-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stop.await();
        Runtime.getRuntime().removeShutdownHook(hook);
        server.close();
        service.close();
        return ExitCodes.OK;
    }

    static String inWords(java.time.Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMinutes() + " minutes";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
