package org.epaworkbench.ui.session;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import java.util.List;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.ui.common.Dates;
import org.epaworkbench.ui.common.OpenFile;
import org.epaworkbench.session.CriterionNote;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.EvidenceReference;
import org.epaworkbench.session.Judgement;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.ui.common.Badges;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected criterion in full: its wording, judgement, timestamped notes and evidence references. */
final class CriterionDetailPanel extends VBox {

    private final LiveSessionModel model;
    private final CriterionActions actions;
    private Criterion criterion;
    private final Label code = new Label();
    private final HBox badges = new HBox(6);
    private final Label text = new Label();
    private final Label judgement = new Label();
    private final HBox judgementRow = new HBox(6);
    private final Label note = new Label();
    private final VBox notes = new VBox(6);
    private final VBox evidence = new VBox(4);
    private final TextArea noteInput = new TextArea();
    private final Label noteFeedback = new Label();
    private final TextField evidenceInput = new TextField();
    private final Button addNote = new Button("Add note");
    private final Button addEvidence = new Button("Add");
    private final Label portfolioHeading = new Label("PORTFOLIO EVIDENCE MAPPED HERE");
    private final VBox portfolio = new VBox(6);
    private final Label reportHeading = new Label("PROJECT REPORT");
    private final Label reportLocation = new Label();
    private final Label ksbHeading = new Label("KNOWLEDGE, SKILLS AND BEHAVIOURS");
    private final VBox ksb = new VBox();
    private Criterion ksbShownFor;
    private VBox content;
    private ScrollPane scroll;

    /**
     * Folded under its criterion in the list (a narrow window): no scroll pane of its own (the list scrolls), and
     * the code, level and text are not repeated, the row above shows them. Beside the list: a column of its own.
     */
    /** Folded under its row in the list: the row shows the code, wording and judgement. */
    private boolean folded;

