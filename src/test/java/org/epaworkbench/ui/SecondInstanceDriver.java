package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import java.nio.file.Path;
import java.time.Clock;
import org.epaworkbench.store.DataDirectory;

/**
 * A second copy of the app, in its own process, for the two-instances test: tries to open the data
 * folder as the desktop app does and prints "OPENED" or "REFUSED message".
 */
public final class SecondInstanceDriver {
    public static void main(String[] args) {
        try (Workbench w = Workbench.open(DataDirectory.at(Path.of(args[0])), Clock.systemUTC())) {
            System.out.println("OPENED " + w.sessions().list().size());
        } catch (Exception e) {
            System.out.println("REFUSED " + e.getMessage());
        }
    }
}
