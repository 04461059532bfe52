package org.epaworkbench.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ended attempts at each component, numbered in the order they ended: attempt 1 is the first,
 * attempt 2 the first resit or retake, and so on. The number matches the attempt numbers of
 * {@link EpaSchedule}, so each attempt's planned date, notice and submissions are its own.
 */
public final class AttemptHistory {

    private final Map<String, List<Attempt>> byComponent = new LinkedHashMap<>();
    private final List<Attempt> failures = new ArrayList<>();

    public AttemptHistory(List<Attempt> attempts) {
        List<Attempt> ended = attempts.stream().filter(a -> a.endedOn() != null)
                .sorted(Comparator.comparing(Attempt::endedOn)).toList(); // stable: same-day attempts keep their order
        for (Attempt a : ended) {
            byComponent.computeIfAbsent(a.componentId(), k -> new ArrayList<>()).add(a);
            if (a.failed()) {
                failures.add(a);
            }
        }
    }

    /** The component's ended attempts, first to last. */
    public List<Attempt> of(String componentId) {
        return byComponent.getOrDefault(componentId, List.of());
    }

    public Optional<Attempt> latest(String componentId) {
        List<Attempt> list = of(componentId);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** Attempt {@code number} (from 1), if it has ended. */
    public Optional<Attempt> attempt(String componentId, int number) {
        List<Attempt> list = of(componentId);
        return number >= 1 && number <= list.size() ? Optional.of(list.get(number - 1)) : Optional.empty();
    }

    public boolean ended(String componentId, int number) {
        return number <= of(componentId).size();
    }

    /** The latest attempt failed: a resit or retake is due. */
    public boolean awaitingReassessment(String componentId) {
        return latest(componentId).filter(Attempt::failed).isPresent();
    }

    /**
     * The attempt being planned or held now: 1 before any has ended, one more than the ended ones after a
     * fail, and the last ended one once it did not fail.
     */
    public int current(String componentId) {
        int n = of(componentId).size();
        return n == 0 ? 1 : awaitingReassessment(componentId) ? n + 1 : n;
    }

    /** Every failed attempt, in the order they ended. */
    public List<Attempt> failures() {
        return List.copyOf(failures);
    }

    /** The first failed attempt at any component. */
    public Optional<Attempt> firstFail() {
        return failures.stream().findFirst();
    }

    public Optional<Attempt> firstFail(String componentId) {
        return of(componentId).stream().filter(Attempt::failed).findFirst();
    }

    /** How many different components had failed by {@code day} (attempts ended on or before it). */
    public long componentsFailedBy(LocalDate day) {
        return failures.stream().filter(a -> !a.endedOn().isAfter(day)).map(Attempt::componentId).distinct().count();
    }

    /** The latest fail on or before {@code day}, at any component. */
    public Optional<Attempt> latestFailBy(LocalDate day) {
        return failures.stream().filter(a -> !a.endedOn().isAfter(day)).reduce((a, b) -> b);
    }
}
