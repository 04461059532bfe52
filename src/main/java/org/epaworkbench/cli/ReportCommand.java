package org.epaworkbench.cli;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.Records;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.store.Backups;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code report --session ID --out FILE.pdf} or {@code report --overall APPRENTICE_ID --out FILE.pdf}: signed records, headless. */
@Command(name = "report", description = {"Produce and sign a PDF record of an ended session, or an apprentice's overall result.",
        "The keystore password comes from " + Passwords.VARIABLE + " or a prompt. Where no signing identity exists yet,",
        "one is created from the assessor profile with that password."})
final class ReportCommand implements Callable<Integer>, WritesData {

    @ParentCommand
    WorkbenchCli root;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--session", paramLabel = "ID", description = "An ended session.")
        String sessionId;
        @Option(names = "--overall", paramLabel = "APPRENTICE_ID", description = "An apprentice whose components all have ended sessions.")
        String apprenticeId;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the signed PDF (a copy is kept in the data folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = root.context();
        if (Files.isDirectory(out)) {
            throw new BadInputException(out + ": is a folder; give the PDF's file name");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException(out + ": the folder " + parent + " does not exist");
        }
        AssessorIdentity keys = ctx.identity();
        ctx.library(); // loaded here, so a failure to read the plans is said in words
        Records producer = ctx.services().records().onDisk(ctx.disk());
        // room for the record, its copy outside and the backup taken after signing, before anything is written
        Path data = ctx.folder().root();
        long neededInData = RECORD_ESTIMATE + Files.size(ctx.folder().databaseFile()) + DATABASE_GROWTH;
        ctx.disk().require(data, neededInData, NOTHING_SIGNED);
        ctx.disk().require(parent == null ? data : parent, RECORD_ESTIMATE, NOTHING_SIGNED);
        PrintWriter stdout = spec.commandLine().getOut();
        if (target.sessionId != null) {
            SessionCommand.summaryOrFail(ctx, target.sessionId);
            if (!ctx.sessions().state(target.sessionId).orElseThrow().ended()) {
                throw new BadInputException("session " + target.sessionId + " has not ended; only ended sessions are signed");
            }
        }
        AssessorIdentity.Unlocked unlocked;
        try {
            unlocked = producer.unlockOrCreate(root.passwords().keystorePassword(!keys.exists()));
        } catch (KeyStoreProblem e) {
            throw new BadInputException(e.getMessage());
        }
        if (unlocked.created()) {
            stdout.println("No signing identity existed, so one was created from the assessor profile ("
                    + keys.keystoreFile() + ").");
        }
        byte[] drawn = keys.drawnSignature().orElse(null);
        Records.Signed produced;
        try {
            produced = sign(ctx, producer, unlocked, drawn);
        } catch (IOException | java.sql.SQLException e) {
            throw ctx.disk().full(e, data, neededInData, NOTHING_SIGNED).map(Exception.class::cast).orElse(e);
        }
        try {
            ctx.services().backUp(Backups.Reason.SIGNING);
        } catch (StorageException e) {
            stdout.println("Warning: the record is signed, but the automatic backup failed: " + e.getMessage());
        }
        try (java.io.OutputStream copy = ctx.disk().newOutputStream(out)) {
            copy.write(produced.pdf());
        } catch (IOException e) {
            Files.deleteIfExists(out); // no half-written PDF
            String kept = "; the signed record is kept in " + produced.file() + ". Copy it from there once there is room.";
            throw ctx.disk().full(e, parent == null ? data : parent, produced.pdf().length, kept)
                    .map(Exception.class::cast).orElse(e);
        }
        stdout.println("Signed record written to " + out + " (" + produced.pdf().length + " bytes, SHA-256 "
                + produced.record().sha256() + "); kept in " + produced.file());
        return ExitCodes.OK;
    }

    /** A record is about 100 kB to 1 MB; room for 4 MB is asked for. */
    static final long RECORD_ESTIMATE = 4L * 1024 * 1024;
    static final long DATABASE_GROWTH = 1024L * 1024;
    static final String NOTHING_SIGNED = "Nothing was signed or changed. Free some space, or use another data folder with --data-dir.";

    private Records.Signed sign(CliContext ctx, Records producer, AssessorIdentity.Unlocked unlocked, byte[] drawn)
            throws Exception {
        Records.Signed produced;
        try {
            if (target.sessionId != null) {
                produced = producer.signSession(target.sessionId, unlocked, drawn, step -> { });
                ctx.library(); // loaded here, so a failure to read the plans is said in words
                RecordedSession session = ctx.sessions().open(target.sessionId,
                        org.epaworkbench.session.SessionClock.of(ctx.clock()), ctx.sessionSettings());
                session.perform(l -> l.recordSigned(produced.record().fileName(), produced.record().sha256(),
                        produced.record().certificateFingerprint()));
            } else {
                produced = producer.signOverall(target.apprenticeId, unlocked, drawn, step -> { });
            }
        } catch (Records.CannotSign e) {
            throw new BadInputException(e.getMessage());
        }
        return produced;
    }
}
