package org.epaworkbench.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.session.EventBody.Amended;
import org.epaworkbench.session.EventBody.CriterionJudged;
import org.epaworkbench.session.EventBody.DetailsRecorded;
import org.epaworkbench.session.EventBody.Ended;
import org.epaworkbench.session.EventBody.EvidenceReferenced;
import org.epaworkbench.session.EventBody.FollowUpAsked;
import org.epaworkbench.session.EventBody.GapResolved;
import org.epaworkbench.session.EventBody.JudgementCleared;
import org.epaworkbench.session.EventBody.NoteAdded;
import org.epaworkbench.session.EventBody.Paused;
import org.epaworkbench.session.EventBody.QuestionAsked;
import org.epaworkbench.session.EventBody.QuestioningStarted;
import org.epaworkbench.session.EventBody.QuestioningStopped;
import org.epaworkbench.session.EventBody.Resumed;
import org.epaworkbench.session.EventBody.SessionPlanned;
import org.epaworkbench.session.EventBody.Started;

/**
 * A session as its events make it: the state is derived by folding the log, never stored. Times
 * are in session time (pauses excluded) as the events recorded them; {@link #elapsedAt} adds the
 * running time since the last event.
 */
public final class SessionState {

    private final String sessionId;
    private final SessionDetails details;
    private final SessionStatus status;
    private final Duration elapsedAtLastEvent;
    private final Instant lastEventAt;
    private final long lastSeq;
    private final Duration questioningUsed;
    private final Duration questioningSince;
    private final List<Pause> pauses;
    private final Map<String, Judgement> judgements;
    private final List<CriterionNote> notes;
    private final List<EvidenceReference> evidence;
    private final List<AskedQuestion> questions;
    private final Ended ending;
    private final Instant startedAt;
    private final Instant endedAt;
    private final List<Amendment> amendments;
    private final List<GapResolved> gaps;
    private final List<EventBody.DeclarationSigned> declarations;
    private final List<EventBody.RecordSigned> signedRecords;
    private final List<IgnoredEvent> ignoredAfterEnd;
    private final EventBody.EnteredFromPaper paper;
    private final List<Recording> recordings;
    private final EventBody.RecordingConsented recordingConsent;
    private final EventBody.RecordingExempted recordingExemption;
    private final Instant recordingConsentAt;
    private final Instant recordingExemptionAt;

    /**
     * An event in the log after the session ended that an ended session does not take (anything but
     * an amendment, a declaration or a signed record), e.g. from a tampered or faulty import. It stays
     * in the log, but changes nothing.
     */
    public record IgnoredEvent(long seq, String type, String eventId) {
    }

    private SessionState(Folder f) {
        this.sessionId = f.sessionId;
        this.details = f.details;
        this.status = f.status;
        this.elapsedAtLastEvent = f.elapsed;
        this.lastEventAt = f.lastEventAt;
        this.lastSeq = f.lastSeq;
        this.questioningUsed = f.questioningUsed;
        this.questioningSince = f.questioningSince;
        this.pauses = List.copyOf(f.pauses);
        this.judgements = Collections.unmodifiableMap(new LinkedHashMap<>(f.judgements));
        this.notes = List.copyOf(f.notes);
        this.evidence = List.copyOf(f.evidence);
        List<AskedQuestion> qs = new ArrayList<>();
        for (Folder.OpenQuestion q : f.questions) {
            qs.add(new AskedQuestion(q.number, q.text, q.bankId, q.askedAt, q.endedAt, q.followUps));
        }
        this.questions = List.copyOf(qs);
        this.ending = f.ending;
        this.startedAt = f.startedAt;
        this.endedAt = f.endedAt;
        this.amendments = List.copyOf(f.amendments);
        this.gaps = List.copyOf(f.gaps);
        this.declarations = List.copyOf(f.declarations);
        this.signedRecords = List.copyOf(f.signedRecords);
        this.ignoredAfterEnd = List.copyOf(f.ignoredAfterEnd);
        this.paper = f.paper;
        List<Recording> rs = new ArrayList<>();
        for (Folder.OpenRecording r : f.recordings.values()) {
            rs.add(r.snapshot());
        }
        this.recordings = List.copyOf(rs);
        this.recordingConsent = f.recordingConsent;
        this.recordingExemption = f.recordingExemption;
        this.recordingConsentAt = f.recordingConsentAt;
        this.recordingExemptionAt = f.recordingExemptionAt;
    }

    /** Folds a session's whole log, in order. */
    public static SessionState fold(List<SessionEvent> events) {
        Folder f = new Folder();
        for (SessionEvent e : events) {
            f.apply(e);
        }
        return f.snapshot();
    }

