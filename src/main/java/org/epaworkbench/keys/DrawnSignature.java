package org.epaworkbench.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The assessor's drawn signature (PNG), captured once and reused as the visible signature. */
public final class DrawnSignature {

    private final Path file;

    public DrawnSignature(Path dataFolder) {
        this.file = dataFolder.resolve("keys").resolve("signature.png");
    }

    public Optional<byte[]> load() throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    public void save(byte[] png) throws IOException {
        org.epaworkbench.store.OwnerOnly.folder(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "signature", ".png.tmp");
        org.epaworkbench.store.OwnerOnly.file(tmp);
        Files.write(tmp, png);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
