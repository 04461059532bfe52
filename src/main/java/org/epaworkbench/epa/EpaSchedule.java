package org.epaworkbench.epa;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The dates planned around an apprentice's EPA: when each component takes place, when notice of it
 * was given, and when each submission (project report, portfolio) was made.
 */
public record EpaSchedule(Map<String, LocalDate> planned, Map<String, LocalDate> noticeGiven, Map<String, LocalDate> submitted) {

    public static final EpaSchedule EMPTY = new EpaSchedule(Map.of(), Map.of(), Map.of());

    public EpaSchedule {
        planned = Map.copyOf(planned);
        noticeGiven = Map.copyOf(noticeGiven);
        submitted = Map.copyOf(submitted);
    }

    public Optional<LocalDate> plannedDate(String componentId) {
        return Optional.ofNullable(planned.get(componentId));
    }

    public Optional<LocalDate> noticeGivenFor(String componentId) {
        return Optional.ofNullable(noticeGiven.get(componentId));
    }

    public Optional<LocalDate> submittedOn(String what) {
        return Optional.ofNullable(submitted.get(what));
    }
}
