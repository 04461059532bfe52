package org.epaworkbench.ui.paper;

import org.epaworkbench.ui.common.Runner;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.PaperEntry;
import org.epaworkbench.session.PaperRecord;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.ui.common.ClockTimes;

/**
 * The decisions of the paper-record screen: what an assessor types from the paper form (the session's details, why it
 * was recorded on paper, the clock times of its start, pauses, questioning and end, a judgement with its time and note
 * per criterion, and the session's notes), read into a {@link PaperRecord} and checked by {@link PaperEntry}, the same
 * live-session rules the command line's {@code session enter} uses. This form adds no rule of its own beyond reading
 * what was typed: a time that is not a time, a choice not made.
 *
 * <p>A rule the form breaks is placed beside the field it concerns, in the words of the rules, and nothing typed is
 * changed. Once the assessor has asked to enter the record, every change checks the form again, so a message goes as soon
 * as what it asked for is done. Nothing is stored here: {@link #check()} gives the checked record to store.
 */
public final class PaperSessionForm {

    /** A checked record, ready to store, and the plan it was checked against. */
    public record Entry(AssessmentPlan plan, PaperRecord record) {
    }

    /** A row of the form (a pause, a stretch of questioning, a criterion) with its own message and refused fields. */
    public abstract static class Row {
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
        private final ObservableSet<String> invalid = FXCollections.observableSet();

        /** What is wrong with this row, "" when nothing. */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        /** The fields of this row refused ("from", "until", "reason", "at", "note"), for the screen to mark. */
        public ObservableSet<String> invalid() {
            return invalid;
        }

        void clearProblem() {
            problem.set("");
            invalid.clear();
        }

        void addProblem(String field, String message) {
            if (field != null) {
                invalid.add(field);
            }
            problem.set(problem.get().isEmpty() ? message : problem.get() + " " + message);
        }

        abstract List<Observable> inputs();

        abstract boolean typed();
    }

    /** A pause: from, until, and its reason, as written on the form. */
    public static final class PauseRow extends Row {
        public final StringProperty from = new SimpleStringProperty("");
        public final StringProperty until = new SimpleStringProperty("");
        public final StringProperty reason = new SimpleStringProperty("");

        @Override
        List<Observable> inputs() {
            return List.of(from, until, reason);
        }

        @Override
        boolean typed() {
            return !(from.get().isBlank() && until.get().isBlank() && reason.get().isBlank());
        }
    }

    /** A stretch of questioning time, from and until. */
    public static final class QuestioningRow extends Row {
        public final StringProperty from = new SimpleStringProperty("");
        public final StringProperty until = new SimpleStringProperty("");

        @Override
        List<Observable> inputs() {
            return List.of(from, until);
        }

        @Override
        boolean typed() {
            return !(from.get().isBlank() && until.get().isBlank());
        }
    }

    /** A competency question of an interview, as written on the form: the time it was asked and the question. */
    public static final class QuestionRow extends Row {
        public final StringProperty at = new SimpleStringProperty("");
        public final StringProperty text = new SimpleStringProperty("");

        @Override
        List<Observable> inputs() {
            return List.of(at, text);
        }

        @Override
        boolean typed() {
            return !(at.get().isBlank() && text.get().isBlank());
        }
    }

    /** One criterion of the component: its judgement (none yet: null), the time it was judged, and a note. */
    public static final class JudgementRow extends Row {
        private final Criterion criterion;
        public final ObjectProperty<CriterionState> state = new SimpleObjectProperty<>();
        public final StringProperty at = new SimpleStringProperty("");
        public final StringProperty note = new SimpleStringProperty("");

        JudgementRow(Criterion criterion) {
            this.criterion = criterion;
        }

        public Criterion criterion() {
            return criterion;
        }

        @Override
        List<Observable> inputs() {
            return List.of(state, at, note);
        }

        @Override
        boolean typed() {
            return state.get() != null || !at.get().isBlank() || !note.get().isBlank();
        }
    }

    /** Where on the form a place named in a record is: a row (and its field), or a field of the form by its key. */
    private record Place(Row row, String field, String key) {
    }

    // the fields of the form with a message of their own
    public static final String APPRENTICE = "apprentice";
    public static final String COMPONENT = "component";
    public static final String DATE = "date";
    public static final String REASON = "reason";
    public static final String START = "start";
    public static final String END = "end";
    public static final String NOTES = "notes";
    public static final String NOTES_AT = "notes.at";

    private final Function<String, Optional<AssessmentPlan>> plans;
    private final Clock clock;
    private final ZoneId zone;
    private final SessionSettings settings;

