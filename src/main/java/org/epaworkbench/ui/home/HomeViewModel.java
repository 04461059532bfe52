package org.epaworkbench.ui.home;

import org.epaworkbench.ui.common.Runner;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.epaworkbench.app.ApprenticeFiles;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeRow;
import org.epaworkbench.app.SampleApprentice;
import org.epaworkbench.app.Sessions;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.plan.Component;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.store.SessionStore.SessionSummary;

/**
 * The home screen's state and decisions (issue 14): the sessions, apprentices and what is coming up, read
 * together; what each session's row says (status, grade, component, start); whether the empty state or the
 * sample-data banner shows, and which session is selected; making and removing the sample data. No JavaFX
 * nodes: the view builds the tables and binds; tests run the work in place and answer the question themselves.
 */
public final class HomeViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);


    /** The question the screen asks before removing the sample data; true to remove it. */
    public interface Confirm {
        boolean removeSampleData(String question);
    }

    /** What the home screen shows, read together. */
    public record Home(List<SessionSummary> sessions, List<ApprenticeRow> apprentices, boolean sample, LocalDate today) {

        /** Nothing yet: the screen offers the sample data or a first apprentice instead of the lists. */
        public boolean empty() {
            return sessions.isEmpty() && apprentices.isEmpty();
        }

        /** The session to select: the first one the log says is running (after a crash, to carry on). */
        public Optional<SessionSummary> running() {
            return sessions.stream().filter(s -> s.status() == SessionStatus.RUNNING).findFirst();
        }
    }

    static final String REMOVE_SAMPLE_QUESTION = "Remove the sample apprentice and everything recorded for them, including "
            + "sessions you added for them, and the sample assessor profile? Your own apprentices, sessions and assessor "
            + "profile are not touched.";

    private final Supplier<ApprenticeFiles> files;
    private final Sessions sessions;
    private final SampleApprentice sample;
    private final PlanLibrary plans;
    private final Runner runner;
    private final ZoneId zone;
    private final ObjectProperty<Home> home = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty();
    private final ObjectProperty<java.util.Set<String>> matching = new SimpleObjectProperty<>();
    private String searched = "";

    public HomeViewModel(Supplier<ApprenticeFiles> files, Sessions sessions, SampleApprentice sample,
            PlanLibrary plans, Runner runner, ZoneId zone) {
        this.files = files;
        this.sessions = sessions;
        this.sample = sample;
        this.plans = plans;
        this.runner = runner;
        this.zone = zone;
    }

    /** What is shown; null until first read. */
    public ReadOnlyObjectProperty<Home> homeProperty() {
        return home;
    }

    /** The problem to show above the lists, in the assessor's words; null when there is none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** Shows a problem found by a dialog or flow the screen opened. */
    public void problem(String message) {
        problem.set(message);
    }

    /** Reads the sessions, apprentices, grades and signed records again. */
    public void reload() {
        runner.run(this::read, read -> {
            home.set(read);
            if (!searched.isEmpty()) {
                search(searched); // an apprentice added or changed may now match, or no longer
            }
        }, failure -> problem.set("Cannot read the data folder: " + failure.getMessage()));
    }

    /**
     * The ids of the apprentices the search box's text finds (name, ULN or employer, through the index); null while
     * the box is empty, for all of them.
     */
    public ReadOnlyObjectProperty<java.util.Set<String>> matchingProperty() {
        return matching;
    }

    /** Searches the apprentices for {@code text} as it is typed; an answer for text since replaced is dropped. */
    public void search(String text) {
        String q = text == null ? "" : text.strip();
        searched = q;
        if (q.isEmpty()) {
            matching.set(null);
            return;
        }
        runner.run(() -> files.get().matching(q), ids -> {
            if (q.equals(searched)) {
                matching.set(java.util.Set.copyOf(ids));
            }
        }, failure -> problem.set("Cannot search the apprentices: " + failure.getMessage()));
    }

    private Home read() throws Exception {
        ApprenticeFiles f = files.get();
        List<SessionSummary> all = sessions.list(); // read once, for both lists
        return new Home(all, f.rows(all), sample.present(), f.today());
    }

    /** Makes the sample data (replacing any made before), then reads the screen again. */
    public void makeSample() {
        runner.run(sample::make, made -> reload(), failure -> problem.set("Could not make sample data: " + failure.getMessage()));
    }

    /** Removes the sample data once the assessor confirms, then reads the screen again. */
    public void removeSample(Confirm confirm) {
        if (!confirm.removeSampleData(REMOVE_SAMPLE_QUESTION)) {
            return;
        }
        runner.run(sample::remove, removed -> reload(),
                failure -> problem.set("Could not remove sample data: " + failure.getMessage()));
    }

    /** A session's status: "Signed" once its record is signed, else where it stands ({@code now}: live if it is open). */
    public String statusOf(SessionSummary s, SessionStatus now) {
        return now == SessionStatus.ENDED && s.signed() ? "Signed" : now.label();
    }

    /** The component grade an ended session earned (with its cap, if any); blank before the end. */
    public String gradeOf(SessionSummary s) {
        return s.gradeText();
    }

    /** The component's title as the plan gives it; its id when the plan is not installed. */
    public String componentTitle(SessionSummary s) {
        return plans.plan(s.planId()).flatMap(p -> p.component(s.componentId())).map(Component::title).orElse(s.componentId());
    }

    /** When the session started, in the computer's time zone; "not started" before its start. */
    public String started(SessionSummary s) {
        return s.startedAt() == null ? "not started" : WHEN.format(s.startedAt().atZone(zone));
    }
}
