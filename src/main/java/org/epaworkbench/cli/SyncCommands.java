package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.epaworkbench.Wording;
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.CertificateFiles;
import org.epaworkbench.app.Organisation;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.app.Delivery;
import org.epaworkbench.app.Importing;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.sync.PackageRefused;
import org.epaworkbench.sync.UntrustedSigner;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code export}, {@code import}, {@code outbox}, {@code signers} and {@code conflicts}: moving records to the organisation. */
final class SyncCommands {

    private SyncCommands() {
    }

    /** What an assessor does to get records to the organisation, on this data folder. */
    static Delivery delivery(CliContext ctx) throws Exception {
        return ctx.services().delivery();
    }

    static boolean firstUse(CliContext ctx) throws Exception {
        return importing(ctx).trustOnFirstUse();
    }

    /** What an office does when packages come in, on this data folder. */
    static Importing importing(CliContext ctx) throws Exception {
        return ctx.services().importing();
    }

    @Command(name = "export", description = {"Write what is in the outbox as one signed package into a folder (USB stick, synced folder).",
            "Default: everything not yet exported. The keystore password comes from " + Passwords.VARIABLE + " or a prompt."})
    static final class Export implements Callable<Integer>, WritesData {
        @ParentCommand
        WorkbenchCli root;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the package into.")
        Path out;
        @ArgGroup(exclusive = true)
        Scope scope;
        @Option(names = "--encrypt-to", paramLabel = "CERT.pem", description = "Encrypt the package so only this certificate's holder can open it.")
        Path encryptTo;

        static final class Scope {
            @Option(names = "--all", description = "Everything, exported before or not.")
            boolean all;
            @Option(names = "--since", paramLabel = "TIME", description = "Records signed and sessions changed since TIME (e.g. 2026-11-20T00:00:00Z).")
            String since;
        }

