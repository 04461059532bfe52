package org.epaworkbench.sync;

import java.nio.file.Path;

/**
 * A separate process for the zip bomb test: imports each package given into a fresh office data
 * folder, printing "REFUSED message", "IMPORTED" or "OUT OF MEMORY" for each. Run with a small heap.
 */
public final class ImportInChildJvm {
    private ImportInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        try (SyncFixture office = new SyncFixture(Path.of(args[0]))) {
            for (int i = 1; i < args.length; i++) {
                try {
                    office.importer().importPackage(Path.of(args[i]), null, SyncFixture.FIRST_USE, false);
                    System.out.println("IMPORTED");
                } catch (PackageRefused e) {
                    System.out.println("REFUSED " + e.getMessage());
                } catch (OutOfMemoryError e) {
                    System.out.println("OUT OF MEMORY");
                }
                System.out.flush();
            }
        }
    }
}
