package org.epaworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.EpaJudgements;
import org.epaworkbench.grading.EpaResult;
import org.epaworkbench.grading.GradingEngine;
import org.epaworkbench.grading.GradingInputException;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Criterion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code grade --plan PLAN_ID --input FILE [--json]}: grades judgements by a plan's rules. */
@Command(name = "grade", description = {
        "Grade components and the EPA from judgements in a JSON file:",
        "  {\"components\": {\"<componentId>\": {\"attempt\": \"first\", \"criteria\": {\"<criterionId>\": \"met\"}}}}",
        "States: met, not_met, not_arisen. Criteria left out count as not met. Attempts: first, resit, retake.",
        "Optional per component: \"carriedOver\": {\"<fromComponentId>\": {\"<criterionId>\": \"met\"}},",
        "\"exceptionalCircumstances\": true."})
final class GradeCommand implements Callable<Integer> {

    /** Input files larger than this are refused before parsing. */
    static final long MAX_INPUT_BYTES = 4L * 1024 * 1024;

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Option(names = "--plan", required = true, paramLabel = "PLAN_ID", description = "The plan to grade by.")
    String planId;
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Judgements as JSON.")
    Path input;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AssessmentPlan plan = root.context().plan(planId);
        EpaJudgements judgements = new JudgementsJson(input.toString()).read(readInput());
        EpaResult result;
        try {
            result = new GradingEngine().grade(plan, judgements);
        } catch (GradingInputException e) {
            throw new BadInputException(input + ": " + e.path() + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonFiles.pretty(ResultJson.epa(result)));
        } else {
            out.print(text(result));
        }
        return ExitCodes.OK;
    }

    private String readInput() throws BadInputException {
        try {
            if (Files.isDirectory(input)) {
                throw new BadInputException(input + ": is a folder; expected a JSON file of judgements");
            }
            if (Files.size(input) > MAX_INPUT_BYTES) {
                throw new BadInputException(input + ": is larger than " + MAX_INPUT_BYTES + " bytes");
            }
            return Files.readString(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(input + ": no such file");
        } catch (MalformedInputException e) {
            throw new BadInputException(input + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException(input + ": cannot be read: " + e.getMessage());
        }
    }

    private static String text(EpaResult result) {
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder();
        TextTable table = new TextTable("COMPONENT", "ATTEMPT", "GRADE", "PASS", "DISTINCTION", "CAPPED");
        for (ComponentResult c : result.components()) {
            table.row(c.componentId(), c.attempt().word(), c.grade().name(), c.passMet() + "/" + c.passTotal(),
                    c.distinctionMet() + "/" + c.distinctionTotal() + " (needs " + c.distinctionRequired() + ")",
                    c.capped() ? "yes, from " + c.uncappedGrade().name() : "no");
        }
        s.append(table.render());
        for (ComponentResult c : result.components()) {
            s.append(nl).append(c.componentId()).append(":").append(nl);
            if (!c.missingForPass().isEmpty()) {
                s.append("  missing for pass:        ").append(codes(c.missingForPass())).append(nl);
            }
            if (!c.missingForDistinction().isEmpty()) {
                s.append("  missing for distinction: ").append(codes(c.missingForDistinction()));
                if (c.distinctionShortfall() > 0 && c.distinctionShortfall() < c.missingForDistinction().size()) {
                    s.append("  (any ").append(c.distinctionShortfall()).append(" more)");
                }
                s.append(nl);
            }
            c.explanation().forEach(e -> s.append("  - ").append(e).append(nl));
        }
        var overall = result.overall();
        s.append(nl).append("Overall: ").append(overall.complete() ? overall.grade().name() : "INCOMPLETE").append(nl);
        overall.explanation().forEach(e -> s.append("  - ").append(e).append(nl));
        return s.toString();
    }

    private static String codes(java.util.List<Criterion> criteria) {
        return String.join(", ", criteria.stream().map(Criterion::code).toList());
    }
}
