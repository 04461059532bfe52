package org.epaworkbench.grading;

import java.util.List;
import java.util.Optional;

/** The grade of every judged component and the overall result, for one plan. */
public record EpaResult(String planId, List<ComponentResult> components, OverallResult overall) {

    public EpaResult {
        components = List.copyOf(components);
    }

    public Optional<ComponentResult> component(String componentId) {
        return components.stream().filter(c -> c.componentId().equals(componentId)).findFirst();
    }
}