    private final ObservableList<Apprentice> apprentices = FXCollections.observableArrayList();
    private final ObjectProperty<Apprentice> apprentice = new SimpleObjectProperty<>();
    private final ObservableList<Component> components = FXCollections.observableArrayList();
    private final ObjectProperty<Component> component = new SimpleObjectProperty<>();
    public final ObjectProperty<AttemptKind> attempt = new SimpleObjectProperty<>(AttemptKind.FIRST);
    public final ObjectProperty<AssessmentMode> mode = new SimpleObjectProperty<>(AssessmentMode.FACE_TO_FACE);
    public final StringProperty location = new SimpleStringProperty("");
    public final StringProperty idSeen = new SimpleStringProperty("");
    public final StringProperty reason = new SimpleStringProperty("");
    public final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    /** What the screen's date field refuses in what was typed ("" when nothing): the form is not entered while it does. */
    public final StringProperty dateRefused = new SimpleStringProperty("");
    public final StringProperty start = new SimpleStringProperty("");
    public final StringProperty end = new SimpleStringProperty("");
    public final StringProperty endReason = new SimpleStringProperty("");
    public final StringProperty notes = new SimpleStringProperty("");
    public final StringProperty notesAt = new SimpleStringProperty("");
    private final ObservableList<PauseRow> pauses = FXCollections.observableArrayList();
    private final ObservableList<QuestioningRow> questioning = FXCollections.observableArrayList();
    private final ObservableList<QuestionRow> questions = FXCollections.observableArrayList();
    private final ObservableList<JudgementRow> judgements = FXCollections.observableArrayList();
    /** The rows typed for each component, kept when another component is chosen and back again. */
    private final Map<String, List<JudgementRow>> judgementsByComponent = new HashMap<>();

    private final ObservableMap<String, String> problems = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper questioningTracked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper questionsAsked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper("");
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final InvalidationListener recheck = o -> {
        if (checking.get()) {
            check();
        }
    };
    private boolean inCheck;

    /**
     * @param plans the plan of each id, as the app has them
     * @param clock now: the form's date starts today, and a start in the future is refused
     * @param zone  the time zone the paper form's clock times are in (this computer's)
     */
    public PaperSessionForm(List<Apprentice> apprentices, Function<String, Optional<AssessmentPlan>> plans, Clock clock,
            ZoneId zone, SessionSettings settings) {
        this.plans = plans;
        this.clock = clock;
        this.zone = zone;
        this.settings = settings;
        this.apprentices.setAll(apprentices);
        date.set(LocalDate.ofInstant(clock.instant(), zone));
        apprentice.addListener((o, was, now) -> {
            components.setAll(now == null ? List.of() : plans.apply(now.planId()).map(AssessmentPlan::components).orElse(List.of()));
            component.set(components.isEmpty() ? null : components.get(0));
        });
        component.addListener((o, was, now) -> {
            judgements.setAll(now == null ? List.of() : judgementsByComponent.computeIfAbsent(now.id(), id -> {
                List<JudgementRow> rows = now.criteria().stream().map(JudgementRow::new).toList();
                rows.forEach(this::watch);
                return rows;
            }));
            questioningTracked.set(now != null && now.questioningLimit().isPresent());
            questionsAsked.set(now == null ? "" : now.questions().map(q -> "The " + now.title().toLowerCase(java.util.Locale.ROOT)
                    + " has " + q.exactly() + " competency questions (" + q.source().shortForm() + "). Each as asked, with the time it "
                    + "was asked.").orElse(""));
            timing.set(now == null ? "" : now.title() + ": " + now.timing().describe()
                    + now.questioningLimit().map(q -> "; questioning up to " + q.describe()).orElse(""));
        });
        for (Observable o : List.of(apprentice, component, attempt, mode, location, idSeen, reason, date, dateRefused, start, end,
                endReason, notes, notesAt)) {
            o.addListener(recheck);
        }
        pauses.addListener(recheck);
        questioning.addListener(recheck);
        questions.addListener(recheck);
        if (apprentices.size() == 1) {
            apprentice.set(apprentices.get(0));
        }
    }

    private void watch(Row row) {
        row.inputs().forEach(i -> i.addListener(recheck));
    }

    public ObservableList<Apprentice> apprentices() {
        return apprentices;
    }

    public ObjectProperty<Apprentice> apprenticeProperty() {
        return apprentice;
    }

    /** The components of the chosen apprentice's plan. */
    public ObservableList<Component> components() {
        return components;
    }

    public ObjectProperty<Component> componentProperty() {
        return component;
    }

    public ObservableList<PauseRow> pauses() {
        return pauses;
    }

