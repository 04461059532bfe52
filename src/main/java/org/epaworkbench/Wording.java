package org.epaworkbench;

/** Small helpers for the words the app shows. */
public final class Wording {
    private Wording() {
    }

    /** "1 session", "3 sessions"; for nouns whose plural adds an s. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * A title as it reads inside a sentence: "Practical observation with Q&As" becomes "practical
     * observation with Q&As"; only the first letter is lowered, and not in an acronym ("ID check").
     */
    public static String inSentence(String title) {
        if (title == null || title.isEmpty()) {
            return "";
        }
        boolean acronym = title.length() > 1 && Character.isUpperCase(title.charAt(1));
        return acronym ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }
}
