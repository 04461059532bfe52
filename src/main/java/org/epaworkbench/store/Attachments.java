package org.epaworkbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Files attached to an apprentice's record (portfolio evidence, the project report), copied into the
 * data folder under {@code attachments/<apprentice id>/} so that the record does not depend on where
 * the original was. A copy is written to a temporary file, forced to disk, then moved into place: a
 * crash leaves either the whole file or none of it.
 */
public final class Attachments {

    /** Larger files are refused: evidence is referenced, not stored, beyond this size. */
    public static final long MAX_BYTES = 200L * 1024 * 1024;

    /** A stored copy: its name in the apprentice's folder and its SHA-256. */
    public record Stored(String name, String sha256, long sizeBytes) {
    }

    private final Path root;

    public Attachments(DataDirectory directory) {
        this.root = directory.root().resolve("attachments");
    }

    public Path folder(String apprenticeId) {
        return root.resolve(safe(apprenticeId));
    }

    public Path file(String apprenticeId, String name) {
        Path p = folder(apprenticeId).resolve(name).normalize();
        if (!p.startsWith(folder(apprenticeId))) {
            throw new IllegalArgumentException("Attachment name '" + name + "' leaves the apprentice's folder.");
        }
        return p;
    }

    /** Copies {@code source} in; the same content attached twice is stored once. */
    public Stored store(String apprenticeId, Path source) throws IOException {
        long size;
        try {
            size = Files.size(source);
        } catch (NoSuchFileException e) {
            throw new IOException("The file " + source + " does not exist.", e);
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException(source + " is a folder, not a file: attach the files in it one by one.");
        }
        if (size > MAX_BYTES) {
            throw new IOException(source.getFileName() + " is " + (size / (1024 * 1024)) + " MB; attach files up to "
                    + (MAX_BYTES / (1024 * 1024)) + " MB and reference larger ones by where they are kept.");
        }
        Path folder = folder(apprenticeId);
        OwnerOnly.folder(folder.getParent());
        OwnerOnly.folder(folder);
        Path tmp = Files.createTempFile(folder, "attaching", ".tmp");
        OwnerOnly.file(tmp);
        try {
            MessageDigest sha = sha256();
            try (InputStream in = Files.newInputStream(source);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE), sha)) {
                in.transferTo(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            String name = hash.substring(0, 8) + "-" + safe(source.getFileName().toString());
            Path target = folder.resolve(name);
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(name, hash, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The name shown to the assessor: the original file name without the stored copy's prefix. */
    public static String originalName(String storedName) {
        return storedName.matches("[0-9a-f]{8}-.+") ? storedName.substring(9) : storedName;
    }

    static String safe(String name) {
        String s = name.replaceAll("[^\\p{L}\\p{N}._ -]+", "_").strip();
        s = s.replaceAll("^\\.+", "_");
        if (s.isEmpty()) {
            return "file";
        }
        return s.length() > 120 ? s.substring(s.length() - 120) : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
