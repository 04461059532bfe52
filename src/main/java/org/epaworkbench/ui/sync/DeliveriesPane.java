package org.epaworkbench.ui.sync;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.KeystorePassword;
import org.epaworkbench.ui.common.TextColumn;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Outbox's "Delivered to the organisation" section (issue 15): the packages made for the intake
 * service and where each stands, the delivery's status and progress bar, "Deliver now", "Unlock to
 * deliver", and a delivered package's receipt shown and exported. Nodes only; {@link DeliveryViewModel} decides.
 */
public final class DeliveriesPane extends VBox {

    private final DeliveryViewModel model;
    private final Background background;
    private final TableView<DeliveryViewModel.Row> table = new TableView<>();

    DeliveriesPane(DeliveryViewModel model, Background background) {
        super(8);
        this.model = model;
        this.background = background;
        setId("outbox-deliveries-pane");
        Label heading = new Label("Delivered to the organisation");
        heading.getStyleClass().add("pane-heading");
        Button deliverNow = new Button("Deliver now");
        deliverNow.setId("deliver-now");
        deliverNow.setGraphic(new FontIcon("mdi2c-cloud-upload-outline"));
        deliverNow.disableProperty().bind(model.setUp().not().or(model.delivering()));
        deliverNow.setOnAction(e -> {
            if (!model.deliverNow()) {
                askToUnlock(getScene().getWindow(), model, null);
            }
        });
        Button unlock = new Button("Unlock to deliver");
        unlock.setId("delivery-unlock");
        unlock.setGraphic(new FontIcon("mdi2l-lock-open-outline"));
        unlock.visibleProperty().bind(model.locked());
        unlock.managedProperty().bind(unlock.visibleProperty());
        unlock.setOnAction(e -> askToUnlock(getScene().getWindow(), model, null));
        Button show = new Button("Show receipt");
        show.setId("show-receipt");
        Button export = new Button("Export receipt…");
        export.setId("export-receipt");
        var notDelivered = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            DeliveryViewModel.Row r = table.getSelectionModel().getSelectedItem();
            return r == null || !r.delivered();
        }, table.getSelectionModel().selectedItemProperty());
        show.disableProperty().bind(notDelivered);
        export.disableProperty().bind(notDelivered);
        Button again = new Button("Deliver again");
        again.setId("deliver-again");
        again.setGraphic(new FontIcon("mdi2r-refresh"));
        var notRefused = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            DeliveryViewModel.Row r = table.getSelectionModel().getSelectedItem();
            return r == null || !r.refused();
        }, table.getSelectionModel().selectedItemProperty());
        again.disableProperty().bind(notRefused);
        // shown only while a package is refused: most outboxes never have one
        again.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.rows().stream().anyMatch(DeliveryViewModel.Row::refused), model.rows()));
        again.managedProperty().bind(again.visibleProperty());
        again.setOnAction(e -> {
            Window window = getScene().getWindow();
            if (!model.deliverAgain(table.getSelectionModel().getSelectedItem(),
                    problem -> Dialogs.problem(window, "Not sent again", problem))) {
                askToUnlock(window, model, null);
            }
        });
        show.setOnAction(e -> showReceipt(table.getSelectionModel().getSelectedItem()));
        export.setOnAction(e -> exportReceipt(table.getSelectionModel().getSelectedItem()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, unlock, again, show, export, deliverNow);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("delivery-status");
        status.setWrapText(true);
        status.textProperty().bind(model.status());
        ProgressBar progress = new ProgressBar();
        progress.setId("delivery-progress");
        progress.setPrefWidth(240);
        progress.progressProperty().bind(model.progress());
        progress.visibleProperty().bind(model.delivering());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox statusLine = new HBox(10, status, progress);
        statusLine.setAlignment(Pos.CENTER_LEFT);

        table.setId("outbox-deliveries");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("Nothing delivered yet. Set the organisation's service in Settings, and the outbox "
                + "delivers by itself."));
        table.getColumns().setAll(List.of(
                TextColumn.of("Package", 300, DeliveryViewModel.Row::packageId),
                TextColumn.of("Contents", 150, DeliveryViewModel.Row::contents),
                TextColumn.of("State", 330, DeliveryViewModel.Row::state),
                TextColumn.of("Attempts", 80, r -> Integer.toString(r.delivery().attempts())),
                TextColumn.of("When", 210, r -> r.when() + (r.localCopyKept() ? "" : " (local copy removed)"))));
        // a waiting package's problem can be longer than its column: the whole of it on hovering the row
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(DeliveryViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(item == null || empty ? null : new javafx.scene.control.Tooltip(item.packageId() + "\n" + item.state()
                        + "\n" + item.when()));
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(150);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(this, Priority.ALWAYS);
        getChildren().addAll(bar, statusLine, table);
        model.reload();
    }

    /**
     * Asks for the key's password to deliver; a wrong one asks again, saying so. Cancelled: delivery is
     * paused ("Unlock to deliver"). {@code again} says why it is asked again, or null.
     */
    public static void askToUnlock(Window owner, DeliveryViewModel model, String again) {
        String header = "Deliveries to the organisation are signed with your key. Unlock it once: it stays unlocked in "
                + "memory until EPA Workbench closes, and is never written anywhere."
                + (again == null ? "" : "\n\n" + again);
        KeystorePassword.askToOpen(owner, "Unlock to deliver", header, "Unlock and deliver").ifPresentOrElse(
                password -> model.unlock(password, outcome -> {
                    if (outcome instanceof DeliveryViewModel.WrongPassword wrong) {
                        askToUnlock(owner, model, wrong.message());
                    } else if (outcome instanceof DeliveryViewModel.Failed failed) {
                        Dialogs.problem(owner, "Not unlocked", failed.message());
                    }
                }), model::decline);
    }

    private void showReceipt(DeliveryViewModel.Row row) {
        Window window = getScene().getWindow();
        background.run(() -> model.receiptText(row).orElse("This package has no receipt."), text -> {
            TextArea area = new TextArea(text);
            area.setId("receipt-text");
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(6);
            area.setPrefColumnCount(60);
            javafx.scene.control.Dialog<Void> d = new javafx.scene.control.Dialog<>();
            d.initOwner(window);
            d.setTitle("Receipt");
            d.setHeaderText("The organisation's service signed this receipt for the package's exact bytes.");
            d.getDialogPane().setContent(area);
            d.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
            d.show();
        }, failure -> Dialogs.problem(window, "Cannot show the receipt", failure.getMessage()));
    }

    private void exportReceipt(DeliveryViewModel.Row row) {
        Window window = getScene().getWindow();
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the receipt to which folder?");
        java.io.File folder = chooser.showDialog(window);
        if (folder == null) {
            return;
        }
        background.run(() -> model.exportReceipt(row, folder.toPath()), done -> Dialogs.info(window, "Receipt exported", done),
                failure -> Dialogs.problem(window, "Receipt not exported", failure.getMessage()));
    }
}
