package org.epaworkbench.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing an apprentice's overall result as one flow with explicit outcomes, without a screen (issue 14):
 * the result shown in words first, then signed and backed up, or failed in words with nothing signed.
 */
class OverallSigningTest {

    static final String PASSWORD = "a long password";

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    Workbench workbench;
    String apprenticeId;
    final List<String> steps = new ArrayList<>();
    int backups;

    @BeforeEach
    void open() throws Exception {
        workbench = Workbench.open(DataDirectory.at(dir), clock, new ManualClock(clock.instant()));
        apprenticeId = new SampleDataMaker(workbench.plans(), workbench.people(), workbench.sessions(), clock).make().apprenticeId();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theResultIsShownInWordsThenSignedAndBackedUp() throws Exception {
        var overall = workbench.records().overall(apprenticeId);
        String summary = OverallSigning.summary(overall);
        for (var line : overall.lines()) {
            assertThat(summary).contains(line.component().title() + ": " + line.result().grade().label());
        }
        assertThat(summary).contains("\nOverall: " + overall.result().grade().label());

        char[] password = PASSWORD.toCharArray();
        OverallSigning.Outcome outcome = new OverallSigning(workbench.records(), () -> backups++, apprenticeId, null, password,
                steps::add).call();

        assertThat(outcome).isInstanceOfSatisfying(OverallSigning.Signed.class, s -> {
            assertThat(s.file()).exists();
            assertThat(s.backupProblem()).isEmpty();
        });
        assertThat(workbench.records().all()).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo("overall"));
        assertThat(backups).isEqualTo(1);
        assertThat(steps).startsWith("Unlocking the signing key").contains("Signing");
        assertThat(password).containsOnly('\0');
    }

    @Test
    void aWrongPasswordFailsInWordsAndSignsNothing() throws Exception {
        new OverallSigning(workbench.records(), () -> backups++, apprenticeId, null, PASSWORD.toCharArray(), steps::add).call();
        OverallSigning.Outcome outcome = new OverallSigning(workbench.records(), () -> backups++, apprenticeId, null,
                "not the password".toCharArray(), steps::add).call();

        assertThat(outcome).isInstanceOfSatisfying(OverallSigning.Failed.class,
                f -> assertThat(f.message()).contains("Wrong keystore password"));
        assertThat(workbench.records().all()).hasSize(1);
        assertThat(backups).isEqualTo(1);
    }

    @Test
    void anApprenticeWithoutEveryComponentEndedHasNoResultToSign() throws Exception {
        OverallSigning.Outcome outcome = new OverallSigning(workbench.records(), () -> backups++, "no-such-apprentice", null,
                PASSWORD.toCharArray(), steps::add).call();
        assertThat(outcome).isInstanceOfSatisfying(OverallSigning.Failed.class,
                f -> assertThat(f.message()).isEqualTo("There is no apprentice no-such-apprentice."));
        assertThat(backups).isZero();
    }

    @Test
    void aFailedBackupIsSaidButTheResultStaysSigned() {
        OverallSigning.Outcome outcome = new OverallSigning(workbench.records(), () -> {
            throw new java.io.IOException("no room");
        }, apprenticeId, null, PASSWORD.toCharArray(), steps::add).call();
        assertThat(outcome).isInstanceOfSatisfying(OverallSigning.Signed.class, s -> assertThat(s.backupProblem())
                .contains("The overall result is signed, but the automatic backup failed: no room"));
    }
}
