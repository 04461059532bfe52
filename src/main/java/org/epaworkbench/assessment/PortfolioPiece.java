package org.epaworkbench.assessment;

import java.time.LocalDate;
import java.util.Set;

/**
 * One numbered piece of portfolio evidence: what it is, its date, where it is (a file attached to the
 * apprentice's record, or a reference such as an e-portfolio location), and the criteria of the
 * discussion it supports.
 *
 * @param attachment the stored file's name among the apprentice's attachments, or empty when only referenced
 */
public record PortfolioPiece(String id, int number, String title, String type, LocalDate date, String reference,
        String attachment, Set<String> criteria) {
    public PortfolioPiece {
        title = title == null ? "" : title.strip();
        type = type == null ? "" : type.strip();
        reference = reference == null ? "" : reference.strip();
        attachment = attachment == null ? "" : attachment;
        criteria = Set.copyOf(criteria);
    }

    /** Where the evidence is, in words: the attached file, the reference, or both. */
    public String whereabouts() {
        if (!attachment.isEmpty() && !reference.isEmpty()) {
            return reference + " (attached)";
        }
        return attachment.isEmpty() ? reference : "attached: " + attachment;
    }
}
