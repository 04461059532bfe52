package org.epaworkbench.ui.apprentice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.ApprenticeEpa;
import org.epaworkbench.assessment.Deadline;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.grading.OverallResult;
import org.epaworkbench.plan.Component;
import org.epaworkbench.ui.common.Dates;

/**
 * What the Overview tab says, without FX: the key dates (the apprenticeship start, the gateway, each
 * component's planned date and each resit or retake's), everything the plan's rules flag, the dates
 * ahead of today and the result so far in words.
 */
final class OverviewViewModel {

    /** One key date: "Gateway", "    Resit or retake 2"; {@link #shown()} is the date in words or "not set". */
    record KeyDate(String name, Optional<LocalDate> date) {
        String shown() {
            return date.map(Dates::show).orElse("not set");
        }

        boolean set() {
            return date.isPresent();
        }
    }

    /** The result so far: "Pass", "Merit (capped)", "Not complete", "Not graded", and why. */
    record ResultSoFar(String grade, String why) {
    }

    /** Everything the tab shows for one apprentice on one day. */
    record Overview(List<KeyDate> keyDates, List<Flag> flags, List<Deadline> ahead, LocalDate today, ResultSoFar result) {
    }

    private final Supplier<LocalDate> today;

    /** @param today today where the assessor is, by the app's clock */
    OverviewViewModel(Supplier<LocalDate> today) {
        this.today = today;
    }

    /** The overview of an apprentice whose plan is installed. */
    Overview overview(ApprenticeFile f) {
        ApprenticeEpa.Review review = f.review().orElseThrow();
        LocalDate day = today.get();
        return new Overview(keyDates(f), review.flags(), review.ahead(day), day, result(f));
    }

    /** The apprenticeship start, the gateway, then each component's planned date followed by its current resit or retake's. */
    static List<KeyDate> keyDates(ApprenticeFile f) {
        GatewayRecord g = f.epa().gateway();
        List<KeyDate> dates = new ArrayList<>();
        dates.add(new KeyDate("Apprenticeship start", Optional.ofNullable(g.apprenticeshipStart())));
        dates.add(new KeyDate("Gateway", Optional.ofNullable(g.gatewayDate())));
        for (Component c : f.plan().orElseThrow().components()) {
            dates.add(new KeyDate(c.title(), f.epa().schedule().plannedDate(c.id())));
            int k = f.epa().history().current(c.id());
            if (k > 1) {
                dates.add(new KeyDate("    Resit or retake" + (k > 2 ? " " + (k - 1) : ""), f.epa().schedule().plannedDate(c.id(), k)));
            }
        }
        return dates;
    }

    /** The grade with its explanation once complete; what it waits for until then; why it could not be graded. */
    static ResultSoFar result(ApprenticeFile f) {
        return f.result().map(r -> {
            OverallResult o = r.overall();
            return o.complete() ? new ResultSoFar(o.grade().label() + (o.capped() ? " (capped)" : ""), String.join("\n", o.explanation()))
                    : new ResultSoFar("Not complete", "Waiting for: " + String.join(", ", titles(f, o.missingComponents())) + ".");
        }).orElseGet(() -> new ResultSoFar("Not graded", f.gradingProblem().orElse("")));
    }

    private static List<String> titles(ApprenticeFile f, List<String> componentIds) {
        return componentIds.stream().map(id -> f.plan().flatMap(p -> p.component(id)).map(Component::title).orElse(id)).toList();
    }
}
