package org.epaworkbench.ui.session;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.application.Platform;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.epaworkbench.ui.common.ClickThroughGuard;
import javafx.stage.Window;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.app.QuestionBank;
import org.epaworkbench.store.QuestionBankStore.BankQuestion;
import org.epaworkbench.ui.common.Background;

/**
 * Choosing the next competency question: from the bank (the plan's example questions and the
 * assessor's own, which can be added, edited and removed) or typed.
 */
final class QuestionBankDialog {

    /** The question to ask and the bank entry it came from (null when typed). */
    record Choice(String text, String bankId) {
    }

    private final QuestionBank store;
    private final Background background;
    private final AssessmentPlan plan;
    private final Component component;
    private final javafx.collections.ObservableList<BankQuestion> questions = javafx.collections.FXCollections.observableArrayList();
    private final ListView<BankQuestion> list = new ListView<>();
    private final TextField typed = new TextField();
    private final Label chosenText = new Label();
    private final Label problem = new Label();

    QuestionBankDialog(QuestionBank store, Background background, AssessmentPlan plan, Component component) {
        this.store = store;
        this.background = background;
        this.plan = plan;
        this.component = component;
    }

    /** Rows of the bank shown at once (at least 8, issue 11 item 8); the list grows with the dialog. */
    static final int VISIBLE_ROWS = 10;
    private static final double ROW_HEIGHT = 30;

