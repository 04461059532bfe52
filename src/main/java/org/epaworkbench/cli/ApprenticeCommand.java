package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.epaworkbench.app.ApprenticeFiles;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.ApprenticeEpa;
import org.epaworkbench.assessment.ApprenticeStatus;
import org.epaworkbench.assessment.Deadline;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.plan.Citation;
import org.epaworkbench.plan.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code apprentice list | check}: where each apprentice's EPA stands and what the plan's rules flag, headless. */
@Command(name = "apprentice", description = {"List apprentices with their EPA status, or check one against the plan's rules;",
        "who changed an apprentice's details (changes), and changes other assessors proposed (proposals)."},
        subcommands = {ApprenticeCommand.ListApprentices.class, ApprenticeCommand.Check.class, ApprenticeSharingCommands.Changes.class,
                ApprenticeSharingCommands.Proposals.class})
final class ApprenticeCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    @Command(name = "list", description = "List apprentices: status, next planned component and how many rules their dates break.")
    static final class ListApprentices implements Callable<Integer> {
        @ParentCommand
        ApprenticeCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Option(names = "--search", paramLabel = "TEXT", description = "Only apprentices whose name, ULN or employer contains TEXT.")
        String search;
        @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: at-gateway, in-epa, resit-due, awaiting-result, complete.")
        String status;

        @Override
        public Integer call() throws Exception {
            ApprenticeStatus wanted = status == null ? null : status(status);
            ApprenticeFiles files = parent.root.context().apprenticeFiles();
            LocalDate today = files.today();
            java.util.Set<String> found = files.matching(search);
            List<ApprenticeFiles.ApprenticeRow> shown = files.rows().stream().filter(f -> found.contains(f.apprentice().id()))
                    .filter(f -> wanted == null || f.review().map(r -> r.status() == wanted).orElse(false)).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.array(out, shown, f -> summary(f, today));
                return ExitCodes.OK;
            }
            if (shown.isEmpty()) {
                out.println(search == null && status == null ? "No apprentices yet. Try the sample data: demo" : "No apprentices match.");
                return ExitCodes.OK;
            }
            TextTable t = new TextTable("ID", "NAME", "ULN", "EMPLOYER", "STATUS", "NEXT", "PROBLEMS");
            for (ApprenticeFiles.ApprenticeRow f : shown) {
                t.row(f.apprentice().id(), f.apprentice().name(), f.apprentice().uln().value(), f.apprentice().employer(),
                        f.review().map(r -> r.status().label()).orElse("plan not installed"), next(f, today),
                        f.review().map(r -> Long.toString(r.problems())).orElse(""));
            }
            out.print(t.render());
            return ExitCodes.OK;
        }

        static ApprenticeStatus status(String word) throws BadInputException {
            return ApprenticeStatus.ofWord(word).orElseThrow(() -> new BadInputException("unknown status '" + word + "'; expected "
                    + String.join(", ", java.util.Arrays.stream(ApprenticeStatus.values()).map(ApprenticeStatus::word).toList())));
        }
    }

    @Command(name = "check", description = "Check an apprentice's gateway, dates, portfolio and report against the plan's rules. "
            + "Exit code 3 when a rule is broken.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        ApprenticeCommand parent;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "APPRENTICE_ID")
        String id;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ApprenticeFiles files = parent.root.context().apprenticeFiles();
            if (parent.root.context().apprentices().apprentice(id).isEmpty()) {
                throw new BadInputException("unknown apprentice '" + id + "'; list them with: apprentice list");
            }
            ApprenticeFile f = files.load(id);
            LocalDate today = files.today();
            ApprenticeEpa.Review review = f.review().orElseThrow(() -> new BadInputException("the apprentice's plan '"
                    + f.apprentice().planId() + "' is not installed; import it with: plans import"));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = summary(ApprenticeFiles.row(f), today);
                f.result().ifPresent(r -> {
                    ArrayNode why = n.putArray("overallExplanation");
                    r.overall().explanation().forEach(why::add);
                });
                f.epa().report().ifPresent(r -> {
                    ObjectNode rep = n.putObject("report");
                    rep.put("file", r.fileName()).put("words", r.words().total())
                            .put("wordsExcludingAnnexes", r.words().excludingAnnexes());
                    if (r.words().hasAnnexes()) {
                        rep.putObject("countStopped").put("heading", r.words().firstAnnexHeading())
                                .put("line", r.words().annexLine()).put("page", r.words().annexPage());
                    } else {
                        rep.putNull("countStopped");
                    }
                });
                ArrayNode flags = n.putArray("flags");
                review.flags().forEach(x -> flags.addObject().put("severity", x.severity().name()).put("subject", x.subject())
                        .put("message", x.message()).put("source", x.source() == null ? null : x.source().shortForm()));
                ArrayNode deadlines = n.putArray("deadlines");
                review.deadlines().forEach(d -> deadlines.addObject().put("date", d.date().toString()).put("what", d.what())
                        .put("source", d.source() == null ? null : d.source().shortForm()));
                JsonOutput.object(out, n);
            } else {
                out.println(f.apprentice().name() + " (ULN " + f.apprentice().uln().value() + "): " + review.status().label());
                out.println();
                overall(f, out);
                report(f, out);
                out.println(review.flags().isEmpty() ? "No rule is broken." : "Checks:");
                for (Flag x : review.flags()) {
                    out.println("  " + (x.severity() == Flag.Severity.PROBLEM ? "PROBLEM " : "warning ") + x.subject() + ": "
                            + x.message() + source(x.source()));
                }
                out.println();
                out.println("Dates:");
                for (Deadline d : review.deadlines()) {
                    out.println("  " + d.date() + (d.date().isBefore(today) ? " (past) " : "        ") + d.what() + source(d.source()));
                }
            }
            return review.problems() > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
        }

        private static String source(Citation c) {
            return c == null ? "" : "  [" + c.shortForm() + "]";
        }

        /** The overall result from the latest attempt at each component, and what drove it. */
        private static void overall(ApprenticeFile f, PrintWriter out) {
            if (f.result().isEmpty()) {
                f.gradingProblem().ifPresent(p -> {
                    out.println("Overall result: not graded. " + p);
                    out.println();
                });
                return;
            }
            var o = f.result().get().overall();
            out.println("Overall result: " + (o.complete() ? o.grade().label() + (o.capped() ? " (capped from "
                    + o.uncappedGrade().label() + ")" : "") : "not complete yet"));
            if (!o.complete() && !o.missingComponents().isEmpty()) {
                out.println("  Waiting for: " + String.join(", ", o.missingComponents().stream().map(id -> f.plan()
                        .flatMap(p -> p.component(id)).map(Component::title).orElse(id)).toList()) + ".");
            }
            for (String line : o.explanation()) {
                out.println("  " + line);
            }
            for (Component c : f.plan().orElseThrow().components()) {
                f.result().get().component(c.id()).ifPresent(r -> out.println("  " + c.title() + ": " + r.grade().label()
                        + (r.capped() ? " (capped from " + r.uncappedGrade().label() + ")" : "") + ", " + attemptWord(r.attempt())));
            }
            out.println();
        }

        private static String attemptWord(org.epaworkbench.plan.AttemptKind k) {
            return switch (k) {
                case FIRST -> "first attempt";
                case RESIT -> "resit";
                case RETAKE -> "retake";
            };
        }

        /** The report's words and where the count stopped, so the assessor can check the annexes were found. */
        private static void report(ApprenticeFile f, PrintWriter out) {
            f.epa().report().ifPresent(r -> {
                var w = r.words();
                out.println("Project report: " + r.fileName() + ", " + org.epaworkbench.assessment.WordCount.thousands(w.excludingAnnexes())
                        + " words excluding annexes (" + org.epaworkbench.assessment.WordCount.thousands(w.total()) + " in all); "
                        + w.stoppedAt().map(at -> "counted up to " + at + ".").orElse("no annex heading found."));
                out.println();
            });
        }
    }

    static ObjectNode summary(ApprenticeFiles.ApprenticeRow f, LocalDate today) {
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        n.put("id", f.apprentice().id());
        n.put("name", f.apprentice().name());
        n.put("uln", f.apprentice().uln().value());
        n.put("employer", f.apprentice().employer());
        n.put("planId", f.apprentice().planId());
        n.put("status", f.review().map(r -> r.status().name()).orElse(null));
        f.epa().nextPlanned(today).ifPresent(e -> n.putObject("next").put("component", e.getKey()).put("date", e.getValue().toString()));
        n.put("problems", f.review().map(ApprenticeEpa.Review::problems).orElse(0L));
        n.put("warnings", f.review().map(r -> r.flags().stream().filter(x -> x.severity() == Flag.Severity.WARNING).count()).orElse(0L));
        f.overall().ifPresent(o -> n.put("overall", o));
        return n;
    }

    static String next(ApprenticeFiles.ApprenticeRow f, LocalDate today) {
        return f.epa().nextPlanned(today).map(e -> f.plan().flatMap(p -> p.component(e.getKey())).map(Component::title)
                .orElse(e.getKey()) + " " + e.getValue()).orElse("");
    }
}
