package org.epaworkbench.epa;

import java.time.LocalDate;
import java.util.Set;

/**
 * One numbered piece of portfolio evidence: what it is, its date, where it is (an attached file or a
 * reference such as an e-portfolio location), and the criteria of the discussion it supports.
 */
public record PortfolioPiece(String id, int number, String title, String type, LocalDate date, String reference,
        Set<String> criteria) {
    public PortfolioPiece {
        title = title == null ? "" : title.strip();
        type = type == null ? "" : type.strip();
        reference = reference == null ? "" : reference.strip();
        criteria = Set.copyOf(criteria);
    }
}
