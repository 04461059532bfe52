package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.epaworkbench.Wording;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rebuild-summaries}: computes every session summary (the grades the lists show) again from the event logs
 * (issue 17). The app keeps them in step by itself and rebuilds them when a new version changes how they are
 * computed; this is for an office or support person who wants to be sure, after restoring a backup by hand.
 */
@Command(name = "rebuild-summaries", description = "Compute again, from the sessions' event logs, the grades and overall "
        + "results the lists show. The app keeps them in step by itself; this changes no record.")
final class RebuildSummariesCommand implements Callable<Integer>, WritesData {

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int apprentices = root.context().services().rebuildSummaries();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Summaries rebuilt from the event logs for " + Wording.count(apprentices, "apprentice") + ".");
        return ExitCodes.OK;
    }
}
