package org.epaworkbench.plan;

/** A declaration a plan's sources give for the end of a session: who makes it and its words. */
public record DeclarationText(String role, String text, Citation source) {
}
