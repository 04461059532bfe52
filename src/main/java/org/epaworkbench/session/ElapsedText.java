package org.epaworkbench.session;

import java.time.Duration;

/**
 * Formats durations as minutes and seconds, the way plans state them ("60 min ±10%"): 9:54, 62:50,
 * 105:00, and -0:30 when negative.
 */
public final class ElapsedText {
    private ElapsedText() {
    }

    public static String format(Duration d) {
        boolean negative = d.isNegative();
        long seconds = Math.abs(d.getSeconds());
        String text = String.format("%d:%02d", seconds / 60, seconds % 60);
        return negative ? "-" + text : text;
    }
}
