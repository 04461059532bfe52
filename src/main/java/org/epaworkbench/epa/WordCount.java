package org.epaworkbench.epa;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts words the way the app documents (docs/word-count.md):
 * <ul>
 *   <li>a word is a run of letters or digits; an apostrophe or hyphen between two of them joins them
 *       ("customer-facing", "didn't", "e-mail" are one word each);</li>
 *   <li>a number is one word, with its inner commas, points or slashes ("2,500", "3.5", "12/03/2026");</li>
 *   <li>punctuation, bullets and symbols on their own are not words;</li>
 *   <li>headings count like any other text; annexes (appendices) do not, when the plan excludes them:
 *       everything from a line that begins with "Annex" or "Appendix" (or "Annexes", "Appendices") to
 *       the end of the document is left out.</li>
 * </ul>
 */
public final class WordCount {

    private static final Pattern WORD = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:(?:['’\\-]|(?<=\\p{N})[.,/](?=\\p{N}))[\\p{L}\\p{N}]+)*");
    private static final Pattern ANNEX_HEADING = Pattern.compile(
            "(?im)^[ \\t]*(?:annex(?:es)?|appendix|appendices)\\b.*$");

    private WordCount() {
    }

    public static int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The report's words, with and without annexes. */
    public record ReportWords(int total, int excludingAnnexes, String firstAnnexHeading) {
        public boolean hasAnnexes() {
            return firstAnnexHeading != null;
        }
    }

    /** 2500 → "2,500". */
    public static String thousands(int n) {
        return String.format(java.util.Locale.UK, "%,d", n);
    }

    /** 10.0 → "10", 7.5 → "7.5". */
    static String percent(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    public static ReportWords report(String text) {
        String t = text == null ? "" : text;
        Matcher m = ANNEX_HEADING.matcher(t);
        if (!m.find()) {
            int all = count(t);
            return new ReportWords(all, all, null);
        }
        return new ReportWords(count(t), count(t.substring(0, m.start())), m.group().strip());
    }
}
