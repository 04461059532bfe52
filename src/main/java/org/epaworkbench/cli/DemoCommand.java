package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.app.SampleApprentice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code demo}: makes (or, with --remove, removes) clearly labelled sample data. */
@Command(name = "demo", description = {"Create a sample apprentice with one completed session per component of "
        + SampleApprentice.PLAN_ID + ", marked as sample data. Run again, it replaces the sample data made before.",
        "With --remove, delete all sample data."})
final class DemoCommand implements Callable<Integer>, WritesData {

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--json", description = "Print the ids made as JSON.")
    boolean json;
    @Option(names = "--remove", description = "Remove all sample data instead.")
    boolean remove;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = root.context();
        PrintWriter out = spec.commandLine().getOut();
        if (remove) {
            int removed = ctx.services().sampleApprentice().remove();
            if (json) {
                out.println(JsonFiles.pretty(JsonFiles.mapper().createObjectNode().put("removedSessions", removed)));
            } else {
                out.println(removed == 0 ? "There was no sample data." : "Removed the sample data (" + removed + " sessions).");
            }
            return ExitCodes.OK;
        }
        ctx.library(); // loaded here, so a failure to read the plans is said in words
        SampleApprentice.Made made = ctx.services().sampleApprentice().make();
        if (json) {
            var n = JsonFiles.mapper().createObjectNode();
            n.put("apprenticeId", made.apprenticeId());
            var ids = n.putArray("sessionIds");
            made.sessionIds().forEach(ids::add);
            n.put("replaced", made.replaced()).put("removedSessions", made.removedSessions());
            out.println(JsonFiles.pretty(n));
        } else {
            if (made.replaced()) {
                out.println("Replaced the sample data made before (" + org.epaworkbench.Wording.count(made.removedSessions(), "session")
                        + " removed with it), so there is one sample apprentice.");
            }
            out.println("Made sample apprentice " + made.apprenticeId() + " with " + made.sessionIds().size()
                    + " completed sessions (marked as sample data):");
            made.sessionIds().forEach(id -> out.println("  " + id));
            out.println("Remove it with: demo --remove");
        }
        return ExitCodes.OK;
    }
}
