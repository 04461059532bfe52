package org.epaworkbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * Configures java.util.logging (which SLF4J and Flyway log to) from {@code logging.properties} in
 * the jar: warnings and errors only, so the command line prints what the user asked for and nothing else.
 */
public final class Logging {
    private Logging() {
    }

    public static void configure() {
        try (InputStream in = Logging.class.getResourceAsStream("/org/epaworkbench/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
