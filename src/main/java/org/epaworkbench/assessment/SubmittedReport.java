package org.epaworkbench.assessment;

import java.util.Optional;
import org.epaworkbench.plan.EpaRules;

/**
 * The work-based project report as the apprentice submitted it: the original file's name, the stored
 * copy among the apprentice's attachments, its fingerprint, and its words with and without annexes.
 */
public record SubmittedReport(String fileName, String attachment, String sha256, WordCount.ReportWords words) {

    /** The words that count against the plan's limit: without annexes when the plan leaves them out. */
    public int countedWords(EpaRules.ProjectReport rule) {
        return rule.annexesExcluded() ? words.excludingAnnexes() : words.total();
    }

    /** A problem when the counted words fall outside the plan's length and tolerance. */
    public Optional<Flag> lengthFlag(EpaRules.ProjectReport rule) {
        int counted = countedWords(rule);
        if (counted >= rule.minWords() && counted <= rule.maxWords()) {
            return Optional.empty();
        }
        String basis = rule.annexesExcluded() ? " excluding annexes" : "";
        return Optional.of(new Flag(Flag.Severity.PROBLEM, "Project report", "The report has "
                + WordCount.thousands(counted) + " words" + basis + "; the plan allows " + WordCount.thousands(rule.minWords())
                + " to " + WordCount.thousands(rule.maxWords()) + " (" + WordCount.thousands(rule.words()) + " ±"
                + WordCount.percent(rule.tolerancePercent()) + "%).", rule.source()));
    }
}
