package org.epaworkbench.packs;

/** One thing wrong with a plan pack: where (a JSON path such as {@code $.components[2].criteria[0].level}) and what. */
public record PlanPackProblem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
