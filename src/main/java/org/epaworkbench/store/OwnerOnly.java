package org.epaworkbench.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold names, ULNs, drawn signatures and keys are readable by their owner alone: folders
 * {@code rwx------} (0700), files {@code rw-------} (0600), on Linux and macOS. On a file system
 * without POSIX permissions (Windows, a FAT stick) nothing is changed: there the per-user data folder
 * is already private to the user.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the folder if needed (its parents as usual) and makes it owner-only; returns it. */
    public static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, FOLDER);
        return dir;
    }

    /** Makes an existing file owner-only; a file that is not there is left alone. Returns it. */
    public static Path file(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            restrict(file, FILE);
        }
        return file;
    }

    /**
     * Creates an empty file that is owner-only from the start, so there is no moment in which another
     * user could open it; a file already there is made owner-only instead.
     */
    public static Path createFile(Path file) throws IOException {
        if (posix(file.getParent())) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } catch (FileAlreadyExistsException e) {
                // there already: restricted below
            }
        } else if (!Files.exists(file)) {
            Files.createFile(file);
        }
        return file(file);
    }

    private static boolean posix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null
                && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrict(Path p, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null || !p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            if (!view.readAttributes().permissions().equals(permissions)) {
                view.setPermissions(permissions);
            }
        } catch (UnsupportedOperationException e) {
            // a file store that cannot hold POSIX permissions
        }
    }
}
