package org.epaworkbench.assessment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dates planned around an apprentice's EPA, per attempt: when each attempt at a component takes
 * place, when notice of it was given, and when each submission for it (project report, portfolio) was
 * made. Attempt 1 is the first attempt; 2, 3… are the resits or retakes after a fail, so a resit's date
 * never replaces the first attempt's, and the rules for first attempts (EPA window, project deadline)
 * keep reading the first attempt's dates.
 */
public record EpaSchedule(Map<Slot, LocalDate> planned, Map<Slot, LocalDate> noticeGiven, Map<Slot, LocalDate> submitted) {

    public static final EpaSchedule EMPTY = new EpaSchedule(Map.of(), Map.of(), Map.of());

    /** A subject (component id, or what was submitted) at one attempt, counted from 1. */
    public record Slot(String subject, int attempt) {
        public Slot {
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt " + attempt + " is not 1 or more");
            }
        }

        public static Slot first(String subject) {
            return new Slot(subject, 1);
        }
    }

    /** One date of the schedule. */
    public record Dated(String subject, int attempt, LocalDate date) {
    }

    public EpaSchedule {
        planned = Map.copyOf(planned);
        noticeGiven = Map.copyOf(noticeGiven);
        submitted = Map.copyOf(submitted);
    }

    /** A schedule of first attempts only, keyed by subject. */
    public static EpaSchedule firstAttempts(Map<String, LocalDate> planned, Map<String, LocalDate> noticeGiven,
            Map<String, LocalDate> submitted) {
        return new EpaSchedule(first(planned), first(noticeGiven), first(submitted));
    }

    private static Map<Slot, LocalDate> first(Map<String, LocalDate> bySubject) {
        Map<Slot, LocalDate> m = new HashMap<>();
        bySubject.forEach((k, v) -> m.put(Slot.first(k), v));
        return m;
    }

    /** The first attempt's planned date. */
    public Optional<LocalDate> plannedDate(String componentId) {
        return plannedDate(componentId, 1);
    }

    public Optional<LocalDate> plannedDate(String componentId, int attempt) {
        return Optional.ofNullable(planned.get(new Slot(componentId, attempt)));
    }

    public Optional<LocalDate> noticeGivenFor(String componentId) {
        return noticeGivenFor(componentId, 1);
    }

    public Optional<LocalDate> noticeGivenFor(String componentId, int attempt) {
        return Optional.ofNullable(noticeGiven.get(new Slot(componentId, attempt)));
    }

    /** When the first attempt's submission was made. */
    public Optional<LocalDate> submittedOn(String what) {
        return submittedOn(what, 1);
    }

    public Optional<LocalDate> submittedOn(String what, int attempt) {
        return Optional.ofNullable(submitted.get(new Slot(what, attempt)));
    }

    /** The planned date of the highest attempt that has one, with its attempt number. */
    public Optional<Dated> latestPlanned(String componentId) {
        return planned.entrySet().stream().filter(e -> e.getKey().subject().equals(componentId))
                .max(Comparator.comparingInt(e -> e.getKey().attempt()))
                .map(e -> new Dated(componentId, e.getKey().attempt(), e.getValue()));
    }

    /** Every planned date, in date order. */
    public List<Dated> plannedDates() {
        return planned.entrySet().stream().map(e -> new Dated(e.getKey().subject(), e.getKey().attempt(), e.getValue()))
                .sorted(Comparator.comparing(Dated::date).thenComparing(Dated::subject).thenComparingInt(Dated::attempt)).toList();
    }

    /** This schedule with one date set, or cleared when {@code date} is null. */
    public EpaSchedule withPlanned(String componentId, int attempt, LocalDate date) {
        return new EpaSchedule(with(planned, new Slot(componentId, attempt), date), noticeGiven, submitted);
    }

    public EpaSchedule withNotice(String componentId, int attempt, LocalDate date) {
        return new EpaSchedule(planned, with(noticeGiven, new Slot(componentId, attempt), date), submitted);
    }

    public EpaSchedule withSubmitted(String what, int attempt, LocalDate date) {
        return new EpaSchedule(planned, noticeGiven, with(submitted, new Slot(what, attempt), date));
    }

    private static Map<Slot, LocalDate> with(Map<Slot, LocalDate> m, Slot slot, LocalDate date) {
        Map<Slot, LocalDate> copy = new HashMap<>(m);
        if (date == null) {
            copy.remove(slot);
        } else {
            copy.put(slot, date);
        }
        return copy;
    }
}
