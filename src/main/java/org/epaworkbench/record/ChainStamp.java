package org.epaworkbench.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The session log a record signs: the session, how many events of its log the record shows, the hash
 * of the last of them (the chain head, see {@code EventChain}) and the key that owns the session. It
 * is written into the record's document information before signing, so the signature covers it (and
 * shown in the record's text); {@code verify} and an import compare it with the log they hold.
 */
public record ChainStamp(String sessionId, long events, String headHash, String ownerKey) {

    static final String SESSION = "EPAWorkbench-Session";
    static final String EVENTS = "EPAWorkbench-LogEvents";
    static final String HEAD = "EPAWorkbench-LogChainHead";
    static final String OWNER = "EPAWorkbench-OwnerKey";

    /** The PDF with the stamp in its document information (a full save, before it is signed). */
    byte[] writeInto(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCustomMetadataValue(SESSION, sessionId);
            info.setCustomMetadataValue(EVENTS, Long.toString(events));
            info.setCustomMetadataValue(HEAD, headHash);
            info.setCustomMetadataValue(OWNER, ownerKey == null ? "" : ownerKey);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 512);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The stamp of a record, if it has one (overall results and records signed before stamps have none). */
    public static Optional<ChainStamp> readFrom(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = doc.getDocumentInformation();
            String session = info.getCustomMetadataValue(SESSION);
            String head = info.getCustomMetadataValue(HEAD);
            String events = info.getCustomMetadataValue(EVENTS);
            if (session == null || head == null || events == null || !head.matches("[0-9a-f]{64}") || !events.matches("[0-9]{1,9}")) {
                return Optional.empty();
            }
            String owner = info.getCustomMetadataValue(OWNER);
            return Optional.of(new ChainStamp(session, Long.parseLong(events), head, owner == null || owner.isEmpty() ? null
                    : owner));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A hash in groups of eight, for reading aloud or comparing by eye. */
    public static String grouped(String hex) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 8) {
            s.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 8));
        }
        return s.toString();
    }
}
