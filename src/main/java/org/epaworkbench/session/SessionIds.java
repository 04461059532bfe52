package org.epaworkbench.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session and event ids that belong to their assessor's key. A session planned with its owner's key
 * known gets an id made from that key: {@code NONCE-TAG}, 16 random hex digits and the first 24 hex
 * digits of SHA-256("epa-workbench/session-id/1|" + ownerKey + "|" + NONCE). Its events' ids begin
 * with the session's id ({@code SESSION.RANDOM}). So a session's id cannot be taken over by another
 * key: naming another owner in the first event no longer fits the id, and a session given a new id
 * of its own is another session, whose events have other ids too.
 *
 * <p>Sessions planned before their data folder had a key, and those recorded before this scheme,
 * keep random ids (UUIDs); their ownership rests on their first event and on which package brought
 * them first.
 */
public final class SessionIds {

    private static final Pattern DERIVED = Pattern.compile("([0-9a-f]{16})-([0-9a-f]{24})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    /** A new session id made from its owner's key (the SHA-256 of the public key, 64 hex digits). */
    public static String derive(String ownerKey) {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String n = HexFormat.of().formatHex(nonce);
        return n + "-" + tag(ownerKey, n);
    }

    /** Whether the id has the form of a key-made id (whatever key made it). */
    public static boolean isDerived(String sessionId) {
        return DERIVED.matcher(sessionId).matches();
    }

    /** Whether a key-made id was made from {@code ownerKey}. */
    public static boolean derivedFrom(String sessionId, String ownerKey) {
        Matcher m = DERIVED.matcher(sessionId);
        return m.matches() && ownerKey != null && m.group(2).equals(tag(ownerKey, m.group(1)));
    }

    /** A new event id of this session: {@code SESSION.RANDOM} for a key-made session, else a UUID. */
    public static String newEventId(String sessionId) {
        if (!isDerived(sessionId)) {
            return java.util.UUID.randomUUID().toString();
        }
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return sessionId + "." + HexFormat.of().formatHex(r);
    }

    /** Whether an event id is one of this session's own (always, for a session whose id is not key-made). */
    public static boolean eventOf(String eventId, String sessionId) {
        return !isDerived(sessionId) || (eventId.startsWith(sessionId + ".")
                && eventId.substring(sessionId.length() + 1).matches("[0-9a-f]{16}"));
    }

    /** The key-made id's tag, for messages. */
    public static Optional<String> nonceOf(String sessionId) {
        Matcher m = DERIVED.matcher(sessionId);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String tag(String ownerKey, String nonce) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("epa-workbench/session-id/1|" + ownerKey + "|" + nonce)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
