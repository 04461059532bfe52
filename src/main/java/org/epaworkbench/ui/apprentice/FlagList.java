package org.epaworkbench.ui.apprentice;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.assessment.Flag;
import org.epaworkbench.ui.common.SourceLabel;
import org.kordamp.ikonli.javafx.FontIcon;

/** The rules a record breaks or is about to, each with its source; says so plainly when there are none. */
final class FlagList extends VBox {

    private final String allClear;

    FlagList(String id, String allClear) {
        super(6);
        this.allClear = allClear;
        setId(id);
        getStyleClass().add("flag-list");
    }

    void show(List<Flag> flags) {
        getChildren().clear();
        if (flags.isEmpty() && !allClear.isEmpty()) {
            FontIcon ok = new FontIcon("mdi2c-check-circle-outline");
            Label l = new Label(allClear, ok);
            l.getStyleClass().add("flag-clear");
            getChildren().add(l);
            return;
        }
        for (Flag f : flags) {
            getChildren().add(row(f));
        }
    }

    private static HBox row(Flag f) {
        boolean problem = f.severity() == Flag.Severity.PROBLEM;
        FontIcon icon = new FontIcon(problem ? "mdi2a-alert-circle" : "mdi2a-alert-outline");
        Label subject = new Label((problem ? "Problem · " : "Warning · ") + f.subject());
        subject.getStyleClass().add("flag-subject");
        Label message = new Label(f.message());
        message.setWrapText(true);
        message.getStyleClass().add("flag-message");
        VBox text = new VBox(2, subject, message);
        if (f.source() != null) {
            text.getChildren().add(SourceLabel.of(f.source()));
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, icon, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().addAll("flag", problem ? "flag-problem" : "flag-warning");
        return row;
    }
}