    void setFolded(boolean folded) {
        this.folded = folded;
        for (javafx.scene.Node n : new javafx.scene.Node[] {code, badges, text, judgement}) {
            n.setVisible(!folded);
            n.setManaged(!folded);
        }
        if (folded && getChildren().contains(scroll)) {
            scroll.setContent(null);
            getChildren().setAll(content);
        } else if (!folded && !getChildren().contains(scroll)) {
            getChildren().clear();
            scroll.setContent(content);
            getChildren().setAll(scroll);
        }
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("folded"), folded);
        refresh();
    }

    CriterionDetailPanel(LiveSessionModel model, CriterionActions actions) {
        this.model = model;
        this.actions = actions;
        getStyleClass().addAll("panel", "criterion-detail");
        setId("criterion-detail");
        setSpacing(8);

        code.getStyleClass().add("detail-code");
        code.setWrapText(true);
        text.setWrapText(true);
        text.getStyleClass().add("detail-text");
        judgement.getStyleClass().add("criterion-status");
        note.setWrapText(true);
        note.setId("criterion-detail-note");
        note.getStyleClass().add("criterion-note");
        note.managedProperty().bind(note.visibleProperty());

        Label notesHeading = new Label("NOTES");
        notesHeading.getStyleClass().add("panel-heading");
        noteInput.setId("note-input");
        noteInput.setPromptText("Note on this criterion (Ctrl+N). Ctrl+Enter adds it.");
        noteInput.setWrapText(true);
        noteInput.setPrefRowCount(3);
        noteInput.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                submitNote();
                e.consume();
            }
        });
        // Tab moves on, as in every other field, rather than typing a tab into the note
        org.epaworkbench.ui.common.TextBoxes.tabMovesFocus(noteInput);
        noteFeedback.setId("note-feedback");
        noteFeedback.getStyleClass().add("plan-subtitle");
        noteFeedback.setWrapText(true);
        noteFeedback.setVisible(false);
        noteFeedback.managedProperty().bind(noteFeedback.visibleProperty());
        noteInput.textProperty().addListener((o, a, b) -> noteFeedback.setVisible(false));
        addNote.setId("add-note");
        addNote.setGraphic(new FontIcon("mdi2n-note-plus-outline"));
        addNote.setOnAction(e -> submitNote());

        Label evidenceHeading = new Label("EVIDENCE REFERENCES");
        evidenceHeading.getStyleClass().add("panel-heading");
        evidenceInput.setId("evidence-input");
        evidenceInput.setPromptText("e.g. Portfolio item 7 (Ctrl+R)");
        evidenceInput.setOnAction(e -> submitEvidence());
        addEvidence.setId("add-evidence");
        addEvidence.setTooltip(new Tooltip("Attach the evidence reference (Enter)"));
        addEvidence.setOnAction(e -> submitEvidence());
        HBox.setHgrow(evidenceInput, Priority.ALWAYS);
        HBox evidenceRow = new HBox(6, evidenceInput, addEvidence);
        evidenceRow.setAlignment(Pos.CENTER_LEFT);

        portfolioHeading.getStyleClass().add("panel-heading");
        portfolio.setId("criterion-portfolio");
        reportHeading.getStyleClass().add("panel-heading");
        reportLocation.setId("criterion-report-location");
        reportLocation.setWrapText(true);
        boolean hasPortfolio = !model.evidence().portfolio().isEmpty();
        boolean hasMapping = !model.evidence().reportMapping().isEmpty();
        for (javafx.scene.Node n : new javafx.scene.Node[] {portfolioHeading, portfolio}) {
            n.setVisible(hasPortfolio);
            n.setManaged(hasPortfolio);
        }
        for (javafx.scene.Node n : new javafx.scene.Node[] {reportHeading, reportLocation}) {
            n.setVisible(hasMapping);
            n.setManaged(hasMapping);
        }

        ksbHeading.getStyleClass().add("panel-heading");
        ksb.setId("criterion-ksb");
        for (javafx.scene.Node n : new javafx.scene.Node[] {ksbHeading, ksb}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        judgementRow.getChildren().setAll(judgement);
        judgementRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(judgement, Priority.ALWAYS);
        VBox content = new VBox(8, code, badges, text, note, judgementRow, ksbHeading, ksb, portfolioHeading, portfolio, reportHeading, reportLocation,
                notesHeading, notes, noteInput, noteFeedback, addNote, evidenceHeading, evidence, evidenceRow);
        this.content = content;
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        model.snapshotProperty().addListener((o, a, b) -> refresh());
        model.savingProperty().addListener((o, a, b) -> refresh());
    }

    void show(Criterion c) {
        this.criterion = c;
        refresh();
    }

    void focusNote() {
        noteInput.requestFocus();
    }

    void focusEvidence() {
        evidenceInput.requestFocus();
    }

    private void submitNote() {
        if (criterion != null && !noteInput.getText().isBlank()) {
            noteFeedback.setVisible(false);
            actions.addNote(criterion, noteInput.getText());
        } else {
            // an empty note box: say why nothing happened (Ctrl+Enter here is not Start)
            boolean notStarted = model.snapshot().state().status() == org.epaworkbench.session.SessionStatus.PLANNED;
            noteFeedback.setText(notStarted ? "The session has not started, and the note is empty. To start, click Start "
                    + "(or press Esc, then Ctrl+Enter): inside a text box Ctrl+Enter adds the note." : "Type the note first: "
                    + "Ctrl+Enter adds it.");
            noteFeedback.setVisible(true);
        }
    }

    private void submitEvidence() {
        if (criterion != null && !evidenceInput.getText().isBlank()) {
            actions.addEvidence(criterion, evidenceInput.getText());
        }
    }

    /** Clears the inputs once their note or reference is committed. */
    void clearNoteInput() {
        noteInput.clear();
    }

    void clearEvidenceInput() {
        evidenceInput.clear();
    }

    private void refresh() {
        if (criterion == null) {
            return;
        }
        LiveSnapshot s = model.snapshot();
        code.setText(criterion.code() + "  ·  " + criterion.theme());
        badges.getChildren().setAll(Badges.badge(criterion.level() == org.epaworkbench.plan.CriterionLevel.PASS
                ? "Pass criterion" : "Distinction criterion", criterion.level() == org.epaworkbench.plan.CriterionLevel.PASS
                ? "badge-pass" : "badge-distinction"));
        text.setText(criterion.displayText());
        text.getStyleClass().remove("wording-missing");
        if (!criterion.wordingProvided()) {
            text.getStyleClass().add("wording-missing");
        }
        note.setText(criterion.noteOnMissingWording().orElse(""));
        note.setVisible(!note.getText().isEmpty());
        if (ksbShownFor != criterion) {
            // the KSB statements the source lists beside this criterion (rebuilt only when another criterion is shown)
            ksbShownFor = criterion;
            var statements = s.component().ksbRequirementsOf(criterion);
            ksb.getChildren().setAll(org.epaworkbench.ui.common.KsbList.of(statements));
            ksbHeading.setVisible(!statements.isEmpty());
            ksb.setVisible(!statements.isEmpty());
        }
        Judgement j = s.state().judgements().get(criterion.id());
        judgement.setText(j == null ? "Not judged yet" : j.state().label() + " at " + ElapsedText.format(j.sessionTime())
                + " session time" + (j.amended() ? " — amended after the session" : ""));
        for (org.epaworkbench.grading.CriterionState st : org.epaworkbench.grading.CriterionState.values()) {
            judgement.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(st.word().replace('_', '-')),
                    j != null && j.state() == st);
        }

        showSubmittedEvidence(s.state().ended());
        judgementRow.getChildren().setAll(judgement);
        if (j != null) {
            RecordingBar.positionButton(s.state().recordingPositionOf(j), actions::play).ifPresent(b -> {
                b.setId("play-judgement");
                if (folded) {
                    // the judgement's words are in the row above: say what the lone "▶ 12:34" is
                    Label what = new Label("Judgement (" + j.state().label().toLowerCase(java.util.Locale.ROOT)
                            + ") in the recording");
                    what.setId("play-judgement-label");
                    what.getStyleClass().add("plan-subtitle");
                    judgementRow.getChildren().add(what);
                }
                judgementRow.getChildren().add(b);
            });
        }
        notes.getChildren().clear();
        int noteNumber = 0;
        for (CriterionNote n : s.state().notesOn(criterion.id())) {
            Label l = new Label(ElapsedText.format(n.sessionTime()) + (n.amendment() ? " (amendment)" : "") + "  " + n.text());
            l.setWrapText(true);
            l.getStyleClass().add("note-text");
            l.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(l, Priority.ALWAYS);
            HBox row = new HBox(6, l);
            row.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            int number = ++noteNumber;
            RecordingBar.positionButton(s.state().recordingPositionOf(n), actions::play).ifPresent(b -> {
                b.setId("play-note-" + number);
                row.getChildren().add(b);
            });
            notes.getChildren().add(row);
        }
        if (notes.getChildren().isEmpty()) {
            Label none = new Label("No notes yet.");
            none.getStyleClass().add("plan-subtitle");
            notes.getChildren().add(none);
        }
        evidence.getChildren().clear();
        for (EvidenceReference e : s.state().evidenceFor(criterion.id())) {
            Label l = new Label("• " + e.reference() + "  (" + ElapsedText.format(e.sessionTime()) + ")");
            l.setWrapText(true);
            evidence.getChildren().add(l);
        }
        boolean ended = s.state().ended();
        if (s.state().status() != org.epaworkbench.session.SessionStatus.PLANNED && noteFeedback.getText().startsWith("The session has not")) {
            noteFeedback.setVisible(false);
        }
        boolean busy = model.savingProperty().get() || s.gap().isPresent();
        addNote.setText(ended ? "Add note as amendment…" : "Add note");
        addEvidence.setText(ended ? "Amend…" : "Add");
        addNote.setDisable(busy);
        addEvidence.setDisable(busy);
    }

    /** The portfolio pieces mapped to this criterion, each one click from its file and from being cited as evidence. */
    private void showSubmittedEvidence(boolean ended) {
        portfolio.getChildren().clear();
        List<PortfolioPiece> pieces = model.evidence().piecesFor(criterion.id());
        for (PortfolioPiece p : pieces) {
            Label what = new Label("Piece " + p.number() + ": " + p.title() + (p.type().isEmpty() ? "" : " · " + p.type())
                    + (p.date() == null ? "" : " · " + Dates.show(p.date())) + (p.reference().isEmpty() ? "" : " · " + p.reference()));
            what.setWrapText(true);
            HBox.setHgrow(what, Priority.ALWAYS);
            HBox row = new HBox(6, what);
            row.setAlignment(Pos.CENTER_LEFT);
            if (!p.attachment().isEmpty()) {
                Button open = new Button("Open");
                open.setId("open-piece-" + p.number());
                open.setTooltip(new Tooltip("Open the attached file"));
                open.setOnAction(e -> OpenFile.open(getScene().getWindow(), model.evidence().file(p)));
                open.setMinWidth(Button.USE_PREF_SIZE);
                row.getChildren().add(open);
            }
            Button cite = new Button("Cite");
            cite.setId("cite-piece-" + p.number());
            cite.setTooltip(new Tooltip("Add “Portfolio piece " + p.number() + "” as an evidence reference for this criterion"));
            cite.setDisable(ended);
            cite.setMinWidth(javafx.scene.control.Button.USE_PREF_SIZE);
            cite.setOnAction(e -> actions.addEvidence(criterion, "Portfolio piece " + p.number() + ": " + p.title()));
            row.getChildren().add(cite);
            portfolio.getChildren().add(row);
        }
        if (pieces.isEmpty()) {
            Label none = new Label("No piece of the portfolio is mapped to this criterion.");
            none.getStyleClass().add("coverage-missing");
            none.setWrapText(true);
            portfolio.getChildren().add(none);
        }
        reportLocation.setText(model.evidence().reportLocation(criterion.id()).map(w -> "The apprentice mapped this to: " + w)
                .orElse("The apprentice did not map this criterion in the report."));
    }
}
