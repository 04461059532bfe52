package org.epaworkbench.ui.session;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Reminder;
import org.epaworkbench.ui.common.ReminderList;

/**
 * The plan's rules for this attempt at this component, where the assessor holds it: the observation carried out in one
 * session, what a resit comes with, further development before a resit or retake. Each in the source's words.
 */
final class PlanRulesPanel extends VBox {

    private final List<Reminder> reminders;

    PlanRulesPanel(AssessmentPlan plan, Component component, AttemptKind attempt) {
        this.reminders = plan.remindersFor(component.id(), attempt);
        getStyleClass().add("panel");
        setId("plan-rules-panel");
        setSpacing(6);
        Label heading = new Label("PLAN RULES FOR THIS SESSION");
        heading.getStyleClass().add("panel-heading");
        ReminderList list = new ReminderList("session-plan-rules");
        list.show(reminders);
        getChildren().addAll(heading, list);
    }

    boolean hasRules() {
        return !reminders.isEmpty();
    }
}
