package org.epaworkbench.grading;

import java.util.regex.Pattern;

/** Builds JSON paths ({@code $.components.observation.criteria['K3.3']}) for messages about input. */
public final class InputPath {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private InputPath() {
    }

    public static String key(String base, String key) {
        return PLAIN.matcher(key).matches() ? base + "." + key : base + "['" + key.replace("'", "\\'") + "']";
    }

    public static String index(String base, int index) {
        return base + "[" + index + "]";
    }

    public static String criteria(String componentId) {
        return key(key("$.components", componentId), "criteria");
    }
}
