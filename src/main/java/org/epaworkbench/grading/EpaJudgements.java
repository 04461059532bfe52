package org.epaworkbench.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The judgements recorded so far for an apprentice's end-point assessment, per component id. */
public record EpaJudgements(Map<String, ComponentJudgements> components) {

    public EpaJudgements {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    public Optional<ComponentJudgements> component(String componentId) {
        return Optional.ofNullable(components.get(componentId));
    }
}
