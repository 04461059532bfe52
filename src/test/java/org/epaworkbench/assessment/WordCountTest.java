package org.epaworkbench.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
            "e-mail, re-opened, well-known|3",
            "customer\u2010facing, well\u2011known, cus\u00ADtomer|3",
            "Section 1 \u2010 Situation|3"})
    void countsWordsNumbersAndHyphenatedWordsConsistently(String text, int words) {
        assertThat(WordCount.count(text.replace("\\n", "\n"))).isEqualTo(words);
    }

    /** Body of {@code bodyWords}, then {@code tail} (annex headings and their text). */
    static String report(int bodyWords, String tail) {
        return "Introduction\n" + "word ".repeat(bodyWords - 1).strip() + ".\n" + tail;
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
        assertThat(w.annexLine()).isEqualTo(4);
        assertThat(w.stoppedAt()).contains("“Appendix A - Emails” on line 4");
        assertThat(w.hasAnnexes()).isTrue();
    }

    @Test
    void theWordAnnexInsideASentenceIsNotAnAnnex() {
        WordCount.ReportWords w = WordCount.report("I attached the call log as an annex to the report.");
        assertThat(w.hasAnnexes()).isFalse();
        assertThat(w.stoppedAt()).isEmpty();
        assertThat(w.excludingAnnexes()).isEqualTo(w.total()).isEqualTo(11);
    }

    @Nested
    class AnnexHeadings {

        @ParameterizedTest(name = "\"{0}\" starts the annexes")
        @ValueSource(strings = {"Appendix A", "APPENDIX A", "Appendix 1", "Appendix A – Emails", "Appendix A: Emails",
                "Appendix A. Emails", "Appendix A Emails to the customer", "Annex 2", "Annexe 1", "Annexe A – Call logs", "Annexes",
                "Appendices", "7. Appendices", "7 Appendices", "7.0 Appendices", "Section 7: Appendices", "Appendix II",
                "Appendix A1", "Appendix A — Emails from 2024"})
        void aHeadingLineStartsTheAnnexes(String heading) {
            WordCount.ReportWords w = WordCount.report(report(100, heading + "\nAnnex text here."));
            assertThat(w.firstAnnexHeading()).isEqualTo(heading);
            assertThat(w.excludingAnnexes()).isEqualTo(100);
        }

        @ParameterizedTest(name = "\"{0}\" does not start the annexes")
        @ValueSource(strings = {
                "appendix B shows the full survey results, which", // a wrapped PDF line, lower case
                "Appendix B shows the full survey results.", // a sentence
                "Appendix B, which lists every call, was", // a sentence
                "Appendices show that customers waited", // a sentence
                "Annexed to this report are the logs", // not the word
        })
        void aSentenceOrAnotherWordDoesNot(String line) {
            WordCount.ReportWords w = WordCount.report(report(100, line + "\nmore words follow here."));
            assertThat(w.hasAnnexes()).as(line).isFalse();
        }

        @ParameterizedTest(name = "contents entry \"{0}\" does not end the count")
        @ValueSource(strings = {"Appendix A Emails 12", "Appendix A – Emails ........ 12", "Appendix A\t12", "Appendices 14",
                "7. Appendices ....... 14", "Annexe 1 Call logs 9"})
        void aContentsEntryEndingInAPageNumberIsNotTheAnnex(String entry) {
            String text = "Contents\n1. Situation 2\n" + entry + "\n" + "word ".repeat(200) + "\nAppendix A\nThe emails.";
            WordCount.ReportWords w = WordCount.report(text);
            assertThat(w.firstAnnexHeading()).isEqualTo("Appendix A");
            assertThat(w.annexLine()).isEqualTo(5);
        }

        @Test
        void aContentsListWithoutPageNumbersDoesNotEndTheCountWhenTheAnnexesFollowTheBody() {
            String text = "Contents\n1. Situation\n2. Actions\nAppendix A Emails\nAppendix B Call logs\n"
                    + "1. Situation\n" + "word ".repeat(300) + "\n2. Actions\n" + "word ".repeat(300)
                    + "\nAppendix A Emails\n" + "email ".repeat(120) + "\nAppendix B Call logs\n" + "log ".repeat(80);
            WordCount.ReportWords w = WordCount.report(text);
            assertThat(w.annexLine()).isEqualTo(10);
            assertThat(w.excludingAnnexes()).isEqualTo(1 + 2 + 2 + 3 + 4 + 2 + 300 + 2 + 300);
        }

        @Test
        void anUnlabelledContentsEntryDoesNotChainToTheRealAnnexes() {
            String text = "Contents\nIntroduction\nAppendices\n" + "word ".repeat(400) + "\nAppendix A\n" + "email ".repeat(50)
                    + "\nAppendix B\n" + "log ".repeat(50);
            WordCount.ReportWords w = WordCount.report(text);
            assertThat(w.firstAnnexHeading()).isEqualTo("Appendix A");
            assertThat(w.excludingAnnexes()).isEqualTo(3 + 400);
        }

        @Test
        void anAppendicesHeadingBeforeItsAnnexesIsWhereTheCountStops() {
            String text = report(500, "7. Appendices\nAppendix A – Emails\n" + "email ".repeat(200) + "\nAppendix B – Logs\nlog");
            WordCount.ReportWords w = WordCount.report(text);
            assertThat(w.firstAnnexHeading()).isEqualTo("7. Appendices");
            assertThat(w.excludingAnnexes()).isEqualTo(500);
        }

        @Test
        void aLineContinuingASentenceIsNotAHeading() {
            String text = report(100, "The full log is in\nAppendix A. Then the team met to agree the changes.\n") + "word ".repeat(20);
            assertThat(WordCount.report(text).hasAnnexes()).isFalse();
        }

        @Test
        void romanNumeralsChainAsNumbers() {
            String text = report(300, "Appendix I\n" + "one ".repeat(40) + "\nAppendix II\n" + "two ".repeat(40) + "\nAppendix III\nthree");
            assertThat(WordCount.report(text).firstAnnexHeading()).isEqualTo("Appendix I");
        }

        @Test
        void aPdfsPageBreaksGiveThePageWhereTheCountStopped() {
            String text = "Introduction\nBody text on page one.\n\fMore body text.\n\fAppendix A – Emails\nDear customer";
            WordCount.ReportWords w = WordCount.report(text);
            assertThat(w.annexLine()).isEqualTo(4);
            assertThat(w.annexPage()).isEqualTo(3);
            assertThat(w.stoppedAt()).contains("“Appendix A – Emails” on line 4 (page 3)");
            assertThat(w.excludingAnnexes()).isEqualTo(1 + 5 + 3);
        }

        @Test
        void theHeadingIsShortOtherwise() {
            String longLine = "Appendix A " + "Word ".repeat(12);
            assertThat(WordCount.report(report(100, longLine)).hasAnnexes()).isFalse();
        }
    }
}
