package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.report.PadesVerifier;
import org.epaworkbench.report.SignatureReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify FILE.pdf [--json]}: is the signature valid, does it cover the whole file, who signed and when. */
@Command(name = "verify", description = "Verify a signed PDF record. Exit code 0 only when it verifies.")
final class VerifyCommand implements Callable<Integer> {

    /** Exit code for a file that was read but does not verify. */
    static final int NOT_VERIFIED = ExitCodes.CHECK_FAILED;

    @Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "FILE.pdf")
    Path file;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

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
        SignatureReport r = new PadesVerifier().verify(file.toString(), bytes);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = JsonFiles.mapper().createObjectNode();
            n.put("file", r.file()).put("verified", r.verified()).put("signed", r.signed()).put("signatures", r.signatureCount())
                    .put("signatureValid", r.signatureValid()).put("wholeDocumentCovered", r.wholeDocumentCovered())
                    .put("unchangedSinceSigning", r.unchangedSinceSigning());
            n.put("subFilter", r.subFilter()).put("signer", r.signer()).put("signerOrganisation", r.signerOrganisation())
                    .put("certificateFingerprint", r.certificateFingerprint())
                    .put("signingTime", r.signingTime() == null ? null : r.signingTime().toString());
            var problems = n.putArray("problems");
            r.problems().forEach(problems::add);
            out.println(JsonFiles.pretty(n));
        } else {
            out.println(file + ": " + (r.verified() ? "VERIFIED" : "NOT VERIFIED"));
            out.println("  Signatures in the file:   " + r.signatureCount() + (r.signatureCount() > 1 ? " (a record has one)" : ""));
            out.println("  Signature valid:          " + yesNo(r.signatureValid()));
            out.println("  Whole document covered:   " + yesNo(r.wholeDocumentCovered()));
            out.println("  Unchanged since signing:  " + yesNo(r.unchangedSinceSigning()));
            if (r.signer() != null) {
                out.println("  Signer:                   " + r.signer() + (r.signerOrganisation() == null
                        || r.signerOrganisation().isEmpty() ? "" : ", " + r.signerOrganisation()));
                out.println("  Certificate (SHA-256):    " + r.certificateFingerprint());
            }
            if (r.signingTime() != null) {
                out.println("  Signing time:             " + r.signingTime());
            }
            r.problems().forEach(p -> out.println("  Problem: " + p));
        }
        return r.verified() ? ExitCodes.OK : NOT_VERIFIED;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
