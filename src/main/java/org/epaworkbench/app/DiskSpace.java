package org.epaworkbench.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Optional;
import org.epaworkbench.store.Disk;
import org.epaworkbench.store.DiskFull;

/** The disk the data folder and the files written are on: whether there is room, said in words when not (tests simulate a full or read-only disk here). */
public final class DiskSpace {

    /** The computer's own disks. */
    public static final DiskSpace SYSTEM = new DiskSpace(Disk.SYSTEM);

    private final Disk disk;

    private DiskSpace(Disk disk) {
        this.disk = disk;
    }

    /** This disk as the application sees it (tests hand a simulated one here). */
    public static DiskSpace of(Disk disk) {
        return new DiskSpace(disk);
    }

    Disk disk() {
        return disk;
    }

    /** Whether files can be created in the folder: false on a read-only medium or without permission. */
    public boolean canWrite(Path folder) {
        return disk.canWrite(folder);
    }

    /** Refuses, in words, when the disk holding {@code folder} has less than {@code neededBytes} free; {@code afterwards} says what was (not) done. */
    public void require(Path folder, long neededBytes, String afterwards) throws DiskFull {
        DiskFull.require(disk, folder, neededBytes, afterwards);
    }

    /** Whether {@code failure} came from the disk holding {@code folder} being full, said in words. */
    public Optional<DiskFull> full(Throwable failure, Path folder, long neededBytes, String afterwards) {
        return DiskFull.of(failure, disk, folder, neededBytes, afterwards);
    }

    /** Opens a file for writing. */
    public OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        return disk.newOutputStream(file, options);
    }
}
