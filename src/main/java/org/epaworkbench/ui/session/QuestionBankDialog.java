package org.epaworkbench.ui.session;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.store.QuestionBankStore;
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

    private final QuestionBankStore store;
    private final Background background;
    private final AssessmentPlan plan;
    private final Component component;
    private final ListView<BankQuestion> list = new ListView<>();
    private final TextArea typed = new TextArea();
    private final Label problem = new Label();

    QuestionBankDialog(QuestionBankStore store, Background background, AssessmentPlan plan, Component component) {
        this.store = store;
        this.background = background;
        this.plan = plan;
        this.component = component;
    }

    Optional<Choice> show(Window owner, int nextNumber, List<BankQuestion> bank, java.util.Set<String> alreadyAsked) {
        list.setId("question-bank");
        list.getItems().setAll(bank);
        list.setPrefSize(640, 300);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BankQuestion q, boolean empty) {
                super.updateItem(q, empty);
                if (empty || q == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label text = new Label(q.text() + (alreadyAsked.contains(q.id()) ? "   (already asked)" : ""));
                text.setWrapText(true);
                text.setMaxWidth(580);
                Label meta = new Label(q.theme() + " · " + (q.fromPlan() ? "example from " + q.source() : "your question"));
                meta.getStyleClass().add("plan-subtitle");
                setGraphic(new VBox(2, text, meta));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                typed.setText(b.text());
            }
        });

        typed.setId("question-text");
        typed.setPromptText("Or type the question");
        typed.setWrapText(true);
        typed.setPrefRowCount(2);

        Button add = new Button("Add typed question to bank");
        add.setOnAction(e -> addToBank());
        Button edit = new Button("Edit…");
        edit.setOnAction(e -> edit(owner));
        Button remove = new Button("Remove from bank");
        remove.setOnAction(e -> remove());
        Button restore = new Button("Restore plan examples");
        restore.setOnAction(e -> run(() -> store.restorePlanQuestions(plan, component)));
        problem.getStyleClass().add("inline-problem");
        HBox manage = new HBox(8, add, edit, remove, restore);

        VBox content = new VBox(10, new Label("Question bank for the " + org.epaworkbench.Wording.inSentence(component.title())), list, typed,
                manage, problem);
        content.setPadding(new Insets(8));

        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Ask question " + nextNumber);
        d.setHeaderText("Question " + nextNumber + component.questions().map(q -> " of " + q.exactly()).orElse("")
                + ": choose from the bank or type it");
        d.getDialogPane().setContent(content);
        ButtonType ask = new ButtonType("Ask question " + nextNumber, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ask, ButtonType.CANCEL);
        Node askButton = d.getDialogPane().lookupButton(ask);
        askButton.setId("ask-ok");
        askButton.disableProperty().bind(typed.textProperty().isEmpty());
        d.setResultConverter(b -> {
            if (b != ask) {
                return null;
            }
            BankQuestion chosen = list.getSelectionModel().getSelectedItem();
            String text = typed.getText().strip();
            return new Choice(text, chosen != null && chosen.text().equals(text) ? chosen.id() : null);
        });
        // not resizable: some Linux window managers (openbox, KDE) open a resizable dialog at its minimum
        // size, a few words wide; the content scrolls within a height that fits the screen instead
        return d.showAndWait();
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
            list.getItems().setAll(fresh);
            problem.setText("");
        }, failure -> problem.setText("Not saved: " + failure.getMessage()));
    }

    @FunctionalInterface
    private interface BankChange {
        void apply() throws SQLException;
    }
}
