package org.epaworkbench.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The text of the apprentice's project (the report they submit), for counting its words: PDF (PDFBox), Word DOCX (Apache POI) or
 * plain text. A DOCX gives its body in order, paragraphs and tables, without page headers, footers
 * or comments, as Word's own count does (docs/word-count.md). Each paragraph ends a line, so a heading
 * such as "Appendix A" starts its own line; a PDF's pages end with a form feed.
 */
public final class ProjectText {

    /** A document that cannot be read, with a message that says which file and why. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public enum Format { PDF, DOCX, TEXT }

    private ProjectText() {
    }

    public static String extract(Path file) throws Unreadable {
        Format format = formatOf(file);
        try {
            return switch (format) {
                case PDF -> pdf(file);
                case DOCX -> docx(file);
                case TEXT -> text(Files.readAllBytes(file));
            };
        } catch (InvalidPasswordException e) {
            throw new Unreadable(file.getFileName() + " is a password-protected PDF: ask for a copy without a password.", e);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("Cannot read " + file.getFileName() + " as " + describe(format) + ": " + reason(e), e);
        }
    }

    /** The format by the file's first bytes, checked against its name; a clear message for anything else. */
    public static Format formatOf(Path file) throws Unreadable {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new Unreadable("Cannot open " + file + ": " + reason(e), e);
        }
        boolean pdfMagic = n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-';
        boolean zipMagic = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean oleMagic = n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0;
        if (name.endsWith(".pdf") || pdfMagic) {
            if (!pdfMagic) {
                throw new Unreadable(file.getFileName() + " is named .pdf but is not a PDF file.", null);
            }
            return Format.PDF;
        }
        if (name.endsWith(".docx") || zipMagic) {
            if (!zipMagic) {
                throw new Unreadable(file.getFileName() + " is named .docx but is not a Word document.", null);
            }
            return Format.DOCX;
        }
        if (name.endsWith(".doc") || oleMagic) {
            throw new Unreadable(file.getFileName() + " is an older Word .doc file: save it as .docx or PDF and attach that.", null);
        }
        if (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".text") || !name.contains(".")) {
            return Format.TEXT;
        }
        throw new Unreadable(file.getFileName() + " is not a PDF, Word (.docx) or text (.txt) file.", null);
    }

    private static String pdf(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n");
            stripper.setPageEnd("\f"); // so the word count can say on which page the annexes begin
            return stripper.getText(doc);
        }
    }

    private static String docx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                append(element, text);
            }
            return text.toString();
        }
    }

    private static void append(IBodyElement element, StringBuilder text) {
        if (element instanceof XWPFParagraph p) {
            text.append(p.getText()).append('\n');
        } else if (element instanceof XWPFTable t) {
            for (XWPFTableRow row : t.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (IBodyElement inner : cell.getBodyElements()) {
                        append(inner, text);
                    }
                }
            }
        }
    }

    /** UTF-8 (with or without a byte-order mark), else Windows-1252 as saved by older Windows editors. */
    static String text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static String describe(Format f) {
        return switch (f) {
            case PDF -> "a PDF";
            case DOCX -> "a Word document";
            case TEXT -> "text";
        };
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
