package org.epaworkbench.assessment;

import java.time.LocalDate;
import org.epaworkbench.plan.Citation;

/** A date the plan's rules give, e.g. "project report due by 3 March". */
public record Deadline(String what, LocalDate date, Citation source) {
}
