package org.epaworkbench.ui.common;

import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.epaworkbench.plan.KsbRequirement;

/**
 * Knowledge, Skills and Behaviour statements as the source lists them, under "Skills · Providing a positive customer
 * experience"-style headings, each with its number: shown beside the criteria they belong to.
 */
public final class KsbList {

    private KsbList() {
    }

    public static VBox of(List<KsbRequirement> statements) {
        VBox box = new VBox(3);
        box.getStyleClass().add("ksb-list");
        String lastHeading = null;
        for (KsbRequirement k : statements) {
            String heading = k.kind().heading() + " · " + k.area();
            if (!Objects.equals(heading, lastHeading)) {
                Label h = new Label(heading);
                h.getStyleClass().add("ksb-area");
                h.setWrapText(true);
                box.getChildren().add(h);
                lastHeading = heading;
            }
            Label id = new Label(k.id());
            id.getStyleClass().add("ksb-id");
            id.setMinWidth(28);
            Label text = new Label(k.text());
            text.setWrapText(true);
            text.getStyleClass().add("ksb-text");
            text.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(6, id, text);
            row.getStyleClass().add("ksb-statement");
            Tooltip.install(row, new Tooltip("Source: " + k.source().shortForm()));
            box.getChildren().add(row);
        }
        return box;
    }
}
