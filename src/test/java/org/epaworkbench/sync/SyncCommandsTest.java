package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.packs.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, import, outbox, signers and conflicts from the command line. */
class SyncCommandsTest {

    @TempDir
    Path dir;

    @Test
    void exportOutboxImportAndRegisterFromTheCommandLine() throws Exception {
        Path laptop = dir.resolve("laptop");
        SyncFixture.assessorDevice(laptop).close();
        CliRunner device = new CliRunner(laptop).withKeystorePassword(new String(SyncFixture.PASSWORD));
        JsonNode outbox = JsonFiles.mapper().readTree(device.run("outbox", "--json").out());
        assertThat(outbox.get("pendingRecords")).hasSize(3);
        assertThat(outbox.get("pendingSessions")).hasSize(3);

        CliRunner.Run export = device.run("export", "--out", dir.resolve("usb").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported 3 sessions and 3 signed records");
        assertThat(device.run("export", "--out", dir.resolve("usb").toString()).out()).contains("Nothing to export");
        Path pkg;
        try (var files = Files.list(dir.resolve("usb"))) {
            pkg = files.filter(p -> p.toString().endsWith(".epapkg")).findFirst().orElseThrow();
        }

        CliRunner office = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK);
        JsonNode dry = JsonFiles.mapper().readTree(office.run("import", pkg.toString(), "--dry-run", "--json",
                "--trust-on-first-use").out());
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("newSessions").asInt()).isEqualTo(3);
        assertThat(dry.get("trust").asText()).isEqualTo("register");
        assertThat(JsonFiles.mapper().readTree(office.run("session", "list", "--json").out())).isEmpty();

        // trust on first use only when chosen, with a warning
        CliRunner.Run refused = office.run("import", pkg.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("refused, nothing imported").contains("UNTRUSTED").contains("org trust");
        CliRunner.Run imported = office.run("import", pkg.toString(), "--trust-on-first-use");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported package").contains("3 new sessions").contains("WARNING: trust on first use");
        assertThat(JsonFiles.mapper().readTree(office.run("session", "list", "--json").out())).hasSize(3);
        assertThat(office.run("signers").out()).contains("number:EPA-000123").contains("first-use")
                .contains("Unknown signers: refused");
        assertThat(office.run("conflicts").out()).contains("No conflicts.");

        // an unknown signer is refused by default: unpin, import again
        assertThat(office.run("signers", "remove", "number:EPA-000123").exitCode()).isZero();
        CliRunner.Run strict = office.run("import", pkg.toString());
        assertThat(strict.exitCode()).isEqualTo(3);
        assertThat(strict.err()).contains("refused, nothing imported").contains("UNTRUSTED");
        // chosen as a setting, with a warning
        CliRunner.Run on = office.run("signers", "first-use", "on");
        assertThat(on.out()).contains("WARNING");
        assertThat(office.run("signers").out()).contains("pinned on first use");
        assertThat(office.run("import", pkg.toString()).exitCode()).isZero();

        // uploaded
        String packageId = JsonFiles.mapper().readTree(device.run("outbox", "--json").out()).get("packages").get(0)
                .get("packageId").asText();
        assertThat(device.run("outbox", "uploaded", packageId).exitCode()).isZero();
        assertThat(device.run("outbox", "uploaded", "nope").exitCode()).isEqualTo(2);
    }

    static Path onlyPackage(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".epapkg")).findFirst().orElseThrow();
        }
    }

    @Test
    void signersAddRegistersACertificateAheadOfTimeSoAStrictRegisterAcceptsIt() throws Exception {
        Path laptop = dir.resolve("laptop");
        SyncFixture.assessorDevice(laptop).close();
        CliRunner device = new CliRunner(laptop).withKeystorePassword(new String(SyncFixture.PASSWORD));
        assertThat(device.run("export", "--out", dir.resolve("usb").toString()).exitCode()).isZero();
        Path pkg = onlyPackage(dir.resolve("usb"));
        Path cert = laptop.resolve("keys").resolve("assessor.pem");

        CliRunner office = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK);
        assertThat(office.run("signers", "strict", "on").exitCode()).isZero();
        assertThat(office.run("import", pkg.toString()).err()).contains("UNTRUSTED");
        CliRunner.Run add = office.run("signers", "add", cert.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added to the register: number:EPA-000123");
        assertThat(office.run("signers").out()).contains("number:EPA-000123").contains("(added,");
        assertThat(office.run("signers", "add", cert.toString()).out()).contains("Already in the register");
        CliRunner.Run imported = office.run("import", pkg.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("3 new sessions").doesNotContain("WARNING");

        // another certificate claiming the same assessor number is not added over the first
        org.epaworkbench.keys.AssessorKeyStore other = new org.epaworkbench.keys.AssessorKeyStore(dir.resolve("other"),
                SyncFixture.CLOCK);
        other.create(new org.epaworkbench.people.AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false),
                "another-password".toCharArray());
        CliRunner.Run clash = office.run("signers", "add", other.certificateFile().toString());
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("already in the register with another certificate").contains("signers remove number:EPA-000123");
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate");
        assertThat(office.run("signers", "add", junk.toString()).err()).contains("not a certificate");
    }

    @Test
    void anEncryptedPackageOpensWithTheOrganisationsKeyAndAWrongPasswordSaysNothingWasImported() throws Exception {
        Path laptop = dir.resolve("laptop");
        SyncFixture.assessorDevice(laptop).close();
        org.epaworkbench.keys.AssessorKeyStore org = new org.epaworkbench.keys.AssessorKeyStore(dir.resolve("org"),
                SyncFixture.CLOCK);
        org.create(new org.epaworkbench.people.AssessorProfile("Highfield EPA office", "", "Highfield Assessment", false),
                "organisation-pass".toCharArray());
        CliRunner device = new CliRunner(laptop).withKeystorePassword(new String(SyncFixture.PASSWORD));
        CliRunner.Run export = device.run("export", "--out", dir.resolve("usb").toString(), "--encrypt-to",
                org.certificateFile().toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path pkg = onlyPackage(dir.resolve("usb"));

        CliRunner.Run wrong = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK).withKeystorePassword("not-the-password")
                .run("import", pkg.toString(), "--key", org.keystoreFile().toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("Wrong keystore password for").contains("nothing was imported")
                .doesNotContain("Nothing was signed");
        CliRunner.Run right = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK).withKeystorePassword("organisation-pass")
                .run("import", pkg.toString(), "--key", org.keystoreFile().toString(), "--trust-on-first-use");
        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(right.out()).contains("(was encrypted)").contains("3 new sessions");
    }

    @Test
    void badImportsExitTwoNamingTheProblem() throws Exception {
        CliRunner office = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK);
        assertThat(office.run("import", dir.resolve("none.epapkg").toString()).err()).contains("no such file");
        Path junk = dir.resolve("junk.epapkg");
        Files.writeString(junk, "PK but not really");
        CliRunner.Run r = office.run("import", junk.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("refused, nothing imported").doesNotContain("\tat ");
    }
}
