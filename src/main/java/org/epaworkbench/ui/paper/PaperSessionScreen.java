package org.epaworkbench.ui.paper;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.StringExpression;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.ClockTimes;
import org.epaworkbench.ui.common.DateField;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.IdDocuments;
import org.epaworkbench.ui.common.TextBoxes;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Entering a session recorded on paper: the form of {@link PaperSessionForm}, built and bound, nothing decided here.
 * On the left what the session was and its times; on the right a judgement, its time and a note per criterion. The
 * record is stored (in the background) only once the form passes every rule; a rule it breaks is shown beside its field.
 */
public final class PaperSessionScreen extends BorderPane {

    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final PaperSessionForm form;
    private final Background background;
    private final Function<PaperSessionForm.Entry, Callable<String>> store;
    private final Consumer<String> onEntered;
    private final Runnable onLeave;
    private final DateField date;
    private final Button enter = new Button("Enter session");
    private final Label failure = new Label();
    private final VBox pauseRows = new VBox(6);
    private final VBox questioningRows = new VBox(6);
    private final VBox questionRows = new VBox(6);
    private final VBox judgementRows = new VBox(0);

    /**
     * @param store     the work that stores a checked record and gives the new session's id (run in the background)
     * @param onEntered the new session's id, once stored
     * @param onLeave   back to where the assessor came from, nothing stored
     */
    public PaperSessionScreen(PaperSessionForm form, Background background, Function<PaperSessionForm.Entry, Callable<String>> store,
            Consumer<String> onEntered, Runnable onLeave) {
        this.form = form;
        this.background = background;
        this.store = store;
        this.onEntered = onEntered;
        this.onLeave = onLeave;
        setId("paper-screen");
        getStyleClass().add("paper-screen");
        date = new DateField("paper-date", form.date.get());
        date.valueProperty().bindBidirectional(form.date);
        form.dateRefused.bind(date.problemProperty());
        // the date's own message wraps within the form's column, so the field beneath never covers it
        if (date.lookup("#paper-date-problem") instanceof Label dateMessage) {
            dateMessage.setMaxWidth(320);
        }

        setTop(header());
        // each side scrolls on its own: the times stay in sight while the criteria are worked through
        ScrollPane session = scroller("paper-session-scroll", left(), new Insets(12, 12, 16, 16));
        ScrollPane criteria = scroller("paper-judgements-scroll", right(), new Insets(12, 16, 16, 12));
        session.setMinWidth(500);
        session.setPrefWidth(590);
        session.setMaxWidth(630);
        HBox columns = new HBox(0, session, criteria);
        HBox.setHgrow(criteria, Priority.ALWAYS);
        setCenter(columns);
        setBottom(footer());
    }

    public PaperSessionForm form() {
        return form;
    }

    private Node header() {
        Label title = new Label("Enter a session recorded on paper");
        title.getStyleClass().add("pane-heading");
        Label text = TextBoxes.hint("For a session written on the paper form because the laptop could not be used. Type it as the "
                + "form has it: it is checked by the same rules as a session recorded on screen, stored only when it passes, "
                + "and marked “Entered from paper” in the list, on its screen and in its record.");
        VBox box = new VBox(4, title, text);
        box.setPadding(new Insets(16, 16, 4, 16));
        return box;
    }

    private Node footer() {
        Label summary = new Label();
        summary.setId("paper-summary");
        summary.getStyleClass().add("inline-problem");
        summary.setWrapText(true);
        summary.textProperty().bind(form.summaryProperty());
        failure.setId("paper-failure");
        failure.getStyleClass().add("inline-problem");
        failure.setWrapText(true);
        failure.textProperty().bind(form.failureProperty());
        failure.managedProperty().bind(failure.visibleProperty());
        failure.visibleProperty().bind(failure.textProperty().isNotEmpty());
        Button cancel = new Button("Cancel");
        cancel.setId("paper-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> leave());
        enter.setId("paper-enter");
        enter.getStyleClass().add("accent");
        enter.setGraphic(new FontIcon("mdi2c-check"));
        enter.disableProperty().bind(form.enteringProperty());
        enter.setOnAction(e -> enterRecord());
        VBox messages = new VBox(2, summary, failure);
        HBox.setHgrow(messages, Priority.ALWAYS);
        HBox bar = new HBox(10, messages, cancel, enter);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(10, 16, 12, 16));
        bar.getStyleClass().add("paper-footer");
        return bar;
    }

