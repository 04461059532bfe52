package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import java.util.ArrayList;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 7 of issue 12, the audit trail: a file that is not the one the app recorded, though its signature checks
 * and its signer is trusted, does not verify. Here the second file is signed with the assessor's own key from a copy
 * of the data folder (as anyone holding a copy and its password could), for the same session: before, {@code verify}
 * printed VERIFIED for it; now it compares the file's SHA-256 with the one recorded when the record was signed.
 */
class RecordTrailTest {

    @TempDir
    Path dir;

    static final Clock SIGNED = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    static final Clock LATER = Clock.fixed(Instant.parse("2026-11-23T17:30:00Z"), ZoneOffset.UTC);

    CliRunner cli(Path data, Clock clock) {
        return new CliRunner(data, clock).withKeystorePassword("first-password");
    }

    static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void aFileSignedByTheRightKeyButNotTheOneRecordedDoesNotVerify() throws Exception {
        Path data = dir.resolve("data");
        CliRunner.Run demo = cli(data, SIGNED).run("demo", "--json");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        JsonNode ids = JsonFiles.mapper().readTree(demo.out()).get("sessionIds");
        // the first record makes the signing key; the copy of the folder has the same key
        CliRunner.Run first = cli(data, SIGNED).run("report", "--session", ids.get(0).asText(), "--out",
                dir.resolve("interview.pdf").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path copy = dir.resolve("copy");
        copyFolder(data, copy);

        String observation = ids.get(2).asText();
        Path recorded = dir.resolve("observation.pdf");
        CliRunner.Run report = cli(data, SIGNED).run("report", "--session", observation, "--out", recorded.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        Path other = dir.resolve("observation-other.pdf");
        CliRunner.Run again = cli(copy, LATER).run("report", "--session", observation, "--out", other.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(recorded));

        CliRunner.Run ok = cli(data, SIGNED).run("verify", recorded.toString());
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("VERIFIED").contains("Audit trail: the file's SHA-256 is the one recorded when")
                .contains("Session log: the log of session " + observation + " here is the one the record signs");

        // its signature is intact and its signer this folder's own: only the audit trail tells it apart
        CliRunner.Run elsewhere = cli(copy, LATER).run("verify", other.toString());
        assertThat(elsewhere.exitCode()).as(elsewhere.out()).isZero();
        CliRunner.Run v = cli(data, SIGNED).run("verify", other.toString());
        assertThat(v.exitCode()).as(v.out()).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(v.out()).contains("NOT VERIFIED").contains("Signature valid:          yes")
                .contains("as the signed record of this very log of session " + observation)
                .contains("changed after it was signed, or signed again elsewhere, even though its signature still checks")
                .doesNotContain("Exception");
        JsonNode json = JsonFiles.mapper().readTree(cli(data, SIGNED).run("verify", other.toString(), "--json").out());
        assertThat(json.get("verified").asBoolean()).isFalse();
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("sessionLog").get("sessionId").asText()).isEqualTo(observation);
        assertThat(json.get("problems").toString()).contains("and this file (SHA-256 ");

        // a genuine later record of the session (amended on the laptop since) that this folder has not received yet:
        // nothing here to compare it with, and that is said, not taken for a change
        try (Database db = Database.open(DataDirectory.at(copy))) {
            SessionStore sessions = new SessionStore(db);
            PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, LATER), new ArrayList<>());
            RecordedSession.open(sessions, plans, observation, SessionClock.system(), SessionSettings.DEFAULT)
                    .perform(l -> l.amend("Seen again on the recording", new EventBody.CriterionJudged("S2.8",
                            CriterionState.NOT_MET)));
        }
        Path amended = dir.resolve("observation-amended.pdf");
        CliRunner.Run later = cli(copy, LATER).run("report", "--session", observation, "--out", amended.toString());
        assertThat(later.exitCode()).as(later.err()).isZero();
        CliRunner.Run notYet = cli(data, SIGNED).run("verify", amended.toString());
        assertThat(notYet.exitCode()).as(notYet.out()).isZero();
        assertThat(notYet.out()).contains("VERIFIED").contains("none of this version of its log")
                .contains("so the rest could not be compared (not received here yet)").doesNotContain("Problem:");

        // the log here cut short after signing (its last events deleted with sqlite3): the record is not taken as proof
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("workbench.db"));
             java.sql.Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER IF EXISTS session_event_is_append_only");
            st.execute("DELETE FROM session_event WHERE session_id = '" + observation + "' AND seq > (SELECT max(seq) - 3 "
                    + "FROM session_event WHERE session_id = '" + observation + "')");
        }
        CliRunner.Run cut = cli(data, SIGNED).run("verify", recorded.toString());
        assertThat(cut.exitCode()).as(cut.out()).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(cut.out()).contains("NOT VERIFIED").contains("Audit trail: the file's SHA-256 is the one recorded")
                .contains("Problem: The log of session " + observation + " was changed outside EPA Workbench")
                .contains("events at its end were removed");

        // a data folder with no record of the file says that nothing was compared
        CliRunner.Run nowhere = cli(dir.resolve("empty"), SIGNED).run("verify", recorded.toString());
        assertThat(nowhere.out()).contains("Audit trail: this data folder has no record of this file to compare it with.");
    }
}
