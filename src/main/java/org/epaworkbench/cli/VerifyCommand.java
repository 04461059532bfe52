package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.record.SignatureReport;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.sync.SignerTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify FILE.pdf [--json] [--root ROOT.crt]}: is the signature valid, does it cover the whole
 * file, who signed and when, and is the signer trusted here, and why (see {@link SignerTrust}). A
 * record intact but signed by a certificate this data folder does not trust is UNTRUSTED, exit code 3.
 */
@Command(name = "verify", description = {"Verify a signed PDF record: intact, and signed by a certificate this data folder",
        "trusts (issued by an organisation root installed here, in the signer register, or its own). Exit code 0 only",
        "when both hold; 3 when the file does not verify or its signer is UNTRUSTED."})
final class VerifyCommand implements Callable<Integer> {

    /** Exit code for a file that was read but does not verify. */
    static final int NOT_VERIFIED = ExitCodes.CHECK_FAILED;

    @Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "FILE.pdf")
    Path file;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;
    @Option(names = "--root", paramLabel = "ROOT.crt", description = "Also trust this organisation root, for this check only.")
    Path root;
    @picocli.CommandLine.ParentCommand
    WorkbenchCli cli;

    @Override
    public Integer call() throws Exception {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException(file + ": is a folder; expected a PDF file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage());
        }
        CliContext ctx = cli.context();
        java.security.cert.X509Certificate extraRoot = null;
        if (root != null) {
            try {
                extraRoot = org.epaworkbench.app.Organisation.readRoot(root, ctx.clock());
            } catch (CertificateProblem e) {
                throw new BadInputException("--root " + e.getMessage());
            }
        }
        org.epaworkbench.app.Verification.Checked checked = new org.epaworkbench.app.Verification(ctx.services())
                .check(file.toString(), bytes, extraRoot);
        SignatureReport r = checked.report();
        SignerTrust.Decision trust = checked.trust();
        org.epaworkbench.app.RecordTrail trail = org.epaworkbench.app.RecordTrail.check(file, bytes, ctx.folder().root(),
                Files.isRegularFile(ctx.folder().databaseFile()) ? ctx::services : null);
        List<org.epaworkbench.app.RecordingCopies.Beside> recordings;
        try {
            recordings = org.epaworkbench.app.RecordingCopies.besideRecord(file, bytes);
        } catch (IOException e) {
            throw new BadInputException("a recording beside " + file + " cannot be read: " + e.getMessage());
        }
        boolean recordingsMatch = recordings.stream().noneMatch(b -> b.match() == org.epaworkbench.app.RecordingCopies.Match.DIFFERS);
        boolean intact = r.verified() && trail.problems().isEmpty() && recordingsMatch;
        boolean trusted = trust != null && trust.trusted();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = JsonFiles.mapper().createObjectNode();
            n.put("file", r.file()).put("verified", intact && trusted).put("intact", intact).put("trusted", trusted)
                    .put("trust", trust == null ? null : trust.basis().word())
                    .put("trustReason", trust == null ? null : trust.reason())
                    .put("signed", r.signed()).put("signatures", r.signatureCount())
                    .put("signatureValid", r.signatureValid()).put("wholeDocumentCovered", r.wholeDocumentCovered())
                    .put("unchangedSinceSigning", r.unchangedSinceSigning());
            n.put("subFilter", r.subFilter()).put("signer", r.signer()).put("signerOrganisation", r.signerOrganisation())
                    .put("certificateFingerprint", r.certificateFingerprint())
                    .put("signingTime", r.signingTime() == null ? null : r.signingTime().toString());
            trail.log().ifPresentOrElse(st -> n.putObject("sessionLog").put("sessionId", st.sessionId())
                    .put("events", st.events()).put("chainHead", st.headHash()).put("ownerKey", st.ownerKey()),
                    () -> n.putNull("sessionLog"));
            var recs = n.putArray("recordings");
            for (var b : recordings) {
                recs.addObject().put("fileName", b.fileName()).put("sha256", b.sha256()).put("sizeBytes", b.sizeBytes())
                        .put("beside", b.match().word()).put("foundSha256", b.foundSha256());
            }
            var checks = n.putArray("checks");
            trail.notes().forEach(checks::add);
            var problems = n.putArray("problems");
            r.problems().forEach(problems::add);
            trail.problems().forEach(problems::add);
            out.println(JsonFiles.pretty(n));
        } else {
            out.println(file + ": " + (!intact ? "NOT VERIFIED" : trusted ? "VERIFIED" : "UNTRUSTED"));
            out.println("  Signatures in the file:   " + r.signatureCount() + (r.signatureCount() > 1 ? " (a record has one)" : ""));
            out.println("  Signature valid:          " + yesNo(r.signatureValid()));
            out.println("  Whole document covered:   " + yesNo(r.wholeDocumentCovered()));
            out.println("  Unchanged since signing:  " + yesNo(r.unchangedSinceSigning()));
            if (r.signer() != null) {
                out.println("  Signer:                   " + r.signer() + (r.signerOrganisation() == null
                        || r.signerOrganisation().isEmpty() ? "" : ", " + r.signerOrganisation()));
                out.println("  Certificate (SHA-256):    " + r.certificateFingerprint());
                out.println("  Trusted:                  " + (trusted ? "yes, " + trust.reason() : "NO: " + trust.reason()));
                if (!trusted) {
                    out.println("  " + SignerTrust.HOW_TO_TRUST);
                }
            }
            if (r.signingTime() != null) {
                out.println("  Signing time:             " + r.signingTime());
            }
            trail.notes().forEach(t -> out.println("  " + t));
            for (var b : recordings) {
                out.println("  Recording " + b.fileName() + ": " + b.match().words() + (b.match()
                        == org.epaworkbench.app.RecordingCopies.Match.DIFFERS ? " (the record lists SHA-256 " + b.sha256()
                        + ", the file beside it has " + b.foundSha256() + ")" : " (SHA-256 " + b.sha256() + ")"));
            }
            r.problems().forEach(p -> out.println("  Problem: " + p));
            trail.problems().forEach(p -> out.println("  Problem: " + p));
        }
        return intact && trusted ? ExitCodes.OK : NOT_VERIFIED;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
