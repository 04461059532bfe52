package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.recording.RecordedAudio;
import org.epaworkbench.recording.RecordedSessions;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.RecordingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages carry the recordings their sessions' logs name (issue 16), streamed, and the importer checks each against the
 * log: SHA-256 and size, Ogg/Opus that plays to its end for the logged duration, a plain name; anything else refuses the
 * whole package, naming the session and the file.
 */
class RecordingPackageTest {

    @TempDir
    Path dir;

    record Device(SyncFixture f, SigningIdentity id, RecordedSessions.Made made) {
    }

    /** An assessor's laptop with a recorded PAL discussion (12 s of speech in recordings/ID/1.opus). */
    Device device(String name) throws Exception {
        SyncFixture f = new SyncFixture(dir.resolve(name));
        f.people.saveAssessor(new org.epaworkbench.people.AssessorProfile("Sam Assessor", "EPA-000123",
                "Professional Assessment Ltd", false));
        SigningIdentity id = f.identity();
        RecordedSessions.Made made = RecordedSessions.recordedDiscussion(f.sessions, f.plans, f.people, f.root,
                RecordedSessions.clockAt("2026-11-23T13:00:00Z"), Certificates.publicKeyFingerprint(id.certificate()), 12);
        return new Device(f, id, made);
    }

