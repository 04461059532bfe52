package org.epaworkbench.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.HostServices;
import javafx.stage.Window;

/** Opens a stored file (an attached report or piece of evidence) in the application the system uses for it. */
public final class OpenFile {

    private static HostServices hostServices;

    private OpenFile() {
    }

    /** Set once when the desktop app starts. */
    public static void use(HostServices services) {
        hostServices = services;
    }

    public static void open(Window owner, Path file) {
        if (!Files.isRegularFile(file)) {
            Dialogs.problem(owner, "File not found", "The stored copy " + file + " is missing. Attach the file again.");
            return;
        }
        if (hostServices == null) {
            Dialogs.info(owner, "Open the file yourself", "This system cannot open files from EPA Workbench. The file is at:\n" + file);
            return;
        }
        hostServices.showDocument(file.toUri().toString());
    }
}
