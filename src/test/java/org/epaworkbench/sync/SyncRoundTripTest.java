package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.store.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void exportThenImportIntoAFreshFolderReproducesEverySessionEventAndPdfByteForByte() throws Exception {
        try (SyncFixture device = SyncFixture.assessorDevice(dir.resolve("laptop"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            Path pkg = device.exportPending(dir.resolve("usb"));
            assertThat(pkg.getFileName().toString()).endsWith(".epapkg");
            PackageImporter.Outcome outcome = office.importer().importPackage(Files.readAllBytes(pkg), null, SyncFixture.FIRST_USE, false);
            assertThat(outcome.applied().newSessions()).isEqualTo(3);
            assertThat(outcome.applied().newRecords()).isEqualTo(3);
            assertThat(outcome.pdfsWritten()).isEqualTo(3);
            assertThat(outcome.notices()).anySatisfy(n -> assertThat(n).startsWith("WARNING: trust on first use").contains("pinned"));
            assertThat(office.snapshot()).isEqualTo(device.snapshot());
            for (String s : device.sync.allSessions()) {
                assertThat(office.sessions.events(s)).isEqualTo(device.sessions.events(s));
            }
        }
    }

    @Test
    void importingTwiceOrInEitherOrderGivesTheSameDatabase() throws Exception {
        try (SyncFixture device = SyncFixture.assessorDevice(dir.resolve("laptop"));
             SyncFixture a = new SyncFixture(dir.resolve("office-a"));
             SyncFixture b = new SyncFixture(dir.resolve("office-b"))) {
            Path first = device.exportPending(dir.resolve("usb"));
            // more work after the first export, in a second package
            var more = SyncFixture.class; // keep the fixture's data; add a session note on an ended session as an amendment
            String session = device.sync.allSessions().get(0);
            org.epaworkbench.app.RecordedSession.open(device.sessions, device.plans, session,
                    SyncFixture.sessionClock(), org.epaworkbench.session.SessionSettings.DEFAULT)
                    .perform(l -> l.amend("Evidence reference added after the session",
                            new org.epaworkbench.session.EventBody.EvidenceReferenced("K1.1", "Annex A")));
            Outbox outbox = device.outbox();
            Outbox.Selection pending = outbox.pending();
            assertThat(pending.sessionIds()).containsExactly(session);
            assertThat(pending.records()).isEmpty();
            Path second = outbox.export(pending, dir.resolve("usb"), device.identity(), null).file();

            a.importer().importPackage(Files.readAllBytes(first), null, SyncFixture.FIRST_USE, false);
            a.importer().importPackage(Files.readAllBytes(second), null, SyncFixture.FIRST_USE, false);
            String once = a.snapshot();
            PackageImporter.Outcome again = a.importer().importPackage(Files.readAllBytes(second), null, SyncFixture.FIRST_USE, false);
            assertThat(again.applied().newEvents()).isZero();
            assertThat(again.notices()).anySatisfy(n -> assertThat(n).contains("imported before"));
            assertThat(a.snapshot()).isEqualTo(once);

            b.importer().importPackage(Files.readAllBytes(second), null, SyncFixture.FIRST_USE, false);
            b.importer().importPackage(Files.readAllBytes(first), null, SyncFixture.FIRST_USE, false);
            assertThat(b.snapshot()).isEqualTo(a.snapshot()).isEqualTo(device.snapshot());
        }
    }

    /** Issue 16: recording events (here a remote call's recording attached after the end) travel and import as written. */
    @Test
    void aRecordingAttachedAfterTheEndTravelsInThePackage() throws Exception {
        try (SyncFixture device = SyncFixture.assessorDevice(dir.resolve("laptop"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            String session = device.sync.allSessions().get(0);
            org.epaworkbench.app.RecordedSession.open(device.sessions, device.plans, session,
                    SyncFixture.sessionClock(), org.epaworkbench.session.SessionSettings.DEFAULT)
                    .perform(l -> l.attachRecording("call.mp4", "MP4 video", "ab".repeat(32), 3_590_000, 150_000_000));
            Path pkg = device.exportPending(dir.resolve("usb"));
            office.importer().importPackage(Files.readAllBytes(pkg), null, SyncFixture.FIRST_USE, false);
            assertThat(office.snapshot()).isEqualTo(device.snapshot());
            var state = office.sessions.state(session).orElseThrow();
            assertThat(state.recordings()).singleElement().satisfies(r -> {
                assertThat(r.fileName()).isEqualTo("call.mp4");
                assertThat(r.sha256()).isEqualTo("ab".repeat(32));
            });
        }
    }

    @Test
    void exportIsIncrementalAndMarksWhatWentOut() throws Exception {
        try (SyncFixture device = SyncFixture.assessorDevice(dir.resolve("laptop"))) {
            Outbox outbox = device.outbox();
            assertThat(outbox.pending().records()).hasSize(3);
            var exported = outbox.export(outbox.pending(), dir.resolve("usb"), device.identity(), null);
            assertThat(outbox.pending().isEmpty()).isTrue();
            assertThat(device.records.all()).allSatisfy(r -> assertThat(r.exported()).isTrue());
            assertThat(device.sync.markUploaded(exported.packageId(), SyncFixture.CLOCK.instant())).isTrue();
            assertThat(device.records.all()).allSatisfy(r -> assertThat(r.uploadedAt()).isNotNull());
            assertThat(outbox.all().records()).hasSize(3);
        }
    }

    @Test
    void anEncryptedPackageOpensOnlyWithTheOrganisationsKey() throws Exception {
        try (SyncFixture device = SyncFixture.assessorDevice(dir.resolve("laptop"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            AssessorKeyStore orgKeys = new AssessorKeyStore(dir.resolve("org-keys"), SyncFixture.CLOCK);
            var orgCert = orgKeys.create(new AssessorProfile("Highfield EPA office", "", "Highfield Assessment", false),
                    "organisation-pass".toCharArray());
            Outbox outbox = device.outbox();
            Path pkg = outbox.export(outbox.pending(), dir.resolve("usb"), device.identity(), orgCert).file();
            byte[] bytes = Files.readAllBytes(pkg);
            assertThat(PackageReader.isEncrypted(bytes)).isTrue();
            assertThatThrownBy(() -> office.importer().importPackage(bytes, null, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageContaining("encrypted for an organisation");
            var wrongKey = device.identity().privateKey();
            assertThatThrownBy(() -> office.importer().importPackage(bytes, wrongKey, SyncFixture.FIRST_USE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageContaining("cannot decrypt");
            var outcome = office.importer().importPackage(bytes, orgKeys.unlock("organisation-pass".toCharArray()).privateKey(),
                    SyncFixture.FIRST_USE, false);
            assertThat(outcome.encrypted()).isTrue();
            assertThat(office.snapshot()).isEqualTo(device.snapshot());
        }
    }

    @Test
    void theSameSessionEndedDifferentlyOnTwoDevicesIsKeptAsAConflict() throws Exception {
        try (SyncFixture laptop = SyncFixture.assessorDevice(dir.resolve("laptop"));
             SyncFixture tablet = new SyncFixture(dir.resolve("tablet"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            // the tablet takes the laptop's records, then both amend the same session differently
            tablet.importer().importPackage(Files.readAllBytes(laptop.exportPending(dir.resolve("usb1"))), null, SyncFixture.FIRST_USE, false);
            String session = laptop.sync.allSessions().get(2);
            for (SyncFixture f : List.of(laptop, tablet)) {
                org.epaworkbench.app.RecordedSession.open(f.sessions, f.plans, session,
                        SyncFixture.sessionClock(), org.epaworkbench.session.SessionSettings.DEFAULT)
                        .perform(l -> l.amend("Corrected on " + f.root.getFileName(),
                                new org.epaworkbench.session.EventBody.CriterionJudged("S2.8",
                                        f == laptop ? org.epaworkbench.grading.CriterionState.MET
                                                : org.epaworkbench.grading.CriterionState.NOT_MET)));
            }
            tablet.people.saveAssessor(laptop.assessor());
            Path fromLaptop = laptop.exportPending(dir.resolve("usb2"));
            Outbox tabletOutbox = tablet.outbox();
            Path fromTablet = tabletOutbox.export(tabletOutbox.pending(), dir.resolve("usb3"),
                    laptop.identity(), null).file();
            office.importer().importPackage(Files.readAllBytes(fromLaptop), null, SyncFixture.FIRST_USE, false);
            var outcome = office.importer().importPackage(Files.readAllBytes(fromTablet), null, SyncFixture.FIRST_USE, false);
            assertThat(outcome.applied().conflictedSessions()).containsExactly(session);
            List<SessionStore.Conflict> conflicts = office.sessions.conflicts();
            assertThat(conflicts).singleElement().satisfies(c -> assertThat(c.eventIds()).hasSize(2));
            // both versions are kept; the record stops before the disagreement until a person chooses
            assertThat(office.sessions.allEvents(session).stream().filter(e -> e.type().equals("amended"))).hasSize(2);
            SessionStore.Conflict c = conflicts.get(0);
            office.sessions.resolve(session, c.seq(), c.eventIds().get(0), "Confirmed with the assessor",
                    SyncFixture.CLOCK.instant());
            assertThat(office.sessions.conflicts()).isEmpty();
            assertThat(office.sessions.events(session)).hasSize((int) c.seq());
        }
    }
}
