package org.epaworkbench.plan;

import java.util.Objects;

/**
 * Criteria of one component that did not arise may be assessed in another ("Where it is not
 * possible ... due to a situation not arising, the criteria may be carried over to the professional
 * discussion"). Criteria that were attempted and not passed are never carried over.
 */
public record CarryOverRule(String fromComponent, String toComponent, Citation source) {
    public CarryOverRule {
        Objects.requireNonNull(fromComponent, "fromComponent");
        Objects.requireNonNull(toComponent, "toComponent");
        Objects.requireNonNull(source, "source");
    }
}
