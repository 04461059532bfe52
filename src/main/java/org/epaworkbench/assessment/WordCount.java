package org.epaworkbench.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts words the way the app documents (docs/word-count.md):
 * <ul>
 *   <li>a word is a run of letters or digits; an apostrophe or hyphen between two of them joins them
 *       ("customer-facing", "didn't", "e-mail" are one word each), whether the hyphen is the keyboard's,
 *       Unicode's hyphen (U+2010), the non-breaking hyphen (U+2011) or a soft hyphen (U+00AD);</li>
 *   <li>a number is one word, with its inner commas, points or slashes ("2,500", "3.5", "12/03/2026");</li>
 *   <li>punctuation, bullets and symbols on their own are not words;</li>
 *   <li>headings count like any other text; annexes (appendices) do not, when the plan excludes them:
 *       the count stops at the heading line that starts them (see {@link #report}).</li>
 * </ul>
 */
public final class WordCount {

    private static final Pattern WORD = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:(?:['’\\-\\u2010\\u2011\\u00AD]|(?<=\\p{N})[.,/](?=\\p{N}))[\\p{L}\\p{N}]+)*");

    /**
     * A line that may head the annexes: an optional section number ("7.", "7.0", "Section 7:"), then Annex,
     * Annexe, Annexes, Appendix or Appendices as a whole word, then the rest of the line.
     */
    private static final Pattern ANNEX_HEADING = Pattern.compile(
            "^(?:(?i:section|part)\\s+)?(?:(?:\\d{1,2}(?:\\.\\d{1,2})*\\.?|[IVX]{1,4}\\.)\\s*[:.)\\-–—]?\\s*)?"
                    + "(?<keyword>(?i:annexures?|annexes|annexe|annex|appendices|appendixes|appendix))(?![\\p{L}\\p{N}])(?<rest>.*)$");
    /** The annex's own label: a letter, a number (2, 2.1), a Roman numeral, or a letter and a number (A1). */
    private static final Pattern LABEL = Pattern.compile(
            "^(?<label>[A-Z]\\d{1,2}|\\d{1,3}(?:\\.\\d{1,3})?|[IVX]{1,5}|[A-Z])(?![\\p{L}\\p{N}])(?<punct>[.:)](?=\\s|$))?");
    /** A contents entry ends in a page number after a space, a tab or dot leaders. */
    private static final Pattern PAGE_NUMBER_AT_END = Pattern.compile("^(?:.*?(?:\\s|\\.{2,}|…|·{2,}|_{2,}))?\\s*\\d{1,3}$");
    /** Words a sentence does not end on: a line ending in one continues on the next. */
    private static final Set<String> CONTINUING = Set.of("see", "in", "to", "of", "and", "or", "the", "at", "from", "with",
            "under", "as", "per", "on", "is", "are", "was", "were", "for", "our", "my", "an", "a", "by", "into", "within");
    private static final int MAX_HEADING_WORDS = 12;
    private static final int MAX_HEADING_CHARS = 100;

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

    /**
     * The report's words, with and without annexes, and where the annexes begin.
     *
     * @param firstAnnexHeading the heading line the count stopped at, or null when there are no annexes
     * @param annexLine its line number in the document's text, from 1 (0 when unknown)
     * @param annexPage its page, from 1, where the text has page breaks (a PDF's); 0 otherwise
     */
    public record ReportWords(int total, int excludingAnnexes, String firstAnnexHeading, int annexLine, int annexPage) {

        public ReportWords(int total, int excludingAnnexes, String firstAnnexHeading) {
            this(total, excludingAnnexes, firstAnnexHeading, 0, 0);
        }

        public boolean hasAnnexes() {
            return firstAnnexHeading != null;
        }

        /** Where the count stopped, in words: "“Appendix A – Emails” on line 212 (page 9)". */
        public Optional<String> stoppedAt() {
            if (!hasAnnexes()) {
                return Optional.empty();
            }
            String where = annexLine > 0 ? " on line " + annexLine + (annexPage > 0 ? " (page " + annexPage + ")" : "") : "";
            return Optional.of("“" + firstAnnexHeading + "”" + where);
        }
    }

    /** 2500 → "2,500". */
    public static String thousands(int n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** 10.0 → "10", 7.5 → "7.5". */
    static String percent(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    /** One line of the text: where it starts, its number and page, and its text without surrounding space. */
    private record Line(int start, int number, int page, String text) {
    }

    /** A line that heads an annex, and the ranks its label can have (0 for none, e.g. "Appendices"). */
    private record Candidate(Line line, int[] ranks) {
        int min() {
            int m = Integer.MAX_VALUE;
            for (int r : ranks) {
                m = Math.min(m, r);
            }
            return m;
        }

        int max() {
            int m = Integer.MIN_VALUE;
            for (int r : ranks) {
                m = Math.max(m, r);
            }
            return m;
        }
    }

    /**
     * Counts the report, leaving out the annexes: from the heading line where the last run of annex headings
     * begins to the end. A line heads an annex when it is short (at most 12 words and 100 characters), starts,
     * after an optional section number, with a capitalised Annex, Annexe, Annexes, Appendix or Appendices, is
     * followed only by a label (A, 1, II), a title after a dash, colon or capital letter, or nothing, does not end
     * in a page number (a contents entry), and does not continue a sentence from the line before. Of several such
     * headings, the count stops at the first of the last run whose labels go up (A, B, C or 1, 2; an unlabelled
     * "Appendices" first) and where no annex is longer than all the text before it: so a contents list or an
     * earlier mention does not end the count, the annexes that end the document do.
     */
    public static ReportWords report(String text) {
        String t = text == null ? "" : text;
        List<Line> lines = lines(t);
        List<Candidate> candidates = new ArrayList<>();
        String previous = "";
        for (Line line : lines) {
            if (line.text().isEmpty()) {
                continue;
            }
            int[] ranks = headingRanks(line.text(), previous);
            if (ranks != null) {
                candidates.add(new Candidate(line, ranks));
            }
            previous = line.text();
        }
        int all = count(t);
        if (candidates.isEmpty()) {
            return new ReportWords(all, all, null);
        }
        int[] before = candidates.stream().mapToInt(c -> count(t.substring(0, c.line().start()))).toArray();
        int start = candidates.size() - 1;
        while (start > 0 && candidates.get(start - 1).min() < candidates.get(start).max()
                && before[start] - before[start - 1] <= before[start - 1]) {
            start--;
        }
        Line heading = candidates.get(start).line();
        boolean paged = t.indexOf('\f') >= 0;
        return new ReportWords(all, before[start], heading.text(), heading.number(), paged ? heading.page() : 0);
    }

    private static List<Line> lines(String t) {
        List<Line> lines = new ArrayList<>();
        int page = 1;
        int number = 1;
        int i = 0;
        while (i <= t.length()) {
            int end = i;
            while (end < t.length() && t.charAt(end) != '\n' && t.charAt(end) != '\r') {
                end++;
            }
            String raw = t.substring(i, end);
            int breaks = 0;
            for (int k = 0; k < raw.length(); k++) {
                if (raw.charAt(k) == '\f') {
                    breaks++;
                }
            }
            // a page break before the line's text puts the line on the next page
            int leadingBreaks = 0;
            for (int k = 0; k < raw.length() && (raw.charAt(k) == '\f' || Character.isWhitespace(raw.charAt(k))); k++) {
                if (raw.charAt(k) == '\f') {
                    leadingBreaks++;
                }
            }
            lines.add(new Line(i, number, page + leadingBreaks, raw.replace('\f', ' ').strip()));
            page += breaks;
            if (end >= t.length()) {
                break;
            }
            i = end + (t.charAt(end) == '\r' && end + 1 < t.length() && t.charAt(end + 1) == '\n' ? 2 : 1);
            number++;
        }
        return lines;
    }

    /** The ranks of an annex heading's label, or null when the line is not an annex heading. */
    private static int[] headingRanks(String line, String previous) {
        if (line.length() > MAX_HEADING_CHARS || count(line) > MAX_HEADING_WORDS) {
            return null;
        }
        Matcher m = ANNEX_HEADING.matcher(line);
        if (!m.matches() || !Character.isUpperCase(m.group("keyword").charAt(0)) || continuesSentence(previous)) {
            return null;
        }
        String keyword = m.group("keyword").toLowerCase(Locale.ROOT);
        boolean plural = keyword.endsWith("es") || keyword.endsWith("ices") || keyword.endsWith("ures");
        String rest = m.group("rest").strip();
        int[] ranks = {0};
        if (!plural) {
            Matcher label = LABEL.matcher(rest);
            if (label.find()) {
                ranks = ranks(label.group("label"));
                rest = rest.substring(label.end()).strip();
            }
        }
        if (rest.isEmpty()) {
            return ranks;
        }
        if (PAGE_NUMBER_AT_END.matcher(rest).matches()) {
            return null; // a contents entry: "Appendix A Emails 12", "Appendices ........ 14"
        }
        char first = rest.charAt(0);
        if ("-–—:.".indexOf(first) >= 0) {
            return ranks; // "Appendix A – Emails", "Appendix A: Emails"
        }
        return Character.isUpperCase(first) || Character.isDigit(first) || "“\"'‘([".indexOf(first) >= 0 ? ranks : null;
    }

    private static boolean continuesSentence(String previous) {
        if (previous.isEmpty()) {
            return false;
        }
        char last = previous.charAt(previous.length() - 1);
        if (last == ',') {
            return true;
        }
        int space = previous.lastIndexOf(' ');
        String word = previous.substring(space + 1).toLowerCase(Locale.ROOT);
        return CONTINUING.contains(word);
    }

    private static int[] ranks(String label) {
        if (label.matches("\\d{1,3}(?:\\.\\d{1,3})?")) {
            String[] parts = label.split("\\.");
            return new int[] {Integer.parseInt(parts[0]) * 1000 + (parts.length > 1 ? Integer.parseInt(parts[1]) : 0)};
        }
        if (label.matches("[A-Z]\\d{1,2}")) {
            return new int[] {(label.charAt(0) - 'A' + 1) * 1000 + Integer.parseInt(label.substring(1))};
        }
        int letter = label.length() == 1 ? (label.charAt(0) - 'A' + 1) * 1000 : -1;
        int roman = label.matches("[IVX]+") ? roman(label) * 1000 : -1;
        if (letter > 0 && roman > 0) {
            return new int[] {letter, roman}; // "I", "V", "X": a letter or a Roman numeral
        }
        return new int[] {letter > 0 ? letter : roman};
    }

    private static int roman(String s) {
        int total = 0;
        int prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                default -> 10;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }
}
