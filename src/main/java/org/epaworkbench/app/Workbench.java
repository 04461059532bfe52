package org.epaworkbench.app;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.app.ApprenticeFiles;
import org.epaworkbench.store.Attachments;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.InstanceLock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.EpaStore;
import org.epaworkbench.store.HeldJournal;
import org.epaworkbench.store.Database;
import java.time.ZoneId;
import org.epaworkbench.app.Services;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.store.SignedRecords;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.QuestionBankStore;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.StorageException;

/** What the desktop app works with once its data folder is open. Opened off the FX thread. */
public final class Workbench implements AutoCloseable {

    private final DataDirectory directory;
    private final Database database;
    private final PlanLibrary plans;
    private final List<String> warnings;
    private final Clock clock;
    private final SessionClock sessionClock;
    private final Services services;
    private final org.epaworkbench.app.RunningSessions running = org.epaworkbench.app.RunningSessions.beating();
    private final SessionStore sessions;
    private final InstanceLock lock;

    private Workbench(DataDirectory directory, Database database, InstanceLock lock, PlanLibrary plans, List<String> warnings,
            Clock clock, SessionClock sessionClock) {
        this.directory = directory;
        this.database = database;
        this.lock = lock;
        this.plans = plans;
        this.warnings = new ArrayList<>(warnings);
        this.clock = clock;
        this.sessionClock = sessionClock;
        this.services = new Services(directory, database, plans, clock, ZoneId.systemDefault());
        this.sessions = services.sessions();
        this.heldJournal = HeldJournal.of(directory);
        this.sessionRecording = services.sessionRecording(chosenMicrophone());
        String demoSpeakers = System.getProperty(RecordingPlayback.DEMO_SPEAKERS);
        this.playback = demoSpeakers == null || demoSpeakers.isBlank() ? RecordingPlayback.standard(sessionRecording)
                : RecordingPlayback.standard(sessionRecording,
                        () -> RecordingPlayback.Output.wavFile(java.nio.file.Path.of(demoSpeakers)));
    }

    /** Opens {@code folder} for the desktop app (see {@link #open(DataDirectory, Clock, SessionClock)}). */
    public static Workbench open(DataFolder folder, Clock clock) throws StorageException {
        return open(folder.directory(), clock, SessionClock.system());
    }

    public static Workbench open(DataDirectory directory, Clock clock) throws StorageException {
        return open(directory, clock, SessionClock.system());
    }

    /**
     * Opens the data folder for the desktop app: takes it (a second copy of the app is refused), opens
     * and checks the database (a damaged one is refused, naming the backups), and loads the plans.
     */
    public static Workbench open(DataDirectory directory, Clock clock, SessionClock sessionClock) throws StorageException {
        InstanceLock.Result taken = InstanceLock.acquire(directory, "the EPA Workbench app");
        if (!taken.acquired()) {
            throw new StorageException("EPA Workbench is already open on the data folder " + directory.root()
                    + " (" + taken.heldBy().description() + "). Switch to that window, or close it and start again; "
                    + "two copies recording into one folder could mix up a session's record. "
                    + "To work on another folder, start with --data-dir.");
        }
        Database database = null;
        try {
            database = Database.open(directory);
            new Backups(directory, clock).check(database);
            List<String> warnings = new ArrayList<>();
            PlanLibrary plans = Plans.load(database, clock, warnings);
            Workbench opened = new Workbench(directory, database, taken.lock(), plans, warnings, clock, sessionClock);
            opened.replayHeld();
            opened.repairRecordings();
            opened.services.summariesCurrent();
            return opened;
        } catch (SQLException e) {
            close(database, taken.lock());
            throw new StorageException("Cannot read the plans stored in " + directory.databaseFile() + ": " + e.getMessage(), e);
        } catch (StorageException | RuntimeException e) {
            close(database, taken.lock());
            throw e;
        }
    }

    private final HeldJournal heldJournal;
    private HeldJournal.Replayed replayedOnOpen = new HeldJournal.Replayed(0, List.of());

    /**
     * Saves the actions a crash left held in memory (kept in the journal in a second place while the
     * disk was full). If the disk is still full they stay in the journal for the next start.
     */
    private void replayHeld() {
        try {
            replayedOnOpen = heldJournal.replay(sessions);
        } catch (SQLException e) {
            if (org.epaworkbench.store.StorageProblem.of(e).isEmpty()) {
                warnings.add("actions kept from before a crash could not be saved: " + e.getMessage());
            }
        }
    }

    private SessionRecording sessionRecording;
    private RecordingPlayback playback;
    private SessionRecording.RepairRound recordingsRepairedOnOpen = new SessionRecording.RepairRound(List.of(), List.of());

    /**
     * Repairs the recordings a crash left open (issue 16): each one's file is ended at its last whole page and the
     * session's log says what was kept and lost. Problems become warnings; the app opens anyway.
     */
    private void repairRecordings() {
        org.epaworkbench.session.SessionSettings settings;
        try {
            settings = services.settings().sessionSettings();
        } catch (SQLException e) {
            settings = org.epaworkbench.session.SessionSettings.DEFAULT;
        }
        recordingsRepairedOnOpen = sessionRecording.repairLeftOpen(services.sessionService(), sessionClock, settings);
        recordingsRepairedOnOpen.problems().forEach(p -> warnings.add(p.message()));
    }

