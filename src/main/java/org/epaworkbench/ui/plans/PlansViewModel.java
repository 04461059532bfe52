package org.epaworkbench.ui.plans;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanLibrary.InstalledPlan;

/** The plan browser's state without FX nodes: the plans installed, how many, and the one chosen (the first to begin with). */
final class PlansViewModel {

    private final List<InstalledPlan> plans;
    private final ObjectProperty<InstalledPlan> chosen = new SimpleObjectProperty<>();

    PlansViewModel(PlanLibrary library) {
        this.plans = List.copyOf(library.all());
        if (!plans.isEmpty()) {
            chosen.set(plans.get(0));
        }
    }

    List<InstalledPlan> plans() {
        return plans;
    }

    /** "4 installed". */
    String count() {
        return plans.size() + " installed";
    }

    /** The plan shown in full; null shows "Choose a plan on the left.". */
    ObjectProperty<InstalledPlan> chosenProperty() {
        return chosen;
    }

    /** Chooses the plan with this id, if installed; otherwise the choice stays. */
    void select(String planId) {
        plans.stream().filter(p -> p.plan().id().equals(planId)).findFirst().ifPresent(chosen::set);
    }
}
