package org.epaworkbench.store;

import java.nio.file.Path;

/**
 * Where a data folder keeps its sessions' recordings (ADR 14): {@code recordings/<session id>/<file name>}, the file
 * name as the session's log gives it (a plain name: {@code LogRules} refuses anything with a folder in it).
 */
public final class RecordingFiles {

    /** The folder under the data folder that holds every session's recordings. */
    public static final String FOLDER = "recordings";

    private RecordingFiles() {
    }

    /** The recordings folder of the data folder at {@code dataRoot}. */
    public static Path folder(Path dataRoot) {
        return dataRoot.resolve(FOLDER);
    }

    /** Where the recording {@code fileName} of session {@code sessionId} lives under {@code recordingsFolder}. */
    public static Path file(Path recordingsFolder, String sessionId, String fileName) {
        if (!plain(sessionId) || !plain(fileName)) {
            throw new IllegalArgumentException("not a plain name: " + sessionId + "/" + fileName);
        }
        return recordingsFolder.resolve(sessionId).resolve(fileName);
    }

    /** The SHA-256 of a file in lower-case hex, read as a stream (a recording is never held whole in memory). */
    public static String sha256Of(Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A name that stays inside its folder: not empty, no separator, not {@code .} or {@code ..}, no control character. */
    public static boolean plain(String name) {
        return name != null && !name.isBlank() && !name.equals(".") && !name.equals("..") && !name.contains("/")
                && !name.contains("\\") && name.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f);
    }
}
