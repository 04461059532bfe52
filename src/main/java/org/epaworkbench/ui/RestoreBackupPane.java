package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.app.DataFolder;
import org.epaworkbench.app.Restoring;
import org.epaworkbench.store.Backups;
import org.epaworkbench.ui.common.Background;
import org.epaworkbench.ui.common.Dialogs;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * On the start screen when the database is damaged: the automatic backups, newest first, and a
 * button that restores the chosen one (the damaged file is moved aside, not deleted) and opens it.
 */
final class RestoreBackupPane extends VBox {

    RestoreBackupPane(DataFolder folder, Background background, List<Backups.Backup> backups, Runnable reopen) {
        super(8);
        setId("restore-backups");
        if (backups.isEmpty()) {
            getChildren().add(new Label("There are no automatic backups to restore."));
            return;
        }
        Label heading = new Label("Automatic backups, newest first");
        heading.getStyleClass().add("detail-code");
        ListView<Backups.Backup> list = new ListView<>();
        list.setId("backup-list");
        list.getItems().setAll(backups);
        list.setFixedCellSize(34);
        list.setPrefHeight(Math.min(6, backups.size()) * 34 + 4);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Backups.Backup b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : capitalised(DataFolder.describe(b)) + "  ·  " + size(b.bytes()));
            }
        });
        list.getSelectionModel().selectFirst();
        Button restore = new Button("Restore this backup and open it");
        restore.setId("restore-button");
        restore.setGraphic(new FontIcon("mdi2b-backup-restore"));
        restore.getStyleClass().add("accent");
        restore.setDefaultButton(true);
        javafx.beans.property.BooleanProperty restoring = new javafx.beans.property.SimpleBooleanProperty(false);
        restore.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(restoring));
        Label status = new Label();
        status.setId("restore-status");
        status.setWrapText(true);
        restore.setOnAction(e -> {
            Backups.Backup chosen = list.getSelectionModel().getSelectedItem();
            if (!Dialogs.confirm(window(), "Restore a backup", "Restore the backup taken " + DataFolder.describe(chosen)
                    + "? Anything recorded after it was taken is not in it. The damaged database is moved into "
                    + folder.backupsFolder() + ", not deleted.", "Restore")) {
                return;
            }
            restoring.set(true);
            status.setText("Restoring " + chosen.name() + " …");
            background.flow(() -> folder.restore(chosen, "the EPA Workbench app, restoring a backup",
                    Clock.systemUTC()), outcome -> {
                        if (outcome instanceof Restoring.Restored) {
                            reopen.run();
                            return;
                        }
                        restoring.set(false);
                        status.setText(outcome instanceof Restoring.FolderInUse inUse
                                ? "Another program has the data folder open (" + inUse.heldBy() + "); close it before restoring."
                                : ((Restoring.Failed) outcome).reason());
                    }, failure -> {
                        restoring.set(false);
                        status.setText("Not restored: " + failure.getMessage());
                    });
        });
        HBox actions = new HBox(12, restore);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(heading, list, actions, status);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.UK) + s.substring(1);
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : String.format(Locale.UK, "%.1f MB", bytes / 1048576.0);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
