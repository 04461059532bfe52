package org.epaworkbench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One program at a time works on a data folder: the desktop app (or a command that changes data)
 * holds an operating-system lock on {@code workbench.lock} while it runs. A second copy of the app
 * is refused; the command line opens the database read-only instead. The lock goes away with the
 * process, so a crash never leaves the folder locked.
 *
 * <p>The lock covers one byte far past the end of the file, and the file's text says who holds it,
 * so another process can read the holder even where locks are mandatory (Windows).
 */
public final class InstanceLock implements AutoCloseable {

    public static final String FILE = "workbench.lock";
    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Who holds a data folder. */
    public record Holder(String description) {
    }

    /**
     * Takes the data folder for this process, or says who already has it.
     *
     * @param holder how this process is described to a second one, e.g. "the EPA Workbench app"
     */
    public static Result acquire(DataDirectory directory, String holder) throws StorageException {
        Path file = directory.ensureExists().resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            throw new FolderReadOnly(directory, e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Read-only file system")) {
                throw new FolderReadOnly(directory, e);
            }
            throw new StorageException("Cannot use the data folder " + directory.root() + ": its lock file " + file
                    + " cannot be opened (" + e.getMessage() + "). Check the folder's permissions or choose another with --data-dir.", e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String who = readHolder(file).orElse("another copy of EPA Workbench");
                channel.close();
                return new Result(null, new Holder(who));
            }
            String since = java.time.format.DateTimeFormatter.ofPattern("HH:mm 'on' d MMM uuuu", java.util.Locale.UK)
                    .format(Instant.now().atZone(java.time.ZoneId.systemDefault()));
            String text = holder + " (process " + ProcessHandle.current().pid() + ", since " + since + ")";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new Result(new InstanceLock(channel, lock), null);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken; nothing to release
            }
            throw new StorageException("Cannot lock the data folder " + directory.root() + " (" + e.getMessage() + ").", e);
        }
    }

    private static Optional<String> readHolder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The data folder cannot be written to (read-only medium or no permission): it can only be read. */
    public static final class FolderReadOnly extends StorageException {
        private static final long serialVersionUID = 1L;

        FolderReadOnly(DataDirectory directory, Exception cause) {
            super("The data folder " + directory.root() + " cannot be written to (it is read-only).", cause);
        }
    }

    /** The lock, or who holds it. Exactly one of the two is present. */
    public record Result(InstanceLock lock, Holder heldBy) {
        public boolean acquired() {
            return lock != null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock ends with the process anyway
        }
    }
}
