package org.epaworkbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.session.SessionEvent;

/**
 * A second copy of the actions a session holds in memory while the data folder cannot be written
 * (the disk is full, the folder turned read-only): a small file per session in a second place, the
 * user's temporary folder (else their home folder), so that a crash while actions are held loses
 * none of them. The file is rewritten, synced, each time an action is held, and removed once
 * everything is saved. On the next start {@link #replay} saves what a crash left, in order.
 */
public final class HeldJournal {

    private static final String SUFFIX = ".held.jsonl";

    private final List<Path> places;

    /** A journal kept in these folders, the first that can be written (tests give their own). */
    public HeldJournal(List<Path> places) {
        this.places = List.copyOf(places);
    }

    /** The journal of a data folder: in the user's temporary folder, else their home folder. */
    public static HeldJournal of(DataDirectory directory) {
        String key = "epa-workbench-held-" + shortHash(directory.root().toString());
        List<Path> places = new ArrayList<>();
        places.add(Path.of(System.getProperty("java.io.tmpdir", ".")).resolve(key));
        places.add(Path.of(System.getProperty("user.home", ".")).resolve("." + key));
        return new HeldJournal(places);
    }

    public List<Path> places() {
        return places;
    }

    /**
     * Writes the actions a session holds now (replacing what was written before). Tries each place in
     * turn; returns false if none could be written.
     */
    public boolean write(String sessionId, Collection<SessionEvent> held) {
        byte[] text = encode(held);
        for (Path place : places) {
            try {
                Files.createDirectories(place);
                OwnerOnly.folder(place);
                Path file = place.resolve(sessionId + SUFFIX);
                Path tmp = place.resolve(sessionId + SUFFIX + ".tmp");
                Files.deleteIfExists(tmp);
                OwnerOnly.createFile(tmp); // what was recorded about the apprentice is for this user only
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    out.write(text);
                }
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                for (Path other : places) {
                    if (!other.equals(place)) {
                        Files.deleteIfExists(other.resolve(sessionId + SUFFIX));
                    }
                }
                return true;
            } catch (IOException | RuntimeException e) {
                // try the next place
            }
        }
        return false;
    }

    /** Everything held has been saved: the journal of that session goes. */
    public void clear(String sessionId) {
        for (Path place : places) {
            try {
                Files.deleteIfExists(place.resolve(sessionId + SUFFIX));
            } catch (IOException e) {
                // replaying it later skips what is already saved
            }
        }
    }

    /** The actions a session's journal holds, oldest first (empty when there is none). */
    public List<SessionEvent> read(String sessionId) throws IOException {
        for (Path place : places) {
            Path file = place.resolve(sessionId + SUFFIX);
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return List.of();
    }

    /** What a replay did: how many actions were saved, and of which sessions. */
    public record Replayed(int actions, List<String> sessionIds) {
    }

    /**
     * Saves what crashed sessions left in the journal: for each, the actions after the last one the
     * database has, in order, in one transaction; then its journal goes. A journal that cannot be
     * saved yet (the disk is still full) stays for the next start.
     */
    public Replayed replay(SessionStore store) throws SQLException {
        int saved = 0;
        List<String> sessions = new ArrayList<>();
        for (Path place : places) {
            if (!Files.isDirectory(place)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(place, "*" + SUFFIX)) {
                found.forEach(files::add);
            } catch (IOException e) {
                continue;
            }
            for (Path file : files) {
                String sessionId = file.getFileName().toString().replace(SUFFIX, "");
                List<SessionEvent> held;
                try {
                    held = decode(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    continue; // unreadable: left for a person to look at
                }
                List<SessionEvent> stored = store.events(sessionId);
                if (stored.isEmpty()) {
                    continue; // not a session of this database
                }
                long last = stored.get(stored.size() - 1).seq();
                List<SessionEvent> missing = held.stream().filter(e -> e.seq() > last).toList();
                if (!missing.isEmpty()) {
                    store.appendAll(missing);
                    saved += missing.size();
                    sessions.add(sessionId);
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // saved; a later replay skips what is already there
                }
            }
        }
        return new Replayed(saved, sessions);
    }

    private static byte[] encode(Collection<SessionEvent> events) {
        StringBuilder text = new StringBuilder();
        for (SessionEvent e : events) {
            ObjectNode n = JsonFiles.mapper().createObjectNode();
            n.put("id", e.id()).put("sessionId", e.sessionId()).put("seq", e.seq()).put("at", e.at().toString())
                    .put("sessionTimeMs", e.sessionTime().toMillis()).put("type", e.type())
                    .put("payload", EventCodec.encode(e.body()));
            try {
                text.append(JsonFiles.mapper().writeValueAsString(n)).append('\n');
            } catch (IOException ex) {
                throw new IllegalStateException("cannot write an event as JSON", ex);
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<SessionEvent> decode(String text) throws IOException {
        List<SessionEvent> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JsonFiles.mapper().readTree(line);
            events.add(new SessionEvent(n.get("id").asText(), n.get("sessionId").asText(), n.get("seq").asLong(),
                    Instant.parse(n.get("at").asText()), Duration.ofMillis(n.get("sessionTimeMs").asLong()),
                    EventCodec.decode(n.get("type").asText(), n.get("payload").asText())));
        }
        return events;
    }

    private static String shortHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
