package org.epaworkbench.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import org.epaworkbench.app.ApprenticeFiles;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.store.Attachments;
import org.epaworkbench.store.Backups;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.store.Database;
import org.epaworkbench.store.EpaStore;
import org.epaworkbench.store.PeopleStore;
import org.epaworkbench.store.QuestionBankStore;
import org.epaworkbench.store.SessionStore;
import org.epaworkbench.store.SessionSummaries;
import org.epaworkbench.store.SettingsStore;
import org.epaworkbench.store.SignedRecords;
import org.epaworkbench.store.StorageException;

/**
 * The composition root: everything the desktop app and the command line work with once a data folder
 * is open, wired once, here. The desktop app ({@code app.Workbench}) and the command line
 * ({@code cli.CliContext}) differ only in how they open the folder (the app takes it whole; a command
 * may read it while the app has it) and both hand the open database to this.
 */
public final class Services {

    private final DataDirectory directory;
    private final Database database;
    private final java.util.function.Supplier<PlanLibrary> plansLoaded;
    private PlanLibrary plans;
    private final Clock clock;
    private final ZoneId zone;
    private final SessionStore sessions;
    private final PeopleStore people;
    private final Apprentices apprentices;
    private final Settings settings;
    private final QuestionBankStore questionBank;
    private final EpaStore epa;
    private final SignedRecords signedRecords;

    public Services(DataDirectory directory, Database database, PlanLibrary plans, Clock clock, ZoneId zone) {
        this(directory, database, () -> plans, clock, zone);
    }

    /** With the plans loaded only when first needed (a command that reads sessions only does not load them). */
    public Services(DataDirectory directory, Database database, java.util.function.Supplier<PlanLibrary> plans, Clock clock,
            ZoneId zone) {
        this.directory = directory;
        this.database = database;
        this.plansLoaded = plans;
        this.clock = clock;
        this.zone = zone;
        this.sessions = new SessionStore(database);
        this.people = new PeopleStore(database, clock);
        this.apprentices = new Apprentices(people);
        this.settings = new Settings(new SettingsStore(database));
        this.questionBank = new QuestionBankStore(database, clock);
        this.epa = new EpaStore(database, clock);
        this.signedRecords = new SignedRecords(database);
        database.summaries().gradeWith(() -> {
            PlanLibrary library = plans();
            return library::plan;
        });
    }

    /**
     * Brings the session summaries (issue 17) up to date with the running app's rules and the installed plans,
     * rebuilding them from the logs when they were computed otherwise (a new version of the app, a data folder from
     * before summaries, a plan changed). A read-only folder is left as it is.
     *
     * @return how many apprentices' sessions were graded again; 0 when the summaries were current
     */
    public int summariesCurrent() throws SQLException {
        if (database.readOnly()) {
            return 0;
        }
        String plansNow = plansFingerprint(plans());
        return database.summaries().current(plansNow) ? 0 : database.summaries().rebuild(plansNow);
    }

    /** The installed plans as the session summaries note them. */
    static String plansFingerprint(PlanLibrary library) {
        return SessionSummaries.fingerprint(library.all().stream().map(PlanLibrary.InstalledPlan::plan).toList());
    }

    /** Rebuilds every session summary from the logs ({@code rebuild-summaries}); how many apprentices were graded. */
    public int rebuildSummaries() throws SQLException {
        return database.summaries().rebuild(plansFingerprint(plans()));
    }

    public DataDirectory directory() {
        return directory;
    }

    public Database database() {
        return database;
    }

    public synchronized PlanLibrary plans() {
        if (plans == null) {
            plans = plansLoaded.get();
        }
        return plans;
    }

    /** The plans: the catalogue, checking and importing a pack. */
    public Plans planPacks() {
        return new Plans(this::plans, database.summaries());
    }

    public Clock clock() {
        return clock;
    }

    /** The time zone dates are shown in and days counted by: the computer's. */
    public ZoneId zone() {
        return zone;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public PeopleStore people() {
        return people;
    }

    /** The apprentices and the assessor's profile. */
    public Apprentices apprentices() {
        return apprentices;
    }

    /** The assessor's sessions: plan, open, enter from paper, list, read and check their logs. */
    public Sessions sessionService() {
        return new Sessions(sessions, this::plans, clock);
    }

    /** The questions the assessor asks from, per component. */
    public QuestionBank questions() {
        return new QuestionBank(questionBank);
    }

    /** The sample data to try the app with. */
    public SampleApprentice sampleApprentice() {
        return new SampleApprentice(this::plans, people, sessions, epa, database, clock);
    }

    /** The assessor's preferences. */
    public Settings settings() {
        return settings;
    }

    public QuestionBankStore questionBank() {
        return questionBank;
    }

    public EpaStore epa() {
        return epa;
    }

    public SignedRecords signedRecords() {
        return signedRecords;
    }

    /** The gateway, dates, portfolio and project kept for each apprentice, with their attached files. */
    public EpaDetails epaDetails() {
        return new EpaDetails(epa, attachments());
    }

    public Attachments attachments() {
        return new Attachments(directory);
    }

    /** The data folder: where it is, its automatic backups. */
    public DataFolder folder() {
        return DataFolder.of(directory);
    }

    /**
     * Takes a backup now (on start, after signing, when asked). The database passes the full check
     * first: a damaged one is refused ({@code Backups.DatabaseDamaged}), naming the backups.
     */
    public Backups.Backup backUp(Backups.Reason reason) throws StorageException {
        return new Backups(directory, clock).create(database, reason);
    }

    /** Where each apprentice's EPA stands, from their sessions, records, gateway and project. */
    public ApprenticeFiles apprenticeFiles() {
        return new ApprenticeFiles(plans(), people, sessions, epa, signedRecords, clock, zone);
    }

    /** The assessor's signing identity and drawn signature in this data folder. */
    public AssessorIdentity assessorIdentity() {
        return new AssessorIdentity(directory.root(), clock);
    }

    /** Signing records, the signed records here and their files. */
    public Records records() {
        return new Records(this);
    }

    /** The organisation's office: its root authority, certifying assessors, the roots trusted here. */
    public Organisation organisation() {
        return new Organisation(this);
    }

    /** Delivering to the organisation's intake service. */
    public OrganisationDelivery organisationDelivery() {
        return new OrganisationDelivery(this, new java.security.SecureRandom());
    }

    /** The outbox: what waits to go to the organisation, exporting it, the packages made. */
    public Delivery delivery() {
        return new Delivery(this);
    }

    /** Packages coming in, and whom this data folder trusts. */
    public Importing importing() {
        return new Importing(this);
    }

    /**
     * Recording sessions from {@code microphone} into this data folder (issue 16): consent, exemption, start, follow the
     * session, repair after a crash. The desktop app keeps one ({@code Workbench.sessionRecording()}); it holds the
     * recordings running in this run.
     */
    public SessionRecording sessionRecording(SessionRecording.Microphone microphone) {
        return SessionRecording.standard(directory.root(), microphone);
    }

    /** Apprentice details shared between assessors: who changed what, and proposals to decide. */
    public ApprenticeSharing apprenticeSharing() {
        return new ApprenticeSharing(database, clock);
    }
}
