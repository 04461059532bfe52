package org.epaworkbench.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.epaworkbench.AppInfo;
import org.epaworkbench.ui.plans.PlansView;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's content: a top bar and the plan browser. */
public final class MainWindow extends BorderPane {

    private Theme theme;

    public MainWindow(Workbench workbench, Theme initialTheme) {
        this.theme = initialTheme;
        getStyleClass().add("main-window");

        FontIcon logo = new FontIcon("mdi2c-clipboard-check-outline");
        logo.getStyleClass().add("app-logo");
        Label name = new Label(AppInfo.NAME);
        name.getStyleClass().add("app-name");
        Label folder = new Label(workbench.directory().root().toString());
        folder.getStyleClass().add("data-folder");
        folder.setTooltip(new Tooltip("Data folder: the database and files are kept here"));
        folder.setGraphic(new FontIcon("mdi2f-folder-outline"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button themeButton = new Button();
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().add("flat");
        updateThemeButton(themeButton);
        themeButton.setOnAction(e -> {
            theme = theme.other();
            theme.apply(getScene());
            updateThemeButton(themeButton);
        });
        HBox top = new HBox(10, logo, name, spacer, folder, themeButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 12, 8, 16));
        top.getStyleClass().add("top-bar");
        setTop(top);

        setCenter(new PlansView(workbench.plans()));
    }

    private void updateThemeButton(Button b) {
        b.setText(theme == Theme.LIGHT ? "Dark" : "Light");
        b.setGraphic(new FontIcon(theme == Theme.LIGHT ? "mdi2w-weather-night" : "mdi2w-white-balance-sunny"));
        b.setTooltip(new Tooltip(theme == Theme.LIGHT ? "Switch to the dark appearance" : "Switch to the light appearance"));
    }
}
