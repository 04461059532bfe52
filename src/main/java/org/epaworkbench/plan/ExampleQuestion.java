package org.epaworkbench.plan;

/** An example question a source gives for a component, grouped by the standard's theme. */
public record ExampleQuestion(String theme, String text, Citation source) {
}
