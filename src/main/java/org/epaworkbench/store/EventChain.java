package org.epaworkbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.epaworkbench.packs.JsonFiles;

/**
 * Each session's events form a hash chain: every event carries the hash of the one before it
 * ({@code prevHash}; the first event carries {@link #GENESIS}) and its own {@code hash}, the SHA-256
 * of its canonical encoding, which includes {@code prevHash}. The first event also names the key
 * that owns the session ({@code ownerKey}, the SHA-256 of its public key), so every later event
 * chains to the owner. Editing, removing or reordering an event breaks the chain from there on.
 *
 * <p>The canonical encoding (version 1) is the JSON object below with its keys sorted and no
 * whitespace, in the JSON Canonicalization Scheme (RFC 8785) for the values events hold (strings,
 * integers, booleans, null, objects), encoded as UTF-8:
 * <pre>
 * {"at":"2026-11-21T09:30:00Z","device":"…","id":"…","ownerKey":"…" (first event only),
 *  "payload":{…},"prevHash":"…","seq":1,"session":"…","sessionTimeMillis":0,"type":"session-planned","v":1}
 * </pre>
 * {@code at} is written as an instant (ISO-8601 in UTC, as {@link Instant#toString()} writes it).
 * docs/package-format.md documents the same for other systems that check the chain.
 */
public final class EventChain {

    /** The {@code prevHash} of a session's first event. */
    public static final String GENESIS = "0".repeat(64);

    private EventChain() {
    }

    /** The hash of one event, given the hash of the one before it (and, for the first, its owner's key, or null). */
    public static String hash(String sessionId, String eventId, long seq, String deviceId, String type, String at,
            long sessionTimeMillis, String payloadJson, String prevHash, String ownerKey) {
        return sha256(canonical(sessionId, eventId, seq, deviceId, type, at, sessionTimeMillis, payload(payloadJson),
                prevHash, ownerKey));
    }

    /** The same, for a payload already parsed. */
    public static String hash(String sessionId, String eventId, long seq, String deviceId, String type, String at,
            long sessionTimeMillis, JsonNode payload, String prevHash, String ownerKey) {
        return sha256(canonical(sessionId, eventId, seq, deviceId, type, at, sessionTimeMillis, payload, prevHash, ownerKey));
    }