    public ObservableList<QuestioningRow> questioning() {
        return questioning;
    }

    /** The interview's questions, as written on the form. */
    public ObservableList<QuestionRow> questions() {
        return questions;
    }

    /**
     * For a component whose plan sets a number of competency questions, what to write (shown above the questions);
     * "" when the component has none, and then its questions are not asked for.
     */
    public ReadOnlyStringProperty questionsAskedProperty() {
        return questionsAsked.getReadOnlyProperty();
    }

    public QuestionRow addQuestion() {
        QuestionRow row = new QuestionRow();
        watch(row);
        questions.add(row);
        return row;
    }

    public void removeQuestion(QuestionRow row) {
        questions.remove(row);
    }

    /** A row per criterion of the chosen component, in the plan's order. */
    public ObservableList<JudgementRow> judgements() {
        return judgements;
    }

    /** Whether the chosen component has a questioning time limit, so its questioning times are asked for. */
    public ReadOnlyBooleanProperty questioningTrackedProperty() {
        return questioningTracked.getReadOnlyProperty();
    }

    /** The chosen component's timing as the plan states it, e.g. "Observation: 60 min planned, 54 to 66 min…". */
    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    public PauseRow addPause() {
        PauseRow row = new PauseRow();
        watch(row);
        pauses.add(row);
        return row;
    }

    public void removePause(PauseRow row) {
        pauses.remove(row);
    }

    public QuestioningRow addQuestioning() {
        QuestioningRow row = new QuestioningRow();
        watch(row);
        questioning.add(row);
        return row;
    }

    public void removeQuestioning(QuestioningRow row) {
        questioning.remove(row);
    }

    /** The message beside a field of the form (one of the keys above), "" when none. */
    public StringBinding problem(String key) {
        return Bindings.createStringBinding(() -> problems.getOrDefault(key, ""), problems);
    }

    /** The messages beside the form's own fields, by key. */
    public ObservableMap<String, String> problems() {
        return problems;
    }

    /** What stops the record being entered, in one line for beside the Enter button; "" when nothing. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether anything has been typed or chosen beyond what the form starts with (to ask before leaving it). */
    public boolean typed() {
        return !(reason.get().isBlank() && start.get().isBlank() && end.get().isBlank() && endReason.get().isBlank()
                && notes.get().isBlank() && location.get().isBlank() && idSeen.get().isBlank()
                && pauses.stream().noneMatch(Row::typed) && questioning.stream().noneMatch(Row::typed)
                && questions.stream().noneMatch(Row::typed)
                && judgementsByComponent.values().stream().flatMap(List::stream).noneMatch(Row::typed));
    }

    /**
     * Reads and checks the whole form: the record to store when it passes every rule, else empty with each problem
     * beside its field. From now on every change checks it again.
     */
    public Optional<Entry> check() {
        if (inCheck) {
            return Optional.empty();
        }
        inCheck = true;
        try {
            checking.set(true);
            return read();
        } finally {
            inCheck = false;
        }
    }


    private final ReadOnlyBooleanWrapper entering = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

    /** True while a checked record is being stored (Enter session is not offered twice). */
    public ReadOnlyBooleanProperty enteringProperty() {
        return entering.getReadOnlyProperty();
    }

    /** Why storing failed for a reason other than the rules (nothing was stored), "" when nothing failed. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /**
     * Enters the record: checks the form ({@code dateRead} false: the date box holds what is not a date), then
     * stores it with {@code store}; {@code onEntered} gets the new session's id. A rule broken on storing is placed
     * beside its field as {@link #check()} places it; any other failure is said, and nothing is stored.
     */
    public void enter(boolean dateRead, Function<Entry, java.util.concurrent.Callable<String>> store, Runner runner,
            java.util.function.Consumer<String> onEntered) {
        failure.set("");
        Optional<Entry> entry = check();
        if (!dateRead || entry.isEmpty()) {
            return;
        }
        entering.set(true);
        runner.run(store.apply(entry.get()), id -> {
            entering.set(false);
            onEntered.accept(id);
        }, problem -> {
            entering.set(false);
            if (problem instanceof PaperEntry.Problem p) {
                refused(p);
            } else {
                failure.set("Not entered, nothing was stored: " + problem.getMessage());
            }
        });
    }

    /** Leaves the form: when something is typed, only once {@code confirmLeaving} says so (what was typed is not kept). */
    public void leave(java.util.function.BooleanSupplier confirmLeaving, Runnable onLeave) {
        if (!typed() || confirmLeaving.getAsBoolean()) {
            onLeave.run();
        }
    }

