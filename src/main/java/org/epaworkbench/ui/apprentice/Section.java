package org.epaworkbench.ui.apprentice;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** Small layout pieces the apprentice tabs share: a headed panel, and a scrolling page of panels. */
final class Section {

    private Section() {
    }

    static VBox panel(String heading, Node... content) {
        Label h = new Label(heading.toUpperCase());
        h.getStyleClass().add("panel-heading");
        VBox box = new VBox(8, h);
        box.getChildren().addAll(content);
        box.getStyleClass().add("panel");
        return box;
    }

    static ScrollPane page(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("plan-subtitle");
        l.setWrapText(true);
        return l;
    }
}
