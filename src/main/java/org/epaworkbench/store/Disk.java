package org.epaworkbench.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * The disk as the app writes files on it: whether a folder can be written, how much room is left,
 * and the streams files are written through. The one place tests simulate a full disk or a read-only
 * folder (as root, as tests here run, a folder without write permission can still be written).
 */
public interface Disk {

    /** Whether files can be created in the folder: false on a read-only medium or without permission. */
    boolean canWrite(Path folder);

    /** Bytes free for this user on the disk holding the path (the nearest existing folder above it). */
    long usableBytes(Path path) throws IOException;

    /** Opens a file for writing. */
    OutputStream newOutputStream(Path file, OpenOption... options) throws IOException;

    /** The computer's own disks. */
    Disk SYSTEM = new Disk() {
        @Override
        public boolean canWrite(Path folder) {
            return !Files.isDirectory(folder) || Files.isWritable(folder);
        }

        @Override
        public long usableBytes(Path path) throws IOException {
            Path existing = path.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        }

        @Override
        public OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
            return Files.newOutputStream(file, options);
        }
    };
}