    public String sessionId() {
        return sessionId;
    }

    public SessionDetails details() {
        return details;
    }

    public SessionStatus status() {
        return status;
    }

    public boolean running() {
        return status == SessionStatus.RUNNING;
    }

    public boolean ended() {
        return status == SessionStatus.ENDED;
    }

    /** Session time recorded by the last event. */
    public Duration elapsedAtLastEvent() {
        return elapsedAtLastEvent;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** Elapsed session time given how long the session has been running since its last event. */
    public Duration elapsedAt(Duration runningSinceLastEvent) {
        return running() ? elapsedAtLastEvent.plus(runningSinceLastEvent) : elapsedAtLastEvent;
    }

    public boolean questioningActive() {
        return questioningSince != null;
    }

    /** Questioning time used, given the current elapsed session time. */
    public Duration questioningUsedAt(Duration elapsedNow) {
        return questioningSince == null ? questioningUsed : questioningUsed.plus(elapsedNow.minus(questioningSince));
    }

    public List<Pause> pauses() {
        return pauses;
    }

    public Optional<Pause> currentPause() {
        return pauses.isEmpty() || !pauses.get(pauses.size() - 1).ongoing()
                ? Optional.empty() : Optional.of(pauses.get(pauses.size() - 1));
    }

    public Map<String, Judgement> judgements() {
        return judgements;
    }

    public Optional<CriterionState> stateOf(String criterionId) {
        return Optional.ofNullable(judgements.get(criterionId)).map(Judgement::state);
    }

    /** The judgements as the grading engine takes them. */
    public Map<String, CriterionState> criterionStates() {
        Map<String, CriterionState> m = new LinkedHashMap<>();
        judgements.forEach((id, j) -> m.put(id, j.state()));
        return m;
    }

    public List<CriterionNote> notes() {
        return notes;
    }

    public List<CriterionNote> notesOn(String criterionId) {
        return notes.stream().filter(n -> criterionId.equals(n.criterionId())).toList();
    }

    public List<EvidenceReference> evidence() {
        return evidence;
    }

    public List<EvidenceReference> evidenceFor(String criterionId) {
        return evidence.stream().filter(e -> e.criterionId().equals(criterionId)).toList();
    }

    public List<AskedQuestion> questions() {
        return questions;
    }

    public Optional<AskedQuestion> currentQuestion() {
        return questions.isEmpty() || questions.get(questions.size() - 1).endedAt() != null
                ? Optional.empty() : Optional.of(questions.get(questions.size() - 1));
    }

    public Optional<Ended> ending() {
        return Optional.ofNullable(ending);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public List<Amendment> amendments() {
        return amendments;
    }

    public List<GapResolved> gaps() {
        return gaps;
    }

    /** The latest declaration of each role ("apprentice", "assessor"). */
    public List<EventBody.DeclarationSigned> declarations() {
        return declarations;
    }

    public Optional<EventBody.DeclarationSigned> declaration(String role) {
        return declarations.stream().filter(d -> d.role().equals(role)).findFirst();
    }

    public List<EventBody.RecordSigned> signedRecords() {
        return signedRecords;
    }

    /** Present when the session was recorded on paper and entered afterwards: why, and when it was entered. */
    public Optional<EventBody.EnteredFromPaper> enteredFromPaper() {
        return Optional.ofNullable(paper);
    }

    // ---- recordings (issue 16, ADR 0014) ----

    /** The session's recordings, captured and attached, in the order they began or were attached. */
    public List<Recording> recordings() {
        return recordings;
    }

    /** The recording being captured now (recording or paused), if any. */
    public Optional<Recording> openRecording() {
        return recordings.stream().filter(Recording::open).findFirst();
    }

    /** The apprentice's consent to recording, when given. */
    public Optional<EventBody.RecordingConsented> recordingConsent() {
        return Optional.ofNullable(recordingConsent);
    }

    /** When the apprentice's consent to recording was recorded (the event's time), when given. */
    public Optional<Instant> recordingConsentAt() {
        return Optional.ofNullable(recordingConsentAt);
    }

    /** When the latest exemption from recording was recorded (the event's time), when recorded. */
    public Optional<Instant> recordingExemptionAt() {
        return Optional.ofNullable(recordingExemptionAt);
    }

    /** The agreed exemption from a required recording, when recorded (the latest). */
    public Optional<EventBody.RecordingExempted> recordingExemption() {
        return Optional.ofNullable(recordingExemption);
    }

    /** Whether the session is held remotely (by video call), from its details; face to face otherwise. */
    public boolean remote() {
        return details != null && details.mode() == AssessmentMode.REMOTE_VIDEO;
    }

    /** What the component's plan says of recording for this session's mode (face to face or remote). */
    public org.epaworkbench.plan.RecordingRule.ModeRule recordingRule(org.epaworkbench.plan.Component component) {
        return component.recording().when(remote());
    }

    /** Whether the plan requires this session to be recorded, given how it is held. */
    public boolean recordingRequired(org.epaworkbench.plan.Component component) {
        return recordingRule(component).required();
    }

    /**
     * Whether what the plan asks of recording is met: nothing is required, or the session has a recording that counts
     * ({@link Recording#counts()}), or an agreed exemption is recorded.
     */
    public boolean recordingRequirementMet(org.epaworkbench.plan.Component component) {
        return !recordingRequired(component) || recordingExemption != null
                || recordings.stream().anyMatch(Recording::counts);
    }

    /**
     * Where a moment of the session (its session time, pauses excluded) is in the recordings captured on the session
     * clock: the first recording that holds it; empty when none does. Pure: from the log alone.
     */
    public Optional<RecordingPosition> recordingPositionAt(Duration sessionTime) {
        for (Recording r : recordings) {
            Optional<Duration> offset = r.offsetAt(sessionTime);
            if (offset.isPresent()) {
                return Optional.of(new RecordingPosition(r.fileName(), offset.get()));
            }
        }
        return Optional.empty();
    }

    /** Where a judgement was made in the recording; empty for an amendment after the end (not said in the session). */
    public Optional<RecordingPosition> recordingPositionOf(Judgement j) {
        return j.amended() ? Optional.empty() : recordingPositionAt(j.sessionTime());
    }

    /** Where a note was written in the recording; empty for an amendment after the end. */
    public Optional<RecordingPosition> recordingPositionOf(CriterionNote n) {
        return n.amendment() ? Optional.empty() : recordingPositionAt(n.sessionTime());
    }

    /** Where a question was asked in the recording. */
    public Optional<RecordingPosition> recordingPositionOf(AskedQuestion q) {
        return recordingPositionAt(q.askedAt());
    }

    /** Where the session was paused in the recording (the recording's last sound before the pause). */
    public Optional<RecordingPosition> recordingPositionOf(Pause p) {
        return p.sessionTime() == null ? Optional.empty() : recordingPositionAt(p.sessionTime());
    }

    /** Events after the end that the fold left out, because an ended session is locked; normally none. */
    public List<IgnoredEvent> ignoredAfterEnd() {
        return ignoredAfterEnd;
    }

    /**
     * Accumulates events in order; the live session keeps one and applies each event as it is
     * committed, the store folds a whole log with a fresh one.
     */
    static final class Folder {
        private String sessionId;
        private SessionDetails details;
        private SessionStatus status = SessionStatus.PLANNED;
        private Duration elapsed = Duration.ZERO;
        private Instant lastEventAt;
        private long lastSeq;
        private Duration questioningUsed = Duration.ZERO;
        private Duration questioningSince;
        private final List<Pause> pauses = new ArrayList<>();
        private final Map<String, Judgement> judgements = new LinkedHashMap<>();
        private final List<CriterionNote> notes = new ArrayList<>();
        private final List<EvidenceReference> evidence = new ArrayList<>();
        private final List<OpenQuestion> questions = new ArrayList<>();
        private Ended ending;
        private Instant startedAt;
        private Instant endedAt;
        private final List<Amendment> amendments = new ArrayList<>();
        private final List<GapResolved> gaps = new ArrayList<>();
        private final List<EventBody.DeclarationSigned> declarations = new ArrayList<>();
        private final List<EventBody.RecordSigned> signedRecords = new ArrayList<>();
        private final List<IgnoredEvent> ignoredAfterEnd = new ArrayList<>();
        private EventBody.EnteredFromPaper paper;
        private final Map<String, OpenRecording> recordings = new LinkedHashMap<>();
        private EventBody.RecordingConsented recordingConsent;
        private EventBody.RecordingExempted recordingExemption;
        private Instant recordingConsentAt;
        private Instant recordingExemptionAt;

        /** A recording as its events so far make it. */
        static final class OpenRecording {
            final String fileName;
            final Recording.Kind kind;
            final String format;
            final String device;
            final Duration startedAt;
            final List<Recording.Segment> segments = new ArrayList<>();
            Duration segmentFrom;
            long segmentOffset;
            Recording.Status status;
            long durationMillis = -1;
            long sizeBytes = -1;
            String sha256;
            EventBody.RecordingRepaired repair;

            OpenRecording(String fileName, Recording.Kind kind, String format, String device, Duration startedAt,
                    Recording.Status status) {
                this.fileName = fileName;
                this.kind = kind;
                this.format = format;
                this.device = device;
                this.startedAt = startedAt;
                this.status = status;
            }

            void closeSegment(Duration until, long offsetUntil) {
                if (segmentFrom != null) {
                    segments.add(new Recording.Segment(segmentFrom, until, segmentOffset, offsetUntil));
                    segmentFrom = null;
                }
            }

            Recording snapshot() {
                List<Recording.Segment> all = new ArrayList<>(segments);
                if (segmentFrom != null) {
                    all.add(new Recording.Segment(segmentFrom, null, segmentOffset, -1));
                }
                return new Recording(fileName, kind, format, device, startedAt, all, status, durationMillis, sizeBytes, sha256,
                        repair);
            }
        }

        /**
         * A question whose end time is filled in when the assessor closes it, or else when the next
         * one is asked or the session ends.
         */
        private static final class OpenQuestion {
            final int number;
            final String text;
            final String bankId;
            final Duration askedAt;
            Duration endedAt;
            final List<String> followUps = new ArrayList<>();

            OpenQuestion(int number, String text, String bankId, Duration askedAt) {
                this.number = number;
                this.text = text;
                this.bankId = bankId;
                this.askedAt = askedAt;
            }
        }

        void apply(SessionEvent e) {
            if (sessionId == null) {
                sessionId = e.sessionId();
            } else if (!sessionId.equals(e.sessionId())) {
                throw new IllegalArgumentException("event " + e.id() + " belongs to session " + e.sessionId()
                        + ", not " + sessionId);
            }
            if (e.seq() != lastSeq + 1) {
                throw new IllegalArgumentException("event " + e.id() + " has seq " + e.seq() + "; expected " + (lastSeq + 1));
            }
            lastSeq = e.seq();
            if (status == SessionStatus.ENDED && !EventBody.allowedAfterEnd(e.type())) {
                // an ended session is locked: only amendments, declarations, signed records and a recording's end,
                // repair, attachment or exemption follow
                ignoredAfterEnd.add(new IgnoredEvent(e.seq(), e.type(), e.id()));
                return;
            }
            lastEventAt = e.at();
            Duration t = e.sessionTime();
            elapsed = t;
            EventBody body = e.body();
            if (body instanceof SessionPlanned p) {
                details = p.details();
            } else if (body instanceof DetailsRecorded d) {
                recordDetails(d);
            } else if (body instanceof EventBody.EnteredFromPaper p) {
                paper = p;
            } else if (body instanceof Started) {
                status = SessionStatus.RUNNING;
                startedAt = e.at();
            } else if (body instanceof Paused p) {
                status = SessionStatus.PAUSED;
                pauses.add(new Pause(p.reason(), e.at(), null, t));
            } else if (body instanceof Resumed) {
                status = SessionStatus.RUNNING;
                closePause(e.at());
            } else if (body instanceof QuestioningStarted) {
                questioningSince = t;
            } else if (body instanceof QuestioningStopped) {
                stopQuestioning(t);
            } else if (body instanceof QuestionAsked q) {
                closeQuestion(t);
                questions.add(new OpenQuestion(q.number(), q.text(), q.bankId(), t));
            } else if (body instanceof EventBody.QuestionClosed qc) {
                for (OpenQuestion q : questions) {
                    if (q.number == qc.questionNumber() && q.endedAt == null) {
                        q.endedAt = t;
                    }
                }
            } else if (body instanceof FollowUpAsked f) {
                for (OpenQuestion q : questions) {
                    if (q.number == f.questionNumber()) {
                        q.followUps.add(f.text());
                    }
                }
            } else if (body instanceof Ended end) {
                stopQuestioning(t);
                closeQuestion(t);
                closePause(e.at());
                status = SessionStatus.ENDED;
                ending = end;
                endedAt = e.at();
            } else if (body instanceof GapResolved g) {
                gaps.add(g);
            } else if (body instanceof EventBody.DeclarationSigned d) {
                declarations.removeIf(x -> x.role().equals(d.role()));
                declarations.add(d);
            } else if (body instanceof EventBody.RecordSigned r) {
                signedRecords.add(r);
            } else if (body instanceof EventBody.RecordingConsented c) {
                recordingConsent = c;
                recordingConsentAt = e.at();
            } else if (body instanceof EventBody.RecordingExempted x) {
                recordingExemption = x;
                recordingExemptionAt = e.at();
            } else if (body instanceof EventBody.RecordingStarted s) {
                OpenRecording r = new OpenRecording(s.fileName(), Recording.Kind.CAPTURED, s.format(), s.device(), t,
                        Recording.Status.RECORDING);
                r.segmentFrom = t;
                r.segmentOffset = 0;
                recordings.put(s.fileName(), r);
            } else if (body instanceof EventBody.RecordingPaused p) {
                OpenRecording r = recordings.get(p.fileName());
                if (r != null && r.status == Recording.Status.RECORDING) {
                    r.closeSegment(t, p.positionMillis());
                    r.status = Recording.Status.PAUSED;
                }
            } else if (body instanceof EventBody.RecordingResumed p) {
                OpenRecording r = recordings.get(p.fileName());
                if (r != null && r.status == Recording.Status.PAUSED) {
                    r.segmentFrom = t;
                    r.segmentOffset = p.positionMillis();
                    r.status = Recording.Status.RECORDING;
                }
            } else if (body instanceof EventBody.RecordingEnded end) {
                OpenRecording r = recordings.get(end.fileName());
                if (r != null && r.kind == Recording.Kind.CAPTURED) {
                    r.closeSegment(t, end.durationMillis());
                    r.status = Recording.Status.ENDED;
                    r.durationMillis = end.durationMillis();
                    r.sizeBytes = end.sizeBytes();
                    r.sha256 = end.sha256();
                }
            } else if (body instanceof EventBody.RecordingRepaired fix) {
                OpenRecording r = recordings.get(fix.fileName());
                if (r != null && r.kind == Recording.Kind.CAPTURED) {
                    if (r.segmentFrom != null) {
                        // when the app stopped is not known: the segment runs on, up to what the file kept
                        r.segments.add(new Recording.Segment(r.segmentFrom, null, r.segmentOffset, fix.keptMillis()));
                        r.segmentFrom = null;
                    }
                    r.status = Recording.Status.REPAIRED;
                    r.durationMillis = fix.keptMillis();
                    r.sizeBytes = fix.sizeBytes();
                    r.sha256 = fix.sha256();
                    r.repair = fix;
                }
            } else if (body instanceof EventBody.RecordingAttached a) {
                OpenRecording r = new OpenRecording(a.fileName(), Recording.Kind.ATTACHED, a.format(), null, null,
                        Recording.Status.ATTACHED);
                r.durationMillis = a.durationMillis();
                r.sizeBytes = a.sizeBytes();
                r.sha256 = a.sha256();
                recordings.put(a.fileName(), r);
            } else if (body instanceof Amended a) {
                amendments.add(new Amendment(a.reason(), a.correction(), e.at()));
                applyRecord(a.correction(), t, e.at(), true);
            } else {
                applyRecord(body, t, e.at(), false);
            }
        }

        private void recordDetails(DetailsRecorded d) {
            details = new SessionDetails(details.apprenticeId(), details.planId(), details.planVersion(),
                    details.componentId(), details.attempt(), d.mode(), d.location(), d.idDocumentSeen());
        }

        /** Judgements, notes, evidence and details, as recorded live or as an amendment after the end. */
        private void applyRecord(EventBody body, Duration t, Instant at, boolean amendment) {
            if (body instanceof DetailsRecorded d) {
                recordDetails(d);
            } else if (body instanceof CriterionJudged j) {
                judgements.put(j.criterionId(), new Judgement(j.criterionId(), j.state(), t, at, amendment));
            } else if (body instanceof JudgementCleared c) {
                judgements.remove(c.criterionId());
            } else if (body instanceof NoteAdded n) {
                notes.add(new CriterionNote(n.criterionId(), n.text(), t, at, amendment));
            } else if (body instanceof EvidenceReferenced r) {
                evidence.add(new EvidenceReference(r.criterionId(), r.reference(), t, at, amendment));
            } else {
                throw new IllegalArgumentException("unknown event type " + body.type());
            }
        }

        private void stopQuestioning(Duration t) {
            if (questioningSince != null) {
                questioningUsed = questioningUsed.plus(t.minus(questioningSince));
                questioningSince = null;
            }
        }

        private void closeQuestion(Duration t) {
            if (!questions.isEmpty()) {
                OpenQuestion last = questions.get(questions.size() - 1);
                if (last.endedAt == null) {
                    last.endedAt = t;
                }
            }
        }

        private void closePause(Instant at) {
            if (!pauses.isEmpty()) {
                Pause last = pauses.get(pauses.size() - 1);
                if (last.ongoing()) {
                    pauses.set(pauses.size() - 1, new Pause(last.reason(), last.from(), at, last.sessionTime()));
                }
            }
        }

        SessionState snapshot() {
            return new SessionState(this);
        }

        long lastSeq() {
            return lastSeq;
        }
    }
}
