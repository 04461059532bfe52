package org.epaworkbench.cli;

import picocli.CommandLine;

/** Prints load-time warnings (e.g. an imported pack that no longer validates) to standard error. */
final class Warnings {
    private Warnings() {
    }

    static void print(CliContext ctx, CommandLine.Model.CommandSpec spec) {
        for (String w : ctx.warnings()) {
            spec.commandLine().getErr().println("epa-workbench: warning: skipped " + w);
        }
    }
}
