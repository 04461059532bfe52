package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.epaworkbench.AppInfo;
import org.epaworkbench.packs.PlanPackException;
import org.epaworkbench.store.SessionLogChanged;
import org.epaworkbench.store.StorageException;
import org.epaworkbench.store.StorageProblem;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code java -jar epa-workbench.jar [--data-dir DIR] COMMAND}. Every command runs
 * headless against the same core and store as the desktop app.
 */
@Command(name = "epa-workbench",
        mixinStandardHelpOptions = true,
        // every command and sub-command takes --help (and --version), not just the top one
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = WorkbenchCli.Version.class,
        description = "EPA Workbench: assessment plans, grading and records for independent end-point assessors.",
        subcommands = {PlansCommand.class, GradeCommand.class, SessionCommand.class, ApprenticeCommand.class, DemoCommand.class,
                KeysCommand.class, ReportCommand.class, VerifyCommand.class, SyncCommands.Export.class,
                SyncCommands.Import.class, SyncCommands.OutboxCommand.class, SyncCommands.Signers.class, SyncCommands.Conflicts.class,
                OrgCommand.class,
                BackupsCommand.class, RebuildSummariesCommand.class, ServeCommand.class, DeliverCommands.Deliver.class, DeliverCommands.Receipts.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the database or data folder failed (the message says why)",
                "2:bad input: unknown id, malformed or invalid file, wrong argument",
                "3:verify: the file was read but does not verify or its signer is UNTRUSTED; a session's log was changed "
                        + "outside the app; import: the package's signer is UNTRUSTED; apprentice check: a rule is broken"})
public final class WorkbenchCli implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the database and files (default: the per-user data folder, or $"
                    + org.epaworkbench.app.DataFolder.ENVIRONMENT_VARIABLE + ").")
    Path dataDir;

    private final Clock clock;
    private final Passwords.Source passwords;
    private final org.epaworkbench.app.DiskSpace disk;
    private PrintWriter err = new PrintWriter(System.err, true);
    private CliContext context;

    WorkbenchCli(Clock clock, Passwords.Source passwords) {
        this(clock, passwords, org.epaworkbench.app.DiskSpace.SYSTEM);
    }

    WorkbenchCli(Clock clock, Passwords.Source passwords, org.epaworkbench.app.DiskSpace disk) {
        this.clock = clock;
        this.passwords = passwords;
        this.disk = disk;
    }

    Passwords.Source passwords() {
        return passwords;
    }

    /** The clock commands go by (a fixed one in tests). */
    Clock clock() {
        return clock;
    }

    CliContext context() {
        if (context == null) {
            context = new CliContext(dataDir, clock, disk, err);
        }
        return context;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return ExitCodes.BAD_INPUT;
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        return run(args, out, err, clock, Passwords.FROM_ENVIRONMENT_OR_TERMINAL);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock, Passwords.Source passwords) {
        return run(args, out, err, clock, passwords, org.epaworkbench.app.DiskSpace.SYSTEM);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, Clock)}, on the given disk (tests simulate a full or read-only one). */
    static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock, Passwords.Source passwords,
            org.epaworkbench.app.DiskSpace disk) {
        WorkbenchCli root = new WorkbenchCli(clock, passwords, disk);
        root.err = err;
        CommandLine cli = new CommandLine(root);
        summariseInLists(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("epa-workbench: " + message(ex, root.context));
            if (System.getenv("EPA_WORKBENCH_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return exitCodeFor(ex);
        });
        cli.setExecutionStrategy(parseResult -> {
            CommandLine.ParseResult last = parseResult;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            root.context().writing(last.commandSpec().userObject() instanceof WritesData);
            return new CommandLine.RunLast().execute(parseResult);
        });
        try {
            return cli.execute(args);
        } finally {
            if (root.context != null) {
                root.context.close();
            }
            out.flush();
            err.flush();
        }
    }

    /**
     * A command's line in its parent's list of commands is its description's first sentence, whole: picocli
     * shows the description's first line, which in a description written over several lines stops mid-sentence
     * ("… from judgements in a JSON file:"). Given as the command's header, which its own help then leaves out
     * (it starts its description).
     */
    static void summariseInLists(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            if (usage.header().length == 0 && usage.description().length > 0) {
                usage.header(firstSentence(String.join(" ", usage.description())));
                java.util.List<String> keys = new java.util.ArrayList<>(sub.getHelpSectionKeys());
                keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
                keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
                sub.setHelpSectionKeys(keys);
            }
            summariseInLists(sub);
        }
    }

    /** Up to the end of the first sentence ("e.g." and "i.e." do not end one). */
    static String firstSentence(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!e\\.g|i\\.e)\\.(\\s|%n|$)").matcher(text);
        return m.find() ? text.substring(0, m.start() + 1) : text;
    }

    static int exitCodeFor(Exception ex) {
        if (ex instanceof BadInputException || ex instanceof PlanPackException) {
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof SessionLogChanged) {
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.FAILED;
    }

    static String message(Exception ex, CliContext context) {
        if (ex instanceof BadInputException || ex instanceof PlanPackException || ex instanceof StorageException
                || ex instanceof SessionLogChanged) {
            return ex.getMessage();
        }
        if (context != null) {
            java.nio.file.Path data = context.folder().root();
            Optional<org.epaworkbench.store.DiskFull> full = context.disk().full(ex, data,
                    4L * 1024 * 1024, "Nothing was changed. Free some space, or use another data folder with --data-dir.");
            if (full.isPresent()) {
                return full.get().getMessage();
            }
            if (org.epaworkbench.store.DiskFull.isSqliteIoError(ex)) {
                return "the disk holding " + data + " reported an error while reading or writing the database, so "
                        + "nothing was changed. Check the disk (a removed stick, a failing drive), or copy the data folder "
                        + "somewhere else and use --data-dir.";
            }
        }
        Optional<StorageProblem> problem = StorageProblem.of(ex);
        if (problem.isPresent() && context != null) {
            Optional<String> holder = context.readOnlyBecause();
            if (problem.get() == StorageProblem.READ_ONLY && holder.isPresent()) {
                return "the data folder " + context.folder().root() + " is open in " + holder.get()
                        + ", so the command line may only read it. Close the app and run the command again; nothing was changed.";
            }
            return problem.get().plainWords() + " (" + context.folder().root() + "): nothing was changed.";
        }
        if (context != null && isDamage(ex)) {
            return context.folder().damaged(ex.getMessage()).getMessage();
        }
        return "internal error: " + ex + " (set EPA_WORKBENCH_DEBUG=1 to see the details)";
    }

    private static boolean isDamage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT
                    || s.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB)) {
                return true;
            }
        }
        return false;
    }

    /** Prints the application version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"EPA Workbench " + AppInfo.version()};
        }
    }
}
