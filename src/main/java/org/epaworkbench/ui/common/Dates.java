package org.epaworkbench.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Dates as UK assessors write them. Shown as "2 Feb 2026" (never ambiguous); typed as 2/2/2026,
 * 02-02-2026, 2026-02-02, 2 Feb 2026, 14 Sep 2026 or 14 Sept 2026, or 2 February 2026. Text that is not a date is
 * refused with what was wrong; {@link DateField} is the field that reads them.
 */
public final class Dates {

    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);
    private static final List<DateTimeFormatter> TYPED = List.of(
            typed("d MMM uuuu", Locale.UK),
            typed("d MMMM uuuu", Locale.UK),
            typed("d MMM uuuu", Locale.US),
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d-M-uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d.M.uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d/M/uu", Locale.UK),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private Dates() {
    }

    /** An instant as this computer's local day and time, e.g. "20 Nov 2026 10:38". */
    public static String dayAndTime(java.time.Instant i) {
        return DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.UK).format(i.atZone(java.time.ZoneId.systemDefault()));
    }

    /** A month's name is read in any case: "1 feb 2026" as well as "1 Feb 2026". */
    private static DateTimeFormatter typed(String pattern, Locale locale) {
        return new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale);
    }

    public static String show(LocalDate d) {
        return d == null ? "" : SHOWN.format(d);
    }

    /** The date in {@code text}, or null when it is blank; throws with a message naming the text when it is not a date. */
    public static LocalDate parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter f : TYPED) {
            try {
                return LocalDate.parse(t, f.withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        throw new IllegalArgumentException(whyNot(t));
    }

    /** What is wrong with {@code text} as a date, in words; "" when it is a date or blank. */
    public static String problem(String text) {
        try {
            parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");

    /** Why text that looks like day/month/year is no date (31/02/2026: February 2026 has 28 days), or how to write one. */
    private static String whyNot(String t) {
        java.util.regex.Matcher m = NUMERIC.matcher(t);
        if (m.matches()) {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int year = Integer.parseInt(m.group(3));
            if (month < 1 || month > 12) {
                return "“" + t + "” is not a date: there is no month " + month + " (write day/month/year, e.g. 14/03/2026).";
            }
            java.time.YearMonth ym = java.time.YearMonth.of(year, month);
            if (day < 1 || day > ym.lengthOfMonth()) {
                return "“" + t + "” is not a date: " + ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK)
                        + " " + year + " has " + ym.lengthOfMonth() + " days.";
            }
        }
        return "“" + t + "” is not a date: write it as day/month/year, e.g. 14/03/2026 or 14 Mar 2026.";
    }
}
