package org.epaworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its database and files: the operating system's per-user data folder
 * ({@code $XDG_DATA_HOME/epa-workbench} or {@code $HOME/.local/share/epa-workbench} on Linux, {@code ~/Library/Application Support/EPA Workbench}
 * on macOS, {@code %APPDATA%\EPA Workbench} on Windows), or the folder given with
 * {@code --data-dir} or the {@code EPA_WORKBENCH_DATA_DIR} environment variable.
 */
public final class DataDirectory {

    public static final String ENVIRONMENT_VARIABLE = "EPA_WORKBENCH_DATA_DIR";
    public static final String DATABASE_FILE = "workbench.db";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static DataDirectory at(Path root) {
        return new DataDirectory(root);
    }

    /** The folder given explicitly, else the environment variable, else the per-user default. */
    public static DataDirectory resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static DataDirectory resolve(Path explicit, Map<String, String> env, String osName, String userHome) {
        if (explicit != null) {
            return at(explicit);
        }
        String fromEnv = env.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return at(Path.of(fromEnv));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return at((appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("EPA Workbench"));
        }
        if (os.contains("mac")) {
            return at(home.resolve("Library").resolve("Application Support").resolve("EPA Workbench"));
        }
        // the XDG base directory rules: $XDG_DATA_HOME, else $HOME/.local/share. Java's user.home comes from
        // the password database and ignores $HOME, so $HOME is read first (user.home when it is not set)
        String xdg = env.get("XDG_DATA_HOME");
        String homeVariable = env.get("HOME");
        Path xdgHome = homeVariable != null && !homeVariable.isBlank() ? Path.of(homeVariable) : home;
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : xdgHome.resolve(".local").resolve("share");
        return at(base.resolve("epa-workbench"));
    }

    public Path root() {
        return root;
    }

    public Path databaseFile() {
        return root.resolve(DATABASE_FILE);
    }

    /** Creates the folder if needed, with a message that says what to do when it cannot. */
    public Path ensureExists() throws StorageException {
        try {
            Files.createDirectories(root);
            try {
                OwnerOnly.folder(root);
            } catch (IOException e) {
                // a folder someone else owns (chosen with --data-dir): used as it is
            }
            return root;
        } catch (IOException e) {
            throw new StorageException("Cannot create the data folder " + root + " (" + e.getMessage()
                    + "). Choose another folder with --data-dir or " + ENVIRONMENT_VARIABLE + ".", e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
