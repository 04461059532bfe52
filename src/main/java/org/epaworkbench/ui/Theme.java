package org.epaworkbench.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark appearance: AtlantaFX Primer themes plus the app's own stylesheet. */
public enum Theme {
    LIGHT,
    DARK;

    public static final String STYLESHEET = "/org/epaworkbench/ui/workbench.css";

    /** Applies the theme to the whole application and makes sure the app stylesheet is on the scene. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        String css = Theme.class.getResource(STYLESHEET).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), this == DARK);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
