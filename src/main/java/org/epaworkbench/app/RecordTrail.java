package org.epaworkbench.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.record.ChainStamp;
import org.epaworkbench.store.SessionLogChanged;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SignedRecords;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.StorageException;

/**
 * What the data folder knows about a record ({@code verify}): the SHA-256 the app recorded when
 * it signed (or imported) the file, and the session log the record signs. A file whose signature
 * checks but which is not the file the app recorded, or whose session's log here is not the log it
 * signs, does not verify. Nothing is compared when the data folder has no database, or no record of
 * the file or its session.
 *
 * @param notes what was compared and found to agree, or why nothing was compared
 * @param problems what disagrees; the file does not verify when there is any
 * @param log the session log the record signs, if it signs one
 */
public record RecordTrail(List<String> notes, List<String> problems, Optional<SignedLog> log) {

    /** The session log a record signs: so many events of a session, up to a chain head, owned by a key. */
    public record SignedLog(String sessionId, long events, String headHash, String ownerKey) {
        static SignedLog of(ChainStamp s) {
            return new SignedLog(s.sessionId(), s.events(), s.headHash(), s.ownerKey());
        }
    }

    /** Opens the data folder's services to compare with; a folder that cannot be read is said, not thrown. */
    @FunctionalInterface
    public interface Folder {
        Services open() throws StorageException;
    }

    /**
     * The trail of a record file: {@code folder} is the data folder at {@code root}, or null when there is
     * no data folder there (nothing is compared then).
     */
    public static RecordTrail check(Path file, byte[] pdf, Path root, Folder folder) {
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Optional<ChainStamp> stamp = ChainStamp.readFrom(pdf);
        stamp.ifPresent(s -> notes.add("Session log signed: " + s.events() + " events of session " + s.sessionId()
                + ", chain head " + s.headHash()));
        if (folder == null) {
            notes.add("Audit trail: no data folder here (" + root + ") to compare the file with.");
            return new RecordTrail(notes, problems, stamp.map(SignedLog::of));
        }
        try {
            Services services = folder.open();
            SignedRecords signedRecords = services.signedRecords();
            List<SignedRecord> records = signedRecords.all();
            String sha = Records.sha256(pdf);
            Optional<SignedRecord> same = records.stream().filter(r -> r.sha256().equals(sha)).findFirst();
            String name = file.getFileName().toString();
            List<SignedRecord> ofSession = stamp.map(s -> records.stream().filter(r -> s.sessionId().equals(r.sessionId()))
                    .toList()).orElse(List.of());
            Optional<SignedRecord> sameName = records.stream().filter(r -> r.fileName().equals(name)).findFirst();
            if (same.isPresent()) {
                notes.add("Audit trail: the file's SHA-256 is the one recorded when " + same.get().fileName() + " was "
                        + (same.get().imported() ? "imported" : "signed") + " (" + same.get().signedAt() + ").");
            } else if (sameName.isPresent()) {
                problems.add("The file's SHA-256 (" + sha + ") is not the one the app recorded for " + name + " ("
                        + sameName.get().sha256() + "): the file was changed after it was signed, even though its "
                        + "signature still checks.");
            } else {
                Optional<SignedRecord> sameLog = stamp.flatMap(st -> ofSession.stream()
                        .filter(r -> stampOf(signedRecords, r).filter(st::equals).isPresent()).findFirst());
                if (sameLog.isPresent()) {
                    problems.add("The app recorded " + sameLog.get().fileName() + " (SHA-256 " + sameLog.get().sha256()
                            + ") as the signed record of this very log of session " + stamp.get().sessionId() + " ("
                            + stamp.get().events() + " events), and this file (SHA-256 " + sha + ") is not it: it was "
                            + "changed after it was signed, or signed again elsewhere, even though its signature still checks.");
                } else if (!ofSession.isEmpty()) {
                    notes.add("Audit trail: this data folder has " + ofSession.size() + " signed record"
                            + (ofSession.size() == 1 ? "" : "s") + " of session " + stamp.get().sessionId()
                            + ", none of this version of its log, and none is this file: its SHA-256 could not be compared.");
                } else {
                    notes.add("Audit trail: this data folder has no record of this file to compare it with.");
                }
            }
            if (stamp.isPresent()) {
                ChainStamp s = stamp.get();
                SessionStore sessions = services.sessions();
                if (sessions.summary(s.sessionId()).isPresent()) {
                    try {
                        Optional<String> here = sessions.chainHashAt(s.sessionId(), s.events());
                        if (here.isEmpty()) {
                            long have = sessions.check(s.sessionId()).events();
                            if (same.isPresent()) {
                                problems.add("The record signs " + s.events() + " events of session " + s.sessionId()
                                        + ", but its log here has only " + have + ": events were removed from the log after "
                                        + "signing.");
                            } else {
                                notes.add("Session log: the record signs " + s.events() + " events of session " + s.sessionId()
                                        + "; this data folder has " + have + " of them, so the rest could not be compared "
                                        + "(not received here yet).");
                            }
                        } else if (!here.get().equals(s.headHash())) {
                            problems.add("The record signs the log of session " + s.sessionId() + " up to event " + s.events()
                                    + " (chain head " + s.headHash() + "), but the log here has another event there: the "
                                    + "log here, or the record, was changed after signing (or the log here follows another "
                                    + "version of the session, see conflicts).");
                        } else {
                            notes.add("Session log: the log of session " + s.sessionId() + " here is the one the record "
                                    + "signs (" + s.events() + " events).");
                        }
                    } catch (SessionLogChanged e) {
                        problems.add(e.finding());
                    }
                }
            }
        } catch (StorageException | SQLException e) {
            notes.add("Audit trail: the data folder could not be read, so nothing was compared (" + e.getMessage() + ").");
        }
        return new RecordTrail(notes, problems, stamp.map(SignedLog::of));
    }

    /** The session log a stored record signs, if its file is here and carries one. */
    private static Optional<ChainStamp> stampOf(SignedRecords signedRecords, SignedRecord r) {
        try {
            Path stored = signedRecords.folder().resolve(r.fileName());
            return Files.isRegularFile(stored) ? ChainStamp.readFrom(Files.readAllBytes(stored)) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
