package org.epaworkbench.ui.common;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.epaworkbench.plan.Reminder;

/**
 * The plan's rules for what the assessor is doing (a resit, an observation), each in the source's words with its
 * citation: "Before a resit — Further development must be provided prior to a resit. 003 §Section 3".
 */
public final class ReminderList extends VBox {

    public ReminderList(String id) {
        super(6);
        setId(id);
        getStyleClass().add("plan-reminders");
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    public void show(List<Reminder> reminders) {
        getChildren().clear();
        for (Reminder r : reminders) {
            Label title = new Label(r.title());
            title.getStyleClass().add("fact-name");
            Label text = new Label(r.text());
            text.setWrapText(true);
            text.getStyleClass().add("plan-reminder-text");
            VBox one = new VBox(2, title, text, SourceLabel.of(r.source()));
            one.getStyleClass().add("plan-reminder");
            getChildren().add(one);
        }
        setVisible(!reminders.isEmpty());
    }
}
