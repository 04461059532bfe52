package org.epaworkbench.ui.common;

import javafx.scene.control.Label;

/** Small labelled tags; colour always comes with words, never alone. */
public final class Badges {
    private Badges() {
    }

    public static Label badge(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().add("badge");
        l.getStyleClass().addAll(styleClasses);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }
}
