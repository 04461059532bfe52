package org.epaworkbench.plan;

import java.util.Objects;

/**
 * A rule of the plan the assessor should have in front of them where they act (starting a resit, running an
 * observation), in the source's words where it gives them, with its citation.
 *
 * @param title a few words, e.g. "One session" or "Before a resit"
 * @param text the rule, quoted from the source where it can be
 */
public record Reminder(String title, String text, Citation source) {
    public Reminder {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
