package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.packs.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, findings 1 and 3: trust is decided by the organisation, not by a certificate's name.
 * A record or package is trusted when its signer's certificate chains to an organisation root
 * installed here, is in the signer register, or is this data folder's own; anything else is
 * UNTRUSTED (exit code 3), whatever name it carries. Trust on first use happens only when chosen.
 */
class TrustModelTest {

    static final String ORG_PASSWORD = "organisation-root-password";

    @TempDir
    Path dir;

    /** The first record in a data folder's records folder. */
    static Path aRecord(Path dataFolder) throws Exception {
        try (Stream<Path> files = Files.list(dataFolder.resolve("records"))) {
            return files.filter(p -> p.toString().endsWith(".pdf")).sorted().findFirst().orElseThrow();
        }
    }

    static JsonNode json(CliRunner.Run run) throws Exception {
        return JsonFiles.mapper().readTree(run.out());
    }

    /**
     * Finding 1: a second data folder with an assessor profile of the same name, number and
     * organisation makes its own key; its record printed VERIFIED (exit 0), only the fingerprint
     * differing. Now it is UNTRUSTED, exit 3, in the office and in the real assessor's own folder.
     */
    @Test
    void aLookAlikeAssessorsRecordIsUntrustedWhateverItsName() throws Exception {
        Path real = dir.resolve("sam");
        Path lookAlike = dir.resolve("look-alike");
        SyncFixture.assessorDevice(real).close();
        SyncFixture.assessorDevice(lookAlike).close(); // the same profile: Sam Assessor, EPA-000123, Highfield Assessment
        Path genuine = aRecord(real);
        Path forged = aRecord(lookAlike);

        CliRunner office = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK);
        assertThat(office.run("signers", "add", real.resolve("keys/assessor.pem").toString()).exitCode()).isZero();
        CliRunner.Run ok = office.run("verify", genuine.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains(": VERIFIED").contains("Trusted:                  yes, in the signer register as EPA-000123");

        CliRunner.Run untrusted = office.run("verify", forged.toString());
        assertThat(untrusted.exitCode()).isEqualTo(3);
        assertThat(untrusted.out()).contains(": UNTRUSTED").contains("Signer:                   Sam Assessor")
                .contains("Trusted:                  NO: the certificate is not trusted here")
                .contains("it is not in the signer register").contains("org trust ROOT.crt");
        JsonNode j = json(office.run("verify", forged.toString(), "--json"));
        assertThat(j.get("verified").asBoolean()).isFalse();
        assertThat(j.get("intact").asBoolean()).as("nothing in the file was changed").isTrue();
        assertThat(j.get("trusted").asBoolean()).isFalse();
        assertThat(j.get("trust").asText()).isEqualTo("none");

        // in the real assessor's own data folder: their record is theirs, the look-alike's is not
        CliRunner sam = new CliRunner(real);
        assertThat(sam.run("verify", genuine.toString()).out()).contains(": VERIFIED")
                .contains("this data folder's own signing certificate");
        assertThat(sam.run("verify", forged.toString()).exitCode()).isEqualTo(3);
    }