        @Override
        public Integer call() throws Exception {
            CliContext ctx = root.context();
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new BadInputException(out + ": is a file; --out takes a folder");
            }
            X509Certificate recipient = null;
            if (encryptTo != null) {
                try {
                    recipient = CertificateFiles.fromPem(Files.readString(encryptTo, StandardCharsets.US_ASCII));
                } catch (NoSuchFileException e) {
                    throw new BadInputException(encryptTo + ": no such file");
                } catch (CertificateException | IOException e) {
                    throw new BadInputException(encryptTo + ": not a PEM certificate (" + e.getMessage() + ")");
                }
            }
            Delivery outbox = delivery(ctx);
            Delivery.Waiting selection;
            if (scope != null && scope.all) {
                selection = outbox.all();
            } else if (scope != null && scope.since != null) {
                try {
                    selection = outbox.since(Instant.parse(scope.since));
                } catch (DateTimeParseException e) {
                    throw new BadInputException("--since " + scope.since + ": not a time; expected e.g. 2026-11-20T00:00:00Z");
                }
            } else {
                selection = outbox.pending();
            }
            PrintWriter stdout = spec.commandLine().getOut();
            if (selection.isEmpty()) {
                stdout.println("Nothing to export: the outbox is empty."
                        + (delivery(ctx).sampleDataPresent() ? " (Sample data is never exported.)" : ""));
                return ExitCodes.OK;
            }
            AssessorIdentity keys = ctx.identity();
            if (!keys.exists()) {
                throw new BadInputException("There is no signing identity to sign the package with. Create one: keys init");
            }
            var identity = unlock(keys, root.passwords().keystorePassword(false));
            Delivery.Exported e = outbox.export(selection, out, identity, recipient);
            stdout.println("Exported " + e.sessions() + " sessions and " + e.records() + " signed records"
                    + (e.recordings() > 0 ? " with " + e.recordings() + " recording" + (e.recordings() == 1 ? "" : "s") : "")
                    + " to " + e.file() + (e.encrypted() ? " (encrypted)" : "") + ", package " + e.packageId() + ".");
            e.notices().forEach(n -> stdout.println("  " + n));
            return ExitCodes.OK;
        }
    }

    /** A PEM (or DER) certificate file, or a clear refusal. */
    static X509Certificate readCertificate(Path file) throws BadInputException {
        try {
            return CertificateFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (CertificateException | IOException | RuntimeException e) {
            throw new BadInputException(file + ": not a certificate (PEM or DER expected): " + e.getMessage());
        }
    }

    static AssessorIdentity.Unlocked unlock(AssessorIdentity keys, char[] password) throws BadInputException {
        try {
            return keys.unlock(password);
        } catch (KeyStoreProblem e) {
            throw new BadInputException(e.getMessage());
        }
    }

    @Command(name = "import", description = {"Check a package completely, then import it in one transaction; a refused package changes nothing.",
            "An encrypted package is opened with --key (an organisation's PKCS#12; its password from EPA_IMPORT_KEY_PASSWORD",
            "or a prompt) or, without --key, with this data folder's own key."})
    static final class Import implements Callable<Integer>, WritesData {
        @ParentCommand
        WorkbenchCli root;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--dry-run", description = "Check and report, change nothing.")
        boolean dryRun;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Option(names = "--key", paramLabel = "ORG.p12", description = "Key to open an encrypted package.")
        Path key;
        @Option(names = "--trust-on-first-use", description = {"Pin the certificate of a signer not trusted here instead of",
                "refusing the package (not recommended: whoever reaches the office first is trusted). See docs/trust.md."})
        boolean trustOnFirstUse;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = root.context();
            boolean encrypted;
            try {
                if (Files.isDirectory(file)) {
                    throw new BadInputException(file + ": is a folder; expected a package file");
                }
                if (Files.size(file) > Importing.MAX_PACKAGE_BYTES) {
                    throw new BadInputException(file + ": larger than a package may be ("
                            + Importing.MAX_PACKAGE_BYTES + " bytes)");
                }
                encrypted = Importing.encrypted(file);
            } catch (NoSuchFileException e) {
                throw new BadInputException(file + ": no such file");
            }
            PrivateKey decrypt = null;
            if (encrypted) {
                decrypt = decryptionKey(ctx);
            }
            ctx.library(); // the plans, read here so that a problem reading them is said in words
            Importing importing = importing(ctx);
            // room to unpack the package, keep its records and grow the database, before anything is written
            java.nio.file.Path data = ctx.folder().root();
            long needed = 3 * Files.size(file) + 1024L * 1024;
            String nothing = "Nothing was imported. Free some space, or use another data folder with --data-dir.";
            if (!dryRun) {
                ctx.disk().require(data, needed, nothing);
            }
            Importing.Imported o;
            try {
                o = importing.importPackage(file, decrypt, trustOnFirstUse, dryRun);
            } catch (UntrustedSigner e) {
                spec.commandLine().getErr().println("epa-workbench: " + file + ": refused, nothing imported: " + e.getMessage());
                return ExitCodes.CHECK_FAILED;
            } catch (PackageRefused e) {
                throw new BadInputException(file + ": refused, nothing imported: " + e.getMessage());
            } catch (java.io.IOException | java.sql.SQLException e) {
                throw ctx.disk().full(e, data, needed, nothing)
                        .map(Exception.class::cast).orElse(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = JsonFiles.mapper().createObjectNode();
                n.put("file", file.toString()).put("packageId", o.packageId()).put("dryRun", o.dryRun())
                        .put("encrypted", o.encrypted()).put("signer", o.signer()).put("certificateFingerprint", o.certificateFingerprint())
                        .put("trust", o.trust().basis().word()).put("trustReason", o.trust().reason());
                var a = o.applied();
                n.put("newApprentices", a.newApprentices()).put("updatedApprentices", a.updatedApprentices())
                        .put("newSessions", a.newSessions()).put("newEvents", a.newEvents()).put("newRecords", a.newRecords())
                        .put("pdfsWritten", o.pdfsWritten()).put("seenBefore", a.packageSeenBefore());
                ArrayNode conflicts = n.putArray("conflictedSessions");
                a.conflictedSessions().forEach(conflicts::add);
                ArrayNode notices = n.putArray("notices");
                o.notices().forEach(notices::add);
                out.println(JsonFiles.pretty(n));
            } else {
                var a = o.applied();
                out.println((o.dryRun() ? "Would import " : "Imported ") + "package " + o.packageId() + " signed by " + o.signer()
                        + (o.encrypted() ? " (was encrypted)" : "") + ": " + a.newSessions() + " new sessions, " + a.newEvents()
                        + " new events, " + a.newRecords() + " new signed records, " + a.newApprentices() + " new and "
                        + a.updatedApprentices() + " updated apprentices.");
                out.println("Signer trusted: " + o.trust().reason() + ".");
                o.notices().forEach(n -> out.println(n.startsWith("WARNING") ? n : "Notice: " + n));
            }
            return ExitCodes.OK;
        }

        static final String NOT_OPENED = "The package was not opened; nothing was imported.";

        private PrivateKey decryptionKey(CliContext ctx) throws Exception {
            if (key != null) {
                String env = System.getenv("EPA_IMPORT_KEY_PASSWORD");
                char[] password = env != null ? env.toCharArray() : root.passwords().keystorePassword(false);
                try {
                    return Organisation.decryptionKey(key, password, NOT_OPENED);
                } catch (KeyStoreProblem e) {
                    throw new BadInputException(e.getMessage());
                } finally {
                    java.util.Arrays.fill(password, '\0');
                }
            }
            AssessorIdentity own = ctx.identity();
            if (!own.exists()) {
                throw new BadInputException(file + ": the package is encrypted; give the organisation's key with --key ORG.p12");
            }
            try {
                return own.unlock(root.passwords().keystorePassword(false), NOT_OPENED).privateKey();
            } catch (KeyStoreProblem e) {
                throw new BadInputException(e.getMessage());
            }
        }
    }

    @Command(name = "outbox", description = "What is waiting to be exported, and the packages made. 'outbox uploaded PACKAGE_ID' records that a package reached the organisation.",
            subcommands = {SyncCommands.OutboxCommand.Uploaded.class})
    static final class OutboxCommand implements Callable<Integer> {
        @ParentCommand
        WorkbenchCli root;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = root.context();
            Delivery.Waiting pending = delivery(ctx).pending();
            var packages = delivery(ctx).packages();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = JsonFiles.mapper().createObjectNode();
                ArrayNode records = n.putArray("pendingRecords");
                for (SignedRecord r : pending.records()) {
                    records.addObject().put("id", r.id()).put("kind", r.kind()).put("sessionId", r.sessionId())
                            .put("fileName", r.fileName()).put("signedAt", r.signedAt().toString());
                }
                ArrayNode sessions = n.putArray("pendingSessions");
                pending.sessionIds().forEach(sessions::add);
                ArrayNode exported = n.putArray("packages");
                for (var p : packages) {
                    exported.addObject().put("packageId", p.packageId()).put("fileName", p.fileName())
                            .put("createdAt", p.createdAt().toString()).put("sessions", p.sessions()).put("records", p.records())
                            .put("encrypted", p.encrypted()).put("uploadedAt", p.uploadedAt() == null ? null : p.uploadedAt().toString());
                }
                out.println(JsonFiles.pretty(n));
                return ExitCodes.OK;
            }
            out.println(Wording.count(pending.records().size(), "signed record") + " and "
                    + Wording.count(pending.sessionIds().size(), "session") + " waiting to be exported."
                    + (delivery(ctx).sampleDataPresent() ? " Sample data is never exported." : ""));
            pending.records().forEach(r -> out.println("  " + r.signedAt() + "  " + r.fileName()));
            if (!packages.isEmpty()) {
                out.println("Packages:");
                for (var p : packages) {
                    out.println("  " + p.packageId() + "  " + p.fileName() + "  " + Wording.count(p.records(), "record") + ", "
                            + Wording.count(p.sessions(), "session") + "  " + (p.uploadedAt() == null ? "not yet uploaded" : "uploaded " + p.uploadedAt()));
                }
            }
            return ExitCodes.OK;
        }

        @Command(name = "uploaded", description = "Record that a package reached the organisation.")
        static final class Uploaded implements Callable<Integer>, WritesData {
            @ParentCommand
            OutboxCommand parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "PACKAGE_ID")
            String packageId;

            @Override
            public Integer call() throws Exception {
                CliContext ctx = parent.root.context();
                if (!delivery(ctx).markUploaded(packageId)) {
                    throw new BadInputException("unknown package '" + packageId + "'; see: outbox");
                }
                spec.commandLine().getOut().println("Package " + packageId + " marked as uploaded.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "signers", description = {"The register of assessor certificates packages are checked against.",
            "An assessor is known by their certificate: the assessor number in it (or its name), and its SHA-256."},
            subcommands = {SyncCommands.Signers.Add.class, SyncCommands.Signers.FirstUse.class, SyncCommands.Signers.Strict.class,
                    SyncCommands.Signers.Remove.class})
    static final class Signers implements Callable<Integer> {
        @ParentCommand
        WorkbenchCli root;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = root.context();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Unknown signers: " + (firstUse(ctx) ? "pinned on first use (trust on first use is on; not recommended)"
                    : "refused (trust on first use is off)"));
            out.println("Organisation roots installed: " + importing(ctx).roots().size() + " (see: org roots)");
            for (var s : importing(ctx).register()) {
                out.println("  " + s.assessorKey() + "  " + s.subject() + "  SHA-256 " + s.fingerprint() + "  (" + s.how()
                        + ", " + s.pinnedAt() + ")");
            }
            return ExitCodes.OK;
        }

        @Command(name = "add", description = {"Add an assessor's certificate to the register before their first package",
                "(so a strict register accepts it). CERT.pem is the certificate they sent (the file their keys show names)."})
        static final class Add implements Callable<Integer>, WritesData {
            @ParentCommand
            Signers parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "CERT.pem")
            Path cert;

            @Override
            public Integer call() throws Exception {
                X509Certificate certificate = readCertificate(cert);
                Importing.SignerAdded added;
                try {
                    added = importing(parent.root.context()).addSigner(certificate);
                } catch (Importing.SignerNotAdded e) {
                    throw new BadInputException(e.getMessage());
                }
                var s = added.signer();
                spec.commandLine().getOut().println((added.alreadyThere() ? "Already in the register: " : "Added to the register: ")
                        + s.assessorKey() + "  " + s.subject() + "  SHA-256 " + s.fingerprint());
                return ExitCodes.OK;
            }
        }

        @Command(name = "first-use", description = {"on: pin the certificate of a signer not trusted here when their first",
                "package arrives (trust on first use; not recommended). off (the default): refuse such packages."})
        static final class FirstUse implements Callable<Integer>, WritesData {
            @ParentCommand
            Signers parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "on|off")
            String value;

            @Override
            public Integer call() throws Exception {
                return setFirstUse(parent.root.context(), spec, value, "first-use");
            }
        }

        @Command(name = "strict", hidden = true, description = "Older name: strict on = first-use off; strict off = first-use on.")
        static final class Strict implements Callable<Integer>, WritesData {
            @ParentCommand
            Signers parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "on|off")
            String value;

            @Override
            public Integer call() throws Exception {
                if (!value.equals("on") && !value.equals("off")) {
                    throw new BadInputException("strict takes on or off, not '" + value + "'");
                }
                return setFirstUse(parent.root.context(), spec, value.equals("on") ? "off" : "on", "strict");
            }
        }

        static int setFirstUse(CliContext ctx, CommandLine.Model.CommandSpec spec, String value, String name) throws Exception {
            if (!value.equals("on") && !value.equals("off")) {
                throw new BadInputException(name + " takes on or off, not '" + value + "'");
            }
            importing(ctx).trustOnFirstUse(value.equals("on"));
            PrintWriter out = spec.commandLine().getOut();
            if (value.equals("on")) {
                out.println("Trust on first use is on. WARNING: a package from a signer not trusted here now pins their "
                        + "certificate, so whoever reaches this office first with an assessor's name is trusted as that assessor. "
                        + "Check every pinned certificate's SHA-256 with its assessor (signers lists them), or use the "
                        + "organisation's root instead (docs/trust.md).");
            } else {
                out.println("Trust on first use is off: packages from signers not trusted here are refused.");
            }
            return ExitCodes.OK;
        }

        @Command(name = "remove", description = "Unpin an assessor (e.g. after their key was replaced).")
        static final class Remove implements Callable<Integer>, WritesData {
            @ParentCommand
            Signers parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Parameters(paramLabel = "ASSESSOR_KEY", description = "As listed, e.g. number:EPA-000123.")
            String key;

            @Override
            public Integer call() throws Exception {
                if (!importing(parent.root.context()).removeSigner(key)) {
                    throw new BadInputException("'" + key + "' is not in the register");
                }
                spec.commandLine().getOut().println("Removed " + key + " from the register.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "conflicts", description = "Sessions recorded differently in two places (two devices, or copies of a data folder); "
            + "both versions are kept until resolved.",
            subcommands = {SyncCommands.Conflicts.Resolve.class})
    static final class Conflicts implements Callable<Integer> {
        @ParentCommand
        WorkbenchCli root;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CliContext ctx = root.context();
            var conflicts = importing(ctx).conflicts();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode a = JsonFiles.mapper().createArrayNode();
                for (var c : conflicts) {
                    ObjectNode n = a.addObject().put("sessionId", c.sessionId()).put("seq", c.seq());
                    ArrayNode versions = n.putArray("versions");
                    for (var v : c.versions()) {
                        versions.addObject().put("eventId", v.eventId()).put("deviceId", v.deviceId())
                                .put("at", v.at().toString()).put("description", v.description());
                    }
                }
                out.println(JsonFiles.pretty(a));
                return ExitCodes.OK;
            }
            if (conflicts.isEmpty()) {
                out.println("No conflicts.");
            }
            for (var c : conflicts) {
                out.println("Session " + c.sessionId() + ", event " + c.seq() + ": recorded differently in two places");
                for (var v : c.versions()) {
                    out.println("  " + v.eventId() + "  device " + v.deviceId() + "  " + v.at() + "  " + v.description());
                }
            }
            return ExitCodes.OK;
        }

        @Command(name = "resolve", description = "Choose which version is the record; the other stays stored.")
        static final class Resolve implements Callable<Integer>, WritesData {
            @ParentCommand
            Conflicts parent;
            @Spec
            CommandLine.Model.CommandSpec spec;
            @Parameters(index = "0", paramLabel = "SESSION_ID")
            String sessionId;
            @Parameters(index = "1", paramLabel = "SEQ")
            long seq;
            @Option(names = "--keep", required = true, paramLabel = "EVENT_ID")
            String keep;
            @Option(names = "--reason", required = true, paramLabel = "TEXT")
            String reason;

            @Override
            public Integer call() throws Exception {
                CliContext ctx = parent.root.context();
                Importing importing = importing(ctx);
                boolean known = importing.conflicts().stream().anyMatch(c -> c.sessionId().equals(sessionId) && c.seq() == seq
                        && c.eventIds().contains(keep));
                if (!known) {
                    throw new BadInputException("no unresolved conflict at session " + sessionId + " event " + seq
                            + " with a version " + keep + "; see: conflicts");
                }
                if (reason.isBlank()) {
                    throw new BadInputException("--reason cannot be empty");
                }
                importing.resolve(sessionId, seq, keep, reason.strip());
                spec.commandLine().getOut().println("Resolved: event " + keep + " is the record at position " + seq + ".");
                return ExitCodes.OK;
            }
        }
    }
}