    /** The canonical encoding of one event, as hashed. */
    static byte[] canonical(String sessionId, String eventId, long seq, String deviceId, String type, String at,
            long sessionTimeMillis, JsonNode payload, String prevHash, String ownerKey) {
        StringBuilder s = new StringBuilder(256);
        Map<String, Object> fields = new TreeMap<>();
        fields.put("at", Instant.parse(at).toString());
        fields.put("device", deviceId);
        fields.put("id", eventId);
        if (seq == 1) {
            fields.put("ownerKey", ownerKey);
        }
        fields.put("payload", payload);
        fields.put("prevHash", prevHash);
        fields.put("seq", seq);
        fields.put("session", sessionId);
        fields.put("sessionTimeMillis", sessionTimeMillis);
        fields.put("type", type);
        fields.put("v", 1L);
        s.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            string(s, f.getKey());
            s.append(':');
            Object v = f.getValue();
            if (v == null) {
                s.append("null");
            } else if (v instanceof String text) {
                string(s, text);
            } else if (v instanceof Long n) {
                s.append(n);
            } else {
                json(s, (JsonNode) v);
            }
        }
        s.append('}');
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode payload(String payloadJson) {
        try {
            return JsonFiles.mapper().readTree(payloadJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not JSON: " + JsonFiles.plainMessage(e), e);
        }
    }

    /** A JSON value in canonical form: object keys sorted by UTF-16 code units, no whitespace, JCS string escapes. */
    public static String canonicalJson(JsonNode n) {
        StringBuilder s = new StringBuilder();
        json(s, n);
        return s.toString();
    }

    private static void json(StringBuilder s, JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            s.append("null");
        } else if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            s.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    s.append(',');
                }
                first = false;
                string(s, e.getKey());
                s.append(':');
                json(s, e.getValue());
            }
            s.append('}');
        } else if (n.isArray()) {
            s.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                json(s, n.get(i));
            }
            s.append(']');
        } else if (n.isTextual()) {
            string(s, n.textValue());
        } else if (n.isBoolean()) {
            s.append(n.booleanValue());
        } else if (n.isIntegralNumber()) {
            s.append(n.bigIntegerValue());
        } else if (n.isNumber()) {
            // events hold no fractions; written plainly so that one value always has one encoding
            s.append(n.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            string(s, n.asText());
        }
    }

    /** A JSON string as RFC 8785 writes it: only the quote, the backslash and control characters escaped. */
    private static void string(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\b' -> s.append("\\b");
                case '\f' -> s.append("\\f");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ walking and checking a stored log

    /** One stored event with its place in the chain. */
    public record Link(String eventId, long seq, String type, String at, String prevHash, String hash, String ownerKey,
            String computedHash) {

        /** Whether the hash stored with the event is the hash of its content. */
        boolean intact() {
            return Objects.equals(hash, computedHash);
        }
    }

    /** Where a log stops being the log that was recorded. */
    public record Break(long seq, String eventId, String type, String at, String why) {
    }

    /** A session's record as the chain gives it: the events in order, where it stops, and why. */
    public record Walk(List<Link> log, String headHash, Break broken, long forkAt) {
    }

    /**
     * Follows the chain from the first event: at each place, the event whose {@code prevHash} is the
     * hash of the event before; where two follow the same event (recorded differently on two devices,
     * a conflict), the one a person chose ({@code kept}, by seq), else the walk stops there
     * ({@code forkAt}). A stored hash that is not the hash of its event's content, a first event that
     * is not a first event, or a place where no event follows the one before although events are
     * stored further on, is a break: the log was changed after it was recorded.
     *
     * @param links every stored event of the session, in seq order
     */
    public static Walk walk(List<Link> links, Map<Long, String> kept) {
        List<Link> log = new ArrayList<>();
        String head = GENESIS;
        java.util.Set<String> before = java.util.Set.of(GENESIS);
        boolean onChain = true;
        int i = 0;
        long seq = 0;
        while (i < links.size()) {
            seq++;
            List<Link> here = new ArrayList<>();
            while (i < links.size() && links.get(i).seq() == seq) {
                here.add(links.get(i++));
            }
            if (here.isEmpty()) {
                return new Walk(log, head, new Break(seq, null, null, null, "is missing although later events are "
                        + "stored: it was removed"), 0);
            }
            java.util.Set<String> hashes = new java.util.HashSet<>();
            for (Link l : here) {
                if (!l.intact()) {
                    return new Walk(log, head, new Break(l.seq(), l.eventId(), l.type(), l.at(), "does not match the hash "
                            + "recorded for it: its content was edited after it was recorded"), 0);
                }
                if (!before.contains(l.prevHash())) {
                    return new Walk(log, head, new Break(l.seq(), l.eventId(), l.type(), l.at(), seq == 1
                            ? "is not the session's first event as recorded"
                            : "does not follow event " + (seq - 1) + " in the chain: an event before it was changed, "
                                    + "removed or reordered"), 0);
                }
                hashes.add(l.hash());
            }
            before = hashes;
            if (!onChain) {
                continue;
            }
            String prev = head;
            List<Link> next = here.stream().filter(l -> prev.equals(l.prevHash())).toList();
            Link chosen = null;
            if (next.size() == 1) {
                chosen = next.get(0);
            } else if (next.size() > 1) {
                String keep = kept.get(seq);
                chosen = next.stream().filter(l -> l.eventId().equals(keep)).findFirst().orElse(null);
                if (chosen == null) {
                    return finishChecking(links, i, before, new Walk(log, head, null, seq));
                }
            }
            if (chosen == null) {
                onChain = false; // the chosen version ends here; later events continue the other one
                continue;
            }
            log.add(chosen);
            head = chosen.hash();
        }
        return new Walk(log, head, null, 0);
    }

    /** After the record stops at an unresolved conflict, the events stored beyond it are still checked. */
    private static Walk finishChecking(List<Link> links, int from, java.util.Set<String> before, Walk stopped) {
        java.util.Set<String> previous = before;
        int i = from;
        while (i < links.size()) {
            long seq = links.get(i).seq();
            java.util.Set<String> hashes = new java.util.HashSet<>();
            for (; i < links.size() && links.get(i).seq() == seq; i++) {
                Link l = links.get(i);
                if (!l.intact() || !previous.contains(l.prevHash())) {
                    return new Walk(stopped.log(), stopped.headHash(), new Break(l.seq(), l.eventId(), l.type(), l.at(),
                            !l.intact() ? "does not match the hash recorded for it: its content was edited after it was recorded"
                                    : "does not follow event " + (seq - 1) + " in the chain: an event before it was changed, "
                                            + "removed or reordered"), stopped.forkAt());
                }
                hashes.add(l.hash());
            }
            previous = hashes;
        }
        return stopped;
    }
}
