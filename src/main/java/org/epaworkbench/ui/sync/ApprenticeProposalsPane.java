package org.epaworkbench.ui.sync;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.TextColumn;

/** "Proposed changes to apprentices" on the Import screen: builds the list and buttons, binds to {@link ApprenticeProposalsModel}. */
final class ApprenticeProposalsPane extends VBox {

    private final ApprenticeProposalsModel model;
    private final Background background;
    private final TableView<ApprenticeProposalsModel.Row> table = new TableView<>();
    private final Label message = new Label();

    ApprenticeProposalsPane(ApprenticeProposalsModel model, Background background) {
        super(6);
        this.model = model;
        this.background = background;
        setId("apprentice-proposals");
        Label heading = new Label("Proposed changes to apprentices");
        heading.getStyleClass().add("pane-heading");
        Button accept = new Button("Accept…");
        accept.setId("accept-proposal");
        Button reject = new Button("Reject…");
        reject.setId("reject-proposal");
        accept.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reject.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        accept.setOnAction(e -> decide(true));
        reject.setOnAction(e -> decide(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, accept, reject);
        table.setId("proposals");
        table.setPlaceholder(new Label("No proposed changes. A change from an assessor who does not own the apprentice waits here."));
        table.getColumns().setAll(List.of(
                TextColumn.of("Apprentice", 160, ApprenticeProposalsModel.Row::apprentice),
                TextColumn.of("Field", 110, ApprenticeProposalsModel.Row::field),
                TextColumn.of("Now", 160, ApprenticeProposalsModel.Row::now),
                TextColumn.of("Proposed", 160, ApprenticeProposalsModel.Row::proposed),
                TextColumn.of("Proposed by", 220, ApprenticeProposalsModel.Row::by),
                TextColumn.of("Dated", 130, ApprenticeProposalsModel.Row::dated)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(130);
        message.setId("proposal-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        getChildren().setAll(bar, table, message);
    }

    void reload() {
        background.run(model::load, rows -> table.getItems().setAll(rows),
                failure -> message.setText("Cannot read the proposed changes: " + failure.getMessage()));
    }

    private void decide(boolean accept) {
        ApprenticeProposalsModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        model.reasonFor(row, accept, (title, question) -> Dialogs.reason(getScene().getWindow(), title, question, "Reason"))
                .ifPresent(reason -> background.run(() -> model.decide(row, accept, reason), said -> {
                    message.setText(said);
                    reload();
                }, failure -> message.setText("Not saved: " + failure.getMessage())));
    }
}