    Optional<Choice> show(Window owner, int nextNumber, List<BankQuestion> bank, java.util.Set<String> alreadyAsked) {
        ClickThroughGuard.install();
        org.epaworkbench.ui.common.DialogPlacement.install();
        questions.setAll(bank);
        FilteredList<BankQuestion> shown = new FilteredList<>(questions, q -> true);
        list.setId("question-bank");
        list.setItems(shown);
        // one line a question (the whole text in its tooltip and beneath the list), so ten show at once
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPrefSize(720, ROW_HEIGHT * VISIBLE_ROWS + 4);
        list.setMinHeight(ROW_HEIGHT * 8 + 4);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setPlaceholder(new Label("No question in the bank has these words: Enter asks the question as typed."));
        list.setCellFactory(v -> new ListCell<>() {
            {
                setPrefWidth(0); // as wide as the list, never wider: a long question ends in "…", no sideways scrolling
            }

            @Override
            protected void updateItem(BankQuestion q, boolean empty) {
                super.updateItem(q, empty);
                if (empty || q == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Label text = new Label(q.text() + (alreadyAsked.contains(q.id()) ? "   (already asked)" : ""));
                text.setMinWidth(0);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                Label meta = new Label(q.fromPlan() ? q.theme() : "Your question");
                meta.getStyleClass().add("plan-subtitle");
                meta.setMinWidth(0);
                meta.setMaxWidth(220);
                HBox row = new HBox(12, text, meta);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(row);
                setTooltip(new Tooltip(q.text() + "\n" + q.theme() + " · " + (q.fromPlan() ? "example from " + q.source()
                        : "your question")));
            }
        });

        typed.setId("question-text");
        typed.setPromptText("Type to find a question in the bank, or type a new one");
        // typing filters the bank and lets go of the chosen question: what is asked is then what is typed
        typed.textProperty().addListener((o, a, text) -> {
            list.getSelectionModel().clearSelection();
            String[] words = text == null ? new String[0] : text.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+");
            shown.setPredicate(q -> {
                String hay = (q.text() + " " + q.theme()).toLowerCase(java.util.Locale.ROOT);
                for (String w : words) {
                    if (!w.isEmpty() && !hay.contains(w)) {
                        return false;
                    }
                }
                return true;
            });
        });
        // ↑ and ↓ in the box choose from the list without leaving the box
        typed.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                e.consume();
                if (shown.isEmpty()) {
                    return;
                }
                int i = list.getSelectionModel().getSelectedIndex();
                int next = e.getCode() == KeyCode.DOWN ? Math.min(shown.size() - 1, i + 1) : Math.max(0, i - 1);
                list.getSelectionModel().select(next);
                list.scrollTo(Math.max(0, next - VISIBLE_ROWS / 2));
            }
        });

        chosenText.setId("question-chosen");
        chosenText.setWrapText(true);
        chosenText.setMinHeight(Region.USE_PREF_SIZE);
        chosenText.setMaxWidth(720);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, q) -> chosenText.setText(q == null
                ? (typed.getText().isBlank() ? "Choose a question (click, or ↑ ↓), or type one." : "Asks what is typed.")
                : "Asks: " + q.text()));
        chosenText.setText("Choose a question (click, or ↑ ↓), or type one.");
        typed.textProperty().addListener((o, a, t) -> {
            if (list.getSelectionModel().isEmpty()) {
                chosenText.setText(t == null || t.isBlank() ? "Choose a question (click, or ↑ ↓), or type one." : "Asks what is typed.");
            }
        });

        Button add = new Button("Add typed question to bank");
        add.setOnAction(e -> addToBank());
        Button edit = new Button("Edit…");
        edit.setOnAction(e -> edit(owner));
        Button remove = new Button("Remove from bank");
        remove.setOnAction(e -> remove());
        Button restore = new Button("Restore plan examples");
        restore.setOnAction(e -> run(() -> store.restorePlanQuestions(plan, component)));
        problem.getStyleClass().add("inline-problem");
        FlowPane manage = new FlowPane(8, 8, add, edit, remove, restore);
        for (Button b : new Button[] {add, edit, remove, restore}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setFocusTraversable(false);
        }

        Label intro = new Label("Question bank for the " + org.epaworkbench.Wording.inSentence(component.title()) + ": "
                + "type to filter, ↑ ↓ to choose, Enter asks the chosen question (or the typed one).");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.setMaxWidth(720);
        VBox content = new VBox(10, intro, typed, list, chosenText, manage, problem);
        content.setPadding(new Insets(8));

        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Ask question " + nextNumber);
        d.setHeaderText("Question " + nextNumber + component.questions().map(q -> " of " + q.exactly()).orElse("")
                + ": choose from the bank or type it");
        d.getDialogPane().setContent(content);
        ButtonType ask = new ButtonType("Ask question " + nextNumber, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ask, ButtonType.CANCEL);
        Button askButton = (Button) d.getDialogPane().lookupButton(ask);
        askButton.setId("ask-ok");
        askButton.setDefaultButton(true);
        askButton.disableProperty().bind(typed.textProperty().isEmpty().and(list.getSelectionModel().selectedItemProperty().isNull()));
        for (ButtonType t : d.getDialogPane().getButtonTypes()) {
            ((Region) d.getDialogPane().lookupButton(t)).setMinWidth(Region.USE_PREF_SIZE);
        }
        // Enter asks, wherever the keyboard is in the dialog (never Cancel); Escape cancels
        d.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                e.consume();
                if (!askButton.isDisabled()) {
                    askButton.fire();
                }
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null && !askButton.isDisabled()) {
                askButton.fire();
            }
        });
        d.setResultConverter(b -> {
            if (b != ask) {
                return null;
            }
            BankQuestion chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                return new Choice(chosen.text(), chosen.id());
            }
            String text = typed.getText().strip();
            BankQuestion same = questions.stream().filter(q -> q.text().equals(text)).findFirst().orElse(null);
            return new Choice(text, same != null ? same.id() : null);
        });
        // resizable, the list taking the room; its size on opening shows ten questions (DialogPlacement centres it)
        d.setResizable(true);
        d.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        // the keyboard starts in the box: typing filters at once
        d.setOnShown(e -> Platform.runLater(typed::requestFocus));
        return d.showAndWait().filter(c -> !c.text().isBlank());
    }

    private void addToBank() {
        String text = typed.getText();
        if (text == null || text.isBlank()) {
            problem.setText("Type a question first.");
            return;
        }
        run(() -> store.add(plan, component, "My questions", text));
    }

    private void edit(Window owner) {
        BankQuestion q = list.getSelectionModel().getSelectedItem();
        if (q == null || q.fromPlan()) {
            problem.setText("Choose one of your own questions to edit; the plan's examples quote the source and can only be removed.");
            return;
        }
        TextInputDialog in = new TextInputDialog(q.text());
        in.initOwner(owner);
        in.setTitle("Edit question");
        in.setHeaderText("Edit your question");
        in.showAndWait().filter(t -> !t.isBlank()).ifPresent(t -> run(() -> store.edit(q.id(), q.theme(), t)));
    }

    private void remove() {
        BankQuestion q = list.getSelectionModel().getSelectedItem();
        if (q == null) {
            problem.setText("Choose a question to remove.");
            return;
        }
        run(() -> store.remove(plan, component, q.id()));
    }

    /** Changes the bank in the background, then reloads the list. */
    private void run(BankChange change) {
        background.run(() -> {
            change.apply();
            return store.questions(plan, component);
        }, fresh -> {
            questions.setAll(fresh);
            problem.setText("");
        }, failure -> problem.setText("Not saved: " + failure.getMessage()));
    }

    @FunctionalInterface
    private interface BankChange {
        void apply() throws SQLException;
    }
}
