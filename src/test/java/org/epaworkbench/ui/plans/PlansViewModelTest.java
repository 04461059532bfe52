package org.epaworkbench.ui.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.junit.jupiter.api.Test;

/** The plan browser's state, without FX (issue 14): the plans, their count, the one chosen. */
class PlansViewModelTest {

    @Test
    void theFirstPlanIsChosenAndAnotherIsChosenByItsIdOnlyWhenInstalled() throws Exception {
        PlanLibrary library = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        PlansViewModel model = new PlansViewModel(library);
        assertThat(model.plans()).isEqualTo(library.all());
        assertThat(model.count()).isEqualTo(library.all().size() + " installed");
        assertThat(model.chosenProperty().get()).isEqualTo(library.all().get(0));

        String other = library.all().get(library.all().size() - 1).plan().id();
        model.select(other);
        assertThat(model.chosenProperty().get().plan().id()).isEqualTo(other);
        model.select("no-such-plan");
        assertThat(model.chosenProperty().get().plan().id()).as("the choice stays").isEqualTo(other);
    }
}
