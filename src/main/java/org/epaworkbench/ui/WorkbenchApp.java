package org.epaworkbench.ui;

/** Placeholder replaced below. */
public final class WorkbenchApp {
    public static void launchDesktop(String[] args) {
        throw new UnsupportedOperationException();
    }
}
