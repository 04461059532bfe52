package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process against a data folder and captures what it prints. */
public final class CliRunner {

    /** What a run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    private final Path dataDir;
    private final Clock clock;
    private String keystorePassword;
    private org.epaworkbench.store.Disk disk = org.epaworkbench.store.Disk.SYSTEM;

    public CliRunner(Path dataDir) {
        this(dataDir, Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC));
    }

    public CliRunner(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** As if EPA_KEYSTORE_PASSWORD were set (null: as if it were not, and there were no terminal). */
    public CliRunner withKeystorePassword(String password) {
        this.keystorePassword = password;
        return this;
    }

    /** Runs on the given disk instead of the computer's (a full disk, a read-only folder). */
    public CliRunner withDisk(org.epaworkbench.store.Disk disk) {
        this.disk = disk;
        return this;
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        String password = keystorePassword;
        int code = WorkbenchCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), clock,
                confirm -> Passwords.fromEnvironmentOrTerminal(password, confirm), org.epaworkbench.app.DiskSpace.of(disk));
        return new Run(code, out.toString(), err.toString());
    }
}
