package org.epaworkbench.epa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordCountTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "The customer called twice.|4",
            "customer-facing roles|2",
            "She didn't reply; we’d waited.|5",
            "We handled 2,500 calls in 3.5 days on 12/03/2026.|9",
            "- bullet one\\n- bullet two|4",
            "Section 1 - Situation|3",
            "... !! ??|0",
            "e-mail, re-opened, well-known|3"})
    void countsWordsNumbersAndHyphenatedWordsConsistently(String text, int words) {
        assertThat(WordCount.count(text.replace("\\n", "\n"))).isEqualTo(words);
    }

    @Test
    void annexesAreLeftOutFromTheirHeadingOn() {
        String report = "Section 1 - Situation\nThe customer complained about a late delivery.\n\n"
                + "Appendix A - Emails\nDear Sir, thank you for your email.\nAnnex B\nCall logs here.";
        WordCount.ReportWords w = WordCount.report(report);
        assertThat(w.excludingAnnexes()).isEqualTo(10);
        // annex: "Appendix A - Emails" 3, "Dear Sir, thank you for your email." 7, "Annex B" 2, "Call logs here." 3
        assertThat(w.total()).isEqualTo(10 + 15);
        assertThat(w.firstAnnexHeading()).isEqualTo("Appendix A - Emails");
        assertThat(w.hasAnnexes()).isTrue();
    }

    @Test
    void theWordAnnexInsideASentenceIsNotAnAnnex() {
        WordCount.ReportWords w = WordCount.report("I attached the call log as an annex to the report.");
        assertThat(w.hasAnnexes()).isFalse();
        assertThat(w.excludingAnnexes()).isEqualTo(w.total()).isEqualTo(11);
    }
}