    /** A rule the record broke when it was stored (the same rules; the store checks again): shown as {@link #check()} would. */
    public void refused(PaperEntry.Problem problem) {
        Map<String, Place> places = new HashMap<>();
        Component c = component.get();
        if (c != null) {
            places(places);
        }
        place(places, problem.where(), problem.getMessage());
        summarise();
    }

    private Optional<Entry> read() {
        problems.clear();
        pauses.forEach(Row::clearProblem);
        questioning.forEach(Row::clearProblem);
        questions.forEach(Row::clearProblem);
        judgements.forEach(Row::clearProblem);
        Map<String, Place> places = new HashMap<>();
        places(places);

        Apprentice who = apprentice.get();
        Component c = component.get();
        if (who == null) {
            problems.put(APPRENTICE, "Choose the apprentice.");
        } else if (c == null) {
            problems.put(COMPONENT, "Choose the component.");
        }
        LocalDate day = date.get();
        if (day == null && dateRefused.get().isBlank()) {
            problems.put(DATE, "Write the date the session took place, as on the paper form.");
        }
        boolean readable = who != null && c != null && day != null && dateRefused.get().isBlank();
        Instant startAt = time(day, start.get(), START, null, null);
        Instant endAt = time(day, end.get(), END, null, null);

        List<PaperRecord.Pause> pauseList = new ArrayList<>();
        for (int i = 0; i < pauses.size(); i++) {
            PauseRow p = pauses.get(i);
            if (!p.typed()) {
                continue; // a row added and left empty is no pause
            }
            pauseList.add(new PaperRecord.Pause(time(day, p.from.get(), null, p, "from"), time(day, p.until.get(), null, p, "until"),
                    blankToNull(p.reason.get()), "pause." + i));
        }
        List<PaperRecord.Span> spans = new ArrayList<>();
        if (questioningTracked.get()) {
            for (int i = 0; i < questioning.size(); i++) {
                QuestioningRow q = questioning.get(i);
                if (q.typed()) {
                    spans.add(new PaperRecord.Span(time(day, q.from.get(), null, q, "from"), time(day, q.until.get(), null, q, "until"),
                            "questioning." + i));
                }
            }
        }
        List<PaperRecord.TimedQuestion> asked = new ArrayList<>();
        if (!questionsAsked.get().isEmpty()) {
            for (int i = 0; i < questions.size(); i++) {
                QuestionRow q = questions.get(i);
                if (q.typed()) {
                    asked.add(new PaperRecord.TimedQuestion(q.text.get().strip(), time(day, q.at.get(), null, q, "at"), null, List.of(),
                            "question." + i));
                }
            }
        }
        List<PaperRecord.TimedJudgement> judged = new ArrayList<>();
        List<PaperRecord.TimedNote> noted = new ArrayList<>();
        for (JudgementRow j : judgements) {
            Instant at = time(day, j.at.get(), null, j, "at");
            String where = "judgement." + j.criterion.id();
            if (j.state.get() != null) {
                judged.add(new PaperRecord.TimedJudgement(j.criterion.id(), j.state.get(), at, where));
            }
            if (!j.note.get().isBlank()) {
                noted.add(new PaperRecord.TimedNote(j.criterion.id(), j.note.get().strip(), at, where + ".note"));
            }
            if (j.state.get() == null && j.note.get().isBlank() && !j.at.get().isBlank()) {
                j.addProblem("at", "A time with no judgement: choose Met, Not met or Not arisen, or clear the time.");
            }
        }
        if (!notes.get().isBlank()) {
            // the session's notes, written at the time given or else at the end of the session
            Instant at = notesAt.get().isBlank() ? endAt : time(day, notesAt.get(), NOTES_AT, null, null);
            noted.add(new PaperRecord.TimedNote(null, notes.get().strip(), at, NOTES));
        }
        if (!readable || !problems.isEmpty() || rowsRefused()) {
            summarise();
            return Optional.empty();
        }
        AssessmentPlan plan = plans.apply(who.planId()).orElseThrow();
        SessionDetails details = new SessionDetails(who.id(), plan.id(), plan.version(), c.id(), attempt.get(), mode.get(),
                location.get().strip(), idSeen.get().strip());
        PaperRecord record = new PaperRecord(details, reason.get(), startAt, pauseList, spans, endAt, blankToNull(endReason.get()),
                judged, noted, List.of(), asked, zone);
        try {
            PaperEntry.transcribe(UUID.randomUUID().toString(), plan, record, clock.instant(), settings);
        } catch (PaperEntry.Problem p) {
            place(places, p.where(), p.getMessage());
            summarise();
            return Optional.empty();
        }
        summary.set("");
        return Optional.of(new Entry(plan, record));
    }

