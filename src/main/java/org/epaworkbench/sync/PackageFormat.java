package org.epaworkbench.sync;

import java.util.regex.Pattern;

/**
 * The sync package format (see docs/package-format.md): a zip holding {@code manifest.json}, its
 * detached CMS signature {@code manifest.p7s}, the records as JSON under {@code records/} and the
 * signed PDFs under {@code pdf/}. Optionally the whole zip is encrypted to the organisation (CMS
 * AuthEnvelopedData, AES-256-GCM).
 */
public final class PackageFormat {

    /** 2: session events carry their hash chain, and a session's first event the key that owns it. */
    public static final int FORMAT_VERSION = 2;
    public static final String EXTENSION = ".epapkg";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.p7s";
    public static final String APPRENTICES = "records/apprentices.json";
    public static final String SIGNED_RECORDS = "records/signed-records.json";
    public static final String SESSIONS = "records/sessions/";
    public static final String PDFS = "pdf/";
    /** A session's recording files (issue 16): {@code recordings/<session id>/<file name as its log names it>}. */
    public static final String RECORDINGS = "recordings/";

    /**
     * Limits an import enforces before trusting anything in a package. A record PDF is tens or
     * hundreds of kilobytes and a session's log rarely a megabyte, so these leave room for thousands
     * of records while keeping what an import holds in memory small: JSON entries are held (each at
     * most {@link #MAX_JSON_ENTRY_BYTES}, together at most {@link #MAX_JSON_TOTAL_BYTES}); PDFs are
     * streamed to a staging folder on disk. The manifest declares every entry's size, so a package
     * over a limit is refused before any entry is unpacked.
     */
    public static final int MAX_ENTRIES = 20_000;
    public static final long MAX_ENTRY_BYTES = 32L * 1024 * 1024;
    public static final long MAX_JSON_ENTRY_BYTES = 8L * 1024 * 1024;
    public static final long MAX_JSON_TOTAL_BYTES = 64L * 1024 * 1024;
    /**
     * One recording file: the app records speech at 24 kbit/s, about 11 MB an hour (at most 15 MB), so 64 MiB holds
     * four hours and more; a call's own recording attached to a session travels only within this limit too.
     */
    public static final long MAX_RECORDING_BYTES = 64L * 1024 * 1024;
    /** Everything a package unpacks to: records, logs and recordings (about 15 recorded hours besides the records). */
    public static final long MAX_TOTAL_BYTES = 1024L * 1024 * 1024;
    /** A package file: recordings hardly compress, so as large as what it unpacks to. */
    public static final long MAX_PACKAGE_BYTES = 1024L * 1024 * 1024;
    /** An encrypted package is decrypted in memory, so it stays at the size packages had before they carried recordings. */
    public static final long MAX_ENCRYPTED_PACKAGE_BYTES = 256L * 1024 * 1024;
    /** The manifest and its signature, read before anything else. */
    public static final long MAX_MANIFEST_BYTES = 8L * 1024 * 1024;
    public static final long MAX_SIGNATURE_BYTES = 256L * 1024;

    /** Entry names: relative, forward slashes, no dot-dot segments, a small safe alphabet. */
    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private PackageFormat() {
    }

    /** Whether an entry holds JSON records (held in memory) rather than a PDF (streamed to disk). */
    static boolean isJson(String name) {
        return name.equals(APPRENTICES) || name.equals(SIGNED_RECORDS) || (name.startsWith(SESSIONS) && name.endsWith(".json")
                && name.indexOf('/', SESSIONS.length()) < 0);
    }

    static boolean isPdf(String name) {
        return name.startsWith(PDFS) && name.endsWith(".pdf") && name.indexOf('/', PDFS.length()) < 0;
    }

    /** Whether an entry is a recording: {@code recordings/<session id>/<file name>}, streamed to disk. */
    static boolean isRecording(String name) {
        if (!name.startsWith(RECORDINGS)) {
            return false;
        }
        String[] parts = name.substring(RECORDINGS.length()).split("/", -1);
        return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty();
    }

    /**
     * The entry that carries a session's recording: {@code recordings/<session id>/<file name>} when the file name is
     * of the entry alphabet (and does not start with {@code x-}), otherwise {@code x-} and the name's UTF-8 bytes in
     * lower-case hex (a call's file "Teams meeting.mp4"), so every plain name has exactly one entry. Null when the
     * session id cannot be part of an entry's name.
     */
    static String recordingEntry(String sessionId, String fileName) {
        String segment = fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*") && !fileName.startsWith("x-") ? fileName
                : "x-" + java.util.HexFormat.of().formatHex(fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String name = RECORDINGS + sessionId + "/" + segment;
        return unsafeName(name) == null && isRecording(name) ? name : null;
    }

    /** Why an entry name is unsafe, or null. */
    static String unsafeName(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return "is an absolute path";
        }
        if (name.contains("\\")) {
            return "contains a backslash";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return "climbs out of the package (../)";
            }
        }
        if (!SAFE_NAME.matcher(name).matches()) {
            return "has characters a package name may not use";
        }
        return null;
    }
}