    /**
     * Finding 3: with the default register, a look-alike's package reaching an empty office first
     * was pinned, and the real assessor's packages were then refused. Now the look-alike's package is
     * refused (UNTRUSTED) and nothing is pinned; the real assessor, added to the register, imports.
     * Trust on first use pins only when chosen, and warns.
     */
    @Test
    void aLookAlikesPackageReachingAnEmptyOfficeFirstIsRefusedAndPinsNothing() throws Exception {
        try (SyncFixture real = SyncFixture.assessorDevice(dir.resolve("sam"));
             SyncFixture lookAlike = SyncFixture.assessorDevice(dir.resolve("look-alike"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            byte[] fromLookAlike = Files.readAllBytes(lookAlike.exportPending(dir.resolve("usb-m")));
            byte[] fromSam = Files.readAllBytes(real.exportPending(dir.resolve("usb-s")));
            String before = office.snapshot();

            assertThatThrownBy(() -> office.importer().importPackage(fromLookAlike, null, PackageImporter.UnknownSigners.REFUSE,
                    false)).isInstanceOf(UntrustedSigner.class).hasMessageContaining("UNTRUSTED")
                    .hasMessageContaining("Sam Assessor").hasMessageContaining("not in the signer register");
            assertThat(office.snapshot()).as("nothing changed").isEqualTo(before);
            assertThat(office.sync.register()).as("nothing pinned").isEmpty();

            SignerRegister.add(office.sync, real.identity().certificate(), SyncFixture.CLOCK.instant());
            PackageImporter.Outcome o = office.importer().importPackage(fromSam, null, PackageImporter.UnknownSigners.REFUSE, false);
            assertThat(o.applied().newSessions()).isEqualTo(3);
            assertThat(o.trust().basis()).isEqualTo(SignerTrust.Basis.REGISTER);
            assertThat(o.notices()).noneSatisfy(n -> assertThat(n).contains("WARNING"));
            assertThatThrownBy(() -> office.importer().importPackage(fromLookAlike, null, PackageImporter.UnknownSigners.REFUSE,
                    false)).isInstanceOf(UntrustedSigner.class).hasMessageContaining("the register holds another certificate");

            // chosen explicitly, on an empty office: pinned, with a warning
            try (SyncFixture second = new SyncFixture(dir.resolve("second-office"))) {
                PackageImporter.Outcome pinned = second.importer().importPackage(fromSam, null, SyncFixture.FIRST_USE, false);
                assertThat(pinned.notices()).anySatisfy(n -> assertThat(n).startsWith("WARNING: trust on first use")
                        .contains(Certificates.fingerprint(real.identity().certificate())));
                assertThat(second.sync.register()).singleElement().satisfies(s -> assertThat(s.how()).isEqualTo("first-use"));
            }
        }
    }

    /**
     * The organisation's own certificate authority: the office makes a root, an assessor's app makes
     * a signing request, the office certifies it, the assessor installs the certificate; records and
     * packages signed with it are then trusted wherever the root is installed, and pdfsig still finds
     * the record's signature valid. A look-alike who makes a root of the same name is not trusted.
     */
    @Test
    void anOrganisationRootCertifiesAnAssessorAndWhatItIssuedIsTrustedWhereTheRootIsInstalled() throws Exception {
        Path ca = dir.resolve("org-ca");
        CliRunner office = new CliRunner(dir.resolve("office"), SyncFixture.CLOCK).withKeystorePassword(ORG_PASSWORD);
        CliRunner.Run init = office.run("org", "init", "--dir", ca.toString(), "--name", "Highfield Assessment");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("This data folder now trusts the root");
        Path rootFile = ca.resolve("organisation-root.crt");
        assertThat(office.run("org", "roots").out()).contains("Highfield Assessment EPA records root");

        // a new assessor's laptop with ended sessions, nothing signed yet: certified before the first record
        Path laptop = dir.resolve("sam");
        String session;
        try (SyncFixture sam = new SyncFixture(laptop)) {
            session = new org.epaworkbench.app.SampleDataMaker(sam.plans, sam.people, sam.sessions, SyncFixture.CLOCK)
                    .make(false).sessionIds().get(0);
        }
        CliRunner samCli = new CliRunner(laptop, SyncFixture.CLOCK).withKeystorePassword(new String(SyncFixture.PASSWORD));
        Path csr = dir.resolve("sam.csr");
        CliRunner.Run request = samCli.run("keys", "request", "--out", csr.toString());
        assertThat(request.exitCode()).as(request.err()).isZero();
        assertThat(Files.readString(csr)).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        CliRunner.Run certify = office.run("org", "certify", csr.toString(), "--dir", ca.toString());
        assertThat(certify.exitCode()).as(certify.err()).isZero();
        assertThat(certify.out()).contains("Issued a certificate to Sam Assessor (sample), Highfield Assessment, assessor number EPA-000123");
        Path issued = dir.resolve("sam.crt");
        CliRunner.Run install = samCli.run("keys", "install-certificate", issued.toString());
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(samCli.run("keys", "show").out()).contains("Issued by:   Highfield Assessment EPA records root");

        Path record = dir.resolve("record.pdf");
        CliRunner.Run signed = samCli.run("report", "--session", session, "--out", record.toString());
        assertThat(signed.exitCode()).as(signed.err()).isZero();

        CliRunner.Run atOffice = office.run("verify", record.toString());
        assertThat(atOffice.exitCode()).as(atOffice.out()).isZero();
        assertThat(atOffice.out()).contains(": VERIFIED").contains("issued by the organisation root “Highfield Assessment EPA "
                + "records root”");
        // the same words are the intake service's on its office page, which has no data folder
        assertThat(atOffice.out()).contains("), which is trusted here").doesNotContain("which this data folder trusts");
        assertThat(json(office.run("verify", record.toString(), "--json")).get("trust").asText()).isEqualTo("organisation-root");

        // another office computer: untrusted until the root is installed there
        CliRunner second = new CliRunner(dir.resolve("second-office"), SyncFixture.CLOCK);
        assertThat(second.run("verify", record.toString()).exitCode()).isEqualTo(3);
        assertThat(second.run("verify", record.toString(), "--root", rootFile.toString()).exitCode()).isZero();
        assertThat(second.run("org", "trust", rootFile.toString()).out()).contains("Now trusted").contains("Check this SHA-256");
        assertThat(second.run("verify", record.toString()).exitCode()).isZero();
        CliRunner.Run notARoot = second.run("org", "trust", issued.toString());
        assertThat(notARoot.exitCode()).isEqualTo(2);
        assertThat(notARoot.err()).contains("holds 2 certificates");

        // the assessor's packages are trusted by the root too: no register entry, no first use
        assertThat(samCli.run("export", "--out", dir.resolve("usb").toString()).exitCode()).isZero();
        Path pkg = SyncCommandsTest.onlyPackage(dir.resolve("usb"));
        CliRunner.Run imported = office.run("import", pkg.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Signer trusted: issued by the organisation root").doesNotContain("WARNING");

        // an independent check: poppler's pdfsig still finds the signature valid
        if (pdfsigAvailable()) {
            Process p = new ProcessBuilder("pdfsig", record.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            assertThat(out).contains("Signature Validation: Signature is Valid.").contains("Total document signed");
        }

        // a look-alike makes a root of the same name and certifies a look-alike assessor with it
        Path fake = dir.resolve("look-alike");
        String fakeSession;
        try (SyncFixture m = SyncFixture.assessorDevice(fake)) {
            fakeSession = m.sync.allSessions().get(0);
        }
        CliRunner mCli = new CliRunner(fake).withKeystorePassword(ORG_PASSWORD);
        assertThat(mCli.run("org", "init", "--dir", dir.resolve("fake-ca").toString(), "--name", "Highfield Assessment")
                .exitCode()).isZero();
        CliRunner mKeys = new CliRunner(fake).withKeystorePassword(new String(SyncFixture.PASSWORD));
        assertThat(mKeys.run("keys", "request", "--out", dir.resolve("m.csr").toString()).exitCode()).isZero();
        assertThat(mCli.run("org", "certify", dir.resolve("m.csr").toString(), "--dir", dir.resolve("fake-ca").toString())
                .exitCode()).isZero();
        assertThat(mKeys.run("keys", "install-certificate", dir.resolve("m.crt").toString()).exitCode()).isZero();
        Path fakeRecord = dir.resolve("fake.pdf");
        assertThat(mKeys.run("report", "--session", fakeSession, "--out", fakeRecord.toString()).exitCode()).isZero();
        CliRunner.Run refused = office.run("verify", fakeRecord.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.out()).contains(": UNTRUSTED").contains("not issued by any organisation root installed here");
    }

    static boolean pdfsigAvailable() {
        try {
            Process p = new ProcessBuilder("pdfsig", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS);
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
