package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.QuestionCount;
import org.epaworkbench.session.EventBody.Amended;
import org.epaworkbench.session.EventBody.CriterionJudged;
import org.epaworkbench.session.EventBody.EvidenceReferenced;
import org.epaworkbench.session.EventBody.JudgementCleared;
import org.epaworkbench.session.EventBody.NoteAdded;

/**
 * A session being recorded in this run of the app. Each action checks the session's rules and
 * prepares an event; the caller saves it durably and then {@link #commit commits} it, and only then
 * does the session (and the screen) show it as done. Elapsed time runs on the monotonic clock from
 * the last committed event.
 *
 * <p>Not thread-safe: one thread (the app's background writer) drives it and publishes
 * {@link #state()} snapshots.
 */
public final class LiveSession {

    private final AssessmentPlan plan;
    private final Component component;
    private final SessionClock clock;
    private final SessionSettings settings;
    private final SessionState.Folder folder = new SessionState.Folder();
    private final String sessionId;
    private SessionState state;
    private long anchorNanos;
    private GapQuestion gapQuestion;

    private LiveSession(String sessionId, AssessmentPlan plan, Component component, SessionClock clock,
            SessionSettings settings) {
        this.sessionId = sessionId;
        this.plan = plan;
        this.component = component;
        this.clock = clock;
        this.settings = settings;
    }

    /** A new session with an empty log; its first action must be {@link #plan}. */
    public static LiveSession create(String sessionId, AssessmentPlan plan, String componentId, SessionClock clock,
            SessionSettings settings) {
        Component component = plan.component(componentId).orElseThrow(() -> new IllegalArgumentException(
                "plan " + plan.id() + " has no component " + componentId));
        LiveSession live = new LiveSession(sessionId, plan, component, clock, settings);
        live.state = live.folder.snapshot();
        live.anchorNanos = clock.monotonicNanos();
        return live;
    }

