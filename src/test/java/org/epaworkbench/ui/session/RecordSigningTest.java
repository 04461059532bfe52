package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.session.DeclarationWay;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing a record as one flow with explicit outcomes, without a screen (issue 14): signed (declarations,
 * record, log entry, backup), failed with the reason in words and nothing recorded, and what goes wrong
 * without stopping it said as a warning.
 */
class RecordSigningTest {

    static final String PASSWORD = "a long password";

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    Workbench workbench;
    String sessionId;
    RecordedSession recorded;
    final List<String> written = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> steps = new ArrayList<>();
    int backups;

    @BeforeEach
    void open() throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), clock, new ManualClock(clock.instant()));
        SampleDataMaker.Made made = new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), clock).make();
        sessionId = made.sessionIds().get(1);
        recorded = RecordedSession.open(workbench.sessions(), workbench.plans(), sessionId, SessionClock.of(clock),
                workbench.services().settings().sessionSettings());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(5, 5, 0xff000000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    RecordSigning signing(char[] password, RecordSigning.SessionWriter writer, RecordSigning.BackUp backUp) throws Exception {
        byte[] drawn = png();
        SigningDecisions.Declarations d = new SigningDecisions.Declarations(true, "Priya Shah", drawn, DeclarationWay.DRAWN, null,
                "Sam Assessor", drawn, true);
        return new RecordSigning(workbench.records(), workbench.assessorIdentity(), writer, backUp, warnings::add, sessionId,
                recorded.live().snapshot().plan(), d, password, steps::add);
    }

    RecordSigning.SessionWriter writer() {
        return action -> {
            recorded.perform(action);
            written.add(recorded.live().snapshot().state().signedRecords().isEmpty() ? "declared" : "record logged");
        };
    }

    @Test
    void signsTheRecordAfterTheDeclarationsLogsItAndBacksUp() throws Exception {
        char[] password = PASSWORD.toCharArray();
        RecordSigning.Outcome outcome = signing(password, writer(), () -> backups++).call();

        assertThat(outcome).isInstanceOf(RecordSigning.Signed.class);
        RecordSigning.Signed signed = (RecordSigning.Signed) outcome;
        assertThat(signed.check().verified()).isTrue();
        assertThat(signed.file()).exists();
        assertThat(written).containsExactly("declared", "declared", "record logged");
        var state = workbench.sessions().state(sessionId).orElseThrow();
        assertThat(state.declaration("apprentice")).isPresent();
        assertThat(state.declaration("assessor")).isPresent();
        assertThat(state.signedRecords()).hasSize(1);
        assertThat(workbench.records().ofSession(sessionId)).hasSize(1);
        assertThat(backups).isEqualTo(1);
        assertThat(workbench.assessorIdentity().drawnSignature()).isPresent();
        assertThat(steps).contains("Signing the record · Signing", "Signing the record · Checking the signature");
        assertThat(warnings).isEmpty();
        assertThat(password).as("the password is cleared once the key is open").containsOnly('\0');
    }

    @Test
    void aWrongPasswordFailsInWordsAndRecordsNothing() throws Exception {
        workbench.assessorIdentity().create(workbench.people().assessor().orElse(
                new AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment", false)), PASSWORD.toCharArray());
        RecordSigning.Outcome outcome = signing("not the password".toCharArray(), writer(), () -> backups++).call();

        assertThat(outcome).isInstanceOf(RecordSigning.Failed.class);
        assertThat(((RecordSigning.Failed) outcome).message()).contains("Wrong keystore password")
                .endsWith("Nothing was recorded: sign again when ready.");
        assertThat(written).isEmpty();
        assertThat(workbench.sessions().state(sessionId).orElseThrow().declaration("assessor")).isEmpty();
        assertThat(workbench.records().all()).isEmpty();
        assertThat(backups).isZero();
    }

    @Test
    void aDeclarationNotSavedStopsTheSigning() throws Exception {
        RecordSigning.Outcome outcome = signing(PASSWORD.toCharArray(), action -> {
            throw new java.sql.SQLException("disk I/O error");
        }, () -> backups++).call();

        assertThat(outcome).isInstanceOf(RecordSigning.Failed.class);
        assertThat(((RecordSigning.Failed) outcome).message()).startsWith("Not saved, so not recorded: disk I/O error");
        assertThat(workbench.records().all()).as("nothing signed").isEmpty();
        assertThat(backups).isZero();
    }

    @Test
    void aFailedBackupIsSaidButTheRecordStaysSigned() throws Exception {
        RecordSigning.Outcome outcome = signing(PASSWORD.toCharArray(), writer(), () -> {
            throw new java.io.IOException("no room for the backup");
        }).call();

        assertThat(outcome).isInstanceOf(RecordSigning.Signed.class);
        assertThat(warnings).containsExactly("The record is signed, but the automatic backup failed: no room for the backup");
    }
}
