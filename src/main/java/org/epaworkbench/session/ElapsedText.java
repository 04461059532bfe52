package org.epaworkbench.session;

import java.time.Duration;

/** Formats durations the way an assessor reads a stopwatch: 9:54, 1:02:03, and -0:30 when negative. */
public final class ElapsedText {
    private ElapsedText() {
    }

    public static String format(Duration d) {
        boolean negative = d.isNegative();
        long seconds = Math.abs(d.getSeconds());
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        String text = h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
        return negative ? "-" + text : text;
    }
}
