package org.epaworkbench.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.epaworkbench.assessment.WordCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTextTest {

    @TempDir
    Path dir;

    /** Body 10 words (heading 3 + sentence 7), table 4 words, annex 5 words; the page header is left out. */
    @Test
    void aWordDocumentGivesItsBodyAndTablesInOrderWithoutPageHeaders() throws Exception {
        Path file = dir.resolve("report.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            new XWPFHeaderFooterPolicy(doc).createHeader(XWPFHeaderFooterPolicy.DEFAULT).createParagraph().createRun()
                    .setText("Confidential header words here");
            doc.createParagraph().createRun().setText("Section 1 - Situation");
            doc.createParagraph().createRun().setText("The customer complained about a late delivery.");
            XWPFTable table = doc.createTable(1, 2);
            table.getRow(0).getCell(0).setText("Response time");
            table.getRow(0).getCell(1).setText("2.5 days");
            doc.createParagraph().createRun().setText("Appendix A");
            doc.createParagraph().createRun().setText("Call log extract.");
            doc.write(out);
        }
        String text = ProjectText.extract(file);
        assertThat(text).doesNotContain("Confidential");
        assertThat(text.indexOf("Situation")).isLessThan(text.indexOf("Response time"));
        WordCount.ReportWords words = WordCount.report(text);
        assertThat(words.excludingAnnexes()).isEqualTo(10 + 4);
        assertThat(words.total()).isEqualTo(10 + 4 + 5);
        assertThat(words.firstAnnexHeading()).isEqualTo("Appendix A");
    }

    @Test
    void aPdfGivesItsTextLineByLine() throws Exception {
        Path file = dir.resolve("report.pdf");
        writePdf(file, null, "Section 1 - Situation", "The customer complained about a late delivery.", "Annex B", "Call logs here.");
        WordCount.ReportWords words = WordCount.report(ProjectText.extract(file));
        assertThat(words.excludingAnnexes()).isEqualTo(10);
        assertThat(words.total()).isEqualTo(15);
    }

    /** Each page ends with a form feed, so the count says on which page the annexes begin; a contents line does not end it. */
    @Test
    void aPdfsPagesGiveThePageWhereTheAnnexesBegin() throws Exception {
        Path file = dir.resolve("paged.pdf");
        try (PDDocument doc = new PDDocument()) {
            String[][] pages = {{"Contents", "Appendix A Emails 3", "Section 1 - Situation"},
                    {"The customer complained about a late delivery."}, {"Appendix A – Emails", "Dear customer, thank you."}};
            for (String[] lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    for (String line : lines) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -18);
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        WordCount.ReportWords words = WordCount.report(ProjectText.extract(file));
        assertThat(words.firstAnnexHeading()).isEqualTo("Appendix A – Emails");
        assertThat(words.annexPage()).isEqualTo(3);
        assertThat(words.excludingAnnexes()).isEqualTo(1 + 4 + 3 + 7);
        assertThat(words.stoppedAt()).hasValueSatisfying(at -> assertThat(at).endsWith("(page 3)"));
    }

    @Test
    void aPasswordProtectedPdfIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("locked.pdf");
        writePdf(file, "secret", "Hidden words");
        assertThatThrownBy(() -> ProjectText.extract(file)).isInstanceOf(ProjectText.Unreadable.class)
                .hasMessage("locked.pdf is a password-protected PDF: ask for a copy without a password.");
    }

    @Test
    void textIsReadAsUtf8WithOrWithoutAByteOrderMarkElseAsWindows1252() throws Exception {
        Path bom = dir.resolve("bom.txt");
        Files.write(bom, ("\uFEFFCafé customers’ feedback").getBytes(StandardCharsets.UTF_8));
        assertThat(ProjectText.extract(bom)).isEqualTo("Café customers’ feedback");
        Path legacy = dir.resolve("legacy.txt");
        Files.write(legacy, "Café customers’ feedback".getBytes(Charset.forName("windows-1252")));
        assertThat(ProjectText.extract(legacy)).isEqualTo("Café customers’ feedback");
    }

    @Test
    void filesThatAreNotWhatTheirNameSaysAreRefused() throws Exception {
        Path fakePdf = dir.resolve("report.pdf");
        Files.writeString(fakePdf, "just text");
        assertThatThrownBy(() -> ProjectText.extract(fakePdf)).hasMessage("report.pdf is named .pdf but is not a PDF file.");
        Path oldWord = dir.resolve("report.doc");
        Files.write(oldWord, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        assertThatThrownBy(() -> ProjectText.extract(oldWord)).hasMessageContaining("older Word .doc file: save it as .docx or PDF");
        Path image = dir.resolve("photo.png");
        Files.write(image, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThatThrownBy(() -> ProjectText.extract(image)).hasMessage("photo.png is not a PDF, Word (.docx) or text (.txt) file.");
        Path brokenDocx = dir.resolve("broken.docx");
        Files.write(brokenDocx, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThatThrownBy(() -> ProjectText.extract(brokenDocx)).hasMessageStartingWith("Cannot read broken.docx as a Word document: ");
    }

    static void writePdf(Path file, String password, String... lines) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLineAtOffset(0, -18);
                }
                cs.endText();
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(file.toFile());
        }
    }
}
