package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epaworkbench.packs.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    CliRunner cli(String password) {
        return new CliRunner(dir.resolve("data")).withKeystorePassword(password);
    }

    JsonNode demo() throws Exception {
        return JsonFiles.mapper().readTree(cli(null).run("demo", "--json").out());
    }

    @Test
    void reportCreatesTheIdentityOnFirstUseSignsAndVerifyAgrees() throws Exception {
        JsonNode made = demo();
        String observation = made.get("sessionIds").get(2).asText();
        Path out = dir.resolve("observation.pdf");
        CliRunner.Run report = cli("first-password").run("report", "--session", observation, "--out", out.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("No signing identity existed, so one was created").contains("Signed record written to");
        assertThat(out).exists();

        CliRunner.Run verify = cli(null).run("verify", out.toString(), "--json");
        assertThat(verify.exitCode()).isZero();
        JsonNode v = JsonFiles.mapper().readTree(verify.out());
        assertThat(v.get("verified").asBoolean()).isTrue();
        assertThat(v.get("wholeDocumentCovered").asBoolean()).isTrue();
        assertThat(v.get("signer").asText()).isEqualTo("Sam Assessor (sample)");
        assertThat(v.get("signingTime").asText()).isEqualTo("2026-11-23T09:00:00Z");

        // the event log records the signing
        JsonNode events = JsonFiles.mapper().readTree(cli(null).run("session", "events", observation, "--json").out());
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("record-signed");

        // a changed byte: verify exits 3 and says why
        byte[] bytes = Files.readAllBytes(out);
        bytes[bytes.length / 3] ^= 0x01;
        Path bad = dir.resolve("changed.pdf");
        Files.write(bad, bytes);
        CliRunner.Run tampered = cli(null).run("verify", bad.toString());
        assertThat(tampered.exitCode()).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(tampered.out()).contains("NOT VERIFIED");

        // the overall result, all three components having ended sessions
        Path overall = dir.resolve("overall.pdf");
        CliRunner.Run o = cli("first-password").run("report", "--overall", made.get("apprenticeId").asText(),
                "--out", overall.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(cli(null).run("verify", overall.toString()).exitCode()).isZero();
    }

    @Test
    void aWrongPasswordIsAClearErrorAndNothingIsWritten() throws Exception {
        JsonNode made = demo();
        String observation = made.get("sessionIds").get(2).asText();
        assertThat(cli("right-password").run("keys", "init").exitCode()).isZero();
        Path out = dir.resolve("x.pdf");
        CliRunner.Run r = cli("wrong-password").run("report", "--session", observation, "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Wrong keystore password").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void passwordsAreNeverArgumentsAndMustComeFromSomewhere() throws Exception {
        JsonNode made = demo();
        CliRunner.Run r = cli(null).run("report", "--session", made.get("sessionIds").get(0).asText(), "--out",
                dir.resolve("y.pdf").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("set EPA_KEYSTORE_PASSWORD");
        assertThat(cli(null).run("keys", "init", "--password", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void badInputsExitTwo() {
        assertThat(cli(null).run("verify", dir.resolve("missing.pdf").toString()).err()).contains("no such file");
        assertThat(cli("p4ssword!").run("report", "--session", "nope", "--out", dir.resolve("z.pdf").toString()).err())
                .contains("unknown session 'nope'");
        assertThat(cli(null).run("keys", "show").err()).contains("There is no signing identity yet");
    }

    @Test
    void aNonPdfDoesNotVerify() throws Exception {
        Path txt = dir.resolve("note.pdf");
        Files.writeString(txt, "not a pdf at all");
        CliRunner.Run r = cli(null).run("verify", txt.toString());
        assertThat(r.exitCode()).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(r.out()).contains("Not a readable PDF");
    }
}
