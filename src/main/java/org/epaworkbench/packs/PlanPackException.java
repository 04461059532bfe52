package org.epaworkbench.packs;

import java.util.List;
import java.util.stream.Collectors;

/** A plan pack that cannot be used, with every problem found, each naming the file and the JSON path. */
public class PlanPackException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final transient List<PlanPackProblem> problems;

    public PlanPackException(String source, List<PlanPackProblem> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public PlanPackException(String source, String path, String message) {
        this(source, List.of(new PlanPackProblem(path, message)));
    }

    public String source() {
        return source;
    }

    public List<PlanPackProblem> problems() {
        return problems;
    }

    private static String describe(String source, List<PlanPackProblem> problems) {
        return problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n"));
    }
}
