package org.epaworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Clock times as written on a UK paper form: read in the usual ways, shown on the 24-hour clock, anything else refused in words. */
class ClockTimesTest {

    @Test
    void theWaysATimeIsWrittenAreRead() {
        for (String t : new String[] {"09:30", "9:30", "9.30", "0930", " 09:30 ", "9:30am", "9.30 a.m."}) {
            assertThat(ClockTimes.parse(t)).as(t).isEqualTo(LocalTime.of(9, 30));
        }
        assertThat(ClockTimes.parse("2:15pm")).isEqualTo(LocalTime.of(14, 15));
        assertThat(ClockTimes.parse("12pm")).isEqualTo(LocalTime.NOON);
        assertThat(ClockTimes.parse("12:10 am")).isEqualTo(LocalTime.of(0, 10));
        assertThat(ClockTimes.parse("10:05:30")).isEqualTo(LocalTime.of(10, 5, 30));
        assertThat(ClockTimes.parse("")).isNull();
        assertThat(ClockTimes.show(LocalTime.of(9, 5))).isEqualTo("09:05");
    }

    @Test
    void whatIsNotATimeIsRefusedSayingWhy() {
        assertThat(ClockTimes.problem("25:00")).startsWith("“25:00” is not a time: there is no hour 25");
        assertThat(ClockTimes.problem("9:75")).startsWith("“9:75” is not a time: an hour has 60 minutes");
        assertThat(ClockTimes.problem("13pm")).startsWith("“13pm” is not a time: with am or pm the hour is 1 to 12");
        assertThat(ClockTimes.problem("half nine")).isEqualTo(
                "“half nine” is not a time: write it on the 24-hour clock as hours:minutes, e.g. 09:30 or 14:05.");
        assertThat(ClockTimes.problem("9")).contains("is not a time");
        assertThat(ClockTimes.problem("10:30")).isEmpty();
    }
}
