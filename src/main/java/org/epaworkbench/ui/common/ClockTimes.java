package org.epaworkbench.ui.common;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times as UK assessors write them on a paper form. Shown on the 24-hour clock, "09:30" (as the app shows
 * every time); typed as 09:30, 9:30, 9.30, 0930, 09:30:15, or with am/pm: 2:15pm, 2.15 pm, 2pm. Text that is not a
 * time is refused with what was wrong, in words.
 */
public final class ClockTimes {

    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final Pattern TYPED = Pattern.compile(
            "(\\d{1,2})(?:[:.](\\d{2})(?:[:.](\\d{2}))?)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPACT = Pattern.compile("(\\d{2})(\\d{2})");
    private static final String HOW = "write it on the 24-hour clock as hours:minutes, e.g. 09:30 or 14:05.";

    private ClockTimes() {
    }

    public static String show(LocalTime t) {
        return t == null ? "" : t.getSecond() == 0 ? SHOWN.format(t) : DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK).format(t);
    }

    /** The time in {@code text}, or null when it is blank; throws with a message naming the text when it is not a time. */
    public static LocalTime parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        Matcher compact = COMPACT.matcher(t);
        if (compact.matches()) {
            return of(t, Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)), 0, null);
        }
        Matcher m = TYPED.matcher(t);
        if (!m.matches() || m.group(2) == null && m.group(4) == null) {
            throw new IllegalArgumentException("“" + t + "” is not a time: " + HOW);
        }
        return of(t, Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4));
    }

    private static LocalTime of(String t, int hour, int minute, int second, String half) {
        if (half != null) {
            if (hour < 1 || hour > 12) {
                throw new IllegalArgumentException("“" + t + "” is not a time: with am or pm the hour is 1 to 12; or " + HOW);
            }
            boolean pm = Character.toLowerCase(half.charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23) {
            throw new IllegalArgumentException("“" + t + "” is not a time: there is no hour " + hour + "; " + HOW);
        }
        if (minute > 59 || second > 59) {
            throw new IllegalArgumentException("“" + t + "” is not a time: an hour has 60 minutes (00 to 59); " + HOW);
        }
        return LocalTime.of(hour, minute, second);
    }

    /** What is wrong with {@code text} as a time, in words; "" when it is a time or blank. */
    public static String problem(String text) {
        try {
            parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
