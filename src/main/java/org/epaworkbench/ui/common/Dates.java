package org.epaworkbench.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Dates as UK assessors write them. Shown as "2 Feb 2026" (never ambiguous); typed as 2/2/2026,
 * 02-02-2026, 2026-02-02, 2 Feb 2026, 14 Sep 2026 or 14 Sept 2026, or 2 February 2026. Text that is not a date keeps the previous
 * value and says what was wrong.
 */
public final class Dates {

    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);
    private static final List<DateTimeFormatter> TYPED = List.of(
            SHOWN,
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.US),
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
        throw new IllegalArgumentException("“" + t + "” is not a date: write it as day/month/year, e.g. 14/03/2026.");
    }

    /** A date picker that shows and reads dates as above; {@code onProblem} gets a message, or "" once a date is good. */
    public static DatePicker picker(String id, LocalDate value, Consumer<String> onProblem) {
        DatePicker p = new DatePicker(value);
        p.setId(id);
        p.setPromptText("dd/mm/yyyy");
        p.setPrefWidth(172);
        p.setMinWidth(172);
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return show(d);
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    LocalDate d = parse(s);
                    onProblem.accept("");
                    return d;
                } catch (IllegalArgumentException e) {
                    onProblem.accept(e.getMessage());
                    return p.getValue();
                }
            }
        });
        return p;
    }
}