    static Map<String, byte[]> entries(byte[] pkg) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pkg))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    /** The package's entries with some replaced (null removes one), signed anew by the assessor. */
    static byte[] repacked(Map<String, byte[]> entries, Map<String, byte[]> changes, Map<String, Path> files,
            SigningIdentity id) throws Exception {
        PackageWriter w = new PackageWriter();
        Map<String, byte[]> all = new LinkedHashMap<>(entries);
        all.putAll(changes);
        for (var e : all.entrySet()) {
            if (!e.getKey().equals(PackageFormat.MANIFEST) && !e.getKey().equals(PackageFormat.SIGNATURE) && e.getValue() != null) {
                w.add(e.getKey(), e.getValue());
            }
        }
        files.forEach(w::addFile);
        return w.write(UUID.randomUUID().toString(), Instant.parse("2026-11-23T14:30:00Z"), "0123456789abcdef0123456789abcdef", id, null);
    }

    @Test
    void aRecordedSessionTravelsWithItsRecordingWhichIsPlacedWhereTheOfficeKeepsRecordings() throws Exception {
        Device d = device("laptop");
        try (SyncFixture laptop = d.f(); SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            Outbox o = laptop.outbox();
            Outbox.Exported x = o.export(o.pending(), dir.resolve("usb"), d.id(), null);
            assertThat(x.recordings()).isEqualTo(1);
            assertThat(x.notices()).isEmpty();
            String entry = "recordings/" + d.made().sessionId() + "/1.opus";
            assertThat(entries(Files.readAllBytes(x.file()))).containsKey(entry);

            PackageImporter.Outcome out = office.importer().importPackage(x.file(), null, SyncFixture.FIRST_USE, false);
            assertThat(out.notices()).noneMatch(n -> n.contains("Missing recording"));
            Path placed = RecordingFiles.file(RecordingFiles.folder(office.root), d.made().sessionId(), "1.opus");
            assertThat(RecordedAudio.sha256(placed)).isEqualTo(d.made().audio().sha256());
            // again: nothing changes, the file is here already and the same
            office.importer().importPackage(x.file(), null, SyncFixture.FIRST_USE, false);
            assertThat(RecordedAudio.sha256(placed)).isEqualTo(d.made().audio().sha256());
        }
    }

    @Test
    void anAttachedCallRecordingWhoseNameHasSpacesTravelsByHashAndSize() throws Exception {
        Device d = device("laptop");
        try (SyncFixture laptop = d.f(); SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            String sid = d.made().sessionId();
            Path call = RecordingFiles.file(RecordingFiles.folder(laptop.root), sid, "Teams meeting.mp4");
            Files.write(call, "not audio at all: an attached file is checked by hash and size only".getBytes());
            long size = Files.size(call);
            String sha = RecordedAudio.sha256(call);
            d.made().session().perform(l -> l.attachRecording("Teams meeting.mp4", "MP4 video", sha, 3_000, size));
            Outbox o = laptop.outbox();
            Outbox.Exported x = o.export(o.pending(), dir.resolve("usb"), d.id(), null);
            assertThat(x.recordings()).isEqualTo(2);
            String entry = "recordings/" + sid + "/x-" + java.util.HexFormat.of().formatHex("Teams meeting.mp4".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(entries(Files.readAllBytes(x.file()))).containsKey(entry);
            office.importer().importPackage(x.file(), null, SyncFixture.FIRST_USE, false);
            Path placed = RecordingFiles.file(RecordingFiles.folder(office.root), sid, "Teams meeting.mp4");
            assertThat(RecordedAudio.sha256(placed)).isEqualTo(sha);
        }
    }

    @Test
    void swappedAudioWithTheSameNameRefusesTheWholePackage() throws Exception {
        Device d = device("laptop");
        try (SyncFixture laptop = d.f(); SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            byte[] pkg = Files.readAllBytes(laptop.exportPending(dir.resolve("usb")));
            String entry = "recordings/" + d.made().sessionId() + "/1.opus";
            // another 12 s of speech, a playable Opus file of the same session and name: not the one the log records
            Path other = RecordedAudio.speech(dir.resolve("other.opus"), 12, 99, d.made().sessionId()).file();
            byte[] forged = repacked(entries(pkg), Map.of(entry, Files.readAllBytes(other)), Map.of(), d.id());
            String before = office.snapshot();
            assertThatThrownBy(() -> office.importer().importPackage(forged, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageContaining(entry)
                    .hasMessageContaining("recording 1.opus of session " + d.made().sessionId() + " is not the file its log "
                            + "records").hasMessageContaining("swapped or changed");
            assertThat(office.snapshot()).isEqualTo(before);
            assertThat(RecordingFiles.folder(office.root)).doesNotExist();
        }
    }

    @Test
    void aPathLikeRecordingNameIsRefused() throws Exception {
        Device d = device("laptop");
        try (SyncFixture laptop = d.f(); SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            Map<String, byte[]> genuine = entries(Files.readAllBytes(laptop.exportPending(dir.resolve("usb"))));
            String entry = "recordings/" + d.made().sessionId() + "/1.opus";
            byte[] audio = genuine.get(entry);
            Map<String, byte[]> moved = new LinkedHashMap<>();
            moved.put(entry, null);
            moved.put("recordings/" + d.made().sessionId() + "/sub/1.opus", audio);
            byte[] deeper = repacked(genuine, moved, Map.of(), d.id());
            assertThatThrownBy(() -> office.importer().importPackage(deeper, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageContaining("sub/1.opus")
                    .hasMessageContaining("not a kind of entry");
            // a name that climbs out is refused by the writer and, whatever wrote it, by the reader
            assertThatThrownBy(() -> new PackageWriter().add("recordings/" + d.made().sessionId() + "/../1.opus", audio))
                    .hasMessageContaining("climbs out");
            // a carried file the log does not name
            Map<String, byte[]> extra = new LinkedHashMap<>();
            extra.put("recordings/" + d.made().sessionId() + "/2.opus", audio);
            byte[] unnamed = repacked(genuine, extra, Map.of(), d.id());
            assertThatThrownBy(() -> office.importer().importPackage(unnamed, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageContaining("names no finished recording 2.opus");
            assertThat(RecordingFiles.folder(office.root)).doesNotExist();
        }
    }

    @Test
    void anOversizedRecordingIsRefusedBeforeItIsUnpacked() throws Exception {
        Device d = device("laptop");
        try (SyncFixture laptop = d.f(); SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            Map<String, byte[]> genuine = entries(Files.readAllBytes(laptop.exportPending(dir.resolve("usb"))));
            String entry = "recordings/" + d.made().sessionId() + "/1.opus";
            Path big = dir.resolve("big.opus");
            try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
                f.setLength(PackageFormat.MAX_RECORDING_BYTES + 1);
            }
            Map<String, byte[]> without = new LinkedHashMap<>();
            without.put(entry, null);
            Path pkg = dir.resolve("big.epapkg");
            Files.write(pkg, repacked(genuine, without, Map.of(entry, big), d.id()));
            assertThatThrownBy(() -> office.importer().importPackage(pkg, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageContaining(entry)
                    .hasMessageContaining("may be at most " + PackageFormat.MAX_RECORDING_BYTES + " bytes");
        }
    }

    @Test
    void aTruncatedOggIsRefusedEvenWhenItsLogRecordsItsHash() throws Exception {
        try (SyncFixture laptop = new SyncFixture(dir.resolve("laptop"));
                SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            laptop.people.saveAssessor(new org.epaworkbench.people.AssessorProfile("Sam Assessor", "EPA-000123",
                    "Professional Assessment Ltd", false));
            SigningIdentity id = laptop.identity();
            ManualClock clock = RecordedSessions.clockAt("2026-11-23T13:00:00Z");
            RecordedSession s = RecordedSessions.started(laptop.sessions, laptop.plans, laptop.people, clock,
                    Certificates.publicKeyFingerprint(id.certificate()));
            String sid = s.live().state().sessionId();
            s.perform(l -> l.consentToRecording("Jordan Ellis", "I agree."));
            s.perform(l -> l.recordingStarted("1.opus", "Opus in Ogg", "Built-in microphone"));
            Path file = RecordingFiles.file(RecordingFiles.folder(laptop.root), sid, "1.opus");
            RecordedAudio.Written audio = RecordedAudio.speech(file, 12, 3, sid);
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(audio.sizeBytes() * 2 / 3); // cut mid-page, as a copy cut short would be
            }
            clock.advanceSeconds(12);
            s.perform(l -> l.end("Short test."));
            // a log that records the cut file's hash and size, but the length of the whole recording
            long cutSize = Files.size(file);
            String cutSha = RecordedAudio.sha256(file);
            s.perform(l -> l.recordingEnded(audio.durationMillis(), cutSize, cutSha));
            Path pkg = laptop.exportPending(dir.resolve("usb"));
            assertThatThrownBy(() -> office.importer().importPackage(pkg, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageContaining("recordings/" + sid + "/1.opus")
                    .hasMessageContaining("recording 1.opus of session " + sid + " is cut short");
        }
    }

    @Test
    void aRecordingTheLaptopNoLongerHasIsLeftOutAndTheImportSaysItIsMissing() throws Exception {
        Device d = device("laptop");
        try (SyncFixture laptop = d.f(); SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            Files.delete(d.made().audio().file());
            Outbox o = laptop.outbox();
            Outbox.Exported x = o.export(o.pending(), dir.resolve("usb"), d.id(), null);
            assertThat(x.recordings()).isZero();
            assertThat(x.notices()).singleElement().asString().contains("Recording 1.opus of session "
                    + d.made().sessionId() + " is not in the package: the file is not in the data folder");
            PackageImporter.Outcome out = office.importer().importPackage(x.file(), null, SyncFixture.FIRST_USE, false);
            assertThat(out.applied().newSessions()).isEqualTo(1);
            assertThat(out.notices()).anyMatch(n -> n.startsWith("Missing recording: session " + d.made().sessionId()
                    + "'s log names recording 1.opus (ended"));
        }
    }

    @Test
    void theIntakeServiceKeepsACarriedRecordingOnceByItsHashLikeARecordPdf() throws Exception {
        Device d = device("laptop");
        try (SyncFixture laptop = d.f()) {
            Path pkg = laptop.exportPending(dir.resolve("usb"));
            org.epaworkbench.keys.OrganisationAuthority authority = org.epaworkbench.keys.OrganisationAuthority.create(
                    dir.resolve("authority"), "Professional Assessment Ltd", "authority-password".toCharArray(),
                    SyncTestSupport.clock());
            org.epaworkbench.intake.IntakeDatabase db = org.epaworkbench.intake.IntakeDatabases.fresh(
                    org.epaworkbench.intake.IntakeDatabase.Kind.SQLITE, dir.resolve("service"));
            try {
                org.epaworkbench.intake.Blobs blobs = new org.epaworkbench.intake.Blobs(dir.resolve("service/blobs"));
                org.epaworkbench.app.Intake intake = new org.epaworkbench.app.Intake(db, blobs,
                        org.epaworkbench.intake.Identities.service(authority, "localhost"), SyncFixture.CLOCK,
                        org.epaworkbench.packs.PlanLibrary.load(new org.epaworkbench.packs.PlanPackReader(), null,
                                new java.util.ArrayList<>()));
                intake.ledger().addSigner(SyncTestSupport.registration(pkg));
                org.epaworkbench.app.Intake.Received received = intake.receive(pkg);
                assertThat(received).as(received.toString()).isInstanceOf(org.epaworkbench.app.Intake.Accepted.class);
                assertThat(((org.epaworkbench.app.Intake.Accepted) received).notices()).noneMatch(n -> n.contains("Missing"));
                Path kept = blobs.find(d.made().audio().sha256(), ".opus").orElseThrow();
                assertThat(RecordedAudio.sha256(kept)).isEqualTo(d.made().audio().sha256());
            } finally {
                db.close();
            }
        }
    }
}