    // ---- the session and its times ----

    private Node left() {
        ComboBox<Apprentice> who = new ComboBox<>(form.apprentices());
        who.setId("paper-apprentice");
        who.setConverter(converter(a -> a.name() + " (ULN " + a.uln() + ")"));
        who.valueProperty().bindBidirectional(form.apprenticeProperty());
        who.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Component> component = new ComboBox<>(form.components());
        component.setId("paper-component");
        component.setConverter(converter(Component::title));
        component.valueProperty().bindBidirectional(form.componentProperty());
        component.setMaxWidth(Double.MAX_VALUE);
        ComboBox<AttemptKind> attempt = new ComboBox<>();
        attempt.setId("paper-attempt");
        attempt.getItems().setAll(AttemptKind.values());
        attempt.setConverter(converter(k -> switch (k) {
            case FIRST -> "First attempt";
            case RESIT -> "Resit";
            case RETAKE -> "Retake";
        }));
        attempt.valueProperty().bindBidirectional(form.attempt);
        ComboBox<AssessmentMode> mode = new ComboBox<>();
        mode.setId("paper-mode");
        mode.getItems().setAll(AssessmentMode.values());
        mode.setConverter(converter(AssessmentMode::label));
        mode.valueProperty().bindBidirectional(form.mode);
        TextField location = new TextField();
        location.setId("paper-location");
        location.setPromptText("e.g. customer service desk, Leeds store");
        location.textProperty().bindBidirectional(form.location);
        ComboBox<String> id = new ComboBox<>();
        id.setId("paper-id-check");
        id.setEditable(true);
        id.getItems().setAll(IdDocuments.ACCEPTED);
        id.setPromptText("Document seen, as on the form");
        id.getEditor().textProperty().bindBidirectional(form.idSeen);
        id.setMaxWidth(Double.MAX_VALUE);
        TextArea reason = new TextArea();
        reason.setId("paper-reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setPromptText("e.g. the laptop's battery failed on arrival");
        reason.textProperty().bindBidirectional(form.reason);
        TextBoxes.tabMovesFocus(reason);

        TextField start = time("paper-start", form.start);
        TextField end = time("paper-end", form.end);
        TextField endReason = new TextField();
        endReason.setId("paper-end-reason");
        endReason.setPromptText("Only if outside the time window below");
        endReason.textProperty().bindBidirectional(form.endReason);
        Label timing = TextBoxes.hint("");
        timing.setId("paper-timing");
        timing.textProperty().bind(form.timingProperty());
        attempt.setPrefWidth(200);
        mode.setPrefWidth(200);

        // one grid, so that every field of the session and its times lines up under the one before
        GridPane details = grid();
        int r = 0;
        details.add(heading("The session"), 0, r++, 2, 1);
        details.addRow(r++, label("Apprentice"), withProblem(who, "paper-apprentice", form.problem(PaperSessionForm.APPRENTICE)));
        details.addRow(r++, label("Component"), withProblem(component, "paper-component", form.problem(PaperSessionForm.COMPONENT)));
        details.addRow(r++, label("Attempt"), attempt);
        details.addRow(r++, label("Mode"), mode);
        details.addRow(r++, label("Location"), location);
        details.addRow(r++, label("ID check"), id);
        details.addRow(r++, label("Date"), withProblem(date, "paper-date-missing", form.problem(PaperSessionForm.DATE)));
        details.addRow(r++, label("Why on paper"), withProblem(reason, "paper-reason", form.problem(PaperSessionForm.REASON)));
        details.add(heading("Times"), 0, r++, 2, 1);
        details.add(TextBoxes.hint("Clock times from the form, on the 24-hour clock (09:30, 14:05)."), 0, r++, 2, 1);
        details.addRow(r++, label("Start"), withProblem(start, "paper-start", form.problem(PaperSessionForm.START)));
        details.addRow(r++, label("End"), withProblem(end, "paper-end", form.problem(PaperSessionForm.END)));
        details.addRow(r++, label("Reason for ending"), endReason);
        details.add(timing, 1, r++);
        for (Node n : details.getChildren()) {
            if (n instanceof Label l && GridPane.getColumnIndex(l) == 0 && GridPane.getColumnSpan(l) == null) {
                GridPane.setValignment(l, javafx.geometry.VPos.TOP);
                l.setPadding(new Insets(8, 0, 0, 0)); // level with the text in the field beside it
            }
        }

        Button addPause = new Button("Add a pause", new FontIcon("mdi2p-plus"));
        addPause.setId("paper-add-pause");
        addPause.setOnAction(e -> {
            form.addPause();
            focusLast(pauseRows);
        });
        rows(form.pauses(), pauseRows, this::pauseRow);
        Button addQuestioning = new Button("Add questioning time", new FontIcon("mdi2p-plus"));
        addQuestioning.setId("paper-add-questioning");
        addQuestioning.setOnAction(e -> {
            form.addQuestioning();
            focusLast(questioningRows);
        });
        rows(form.questioning(), questioningRows, this::questioningRow);
        VBox questioning = new VBox(6, subheading("Questioning time"), TextBoxes.hint("Each stretch of questioning, as the form "
                + "times it."), questioningRows, addQuestioning);
        questioning.visibleProperty().bind(form.questioningTrackedProperty());
        questioning.managedProperty().bind(questioning.visibleProperty());

        Button addQuestion = new Button("Add a question", new FontIcon("mdi2p-plus"));
        addQuestion.setId("paper-add-question");
        addQuestion.setOnAction(e -> {
            form.addQuestion();
            focusLast(questionRows);
        });
        rows(form.questions(), questionRows, this::questionRow);
        Label questionsHint = TextBoxes.hint("");
        questionsHint.textProperty().bind(form.questionsAskedProperty());
        VBox questions = new VBox(6, subheading("Questions asked"), questionsHint, questionRows, addQuestion);
        questions.visibleProperty().bind(form.questionsAskedProperty().isNotEmpty());
        questions.managedProperty().bind(questions.visibleProperty());

        TextArea notes = new TextArea();
        notes.setId("paper-notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.setPromptText("Notes on the session as a whole, as written on the form");
        notes.textProperty().bindBidirectional(form.notes);
        TextBoxes.tabMovesFocus(notes);
        TextField notesAt = time("paper-notes-at", form.notesAt);
        notesAt.setPromptText("at end");
        HBox notesTimeLine = new HBox(8, label("Written at"), notesAt, TextBoxes.hint("blank: at the end of the session"));
        notesTimeLine.setAlignment(Pos.CENTER_LEFT);
        Node notesTime = withProblem(notesTimeLine, "paper-notes-at", form.problem(PaperSessionForm.NOTES_AT));

        VBox left = new VBox(10, details,
                subheading("Pauses"), pauseRows, addPause,
                questioning,
                questions,
                heading("Session notes"), withProblem(notes, "paper-notes", form.problem(PaperSessionForm.NOTES)), notesTime);
        return left;
    }

    private Node pauseRow(PaperSessionForm.PauseRow row) {
        int i = form.pauses().indexOf(row);
        TextField from = time("paper-pause-" + i + "-from", row.from);
        TextField until = time("paper-pause-" + i + "-until", row.until);
        TextField reason = new TextField();
        reason.setId("paper-pause-" + i + "-reason");
        reason.setPromptText("Reason");
        reason.textProperty().bindBidirectional(row.reason);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button remove = removeButton("Remove this pause", () -> form.removePause(row));
        HBox line = new HBox(6, label("From"), from, label("to"), until, reason, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        return rowBox(line, row, "paper-pause-" + i, from, until, reason);
    }

    private Node questioningRow(PaperSessionForm.QuestioningRow row) {
        int i = form.questioning().indexOf(row);
        TextField from = time("paper-questioning-" + i + "-from", row.from);
        TextField until = time("paper-questioning-" + i + "-until", row.until);
        Button remove = removeButton("Remove this questioning time", () -> form.removeQuestioning(row));
        HBox line = new HBox(6, label("From"), from, label("to"), until, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        return rowBox(line, row, "paper-questioning-" + i, from, until, null);
    }

    private Node questionRow(PaperSessionForm.QuestionRow row) {
        int i = form.questions().indexOf(row);
        TextField at = time("paper-question-" + i + "-at", row.at);
        TextField text = new TextField();
        text.setId("paper-question-" + i + "-text");
        text.setPromptText("The question as asked");
        text.textProperty().bindBidirectional(row.text);
        Button remove = removeButton("Remove this question", () -> form.removeQuestion(row));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, label("Question " + (i + 1) + ", asked at"), at, gap, remove);
        top.setAlignment(Pos.CENTER_LEFT);
        Node box = rowBox(new VBox(4, top, text), row, "paper-question-" + i, null, null, null);
        row.invalid().addListener((javafx.collections.SetChangeListener<String>) c -> at.pseudoClassStateChanged(DANGER,
                row.invalid().contains("at")));
        at.pseudoClassStateChanged(DANGER, row.invalid().contains("at"));
        return box;
    }

    // ---- the judgements ----

    private Node right() {
        Label hint = TextBoxes.hint("For each criterion judged on the form: Met, Not met or Not arisen, the time it was judged, and "
                + "a note if one was written. Leave the rest blank.");
        VBox right = new VBox(8, heading("Judgements"), hint, judgementRows);
        right.setMinWidth(420);
        form.judgements().addListener((ListChangeListener<PaperSessionForm.JudgementRow>) c -> showJudgements());
        showJudgements();
        return right;
    }

    private void showJudgements() {
        judgementRows.getChildren().clear();
        String theme = null;
        for (PaperSessionForm.JudgementRow row : form.judgements()) {
            if (!row.criterion().theme().equals(theme)) {
                theme = row.criterion().theme();
                Label t = new Label(theme);
                t.getStyleClass().add("paper-theme");
                judgementRows.getChildren().add(t);
            }
            judgementRows.getChildren().add(judgementRow(row));
        }
    }

    private Node judgementRow(PaperSessionForm.JudgementRow row) {
        String id = "paper-judgement-" + row.criterion().code().replaceAll("[^A-Za-z0-9]", "-");
        Label code = new Label(row.criterion().code());
        code.getStyleClass().add("criterion-code");
        code.setMinWidth(48);
        Label text = new Label(row.criterion().displayText());
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox top = new HBox(8, code, text);

        ToggleGroup group = new ToggleGroup();
        HBox states = new HBox(0);
        CriterionState[] all = CriterionState.values();
        for (CriterionState s : all) {
            ToggleButton b = new ToggleButton(s.label());
            b.getStyleClass().add("state-" + s.word().replace('_', '-'));
            b.getStyleClass().add(s.ordinal() == 0 ? "left-pill" : s.ordinal() == all.length - 1 ? "right-pill" : "center-pill");
            b.setId(id + "-" + s.word().replace('_', '-'));
            b.setUserData(s);
            b.setToggleGroup(group);
            b.setFocusTraversable(true);
            states.getChildren().add(b);
        }
        selectState(group, row.state.get());
        group.selectedToggleProperty().addListener((o, was, now) -> row.state.set(now == null ? null : (CriterionState) now.getUserData()));
        row.state.addListener((o, was, now) -> selectState(group, now));
        TextField at = time(id + "-at", row.at);
        TextField note = new TextField();
        note.setId(id + "-note");
        note.setPromptText("Note from the form");
        note.textProperty().bindBidirectional(row.note);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox bottom = new HBox(8, states, label("at"), at, note);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox box = (VBox) rowBox(new VBox(4, top, bottom), row, id, null, null, null);
        at.pseudoClassStateChanged(DANGER, row.invalid().contains("at"));
        note.pseudoClassStateChanged(DANGER, row.invalid().contains("note"));
        row.invalid().addListener((javafx.collections.SetChangeListener<String>) c -> {
            at.pseudoClassStateChanged(DANGER, row.invalid().contains("at"));
            note.pseudoClassStateChanged(DANGER, row.invalid().contains("note"));
        });
        box.getStyleClass().add("paper-criterion");
        return box;
    }

    private static void selectState(ToggleGroup group, CriterionState s) {
        Toggle wanted = s == null ? null : group.getToggles().stream().filter(t -> t.getUserData() == s).findFirst().orElse(null);
        if (group.getSelectedToggle() != wanted) {
            group.selectToggle(wanted);
        }
    }

    // ---- entering and leaving ----

    private void enterRecord() {
        boolean dateRead = date.check(); // text typed in the date box and not yet committed counts
        form.enter(dateRead, store, background::run, onEntered);
    }

    private void leave() {
        form.leave(() -> Dialogs.confirm(getScene().getWindow(), "Leave the paper record", "Leave without entering this "
                + "session? What you have typed here is not kept.", "Leave without entering"), onLeave);
    }

    // ---- building blocks ----

    /** Keeps {@code into} showing a node per row of {@code rows}, in order. */
    private <R> void rows(javafx.collections.ObservableList<R> rows, VBox into, Function<R, Node> node) {
        Runnable show = () -> into.getChildren().setAll(rows.stream().map(node).toList());
        rows.addListener((ListChangeListener<R>) c -> show.run());
        show.run();
    }

    /** A row with its message beneath, and its refused fields marked. */
    private Node rowBox(Node line, PaperSessionForm.Row row, String id, TextField from, TextField until, TextField reason) {
        Label problem = problemLabel(id + "-problem", row.problemProperty());
        Runnable mark = () -> {
            if (from != null) {
                from.pseudoClassStateChanged(DANGER, row.invalid().contains("from"));
            }
            if (until != null) {
                until.pseudoClassStateChanged(DANGER, row.invalid().contains("until"));
            }
            if (reason != null) {
                reason.pseudoClassStateChanged(DANGER, row.invalid().contains("reason"));
            }
        };
        row.invalid().addListener((javafx.collections.SetChangeListener<String>) c -> mark.run());
        mark.run();
        VBox box = new VBox(3, line, problem);
        return box;
    }

    /** A field with its message beneath it; the field is marked while there is one. */
    private static Node withProblem(Node field, String id, StringExpression message) {
        Label problem = problemLabel(id + "-problem", message);
        message.addListener((o, was, now) -> field.pseudoClassStateChanged(DANGER, !now.isEmpty()));
        VBox box = new VBox(3, field, problem);
        box.setFillWidth(true);
        return box;
    }

    private static Label problemLabel(String id, javafx.beans.value.ObservableStringValue message) {
        Label problem = new Label();
        problem.setId(id);
        problem.getStyleClass().add("inline-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(message);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private static TextField time(String id, javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText("hh:mm");
        t.setPrefColumnCount(5);
        t.setMinWidth(Region.USE_PREF_SIZE);
        t.setMaxWidth(Region.USE_PREF_SIZE);
        t.textProperty().bindBidirectional(value);
        // as it is left, a time that can be read is shown as the app shows times (9.30 becomes 09:30)
        t.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && ClockTimes.problem(t.getText()).isEmpty() && !t.getText().isBlank()) {
                String shown = ClockTimes.show(ClockTimes.parse(t.getText()));
                if (!shown.equals(t.getText())) {
                    t.setText(shown);
                }
            }
        });
        return t;
    }

    /** The first field of the row just added, ready to type its time. */
    private static void focusLast(VBox rows) {
        if (!rows.getChildren().isEmpty()) {
            Node first = rows.getChildren().get(rows.getChildren().size() - 1).lookup(".text-field");
            if (first != null) {
                first.requestFocus();
            }
        }
    }

    private static ScrollPane scroller(String id, Node content, Insets padding) {
        VBox box = new VBox(content);
        box.setPadding(padding);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private static Button removeButton(String tip, Runnable action) {
        Button remove = new Button("", new FontIcon("mdi2c-close"));
        remove.getStyleClass().add("flat");
        remove.setTooltip(new Tooltip(tip));
        remove.setAccessibleText(tip);
        remove.setOnAction(e -> action.run());
        return remove;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().setAll(List.of(labels, fields));
        return g;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("paper-heading");
        return l;
    }

    private static Label subheading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("paper-subheading");
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
