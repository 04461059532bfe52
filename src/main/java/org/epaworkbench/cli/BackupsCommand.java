package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.app.DataFolder;
import org.epaworkbench.app.Restoring;
import org.epaworkbench.store.Backups;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code backups [list] | create | restore NAME}: the data folder's automatic backups. */
@Command(name = "backups", description = "List, take or restore the automatic backups of the database "
        + "(taken on each start of the app and each signing; the newest " + DataFolder.BACKUPS_KEPT + " are kept).",
        subcommands = {BackupsCommand.ListBackups.class, BackupsCommand.Create.class, BackupsCommand.Restore.class})
final class BackupsCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return ListBackups.print(spec.commandLine().getOut(), folder(), false);
    }

    DataFolder folder() {
        return root.context().folder();
    }

    @Command(name = "list", description = "The backups, newest first.")
    static final class ListBackups implements Callable<Integer> {
        @ParentCommand
        BackupsCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return print(spec.commandLine().getOut(), parent.folder(), json);
        }

        static int print(PrintWriter out, DataFolder folder, boolean json) {
            List<Backups.Backup> all = folder.backups();
            if (json) {
                JsonOutput.array(out, all, b -> {
                    ObjectNode n = JsonFiles.mapper().createObjectNode();
                    n.put("name", b.name());
                    n.put("takenAt", b.takenAt().toString());
                    n.put("reason", b.reason().name().toLowerCase());
                    n.put("bytes", b.bytes());
                    n.put("file", b.file().toString());
                    return n;
                });
                return ExitCodes.OK;
            }
            if (all.isEmpty()) {
                out.println("No backups yet in " + folder.backupsFolder() + ".");
                return ExitCodes.OK;
            }
            TextTable table = new TextTable("NAME", "TAKEN", "SIZE");
            all.forEach(b -> table.row(b.name(), DataFolder.describe(b), b.bytes() / 1024 + " KB"));
            out.print(table.render());
            out.println("In " + folder.backupsFolder() + ". Restore one with: backups restore NAME");
            return ExitCodes.OK;
        }
    }

    @Command(name = "create", description = "Take a backup now.")
    static final class Create implements Callable<Integer>, WritesData {
        @ParentCommand
        BackupsCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            Backups.Backup b = ctx.services().backUp(Backups.Reason.MANUAL);
            spec.commandLine().getOut().println("Backed up to " + b.file() + " (" + b.bytes() / 1024 + " KB).");
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", description = "Put a backup in place of the database. The current database is "
            + "moved into the backups folder, not deleted. The app must be closed.")
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        BackupsCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "The backup's name, as `backups list` shows it.")
        String name;

        @Override
        public Integer call() throws Exception {
            DataFolder folder = parent.folder();
            Backups.Backup chosen = folder.backup(name).orElseThrow(() -> new BadInputException("there is no backup '" + name
                    + "' in " + folder.backupsFolder() + "; `backups list` shows them"));
            CliContext ctx = parent.root.context();
            Restoring.Outcome outcome = folder.restore(chosen, "the command line, restoring a backup", ctx.clock());
            if (outcome instanceof Restoring.FolderInUse inUse) {
                throw new BadInputException("the data folder " + folder.root() + " is open in " + inUse.heldBy()
                        + "; close it first");
            }
            if (outcome instanceof Restoring.Failed failed) {
                throw new org.epaworkbench.store.StorageException(failed.reason());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Restored " + chosen.name() + " (taken " + DataFolder.describe(chosen) + ").");
            ((Restoring.Restored) outcome).movedAside().ifPresent(p -> out.println("The database it replaced was moved to " + p + "."));
            return ExitCodes.OK;
        }
    }
}
