package org.epaworkbench;

/** Small helpers for the words the app shows. */
public final class Wording {
    private Wording() {
    }

    /** "1 session", "3 sessions"; for nouns whose plural adds an s. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