    /**
     * Reopens a stored session. If it was running when the app stopped, the time since then is
     * frozen until the assessor answers {@link #gapQuestion()}.
     *
     * @param lastKnown the latest session time known before the stop (a heartbeat), if later than
     *     the last event
     */
    public static LiveSession reopen(List<SessionEvent> events, AssessmentPlan plan, SessionClock clock,
            SessionSettings settings, Optional<Heartbeat> lastKnown) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a stored session has at least its planning event");
        }
        SessionState folded = SessionState.fold(events);
        LiveSession live = create(events.get(0).sessionId(), plan, folded.details().componentId(), clock, settings);
        for (SessionEvent e : events) {
            live.folder.apply(e);
        }
        live.state = live.folder.snapshot();
        live.anchorNanos = clock.monotonicNanos();
        if (live.state.running()) {
            Instant stoppedAt = live.state.lastEventAt();
            Duration stoppedAtTime = live.state.elapsedAtLastEvent();
            if (lastKnown.isPresent() && lastKnown.get().at().isAfter(stoppedAt)
                    && lastKnown.get().sessionTime().compareTo(stoppedAtTime) >= 0) {
                stoppedAt = lastKnown.get().at();
                stoppedAtTime = lastKnown.get().sessionTime();
            }
            live.gapQuestion = new GapQuestion(stoppedAt, stoppedAtTime, clock.now());
        }
        return live;
    }

    /** The latest session time known at a wall-clock moment, saved regularly while a session runs. */
    public record Heartbeat(Instant at, Duration sessionTime) {
    }

    public String sessionId() {
        return sessionId;
    }

    public AssessmentPlan plan() {
        return plan;
    }

    public Component component() {
        return component;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** The committed state with what a screen needs to show it, for handing to another thread. */
    public LiveSnapshot snapshot() {
        return new LiveSnapshot(plan, component, settings, state, anchorNanos, gapQuestion, gradePreview());
    }

    /** The committed state. */
    public SessionState state() {
        return state;
    }

    /** Present while the app has just reopened a session that was running when it stopped. */
    public Optional<GapQuestion> gapQuestion() {
        return Optional.ofNullable(gapQuestion);
    }

    /** Elapsed session time now (pauses excluded). */
    public Duration elapsed() {
        if (gapQuestion != null) {
            return gapQuestion.stoppedAtSessionTime();
        }
        return state.elapsedAt(Duration.ofNanos(clock.monotonicNanos() - anchorNanos));
    }

    public Heartbeat heartbeat() {
        return new Heartbeat(clock.now(), elapsed());
    }

    public DurationState durationState() {
        return DurationState.of(elapsed(), component.timing(), settings.approachingMaximum());
    }

    /** Questioning time against the plan's limit, if the component has one. */
    public Optional<QuestioningBudget> questioning() {
        return component.questioningLimit().map(limit -> new QuestioningBudget(state.questioningUsedAt(elapsed()),
                limit.limitFor(component.timing()), settings.questioningWarning(), state.questioningActive()));
    }

    /** The component grade the judgements so far would earn, with what is missing. */
    public ComponentResult gradePreview() {
        return GradePreview.of(plan, component, state);
    }

    // ---- actions: each checks the rules and prepares an event ----

    public PendingEvent plan(SessionDetails details) throws SessionRuleException {
        if (state.lastSeq() > 0) {
            throw new SessionRuleException("This session is already planned.");
        }
        if (!details.planId().equals(plan.id()) || !details.componentId().equals(component.id())) {
            throw new IllegalArgumentException("details name another plan or component");
        }
        return prepare(new EventBody.SessionPlanned(details));
    }

    /**
     * Records the mode, location and ID check (e.g. the ID document once it has been seen). After the
     * end this is refused: record {@link #amend an amendment} with a reason instead.
     */
    public PendingEvent recordDetails(AssessmentMode mode, String location, String idDocumentSeen)
            throws SessionRuleException {
        notEnded("change its details");
        Objects.requireNonNull(mode, "mode");
        EventBody.DetailsRecorded d = new EventBody.DetailsRecorded(mode, location, idDocumentSeen);
        unchangedDetails(d);
        return prepare(d);
    }

    private void unchangedDetails(EventBody.DetailsRecorded d) throws SessionRuleException {
        SessionDetails now = state.details();
        if (now.mode() == d.mode() && now.location().equals(d.location()) && now.idDocumentSeen().equals(d.idDocumentSeen())) {
            throw new SessionRuleException("The mode, location and ID check are already recorded as given; nothing changed.");
        }
    }

    /**
     * Marks a session recorded on paper and entered afterwards, with the reason and when it is entered. Only directly
     * after planning, before the session starts: the mark covers the whole record.
     */
    public PendingEvent enteredFromPaper(String reason, Instant enteredAt) throws SessionRuleException {
        Objects.requireNonNull(enteredAt, "enteredAt");
        if (state.lastSeq() != 1 || state.status() != SessionStatus.PLANNED) {
            throw new SessionRuleException("Only a session just planned, not yet started, can be marked as entered from paper.");
        }
        return prepare(new EventBody.EnteredFromPaper(required(reason,
                "Say why the session was recorded on paper (for example: the laptop's battery failed)."), enteredAt));
    }

    public PendingEvent start() throws SessionRuleException {
        noGapPending();
        if (state.status() != SessionStatus.PLANNED) {
            throw new SessionRuleException("The session has already started.");
        }
        return prepare(new EventBody.Started());
    }

    public PendingEvent pause(String reason) throws SessionRuleException {
        return pause(reason, clock.read());
    }

    /**
     * Pauses from the moment Pause was pressed ({@code pressed}), not from when its reason was typed:
     * the time spent writing the reason is not session time. Never earlier than the last recorded event.
     */
    public PendingEvent pause(String reason, SessionClock.Reading pressed) throws SessionRuleException {
        noGapPending();
        if (state.status() != SessionStatus.RUNNING) {
            throw new SessionRuleException("Only a running session can be paused.");
        }
        EventBody body = new EventBody.Paused(required(reason, "A pause needs a reason (for example: fire alarm, apprentice break)."));
        withinTheRules(body);
        // pressed before the last event was recorded (it cannot be earlier than what is already in the log)
        boolean afterLast = pressed.monotonicNanos() - anchorNanos >= 0;
        long mono = afterLast ? pressed.monotonicNanos() : anchorNanos;
        Instant at = !afterLast || state.lastEventAt() != null && pressed.at().isBefore(state.lastEventAt())
                ? state.lastEventAt() : pressed.at();
        Duration t = state.elapsedAt(Duration.ofNanos(mono - anchorNanos));
        return new PendingEvent(new SessionEvent(SessionIds.newEventId(sessionId), sessionId, state.lastSeq() + 1, at, t, body),
                mono);
    }

    public PendingEvent resume() throws SessionRuleException {
        noGapPending();
        if (state.status() != SessionStatus.PAUSED) {
            throw new SessionRuleException("Only a paused session can be resumed.");
        }
        return prepare(new EventBody.Resumed());
    }

    /** Starts questioning if it is stopped, stops it if it is running. */
    public PendingEvent toggleQuestioning() throws SessionRuleException {
        noGapPending();
        if (component.questioningLimit().isEmpty()) {
            throw new SessionRuleException("The " + component.title().toLowerCase() + " has no questioning time limit to track.");
        }
        if (state.questioningActive()) {
            return prepare(new EventBody.QuestioningStopped());
        }
        if (state.status() != SessionStatus.RUNNING) {
            throw new SessionRuleException(state.status() == SessionStatus.PAUSED
                    ? "Resume the session before starting questioning." : "Start the session before starting questioning.");
        }
        return prepare(new EventBody.QuestioningStarted());
    }

    public PendingEvent judge(String criterionId, CriterionState judgement) throws SessionRuleException {
        Objects.requireNonNull(judgement, "judgement");
        criterion(criterionId);
        startedNotEnded("judge criteria");
        return prepare(new CriterionJudged(criterionId, judgement));
    }

    public PendingEvent clearJudgement(String criterionId) throws SessionRuleException {
        Criterion c = criterion(criterionId);
        startedNotEnded("change judgements");
        if (!state.judgements().containsKey(criterionId)) {
            throw new SessionRuleException(c.code() + " has no judgement to clear.");
        }
        return prepare(new JudgementCleared(criterionId));
    }

    /** A note on a criterion, or on the whole session when {@code criterionId} is null. */
    public PendingEvent note(String criterionId, String text) throws SessionRuleException {
        if (criterionId != null) {
            criterion(criterionId);
        }
        notEnded("add notes");
        return prepare(new NoteAdded(criterionId, required(text, "A note cannot be empty.")));
    }

    public PendingEvent evidence(String criterionId, String reference) throws SessionRuleException {
        criterion(criterionId);
        notEnded("add evidence references");
        return prepare(new EvidenceReferenced(criterionId, required(reference,
                "An evidence reference cannot be empty (for example: portfolio item 7).")));
    }

    /** Asks the next competency question; refused past the number the plan allows. */
    public PendingEvent askQuestion(String text, String bankId) throws SessionRuleException {
        noGapPending();
        String question = required(text, "Type the question or choose one from the question bank.");
        if (state.status() != SessionStatus.RUNNING) {
            throw new SessionRuleException("Questions are asked while the session is running.");
        }
        int next = state.questions().size() + 1;
        Optional<QuestionCount> count = component.questions();
        if (count.isPresent() && next > count.get().exactly()) {
            QuestionCount qc = count.get();
            throw new SessionRuleException("All " + qc.exactly() + " questions have been asked. The interview consists of "
                    + qc.exactly() + " competency questions"
                    + qc.source().quoteText().map(q -> " (“" + q + "”, " + qc.source().shortForm() + ")").orElse(
                            " (" + qc.source().shortForm() + ")")
                    + ". Ask the apprentice to explain further instead.");
        }
        return prepare(new EventBody.QuestionAsked(next, question, bankId));
    }

    /** An "explain further" prompt on the current question. */
    public PendingEvent followUp(String text) throws SessionRuleException {
        noGapPending();
        AskedQuestion current = state.currentQuestion().orElseThrow(() -> new SessionRuleException(state.questions().isEmpty()
                ? "Ask a question before prompting the apprentice to explain further."
                : "Question " + state.questions().get(state.questions().size() - 1).number()
                        + " is closed. Ask the next question before prompting the apprentice to explain further."));
        return prepare(new EventBody.FollowUpAsked(current.number(),
                required(text, "Type the follow-up prompt, for example “Can you explain that further?”.")));
    }

    /** Closes the current question: its time stops now rather than running on to the next question. */
    public PendingEvent closeQuestion() throws SessionRuleException {
        notEnded("close a question");
        AskedQuestion current = state.currentQuestion().orElseThrow(() -> new SessionRuleException(
                state.questions().isEmpty() ? "No question has been asked yet." : "Question "
                        + state.questions().get(state.questions().size() - 1).number() + " is already closed."));
        return prepare(new EventBody.QuestionClosed(current.number()));
    }

    /** Ends the session; a reason is needed when it ends before the minimum or after the maximum. */
    public PendingEvent end(String reason) throws SessionRuleException {
        noGapPending();
        if (state.status() == SessionStatus.PLANNED) {
            throw new SessionRuleException("The session has not started.");
        }
        if (state.ended()) {
            throw new SessionRuleException("The session has already ended.");
        }
        DurationState ds = durationState();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (ds.outsideWindow() && why == null) {
            Duration bound = ds == DurationState.BEFORE_MINIMUM ? component.timing().minimum().orElseThrow()
                    : component.timing().maximum().orElseThrow();
            throw new SessionRuleException("Ending at " + ElapsedText.format(elapsed()) + " is "
                    + (ds == DurationState.BEFORE_MINIMUM ? "before the minimum of " : "after the maximum of ")
                    + ElapsedText.format(bound) + " (" + component.timing().describe() + ", "
                    + component.timing().source().shortForm() + "). Give a reason.");
        }
        return prepare(new EventBody.Ended(why, ds));
    }

    /** A correction after the end: a judgement, note, evidence or the details, with a reason; the original stays. */
    public PendingEvent amend(String reason, EventBody correction) throws SessionRuleException {
        if (!state.ended()) {
            throw new SessionRuleException("Amendments are for ended sessions; change the record directly while it runs.");
        }
        String why = required(reason, "An amendment needs a reason.");
        if (correction instanceof CriterionJudged j) {
            criterion(j.criterionId());
        } else if (correction instanceof JudgementCleared c) {
            criterion(c.criterionId());
        } else if (correction instanceof NoteAdded n) {
            if (n.criterionId() != null) {
                criterion(n.criterionId());
            }
            required(n.text(), "A note cannot be empty.");
        } else if (correction instanceof EvidenceReferenced r) {
            criterion(r.criterionId());
            required(r.reference(), "An evidence reference cannot be empty.");
        } else if (correction instanceof EventBody.DetailsRecorded d) {
            unchangedDetails(d);
        }
        return prepare(new Amended(why, correction));
    }

    /** A declaration signed on screen at the end of the session, by the apprentice or the assessor: it needs the drawn signature. */
    public PendingEvent declare(String role, String signerName, String statement, String signaturePngBase64)
            throws SessionRuleException {
        return declare(role, signerName, statement, signaturePngBase64, DeclarationWay.DRAWN, null);
    }

    /**
     * A declaration at the end of the session. Signed on screen ({@link DeclarationWay#DRAWN}) it carries the
     * drawn signature; the apprentice's may instead be confirmed remotely (by email or voice), chosen by the
     * assessor with a reason, and then has no drawn signature.
     */
    public PendingEvent declare(String role, String signerName, String statement, String signaturePngBase64,
            DeclarationWay way, String reason) throws SessionRuleException {
        if (!state.ended()) {
            throw new SessionRuleException("Declarations are signed once the session has ended.");
        }
        if (!role.equals("apprentice") && !role.equals("assessor")) {
            throw new IllegalArgumentException("declaration role is apprentice or assessor, not " + role);
        }
        Objects.requireNonNull(way, "way");
        String name = required(signerName, "The declaration needs the signer's name.");
        String words = required(statement, "The declaration needs its statement.");
        if (way == DeclarationWay.DRAWN) {
            if (signaturePngBase64 == null || signaturePngBase64.isBlank()) {
                throw new SessionRuleException(role.equals("apprentice")
                        ? "The apprentice's declaration is signed on screen, so it needs their drawn signature. Ask them "
                                + "to sign in the box, or record how they confirmed it remotely, and why."
                        : "The assessor's declaration needs your drawn signature: sign in the box.");
            }
            return prepare(new EventBody.DeclarationSigned(role, name, words, signaturePngBase64, way, null));
        }
        if (!role.equals("apprentice")) {
            throw new SessionRuleException("The assessor's declaration is signed on screen, with a drawn signature.");
        }
        String why = required(reason, "Say why the apprentice " + way.description().replace(", not signed on screen", "")
                + " rather than signing on screen (for example: remote session by video call).");
        return prepare(new EventBody.DeclarationSigned(role, name, words, null, way, why));
    }

    /** Notes that a signed PDF record of this (ended) session was produced. */
    public PendingEvent recordSigned(String fileName, String sha256, String certificateFingerprint)
            throws SessionRuleException {
        if (!state.ended()) {
            throw new SessionRuleException("Only an ended session can be signed.");
        }
        return prepare(new EventBody.RecordSigned(fileName, sha256, certificateFingerprint));
    }

    // ---- recording the session (issue 16, ADR 0014) ----

    /**
     * The apprentice consents to the session being recorded: before a recording starts, and before the session ends.
     * {@code statement} is the words they agreed to.
     */
    public PendingEvent consentToRecording(String apprenticeName, String statement) throws SessionRuleException {
        notEnded("record consent to recording");
        notRecordedHere();
        if (state.recordings().stream().anyMatch(r -> r.kind() == Recording.Kind.CAPTURED)) {
            throw new SessionRuleException("Consent to recording is given before the recording starts; this session has "
                    + "already been recorded.");
        }
        return prepare(new EventBody.RecordingConsented(required(apprenticeName, "Say who consents: the apprentice's name."),
                required(statement, "Say what the apprentice consents to.")));
    }

    /**
     * An exemption from a recording the plan requires, with the reason agreed (for PAL, at the assessment planning
     * meeting). Refused where this session needs no recording.
     */
    public PendingEvent exemptFromRecording(String reason) throws SessionRuleException {
        noGapPending();
        var rule = state.recordingRule(component);
        if (!rule.required()) {
            throw new SessionRuleException("The plan does not require this " + (state.remote() ? "remote " : "face-to-face ")
                    + component.title().toLowerCase() + " to be recorded, so no exemption is needed.");
        }
        return prepare(new EventBody.RecordingExempted(required(reason, "Give the reason the exemption was agreed"
                + component.recording().exemptionSource().map(c -> " (" + c.shortForm() + ")").orElse("") + ".")));
    }

    /**
     * The app begins recording into {@code fileName}: the session is running (started, not paused, not ended), the
     * apprentice has consented, the plan records this session, and no other recording is open.
     */
    public PendingEvent recordingStarted(String fileName, String format, String device) throws SessionRuleException {
        startedNotEnded("record it");
        notRecordedHere();
        if (state.status() != SessionStatus.RUNNING) {
            throw new SessionRuleException("Resume the session before recording it.");
        }
        if (state.recordingConsent().isEmpty()) {
            throw new SessionRuleException("Record the apprentice's consent to recording before it starts.");
        }
        Optional<Recording> open = state.openRecording();
        if (open.isPresent()) {
            throw new SessionRuleException("The session is already being recorded (" + open.get().fileName() + ").");
        }
        if (state.recordings().stream().anyMatch(r -> r.fileName().equals(fileName))) {
            throw new SessionRuleException("This session already has a recording named " + fileName + ".");
        }
        return prepare(new EventBody.RecordingStarted(fileName, required(format, "Say the recording's format."),
                required(device, "Say which input device records.")));
    }

    /** The open recording stops capturing (it follows the session's pause) at {@code positionMillis} into its file. */
    public PendingEvent recordingPaused(long positionMillis) throws SessionRuleException {
        Recording r = openRecording();
        if (r.status() != Recording.Status.RECORDING) {
            throw new SessionRuleException("The recording is already paused.");
        }
        return prepare(new EventBody.RecordingPaused(r.fileName(), positionMillis));
    }

    /** The open recording captures again from {@code positionMillis} into its file (it follows the session's resume). */
    public PendingEvent recordingResumed(long positionMillis) throws SessionRuleException {
        Recording r = openRecording();
        if (r.status() != Recording.Status.PAUSED) {
            throw new SessionRuleException("The recording is not paused.");
        }
        if (state.status() != SessionStatus.RUNNING) {
            throw new SessionRuleException("Resume the session before the recording.");
        }
        return prepare(new EventBody.RecordingResumed(r.fileName(), positionMillis));
    }

    /** The open recording was closed cleanly (also after the session's end, which it follows). */
    public PendingEvent recordingEnded(long durationMillis, long sizeBytes, String sha256) throws SessionRuleException {
        Recording r = openRecording();
        return prepare(new EventBody.RecordingEnded(r.fileName(), durationMillis, sizeBytes, sha256));
    }

    /**
     * A recording left open when the app stopped was repaired on this start: the file now ends where the outcome
     * says. Taken also after the session's end.
     */
    public PendingEvent recordingRepaired(String outcome, long keptMillis, long lostMillis, long sizeBytes, String sha256,
            String description) throws SessionRuleException {
        Recording r = state.openRecording().orElseThrow(() -> new SessionRuleException("No recording of this session was "
                + "left open."));
        return prepare(new EventBody.RecordingRepaired(r.fileName(), outcome, keptMillis, lostMillis, sizeBytes, sha256,
                description));
    }

    /** A recording made elsewhere (the video call's own) is attached to the session, during it or afterwards. */
    public PendingEvent attachRecording(String fileName, String format, String sha256, long durationMillis, long sizeBytes)
            throws SessionRuleException {
        if (state.status() == SessionStatus.PLANNED) {
            throw new SessionRuleException("Attach the call's recording once the session has started.");
        }
        if (state.recordings().stream().anyMatch(r -> r.fileName().equals(fileName))) {
            throw new SessionRuleException("This session already has a recording named " + fileName + ".");
        }
        return prepare(new EventBody.RecordingAttached(fileName, required(format, "Say the recording's format."), sha256,
                durationMillis, sizeBytes));
    }

    private Recording openRecording() throws SessionRuleException {
        return state.openRecording().orElseThrow(() -> new SessionRuleException("The session is not being recorded."));
    }

    private void notRecordedHere() throws SessionRuleException {
        if (state.recordingRule(component).requirement() == org.epaworkbench.plan.RecordingRule.Requirement.NOT_USED) {
            throw new SessionRuleException("The plan does not record this " + (state.remote() ? "remote " : "face-to-face ")
                    + component.title().toLowerCase() + ".");
        }
    }

    /** Records whether the time the app was closed counts as session time. */
    public PendingEvent resolveGap(boolean countedAsSessionTime) throws SessionRuleException {
        if (gapQuestion == null) {
            throw new SessionRuleException("There is no interruption to account for.");
        }
        Duration gap = gapQuestion.gap();
        Duration sessionTime = gapQuestion.stoppedAtSessionTime().plus(countedAsSessionTime ? gap : Duration.ZERO);
        return prepareAt(new EventBody.GapResolved(gapQuestion.stoppedAtSessionTime(), gap, countedAsSessionTime),
                sessionTime);
    }

    /** Makes a saved event part of the session. Events must be committed in the order they were prepared. */
    public SessionState commit(PendingEvent pending) {
        SessionEvent e = pending.event();
        if (e.seq() != state.lastSeq() + 1) {
            throw new IllegalStateException("event " + e.seq() + " committed out of order after " + state.lastSeq());
        }
        folder.apply(e);
        state = folder.snapshot();
        anchorNanos = pending.monotonicNanos();
        if (e.body() instanceof EventBody.GapResolved) {
            gapQuestion = null;
        }
        return state;
    }

    // ---- helpers ----

    private PendingEvent prepare(EventBody body) throws SessionRuleException {
        withinTheRules(body);
        long mono = clock.monotonicNanos();
        Duration t = gapQuestion != null ? gapQuestion.stoppedAtSessionTime()
                : state.elapsedAt(Duration.ofNanos(mono - anchorNanos));
        return new PendingEvent(new SessionEvent(SessionIds.newEventId(sessionId), sessionId, state.lastSeq() + 1,
                clock.now(), t, body), mono);
    }

    private PendingEvent prepareAt(EventBody body, Duration sessionTime) {
        return new PendingEvent(new SessionEvent(SessionIds.newEventId(sessionId), sessionId, state.lastSeq() + 1,
                clock.now(), sessionTime, body), clock.monotonicNanos());
    }

    /** The rules an import checks every log by (see {@link LogRules}) are the rules the app records by. */
    private void withinTheRules(EventBody body) throws SessionRuleException {
        Optional<String> why = LogRules.problem(component, body);
        if (why.isPresent()) {
            throw new SessionRuleException("Not recorded: it " + why.get()
                    + (why.get().contains("characters, more than") ? ". Shorten it and try again." : "."));
        }
    }

    private Criterion criterion(String criterionId) throws SessionRuleException {
        return component.criterion(criterionId).orElseThrow(() -> new SessionRuleException(
                "There is no criterion " + criterionId + " in the " + component.title().toLowerCase() + "."));
    }

    private void noGapPending() throws SessionRuleException {
        if (gapQuestion != null) {
            throw new SessionRuleException("The app stopped while this session was running. First say whether the "
                    + ElapsedText.format(gapQuestion.gap()) + " it was closed counts as session time.");
        }
    }

    private void notEnded(String what) throws SessionRuleException {
        noGapPending();
        if (state.ended()) {
            throw new SessionRuleException("The session has ended and is locked. To " + what
                    + ", record an amendment with a reason.");
        }
    }

    private void startedNotEnded(String what) throws SessionRuleException {
        notEnded(what);
        if (state.status() == SessionStatus.PLANNED) {
            throw new SessionRuleException("Start the session to " + what + ".");
        }
    }

    private static String required(String text, String message) throws SessionRuleException {
        if (text == null || text.isBlank()) {
            throw new SessionRuleException(message);
        }
        return text.strip();
    }
}