    private boolean rowsRefused() {
        return pauses.stream().anyMatch(r -> !r.problemProperty().get().isEmpty())
                || questions.stream().anyMatch(r -> !r.problemProperty().get().isEmpty())
                || questioning.stream().anyMatch(r -> !r.problemProperty().get().isEmpty())
                || judgements.stream().anyMatch(r -> !r.problemProperty().get().isEmpty());
    }

    /** The clock time typed, on the form's date, in its zone; a time that cannot be read is refused beside its field. */
    private Instant time(LocalDate day, String text, String key, Row row, String field) {
        LocalTime t;
        try {
            t = ClockTimes.parse(text);
        } catch (IllegalArgumentException e) {
            if (row != null) {
                row.addProblem(field, e.getMessage());
            } else {
                problems.put(key, e.getMessage());
            }
            return null;
        }
        return t == null || day == null ? null : day.atTime(t).atZone(zone).toInstant();
    }

    /** Every place the record names, as the rows are now. */
    private void places(Map<String, Place> places) {
        places.put(COMPONENT, new Place(null, null, COMPONENT));
        places.put(START, new Place(null, null, START));
        places.put(END, new Place(null, null, END));
        places.put(REASON, new Place(null, null, REASON));
        places.put(NOTES, new Place(null, null, NOTES));
        places.put(NOTES + ".at", new Place(null, null, NOTES_AT));
        for (int i = 0; i < pauses.size(); i++) {
            String w = "pause." + i;
            PauseRow row = pauses.get(i);
            places.put(w, new Place(row, null, null));
            places.put(w + ".from", new Place(row, "from", null));
            places.put(w + ".until", new Place(row, "until", null));
        }
        for (int i = 0; i < questioning.size(); i++) {
            String w = "questioning." + i;
            QuestioningRow row = questioning.get(i);
            places.put(w, new Place(row, null, null));
            places.put(w + ".from", new Place(row, "from", null));
            places.put(w + ".until", new Place(row, "until", null));
        }
        for (int i = 0; i < questions.size(); i++) {
            String w = "question." + i;
            QuestionRow row = questions.get(i);
            places.put(w, new Place(row, null, null));
            places.put(w + ".at", new Place(row, "at", null));
        }
        for (JudgementRow j : judgements) {
            String w = "judgement." + j.criterion.id();
            places.put(w, new Place(j, null, null));
            places.put(w + ".at", new Place(j, "at", null));
            places.put(w + ".note", new Place(j, "note", null));
            places.put(w + ".note.at", new Place(j, "at", null));
        }
    }

    private void place(Map<String, Place> places, String where, String message) {
        Place p = places.get(where);
        if (p == null) {
            // a place this form does not show (should not happen): the message still reaches the assessor
            problems.merge(END, message, (a, b) -> a + " " + b);
        } else if (p.row() != null) {
            p.row().addProblem(p.field(), message);
        } else {
            problems.put(p.key(), message);
        }
    }

    /** One line naming where the form needs putting right. */
    private void summarise() {
        Map<String, Boolean> where = new LinkedHashMap<>();
        Map<String, String> labels = Map.of(APPRENTICE, "Apprentice", COMPONENT, "Component", DATE, "Date", REASON, "Why on paper",
                START, "Start", END, "End", NOTES, "Session notes", NOTES_AT, "Session notes");
        for (String key : List.of(APPRENTICE, COMPONENT, DATE, REASON, START, END, NOTES, NOTES_AT)) {
            if (problems.containsKey(key)) {
                where.put(labels.get(key), true);
            }
        }
        if (!dateRefused.get().isBlank()) {
            where.put("Date", true);
        }
        for (int i = 0; i < pauses.size(); i++) {
            if (!pauses.get(i).problemProperty().get().isEmpty()) {
                where.put("Pause " + (i + 1), true);
            }
        }
        for (int i = 0; i < questioning.size(); i++) {
            if (!questioning.get(i).problemProperty().get().isEmpty()) {
                where.put("Questioning " + (i + 1), true);
            }
        }
        for (int i = 0; i < questions.size(); i++) {
            if (!questions.get(i).problemProperty().get().isEmpty()) {
                where.put("Question " + (i + 1), true);
            }
        }
        for (JudgementRow j : judgements) {
            if (!j.problemProperty().get().isEmpty()) {
                where.put(j.criterion.code(), true);
            }
        }
        summary.set("Nothing entered yet. Put right what is marked: " + String.join(", ", where.keySet()) + ".");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
