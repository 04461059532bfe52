package org.epaworkbench;

/** The application's name and version, from the jar manifest when running from the jar. */
public final class AppInfo {
    public static final String NAME = "EPA Workbench";
    /** What {@link #version()} says when the classes do not come from the jar (tests, an IDE). */
    public static final String DEVELOPMENT_BUILD = "development build";

    private AppInfo() {
    }

    public static String version() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : DEVELOPMENT_BUILD;
    }
}
