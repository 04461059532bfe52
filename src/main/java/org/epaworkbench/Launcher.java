package org.epaworkbench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.epaworkbench.cli.WorkbenchCli;

/**
 * The entry point. With no arguments it opens the desktop app; with arguments it runs the command
 * line. A plain class (not a JavaFX Application) so the app starts from a classpath or a jpackage
 * image without "JavaFX runtime components are missing".
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Logging.configure();
        if (args.length == 0 || (args.length == 2 && "--data-dir".equals(args[0]))) {
            org.epaworkbench.ui.WorkbenchApp.launchDesktop(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(WorkbenchCli.run(args, out, err, Clock.systemUTC()));
    }
}
