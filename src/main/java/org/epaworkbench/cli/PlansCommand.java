package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.epaworkbench.app.Plans;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanJson;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.plan.AssessmentPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code plans list | show | validate | import}: the assessment plans the app knows. */
@Command(name = "plans", description = "List, show, validate and import assessment plan packs.",
        subcommands = {PlansCommand.ListPlans.class, PlansCommand.ShowPlan.class,
                PlansCommand.ValidatePack.class, PlansCommand.ImportPack.class})
final class PlansCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCli root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    @Command(name = "list", description = "List installed plans.")
    static final class ListPlans implements Callable<Integer> {
        @ParentCommand
        PlansCommand plans;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            CliContext ctx = plans.root.context();
            List<PlanLibrary.InstalledPlan> all = ctx.library().all();
            Warnings.print(ctx, spec);
            if (json) {
                JsonOutput.array(out, all, p -> PlanJson.summary(p.plan(), p.origin().word()));
                return ExitCodes.OK;
            }
            TextTable table = new TextTable("ID", "ORGANISATION", "STANDARD", "LEVEL", "COMPONENTS", "CRITERIA", "ORIGIN");
            for (PlanLibrary.InstalledPlan p : all) {
                AssessmentPlan plan = p.plan();
                table.row(plan.id(), plan.organisation(), plan.standard(), String.valueOf(plan.level()),
                        String.valueOf(plan.components().size()), String.valueOf(plan.criteriaCount()), p.origin().word());
            }
            out.print(table.render());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show a plan: components, timings, questioning limits, criteria and rules.")
    static final class ShowPlan implements Callable<Integer> {
        @ParentCommand
        PlansCommand plans;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "PLAN_ID", description = "The plan's id, e.g. highfield-css-l3.")
        String planId;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            CliContext ctx = plans.root.context();
            AssessmentPlan plan = ctx.plan(planId);
            String origin = ctx.library().find(planId).orElseThrow().origin().word();
            if (json) {
                out.println(JsonFiles.pretty(PlanJson.full(plan, origin)));
            } else {
                out.print(PlanText.render(plan, origin));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "validate", description = "Check a plan pack file against the schema and the pack rules; changes nothing.")
    static final class ValidatePack implements Callable<Integer> {
        @ParentCommand
        PlansCommand plans;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The plan pack (.json).")
        Path file;

        @Override
        public Integer call() throws Exception {
            AssessmentPlan plan = Plans.check(file);
            spec.commandLine().getOut().println(file + ": valid plan pack '" + plan.id() + "' ("
                    + plan.components().size() + " components, " + plan.criteriaCount() + " criteria)");
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", description = "Validate a plan pack and install it in the data folder.")
    static final class ImportPack implements Callable<Integer>, WritesData {
        @ParentCommand
        PlansCommand plans;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The plan pack (.json).")
        Path file;
        @Option(names = "--replace", description = "Replace an earlier import with the same id.")
        boolean replace;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = plans.root.context();
            try {
                ctx.library(); // loaded here, so a failure to read the plans is said in words
                AssessmentPlan plan = ctx.services().planPacks().importPack(file, replace);
                spec.commandLine().getOut().println("Imported plan '" + plan.id() + "' (" + plan.title() + ") into "
                        + ctx.folder().root());
                return ExitCodes.OK;
            } catch (Plans.Refused e) {
                throw new BadInputException(e.getMessage());
            } catch (SQLException e) {
                throw new org.epaworkbench.store.StorageException("Cannot save the plan pack: " + e.getMessage(), e);
            }
        }
    }
}
