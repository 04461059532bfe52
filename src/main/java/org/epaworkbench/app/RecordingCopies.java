package org.epaworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.record.RecordingStamp;
import org.epaworkbench.session.Recording;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.store.RecordingFiles;

/**
 * A session's recording files outside the app (issue 16): copied out of the data folder, checked against the session's
 * log on the way, and checked beside a signed record against the SHA-256 the record lists.
 */
public final class RecordingCopies {

    /** A recording copied out: the file it went to, and its size and SHA-256 (those the log records). */
    public record Copied(String fileName, Path to, long sizeBytes, String sha256) {
    }

    /** The recording cannot be copied; the message says why in the user's words. */
    public static final class NotCopied extends Exception {
        private static final long serialVersionUID = 1L;

        NotCopied(String message) {
            super(message);
        }
    }

    /** How a file beside a record compares with what the record lists. */
    public enum Match {
        MATCHES("matches the record"), DIFFERS("DOES NOT MATCH the record"), NOT_FOUND("not found beside the record");

        private final String words;

        Match(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A recording a record lists, and the file of that name beside the record, if any. */
    public record Beside(String fileName, String sha256, long sizeBytes, Match match, String foundSha256) {
    }

    private RecordingCopies() {
    }

    /**
     * Copies the recording {@code fileName} of a session (or its only recording, when null) to {@code out}: only a
     * finished one, and only when the file in the data folder is the one the log records.
     */
    public static Copied export(Services services, String sessionId, String fileName, Path out)
            throws NotCopied, SQLException, IOException {
        SessionState state = services.sessions().state(sessionId).orElseThrow(() -> new NotCopied("There is no session "
                + sessionId + "; list sessions with: session list"));
        List<Recording> all = state.recordings();
        if (all.isEmpty()) {
            throw new NotCopied("Session " + sessionId + " has no recording.");
        }
        String names = String.join(", ", all.stream().map(Recording::fileName).toList());
        Recording r;
        if (fileName == null) {
            if (all.size() > 1) {
                throw new NotCopied("Session " + sessionId + " has " + all.size() + " recordings (" + names + "); choose "
                        + "one with --file NAME.");
            }
            r = all.get(0);
        } else {
            r = all.stream().filter(x -> x.fileName().equals(fileName)).findFirst().orElseThrow(() -> new NotCopied(
                    "Session " + sessionId + " has no recording named " + fileName + " (it has " + names + ")."));
        }
        if (r.open() || r.sha256() == null) {
            throw new NotCopied("The recording " + r.fileName() + " of session " + sessionId + " has not ended yet; it can "
                    + "be copied once it has.");
        }
        Path file = RecordingFiles.file(RecordingFiles.folder(services.folder().root()), sessionId, r.fileName());
        if (!Files.isRegularFile(file)) {
            throw new NotCopied("The recording " + r.fileName() + " of session " + sessionId + " is not in the data folder "
                    + "(" + file + "): the package that brought the session did not carry it, or it was removed.");
        }
        if (Files.exists(out)) {
            throw new NotCopied(out + " already exists; choose another file to copy the recording to.");
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".recording-", ".part");
        try {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(tmp) != r.sizeBytes() || !RecordingFiles.sha256Of(tmp).equals(r.sha256())) {
                throw new NotCopied("The file of recording " + r.fileName() + " in the data folder (" + file + ") is not the "
                        + "one the session's log records (its size or SHA-256 differs): it was changed or replaced. "
                        + "Nothing was copied.");
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Copied(r.fileName(), out, r.sizeBytes(), r.sha256());
    }

    /**
     * Each recording a signed record lists, compared with the file of the same name in the record's folder (only plain
     * names are looked up). Empty for a record that lists none.
     */
    public static List<Beside> besideRecord(Path pdfFile, byte[] pdf) throws IOException {
        List<Beside> out = new ArrayList<>();
        Path folder = pdfFile.toAbsolutePath().getParent();
        for (RecordingStamp s : RecordingStamp.readFrom(pdf)) {
            Path f = RecordingFiles.plain(s.fileName()) ? folder.resolve(s.fileName()) : null;
            if (f == null || !Files.isRegularFile(f)) {
                out.add(new Beside(s.fileName(), s.sha256(), s.sizeBytes(), Match.NOT_FOUND, null));
                continue;
            }
            String sha = RecordingFiles.sha256Of(f);
            out.add(new Beside(s.fileName(), s.sha256(), s.sizeBytes(), sha.equals(s.sha256()) ? Match.MATCHES
                    : Match.DIFFERS, sha));
        }
        return out;
    }
}
