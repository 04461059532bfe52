package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.recording.RecordedSessions;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SignedRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed record lists the session's recordings (issue 16): so its signature binds the audio's SHA-256. */
class RecordingsInRecordTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    Database db;
    PlanLibrary plans;
    PeopleStore people;
    SessionStore sessions;
    RecordProducer producer;

    void open() throws Exception {
        db = Database.open(DataDirectory.at(dir));
        plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, CLOCK), new ArrayList<>());
        people = new PeopleStore(db, CLOCK);
        sessions = new SessionStore(db);
        people.saveAssessor(new AssessorProfile("Alex Morgan", "EPA-4411", "Professional Assessment Ltd", false));
        producer = new RecordProducer(plans, sessions, people, new SignedRecords(db), new AssessorKeyStore(dir, CLOCK), CLOCK,
                ZoneId.of("Europe/London"));
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aRecordedDiscussionIsListedWithItsHashAndTheSignatureCoversIt() throws Exception {
        open();
        try (Database d = db) {
            SigningIdentity id = producer.unlockOrCreate("record-password".toCharArray()).identity();
            RecordedSessions.Made made = RecordedSessions.recordedDiscussion(sessions, plans, people, dir,
                    RecordedSessions.clockAt("2026-11-23T13:00:00Z"), null, 12);
            RecordProducer.Produced p = producer.signSession(made.sessionId(), id, null, step -> { });
            RecordLayoutTest.keep("record-with-recording.pdf", p.pdf());
            String text = text(p.pdf());
            assertThat(text).contains("Recordings", "Recording required for a face-to-face professional discussion",
                    "Given by Jordan Ellis", "I agree to the discussion being recorded", "Recording 1: 1.opus",
                    "Opus in Ogg, 16 kHz mono, 24 kbit/s", "Built-in microphone",
                    String.format(java.util.Locale.UK, "%,d bytes", made.audio().sizeBytes()), "Ended");
            assertThat(text.replace(" ", "")).contains(made.audio().sha256());
            assertThat(text).doesNotContain("Not met");
            SignatureReport report = new PadesVerifier().verify("record.pdf", p.pdf());
            assertThat(report.verified()).isTrue();
        }
    }

    @Test
    void aRequiredRecordingThatIsMissingIsSaidPlainlyAndAnExemptionIsListedWithItsReason() throws Exception {
        open();
        try (Database d = db) {
            ManualClock clock = RecordedSessions.clockAt("2026-11-23T12:00:00Z");
            RecordedSession none = RecordedSessions.started(sessions, plans, people, clock, null);
            clock.advanceMinutes(5);
            none.perform(l -> l.end("Short test session."));
            String missing = text(producer.renderSession(none.live().state().sessionId()));
            assertThat(missing).contains("Recording required", "Not met: the plan requires a recording of this session, and "
                    + "there is no recording and no agreed exemption.");

            RecordedSession exempt = RecordedSessions.started(sessions, plans, people, clock, null);
            exempt.perform(l -> l.exemptFromRecording("The apprentice's hearing aid fails near recording equipment; agreed "
                    + "at the planning meeting on 10 November."));
            clock.advanceMinutes(5);
            exempt.perform(l -> l.end("Short test session."));
            byte[] pdf = producer.renderSession(exempt.live().state().sessionId());
            RecordLayoutTest.keep("record-recording-exempted.pdf", pdf);
            String text = text(pdf);
            assertThat(text).contains("No recording: exemption agreed — reason: The apprentice's hearing aid fails near")
                    .doesNotContain("Not met");
        }
    }

    @Test
    void aRepairedRecordingSaysWhatWasKeptAndLostAndAnAttachedFileIsListedWithItsHash() throws Exception {
        open();
        try (Database d = db) {
            ManualClock clock = RecordedSessions.clockAt("2026-11-23T12:00:00Z");
            RecordedSession s = RecordedSessions.started(sessions, plans, people, clock, null);
            s.perform(l -> l.consentToRecording("Jordan Ellis", "I agree."));
            s.perform(l -> l.recordingStarted("1.opus", "Opus in Ogg", "USB headset"));
            clock.advanceMinutes(5);
            s.perform(l -> l.end("Short test session."));
            String sha = "ab".repeat(32);
            s.perform(l -> l.recordingRepaired("repaired", 298_000, 1_500, 420_000, sha, "cut to its last whole page"));
            String callSha = "cd".repeat(32);
            s.perform(l -> l.attachRecording("call-recording.mp4", "MP4 video (the call's own)", callSha, 305_000,
                    48_000_000));
            byte[] pdf = producer.renderSession(s.live().state().sessionId());
            RecordLayoutTest.keep("record-recording-repaired.pdf", pdf);
            String text = text(pdf);
            assertThat(text).contains("Repaired after the app stopped: cut to its last whole page (kept 4:58, lost 0:01)",
                    "Recording 2: call-recording.mp4", "Attached to the session", "48.0 MB (48,000,000 bytes)");
            assertThat(text.replace(" ", "")).contains(sha, callSha);
        }
    }

    @Test
    void sizesAreGivenInMegabytesAndExactBytes() {
        assertThat(RecordHtml.size(15_234_567)).isEqualTo("15.2 MB (15,234,567 bytes)");
        assertThat(RecordHtml.size(900)).isEqualTo("1 kB (900 bytes)");
    }
}
