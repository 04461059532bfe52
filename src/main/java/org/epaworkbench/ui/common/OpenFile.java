package org.epaworkbench.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.HostServices;
import javafx.stage.Window;

/** Opens a stored file (an attached report, a piece of evidence, a signed record) in the application the system uses for it. */
public final class OpenFile {

    private static volatile Consumer<String> showDocument;

    private OpenFile() {
    }

    /** Set once when the desktop app starts. */
    public static void use(HostServices services) {
        use(services::showDocument);
    }

    /** What opens a document's URI: the system's handler in the app, a recorder in tests; null when nothing can. */
    public static void use(Consumer<String> opener) {
        showDocument = opener;
    }

    public static void open(Window owner, Path file) {
        open(owner, file, "Attach the file again.");
    }

    /** As {@link #open(Window, Path)}, with {@code whenMissing} saying what to do if the file has gone. */
    public static void open(Window owner, Path file, String whenMissing) {
        if (!Files.isRegularFile(file)) {
            Dialogs.problem(owner, "File not found", "The stored copy " + file + " is missing. " + whenMissing);
            return;
        }
        Consumer<String> opener = showDocument;
        if (opener == null) {
            Dialogs.info(owner, "Open the file yourself", "This system cannot open files from EPA Workbench. The file is at:\n" + file);
            return;
        }
        opener.accept(file.toUri().toString());
    }
}
