package org.epaworkbench;

/** The application's name and version, from the jar manifest when running from the jar. */
public final class AppInfo {
    public static final String NAME = "EPA Workbench";

    private AppInfo() {
    }

    public static String version() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }
}
