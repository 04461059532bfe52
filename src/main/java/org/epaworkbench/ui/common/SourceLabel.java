package org.epaworkbench.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.epaworkbench.plan.Citation;

/** A rule's source as a small label ("002 §Gateway") whose tooltip quotes the words it rests on. */
public final class SourceLabel {

    private SourceLabel() {
    }

    public static Label of(Citation source) {
        Label s = new Label(source.shortForm());
        s.getStyleClass().add("fact-source");
        s.setWrapText(true);
        StringBuilder tip = new StringBuilder(source.shortForm());
        source.quoteText().ifPresent(qt -> tip.append("\n“").append(qt).append("”"));
        source.noteText().ifPresent(nt -> tip.append("\n").append(nt));
        Tooltip tooltip = new Tooltip(tip.toString());
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        s.setTooltip(tooltip);
        return s;
    }
}
