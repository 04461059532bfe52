package org.epaworkbench.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.app.Organisation;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Verification;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Records screen without a screen (issue 14): the records listed newest first with what each is
 * about, the identity in a line, a certificate request, the issued certificate installed, and a record
 * verified, each with what the screen then says. The work runs in place; the tests answer the password.
 */
class RecordsViewModelTest {

    static final String PASSWORD = "a long password";

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    Workbench workbench;
    SampleDataMaker.Made made;
    RecordsViewModel model;
    final List<String> failures = new ArrayList<>();
    final List<Boolean> askedPassword = new ArrayList<>();

    /** Runs the work at once, as the background would later. */
    final org.epaworkbench.ui.common.Runner inPlace = org.epaworkbench.ui.common.Runner.IN_PLACE;

    RecordsViewModel.Passwords answer(String password) {
        return exists -> {
            askedPassword.add(exists);
            return Optional.ofNullable(password).map(String::toCharArray);
        };
    }

    @BeforeEach
    void open() throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), clock, new ManualClock(clock.instant()));
        made = new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), clock).make();
        model = new RecordsViewModel(workbench.records(), workbench.assessorIdentity(), new Verification(workbench.services()),
                () -> workbench.people().assessor(), inPlace, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    String message() {
        return model.shownProperty().get() instanceof RecordsViewModel.Message m ? m.id() + ": " + m.text() : null;
    }

    String sign(String sessionId) throws Exception {
        var unlocked = workbench.records().unlockOrCreate(PASSWORD.toCharArray());
        var signed = workbench.records().signSession(sessionId, unlocked, null, step -> { });
        RecordedSession.open(workbench.sessions(), workbench.plans(), sessionId, SessionClock.of(clock),
                workbench.services().settings().sessionSettings()).perform(l -> l.recordSigned(signed.record().fileName(),
                signed.record().sha256(), signed.record().certificateFingerprint()));
        return signed.record().fileName();
    }

    @Test
    void withoutAnIdentityTheLineSaysHowOneComesToBeAndNothingIsListed() {
        model.reload();
        assertThat(model.identityLineProperty().get()).startsWith("No signing identity yet");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void theRecordsNewestFirstWithWhoWhatAndTheGradeAndTheIdentityInALine() throws Exception {
        String first = sign(made.sessionIds().get(1));
        String second = sign(made.sessionIds().get(1));
        model.reload();

        assertThat(model.rows()).extracting(r -> r.fileName()).containsExactly(second, first);
        var summary = workbench.sessions().summary(made.sessionIds().get(1)).orElseThrow();
        var about = model.about(model.rows().get(0));
        assertThat(about.apprentice()).isEqualTo(summary.apprenticeName());
        assertThat(about.component()).isEqualTo(workbench.plans().plan(summary.planId())
                .flatMap(p -> p.component(summary.componentId())).orElseThrow().title());
        assertThat(about.attempt()).isEqualToIgnoringCase(summary.attempt().word()).matches("[A-Z].*");
        assertThat(about.grade()).isNotBlank();
        assertThat(model.identityLineProperty().get()).startsWith("Signing as ").contains("— self-signed, certificate SHA-256 ")
                .matches(".*valid until \\d{1,2} [A-Z][a-z]{2} \\d{4}$");
        assertThat(model.fileOf(model.rows().get(0))).exists();
    }

    @Test
    void aRecordListedHereVerifiesAndAFileThatCannotBeReadIsSaid() throws Exception {
        sign(made.sessionIds().get(1));
        model.reload();
        model.verify(model.rows().get(0));
        assertThat(model.shownProperty().get()).isInstanceOfSatisfying(RecordsViewModel.Verified.class,
                v -> assertThat(v.checked().report().verified()).isTrue());

        model.verify(dir.resolve("missing.pdf"));
        assertThat(message()).startsWith("null: Cannot read " + dir.resolve("missing.pdf"));
    }

    @Test
    void aRequestNeedsARealProfileAndCreatesTheKeyWithANewPasswordFirst() throws Exception {
        Path out = dir.resolve("assessor-request.csr");
        model.requestCertificate(out, answer(PASSWORD));
        assertThat(message()).as("the sample assessor is not a person to certify")
                .isEqualTo("null: Set your assessor profile first (Assessor, at the top): the request names you as it does.");
        assertThat(askedPassword).isEmpty();

        workbench.people().saveAssessor(new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
        model.requestCertificate(out, answer(null));
        assertThat(askedPassword).containsExactly(false);
        assertThat(out).doesNotExist();
        assertThat(workbench.assessorIdentity().exists()).as("cancelled: nothing made").isFalse();

        model.requestCertificate(out, answer(PASSWORD));
        assertThat(Files.readString(out)).contains("BEGIN CERTIFICATE REQUEST");
        assertThat(workbench.assessorIdentity().exists()).isTrue();
        assertThat(message()).startsWith("request-message: Saved assessor-request.csr. Send it to your organisation's office");
        assertThat(model.identityLineProperty().get()).startsWith("Signing as Sam Assessor — self-signed");
    }

    @Test
    void theIssuedCertificateIsInstalledOnlyWhereThereIsAKey() throws Exception {
        Path crt = dir.resolve("assessor-request.crt");
        model.installCertificate(crt, answer(PASSWORD));
        assertThat(message()).startsWith("request-message: There is no signing key here to install a certificate for.");
        assertThat(askedPassword).isEmpty();

        workbench.people().saveAssessor(new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false));
        Path csr = dir.resolve("assessor-request.csr");
        model.requestCertificate(csr, answer(PASSWORD));
        Path office = dir.resolve("office");
        char[] orgPassword = "the office's long password".toCharArray();
        workbench.services().organisation().createAuthority(office, "Highfield Assessment", orgPassword.clone());
        var chain = Organisation.certify(office, orgPassword, Organisation.readRequest(csr.toString(), Files.readAllBytes(csr)),
                Duration.ofDays(365), clock);
        StringBuilder pem = new StringBuilder();
        chain.forEach(c -> pem.append(org.epaworkbench.app.CertificateFiles.toPem(c)));
        Files.writeString(crt, pem);

        model.installCertificate(dir.resolve("not-a-certificate.crt"), answer(PASSWORD));
        assertThat(message()).startsWith("request-message: Not installed: ");
        model.installCertificate(crt, answer(PASSWORD));
        assertThat(message()).isEqualTo("request-message: Installed: you now sign as Sam Assessor, Highfield Assessment, "
                + "assessor number EPA-000123, issued by Highfield Assessment EPA records root. Records you sign from now on "
                + "carry it.");
        assertThat(model.identityLineProperty().get()).startsWith("Signing as Sam Assessor — issued by Highfield Assessment EPA "
                + "records root");
    }
}
