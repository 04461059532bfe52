package org.epaworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.recording.RecordedAudio;
import org.epaworkbench.recording.RecordedSessions;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session recording} copies a session's recording out; {@code verify} checks a recording kept beside its record. */
class RecordingCommandsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    record Made(String recorded, String unrecorded, RecordedAudio.Written audio) {
    }

    Made sessions(Path data) throws Exception {
        try (Database db = Database.open(DataDirectory.at(data))) {
            PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, CLOCK), new ArrayList<>());
            PeopleStore people = new PeopleStore(db, CLOCK);
            SessionStore sessions = new SessionStore(db);
            people.saveAssessor(new AssessorProfile("Alex Morgan", "EPA-4411", "Professional Assessment Ltd", false));
            RecordedSessions.Made made = RecordedSessions.recordedDiscussion(sessions, plans, people, data,
                    RecordedSessions.clockAt("2026-11-23T13:00:00Z"), null, 10);
            ManualClock clock = RecordedSessions.clockAt("2026-11-23T14:00:00Z");
            RecordedSession none = RecordedSessions.started(sessions, plans, people, clock, null);
            clock.advanceMinutes(3);
            none.perform(l -> l.end("Short test."));
            return new Made(made.sessionId(), none.live().state().sessionId(), made.audio());
        }
    }

    CliRunner cli(Path data) {
        return new CliRunner(data, CLOCK).withKeystorePassword("record-password");
    }

    @Test
    void aSessionsRecordingIsCopiedOutAndEachWayItCannotBeIsSaidPlainly() throws Exception {
        Path data = dir.resolve("data");
        Made m = sessions(data);
        Path out = dir.resolve("out").resolve("discussion.opus");
        CliRunner.Run ok = cli(data).run("session", "recording", m.recorded(), "--out", out.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Copied recording 1.opus of session " + m.recorded());
        assertThat(RecordedAudio.sha256(out)).isEqualTo(m.audio().sha256());

        CliRunner.Run again = cli(data).run("session", "recording", m.recorded(), "--out", out.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("already exists");

        CliRunner.Run unknown = cli(data).run("session", "recording", "no-such-session", "--out", dir.resolve("x.opus").toString());
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("unknown session 'no-such-session'").doesNotContain("Exception");

        CliRunner.Run none = cli(data).run("session", "recording", m.unrecorded(), "--out", dir.resolve("y.opus").toString());
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("Session " + m.unrecorded() + " has no recording.");

        CliRunner.Run other = cli(data).run("session", "recording", m.recorded(), "--file", "2.opus", "--out",
                dir.resolve("z.opus").toString());
        assertThat(other.err()).contains("has no recording named 2.opus (it has 1.opus)");

        Files.delete(m.audio().file());
        CliRunner.Run missing = cli(data).run("session", "recording", m.recorded(), "--out", dir.resolve("w.opus").toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("The recording 1.opus of session " + m.recorded() + " is not in the data folder");
        assertThat(dir.resolve("w.opus")).doesNotExist();
    }

    @Test
    void verifyChecksTheRecordingBesideTheRecordAgainstTheHashTheRecordLists() throws Exception {
        Path data = dir.resolve("data");
        Made m = sessions(data);
        Path folder = dir.resolve("sent");
        Path pdf = folder.resolve("discussion.pdf");
        Files.createDirectories(folder);
        CliRunner.Run report = cli(data).run("report", "--session", m.recorded(), "--out", pdf.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();

        CliRunner.Run alone = cli(data).run("verify", pdf.toString());
        assertThat(alone.exitCode()).as(alone.out()).isZero();
        assertThat(alone.out()).contains("Recording 1.opus: not found beside the record");

        Files.copy(m.audio().file(), folder.resolve("1.opus"));
        CliRunner.Run beside = cli(data).run("verify", pdf.toString());
        assertThat(beside.exitCode()).as(beside.out()).isZero();
        assertThat(beside.out()).contains("VERIFIED", "Recording 1.opus: matches the record (SHA-256 " + m.audio().sha256());

        Files.delete(folder.resolve("1.opus"));
        RecordedAudio.speech(folder.resolve("1.opus"), 10, 42, m.recorded());
        CliRunner.Run swapped = cli(data).run("verify", pdf.toString());
        assertThat(swapped.exitCode()).isEqualTo(VerifyCommand.NOT_VERIFIED);
        assertThat(swapped.out()).contains("NOT VERIFIED", "Recording 1.opus: DOES NOT MATCH the record (the record lists SHA-256 "
                + m.audio().sha256());
        JsonNode json = JsonFiles.mapper().readTree(cli(data).run("verify", pdf.toString(), "--json").out());
        assertThat(json.get("intact").asBoolean()).isFalse();
        JsonNode rec = json.get("recordings").get(0);
        assertThat(rec.get("fileName").asText()).isEqualTo("1.opus");
        assertThat(rec.get("sha256").asText()).isEqualTo(m.audio().sha256());
        assertThat(rec.get("beside").asText()).isEqualTo("differs");
    }
}
