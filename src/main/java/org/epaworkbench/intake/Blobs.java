package org.epaworkbench.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files the intake service keeps (record PDFs, delivered packages), stored once each and named by the
 * SHA-256 of their bytes: {@code blobs/ab/abcdef….pdf}. The same file delivered twice is stored once.
 */
public final class Blobs {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path folder;

    public Blobs(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Where the blob with this hash lives, relative to {@link #folder()}. */
    public static String place(String sha256, String extension) {
        String h = sha256.toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(h).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return h.substring(0, 2) + "/" + h + extension;
    }

    /** The stored file for this hash, if it is here. */
    public Optional<Path> find(String sha256, String extension) {
        if (sha256 == null || !SHA256.matcher(sha256.toLowerCase(java.util.Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        Path p = folder.resolve(place(sha256, extension));
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Opens a stored blob for reading. */
    public InputStream open(String sha256, String extension) throws IOException {
        return Files.newInputStream(find(sha256, extension).orElseThrow(() -> new IOException("no such file here")));
    }

    /**
     * Stores {@code file} (its hash already known) under its hash: moved into place from a temporary name in
     * the same folder, so a crash never leaves a half-written file under a real name. Kept as it is if the
     * hash is here already.
     */
    public Path store(Path file, String sha256, String extension) throws IOException {
        Path target = folder.resolve(place(sha256, extension));
        if (Files.isRegularFile(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
        try {
            Files.copy(file, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
