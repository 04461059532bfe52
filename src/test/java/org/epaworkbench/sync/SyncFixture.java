package org.epaworkbench.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.epaworkbench.keys.AssessorKeyStore;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.record.RecordProducer;
import org.epaworkbench.app.SampleDataMaker;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.ImportedPlanPacks;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SignedRecords;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionSettings;

/** A data folder as an assessor's laptop or the office has it, for sync tests. */
final class SyncFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    /**
     * The fixtures' one clock for events recorded on a device (amendments, record-signed events), at {@link #CLOCK} like
     * the office: events stamped at the real time would be ahead of an office running at CLOCK, which import refuses.
     */
    static SessionClock sessionClock() {
        return new org.epaworkbench.session.ManualClock(CLOCK.instant());
    }

    static final char[] PASSWORD = "device-password".toCharArray();
    /** Most sync tests are about what a package holds, not whom the office trusts: they pin signers on first use. */
    static final PackageImporter.UnknownSigners FIRST_USE = PackageImporter.UnknownSigners.TRUST_ON_FIRST_USE;

    final Path root;
    final Database db;
    final PlanLibrary plans;
    final PeopleStore people;
    final SessionStore sessions;
    final SyncStore sync;
    final SignedRecords records;

    SyncFixture(Path root) throws Exception {
        this.root = root;
        db = Database.open(DataDirectory.at(root));
        plans = PlanLibrary.load(new PlanPackReader(), new ImportedPlanPacks(db, CLOCK), new ArrayList<>());
        people = new PeopleStore(db, CLOCK);
        sessions = new SessionStore(db);
        sync = new SyncStore(db);
        records = new SignedRecords(db);
    }

    /** An assessor's device: three completed sessions (stored as real data), each with a signed record. */
    static SyncFixture assessorDevice(Path root) throws Exception {
        SyncFixture f = new SyncFixture(root);
        SampleDataMaker.Made made = new SampleDataMaker(f.plans, f.people, f.sessions, CLOCK).make(false);
        SigningIdentity id = f.identity();
        RecordProducer producer = f.producer();
        for (String s : made.sessionIds()) {
            var p = producer.signSession(s, id, null, step -> { });
            RecordedSession.open(f.sessions, f.plans, s, sessionClock(), SessionSettings.DEFAULT)
                    .perform(l -> l.recordSigned(p.record().fileName(), p.record().sha256(), p.record().certificateFingerprint()));
        }
        return f;
    }

    /**
     * An assessor's device as it is once the assessor has a signing key: the key is made first, so the
     * three sessions are planned with it known (their ids made from it); each has a signed record.
     */
    static SyncFixture keyedAssessorDevice(Path root) throws Exception {
        SyncFixture f = new SyncFixture(root);
        f.people.saveAssessor(new org.epaworkbench.people.AssessorProfile("Sam Assessor", "EPA-000123", "Highfield Assessment",
                false));
        SigningIdentity id = f.identity();
        SampleDataMaker.Made made = new SampleDataMaker(f.plans, f.people, f.sessions, CLOCK)
                .ownedBy(org.epaworkbench.keys.Certificates.publicKeyFingerprint(id.certificate())).make(false);
        RecordProducer producer = f.producer();
        for (String s : made.sessionIds()) {
            var p = producer.signSession(s, id, null, step -> { });
            RecordedSession.open(f.sessions, f.plans, s, sessionClock(), SessionSettings.DEFAULT)
                    .perform(l -> l.recordSigned(p.record().fileName(), p.record().sha256(), p.record().certificateFingerprint()));
        }
        return f;
    }

    RecordProducer producer() {
        return new RecordProducer(plans, sessions, people, records, new AssessorKeyStore(root, CLOCK), CLOCK, ZoneId.of("UTC"));
    }

    SigningIdentity identity() throws Exception {
        return producer().unlockOrCreate(PASSWORD).identity();
    }

    AssessorProfile assessor() throws Exception {
        return people.assessor().orElseThrow();
    }

    Outbox outbox() throws Exception {
        return new Outbox(sync, records.folder(), sessions.deviceId(), CLOCK);
    }

    PackageImporter importer() {
        return new PackageImporter(sync, records.folder(), CLOCK, plans);
    }

    Path exportPending(Path folder) throws Exception {
        Outbox o = outbox();
        return o.export(o.pending(), folder, identity(), null).file();
    }

    /**
     * The records this folder holds, as comparable text: sessions (index rows), every event with its
     * payload, apprentices, signed records and the PDF files byte for byte. Import bookkeeping is left out.
     */
    String snapshot() throws Exception {
        StringBuilder s = new StringBuilder();
        try (var st = db.connection().createStatement()) {
            for (String q : List.of(
                    "SELECT id, apprentice_id, plan_id, component_id, attempt, status, started_at, ended_at, elapsed_ms, last_seq, "
                            + "conflicted FROM session ORDER BY id",
                    "SELECT event_id, session_id, seq, device_id, type, at, session_time_ms, payload FROM session_event ORDER BY event_id",
                    "SELECT id, name, uln, employer, training_provider, plan_id, apprenticeship_start, gateway_date, updated_at "
                            + "FROM apprentice ORDER BY id",
                    "SELECT id, kind, session_id, apprentice_id, file_name, sha256, size_bytes, signed_at, certificate_fingerprint "
                            + "FROM signed_record ORDER BY id")) {
                try (var rs = st.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            s.append(rs.getString(i)).append('|');
                        }
                        s.append('\n');
                    }
                }
            }
        }
        TreeMap<String, String> files = new TreeMap<>();
        if (Files.isDirectory(records.folder())) {
            try (var list = Files.list(records.folder())) {
                for (Path p : list.toList()) {
                    files.put(p.getFileName().toString(), RecordProducer.sha256(Files.readAllBytes(p)));
                }
            }
        }
        s.append(files);
        return s.toString();
    }

    @Override
    public void close() {
        db.close();
    }
}
