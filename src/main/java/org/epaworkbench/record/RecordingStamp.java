package org.epaworkbench.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.epaworkbench.session.Recording;

/**
 * The recordings a session record lists, also written into its document information before signing (so the signature
 * covers them) in a form a program reads: one line per finished recording, {@code SHA-256 SIZE FILE-NAME}. {@code verify}
 * checks a recording kept beside the record against it.
 */
public record RecordingStamp(String fileName, String sha256, long sizeBytes) {

    static final String KEY = "EPAWorkbench-Recordings";

    /** The PDF with the session's finished recordings in its document information; unchanged when it has none. */
    static byte[] writeInto(byte[] pdf, List<Recording> recordings) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Recording r : recordings) {
            if (r.sha256() != null && !r.open()) {
                s.append(r.sha256()).append(' ').append(r.sizeBytes()).append(' ').append(r.fileName()).append('\n');
            }
        }
        if (s.length() == 0) {
            return pdf;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentInformation().setCustomMetadataValue(KEY, s.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 512);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The recordings a record lists; empty for a record without any (or signed before records listed them). */
    public static List<RecordingStamp> readFrom(byte[] pdf) {
        List<RecordingStamp> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String v = doc.getDocumentInformation().getCustomMetadataValue(KEY);
            if (v == null) {
                return out;
            }
            for (String line : v.split("\n")) {
                String[] p = line.split(" ", 3);
                if (p.length == 3 && p[0].matches("[0-9a-f]{64}") && p[1].matches("[0-9]{1,18}")) {
                    out.add(new RecordingStamp(p[2], p[0], Long.parseLong(p[1])));
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }
}
