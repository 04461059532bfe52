package org.epaworkbench.plan;

/** A document a plan was transcribed from, e.g. an organisation's EPA specification. */
public record SourceDocument(String ref, String file, String title) {
}