    /** The recordings the start found left open by a crash and repaired (none normally). */
    public SessionRecording.RepairRound recordingsRepairedOnOpen() {
        return recordingsRepairedOnOpen;
    }

    /** Recording sessions from the microphone chosen in Settings (or the default one) into this data folder; one a run. */
    public SessionRecording sessionRecording() {
        return sessionRecording;
    }

    /** Playing sessions' recordings from a moment of the session, through the speakers. */
    public RecordingPlayback playback() {
        return playback;
    }

    /**
     * Records and plays with these instead (tests: sound from memory, captured when the test says, played into memory).
     * Call before any session is recorded.
     */
    public void recordWith(SessionRecording recording, RecordingPlayback playing) {
        this.sessionRecording.close();
        this.playback.close();
        this.sessionRecording = recording;
        this.playback = playing;
    }

    /**
     * The microphone each recording opens: the one chosen in Settings when it starts (or the system's default), or the
     * WAV file named by the {@value SessionRecording#DEMO_MICROPHONE} system property (demonstrations, screenshots).
     */
    private SessionRecording.Microphone chosenMicrophone() {
        String demo = System.getProperty(SessionRecording.DEMO_MICROPHONE);
        if (demo != null && !demo.isBlank()) {
            return SessionRecording.Microphone.demoFile(java.nio.file.Path.of(demo));
        }
        return rate -> {
            String name;
            try {
                name = services.settings().microphone().orElse(null);
            } catch (SQLException e) {
                name = null;
            }
            return SessionRecording.Microphone.named(name).open(rate);
        };
    }

    /** What the start saved from the journal of held actions (none normally). */
    public HeldJournal.Replayed replayedOnOpen() {
        return replayedOnOpen;
    }

    /** How many actions held in memory before a crash the start saved from their journal (none normally). */
    public int actionsSavedOnOpen() {
        return replayedOnOpen.actions();
    }

    /** Where sessions keep a second copy of actions held in memory while the disk is full. */
    public HeldJournal heldJournal() {
        return heldJournal;
    }

    private static void close(Database database, InstanceLock lock) {
        if (database != null) {
            database.close();
        }
        lock.close();
    }

    /** The data folder: where it is, its automatic backups. */
    public DataFolder folder() {
        return services.folder();
    }

    /** Takes a backup now (on start, after signing); runs in the background. */
    public Backups.Backup backUp(Backups.Reason reason) throws StorageException {
        return services.backUp(reason);
    }

    public DataDirectory directory() {
        return directory;
    }

    public Database database() {
        return database;
    }

    public PlanLibrary plans() {
        return plans;
    }

    public List<String> warnings() {
        return warnings;
    }

    public Clock clock() {
        return clock;
    }

    /** The time zone the app shows dates in and counts days by: the computer's. */
    public ZoneId zone() {
        return services.zone();
    }

    /** The clock sessions are timed with: monotonic for elapsed time, wall clock for time stamps. */
    public SessionClock sessionClock() {
        return sessionClock;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public PeopleStore people() {
        return services.people();
    }

    /** The apprentices and the assessor's profile. */
    public Apprentices apprentices() {
        return services.apprentices();
    }

    /** The assessor's sessions: plan, open, enter from paper, list, read and check their logs. */
    public Sessions sessionService() {
        return services.sessionService();
    }

    /** The questions the assessor asks from, per component. */
    public QuestionBank questions() {
        return services.questions();
    }

    /** The sample data to try the app with. */
    public SampleApprentice sampleApprentice() {
        return services.sampleApprentice();
    }

    public Settings settings() {
        return services.settings();
    }

    public QuestionBankStore questionBank() {
        return services.questionBank();
    }

    public EpaStore epa() {
        return services.epa();
    }

    /** The gateway, dates, portfolio and project kept for each apprentice, with their attached files. */
    public EpaDetails epaDetails() {
        return services.epaDetails();
    }

    public Attachments attachments() {
        return services.attachments();
    }

    public ApprenticeFiles apprenticeFiles() {
        return services.apprenticeFiles();
    }

    public SignedRecords signedRecords() {
        return services.signedRecords();
    }

    /** The assessor's signing identity and drawn signature. */
    public AssessorIdentity assessorIdentity() {
        return services.assessorIdentity();
    }

    /** Signing records, the signed records here and their files. */
    public Records records() {
        return services.records();
    }

    /** The application's services, wired once (the same composition root the command line uses). */
    public Services services() {
        return services;
    }

    /** The sessions open in the app and their heartbeat. */
    public org.epaworkbench.app.RunningSessions running() {
        return running;
    }

    private AutomaticDelivery automaticDelivery;

    /**
     * The outbox delivering by itself to the organisation's intake service, on a thread of its own, by this
     * folder's clock; made on first use (not started: the app starts it once its window shows), closed with the folder.
     */
    public synchronized AutomaticDelivery automaticDelivery() {
        if (automaticDelivery == null) {
            java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "workbench-delivery");
                        t.setDaemon(true);
                        return t;
                    });
            automaticDelivery = new AutomaticDelivery(services.organisationDelivery(), services.assessorIdentity(),
                    services.sessionService(), clock, scheduler);
        }
        return automaticDelivery;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (automaticDelivery != null) {
                automaticDelivery.close();
            }
        }
        running.close();
        playback.close();
        sessionRecording.close();
        database.close();
        lock.close();
    }
}
