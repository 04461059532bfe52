package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.epaworkbench.app.ApprenticeSharing;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.store.ApprenticeProvenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code apprentice changes ID} (who changed each field and when) and {@code apprentice proposals
 * [accept|reject]} (changes from signers who do not own the apprentice, kept for review).
 */
final class ApprenticeSharingCommands {

    private ApprenticeSharingCommands() {
    }

    static String who(String byName, String by) {
        return by == null ? byName : byName + " (certificate " + by.substring(0, Math.min(16, by.length())) + "…)";
    }

    @Command(name = "changes", description = "Each field of an apprentice with who last changed it and when.")
    static final class Changes implements Callable<Integer> {
        @ParentCommand
        ApprenticeCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            ApprenticeSharing store = ctx.services().apprenticeSharing();
            List<ApprenticeProvenance.Field> fields = store.changes(id);
            if (fields.isEmpty()) {
                throw new BadInputException("unknown apprentice '" + id + "'; see: apprentice list");
            }
            var owner = store.owner(id);
            var open = store.proposals(false).stream().filter(p -> p.apprenticeId().equals(id)).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = JsonFiles.mapper().createObjectNode();
                n.put("id", id).put("owner", owner.orElse(null));
                ArrayNode a = n.putArray("fields");
                for (var f : fields) {
                    a.addObject().put("field", f.field()).put("value", f.value()).put("changedAt", f.changedAt().toString())
                            .put("changedBy", f.changedBy()).put("changedByName", f.changedByName()).put("packageId", f.packageId());
                }
                n.put("openProposals", open.size());
                out.println(JsonFiles.pretty(n));
                return ExitCodes.OK;
            }
            out.println("Apprentice " + id + ": " + (owner.isPresent() ? "owned by the assessor whose certificate is "
                    + owner.get() + " (their package brought it first)" : "recorded in this data folder"));
            TextTable t = new TextTable("FIELD", "VALUE", "CHANGED", "BY");
            for (var f : fields) {
                t.row(f.words(), f.value() == null ? "" : f.value(), f.changedAt().toString(), who(f.changedByName(), f.changedBy()));
            }
            out.print(t.render());
            if (!open.isEmpty()) {
                out.println(open.size() + " proposed change" + (open.size() == 1 ? "" : "s") + " from other assessors wait for "
                        + "review: apprentice proposals");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "proposals", description = {"Changes to apprentices that packages brought from assessors who do not own",
            "them: kept, not applied, until accepted or rejected here."},
            subcommands = {Proposals.Accept.class, Proposals.Reject.class})
    static final class Proposals implements Callable<Integer> {
        @ParentCommand
        ApprenticeCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Option(names = "--all", description = "Decided ones too.")
        boolean all;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = parent.root.context();
            var proposals = ctx.services().apprenticeSharing().proposals(all);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode a = JsonFiles.mapper().createArrayNode();
                for (var p : proposals) {
                    a.addObject().put("id", p.id()).put("apprenticeId", p.apprenticeId()).put("apprentice", p.apprenticeName())
                            .put("field", p.field()).put("current", p.currentValue()).put("proposed", p.proposedValue())
                            .put("proposedAt", p.proposedAt().toString()).put("proposedBy", p.proposedBy())
                            .put("proposedByName", p.proposedByName()).put("packageId", p.packageId()).put("status", p.status())
                            .put("decidedAt", p.decidedAt() == null ? null : p.decidedAt().toString()).put("reason", p.reason());
                }
                out.println(JsonFiles.pretty(a));
                return ExitCodes.OK;
            }
            if (proposals.isEmpty()) {
                out.println("No proposed changes" + (all ? "." : " wait for review."));
                return ExitCodes.OK;
            }
            for (var p : proposals) {
                out.println(p.id() + "  " + p.apprenticeName() + ": " + p.words() + " \"" + nz(p.currentValue()) + "\" -> \""
                        + nz(p.proposedValue()) + "\"");
                out.println("    proposed by " + who(p.proposedByName(), p.proposedBy()) + ", dated " + p.proposedAt()
                        + ", package " + p.packageId() + (p.status().equals("open") ? "" : "; " + p.status() + " " + p.decidedAt()
                        + (p.reason() == null ? "" : ": " + p.reason())));
            }
            if (!all) {
                out.println("Accept or reject each: apprentice proposals accept|reject ID --reason TEXT");
            }
            return ExitCodes.OK;
        }

        static String nz(String s) {
            return s == null ? "" : s;
        }

        static int decide(Proposals parent, CommandLine.Model.CommandSpec spec, String id, String reason, boolean accept)
                throws Exception {
            if (reason == null || reason.isBlank()) {
                throw new BadInputException("--reason cannot be empty");
            }
            CliContext ctx = parent.parent.root.context();
            try {
                spec.commandLine().getOut().println(ctx.services().apprenticeSharing().decide(id, accept, reason)
                        .message());
            } catch (ApprenticeSharing.NotDecided e) {
                throw new BadInputException("no open proposal '" + id + "'; see: apprentice proposals");
            }
            return ExitCodes.OK;
        }

        @Command(name = "accept", description = "Apply a proposed change, as a change made here now.")
        static final class Accept implements Callable<Integer>, WritesData {
            @ParentCommand
            Proposals parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "ID")
            String id;
            @Option(names = "--reason", required = true, paramLabel = "TEXT")
            String reason;

            @Override
            public Integer call() throws Exception {
                return decide(parent, spec, id, reason, true);
            }
        }

        @Command(name = "reject", description = "Keep the apprentice as it is; the proposal stays on record as rejected.")
        static final class Reject implements Callable<Integer>, WritesData {
            @ParentCommand
            Proposals parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "ID")
            String id;
            @Option(names = "--reason", required = true, paramLabel = "TEXT")
            String reason;

            @Override
            public Integer call() throws Exception {
                return decide(parent, spec, id, reason, false);
            }
        }
    }
}
